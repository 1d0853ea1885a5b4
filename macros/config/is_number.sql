{% macro is_number(text_value, minimum=-1e15, maximum=1e15) -%}
    {#- True when a text config value reads as a number within minimum..maximum
        (never for nan or inf). -#}
    coalesce({{ lead_scoring.as_number(text_value) }} between {{ minimum }} and {{ maximum }}, false)
{%- endmacro %}
