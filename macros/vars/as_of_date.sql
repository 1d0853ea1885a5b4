{% macro as_of_date() %}
    {#- The scoring date as a SQL date literal (docs/scoring.md §0): var
        lead_scoring__as_of (YYYY-MM-DD), or the UTC date at which the run
        started when the var is empty, so every model of a run uses the same
        date, even across midnight. -#}
    {%- set raw_value = var('lead_scoring__as_of', '') -%}
    {%- if raw_value is none or (raw_value | string | trim) == '' -%}
        {%- set as_of = run_started_at.strftime('%Y-%m-%d') -%}
    {%- else -%}
        {%- set as_of = raw_value | string | trim -%}
        {%- set parts = modules.re.fullmatch('([0-9]{4})-([0-9]{2})-([0-9]{2})', as_of) -%}
        {%- set year, month, day = (parts.groups() | map('int') | list) if parts else (0, 0, 0) -%}
        {%- set is_leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) -%}
        {%- set month_days = [31, 29 if is_leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
        {%- if not (parts and 1 <= month <= 12 and 1 <= day <= month_days[month - 1]) -%}
            {{ exceptions.raise_compiler_error(
                "lead_scoring: var lead_scoring__as_of must be empty (today, UTC) or a date"
                ~ " written YYYY-MM-DD, got '" ~ as_of ~ "'") }}
        {%- endif -%}
    {%- endif -%}
    cast('{{ as_of }}' as date)
{%- endmacro %}
