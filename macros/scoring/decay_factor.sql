{% macro decay_factor(age_days, half_life_days) -%}
    {#- 0.5 ^ (age / half-life); a null or zero half-life means no decay. -#}
    case
        when coalesce({{ half_life_days }}, 0) = 0 then 1.0
        else power(
            0.5,
            cast({{ age_days }} as {{ type_double() }}) / {{ half_life_days }}
        )
    end
{%- endmacro %}
