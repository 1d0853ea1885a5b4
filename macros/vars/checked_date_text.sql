{% macro checked_date_text(value, var_name, expected) %}
    {#- value as YYYY-MM-DD text, or a compile error naming var_name and what
        it expects when value is not a real date written so. -#}
    {%- set text = value | string | trim -%}
    {%- set parts = modules.re.fullmatch('([0-9]{4})-([0-9]{2})-([0-9]{2})', text) -%}
    {%- set year, month, day = (parts.groups() | map('int') | list) if parts else (0, 0, 0) -%}
    {%- set is_leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) -%}
    {%- set month_days = [31, 29 if is_leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
    {%- if not (parts and 1 <= month <= 12 and 1 <= day <= month_days[month - 1]) -%}
        {{ exceptions.raise_compiler_error(
            "lead_scoring: var " ~ var_name ~ " must be " ~ expected
            ~ " written YYYY-MM-DD, got '" ~ text ~ "'") }}
    {%- endif -%}
    {{ return(text) }}
{%- endmacro %}
