{% macro bit_is_set(mask, bit) -%}
    {#- True when bit number `bit` (0 = lowest) of the integer `mask` is 1. -#}
    ({{ mask }} & cast(power(2, {{ bit }}) as {{ dbt.type_bigint() }})) <> 0
{%- endmacro %}
