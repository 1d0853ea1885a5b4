{% macro raise_error(message) %}
    {#- A SQL expression that aborts the query with `message` when it is
        evaluated for a row: used by the config tests to name the bad row. -#}
    {{ return(adapter.dispatch('raise_error', 'lead_scoring')(message)) }}
{% endmacro %}

{% macro default__raise_error(message) -%}
    {#- No error function in plain SQL: a failing cast carries the text. -#}
    cast({{ message }} as {{ dbt.type_int() }})
{%- endmacro %}

{% macro duckdb__raise_error(message) -%}
    error({{ message }})
{%- endmacro %}

{% macro spark__raise_error(message) -%}
    raise_error({{ message }})
{%- endmacro %}
