{% macro as_number(text_value) %}
    {#- A text seed value as a double, or null when it is not a number. -#}
    {{ return(adapter.dispatch('as_number', 'lead_scoring')(text_value)) }}
{% endmacro %}

{% macro default__as_number(text_value) -%}
    {{ dbt.safe_cast(text_value, lead_scoring.type_double()) }}
{%- endmacro %}

{% macro duckdb__as_number(text_value) -%}
    try_cast({{ text_value }} as double)
{%- endmacro %}
