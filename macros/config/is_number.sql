{% macro is_number(text_value) -%}
    {#- True when a text seed value reads as a number. -#}
    {{ lead_scoring.as_number(text_value) }} is not null
{%- endmacro %}
