{% macro input_column(input, column, data_type) -%}
    {#- A contract column of an input (see input_relation): the column, or a
        typed null when the relation lacks it. -#}
    {%- set found = input.columns.get(column) -%}
    {%- if found is none -%}
        cast(null as {{ data_type }})
    {%- else -%}
        {{ adapter.quote(found.name) if found.name != found.name | lower else found.name }}
    {%- endif -%}
{%- endmacro %}
