{% macro run_started_at_timestamp() -%}
    {#- When the run started (UTC), to the microsecond, as a SQL timestamp: it
        marks the rows an incremental model wrote in this run. -#}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}
