{% macro exact_sum(expression) -%}
    {#- Sum floats in fixed point: decimal addition does not depend on the
        order in which a parallel engine adds rows, so two builds agree to
        the last digit. 10 decimals keep far more than the 0.01 scores need. -#}
    cast(sum(cast({{ expression }} as decimal(28, 10))) as {{ lead_scoring.type_double() }})
{%- endmacro %}
