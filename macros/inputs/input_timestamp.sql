{% macro input_timestamp(input, column) -%}
    {#- A timestamp column of an input as UTC (docs/scoring.md §1), by its
        type: without time zone = UTC already; with a time zone = converted;
        text (or anything else) = parsed, with its offset applied. -#}
    {%- set found = input.columns.get(column) -%}
    {%- set value = lead_scoring.input_column(input, column, dbt.type_timestamp()) -%}
    {%- if found is none -%}
        {{ value }}
    {%- elif 'with time zone' in found.type or found.type == 'timestamptz' -%}
        {{ lead_scoring.timestamptz_to_utc(value) }}
    {%- elif found.type.startswith('timestamp') or found.type in ('datetime', 'date') -%}
        cast({{ value }} as {{ dbt.type_timestamp() }})
    {%- else -%}
        {{ lead_scoring.text_to_utc_timestamp('cast(' ~ value ~ ' as ' ~ dbt.type_string() ~ ')') }}
    {%- endif -%}
{%- endmacro %}
