{% macro as_of_date() %}
    {#- The scoring date as a SQL date literal: var lead_scoring__as_of
        (YYYY-MM-DD), or today in UTC when the var is empty. Rendered once per
        model at compile time, so every row of a run uses the same date. -#}
    {%- set raw_value = var('lead_scoring__as_of', '') -%}
    {%- if raw_value is none or (raw_value | string | trim) == '' -%}
        {%- set as_of = modules.datetime.datetime.utcnow().strftime('%Y-%m-%d') -%}
    {%- else -%}
        {%- set as_of = raw_value | string | trim -%}
        {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', as_of) -%}
            {{ exceptions.raise_compiler_error(
                "var lead_scoring__as_of must be a date written YYYY-MM-DD, got '"
                ~ as_of ~ "'") }}
        {%- endif -%}
    {%- endif -%}
    cast('{{ as_of }}' as date)
{%- endmacro %}
