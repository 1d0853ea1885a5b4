{% macro lift_over_cutoff(conversions='conversions', leads='leads') -%}
    {#- A group's conversion rate over the rate of all the leads of its
        (cutoff_date, model_id): a window over rows that each hold a group's
        conversions and leads. -#}
    (cast({{ conversions }} as {{ type_double() }}) / {{ leads }})
    / nullif(
        cast(sum({{ conversions }}) over (partition by cutoff_date, model_id) as {{ type_double() }})
        / sum({{ leads }}) over (partition by cutoff_date, model_id),
        0
    )
{%- endmacro %}
