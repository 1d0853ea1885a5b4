{% macro inactivity_step_id(inactive_days) -%}
    {#- How the backtest names an inactivity step: inactive_<days>_days. -#}
    {{ dbt.concat(["'inactive_'", "cast(" ~ inactive_days ~ " as " ~ dbt.type_string() ~ ")", "'_days'"]) }}
{%- endmacro %}
