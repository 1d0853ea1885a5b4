{% macro run_clock() -%}
    {#- When the run started (UTC), as a SQL timestamp: the clock against which
        a timestamp is in the future (docs/scoring.md §0, §3). -#}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
