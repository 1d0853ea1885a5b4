{% macro format_points(points) -%}
    {#- Signed points, 2 decimals, no trailing zeros: +12.5, -15, +0.25. -#}
    {#- rounded as a fixed-point number: PostgreSQL has no round(double, n) -#}
    {%- set fixed = "cast(cast(round(cast(" ~ points ~ " as " ~ dbt.type_numeric() ~ "), 2) as "
        ~ dbt.type_numeric() ~ ") as " ~ dbt.type_string() ~ ")" -%}
    {{ dbt.concat([
        "case when " ~ points ~ " >= 0 then '+' else '' end",
        "regexp_replace(" ~ fixed ~ ", '[.]?0+$', '')",
    ]) }}
{%- endmacro %}
