{% macro clamp(value, lower_bound, upper_bound) -%}
    least(greatest({{ value }}, {{ lower_bound }}), {{ upper_bound }})
{%- endmacro %}
