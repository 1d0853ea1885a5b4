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

{% macro postgres__as_number(text_value) -%}
    {#- No try_cast, and dbt.safe_cast is a plain cast here: the text must look
        like a number first (an exponent of at most 3 digits, which numeric
        reads without overflow), and fit a double. -#}
    {#- nested cases: the order of evaluation of an and is not guaranteed -#}
    case
        when trim({{ text_value }}) ~* '^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?0*\d{1,3})?$'
            then case
                when abs(cast(trim({{ text_value }}) as numeric)) < 1e308
                    then cast(trim({{ text_value }}) as double precision)
            end
    end
{%- endmacro %}
