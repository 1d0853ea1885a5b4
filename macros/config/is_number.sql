{% macro is_number(text_value) -%}
    {#- True when a text seed value reads as a decimal number. -#}
    {{ dbt.safe_cast(text_value, type_double()) }} is not null
{%- endmacro %}
