{% macro whole_number(value) %}
    {#- A value as a 64-bit whole number, or null when it is not one (text,
        a fraction, NaN, out of range): never an error. -#}
    {{ return(adapter.dispatch('whole_number', 'lead_scoring')(value)) }}
{% endmacro %}

{% macro default__whole_number(value) -%}
    {%- set number = lead_scoring.as_number('cast(' ~ value ~ ' as ' ~ dbt.type_string() ~ ')') -%}
    case
        when {{ number }} = floor({{ number }}) and abs({{ number }}) < 9.2e18
            then cast({{ number }} as {{ dbt.type_bigint() }})
    end
{%- endmacro %}

{% macro duckdb__whole_number(value) -%}
    case
        when try_cast({{ value }} as double) = floor(try_cast({{ value }} as double))
            then try_cast({{ value }} as bigint)
    end
{%- endmacro %}
