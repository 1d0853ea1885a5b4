{% macro is_whole_number(text_value, minimum, maximum) -%}
    {#- True when a text config value reads as a whole number (1, 30, -2)
        within minimum..maximum. -#}
    (
        {{ lead_scoring.is_number(text_value, minimum, maximum) }}
        and {{ lead_scoring.as_number(text_value) }} = floor({{ lead_scoring.as_number(text_value) }})
    )
{%- endmacro %}
