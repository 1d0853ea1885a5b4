{% macro is_whole_number(text_value) -%}
    {#- True when a text seed value reads as a whole number (1, 30, -2). -#}
    coalesce(
        {{ lead_scoring.as_number(text_value) }}
        = floor({{ lead_scoring.as_number(text_value) }}),
        false
    )
{%- endmacro %}
