{% macro event_window_start() %}
    {#- The first day of events this run reads again
        (int_lead_scoring__event_window), as a SQL date literal, null for every
        event: a literal, so that the engine filters the raw events as it
        scans them instead of joining every row with the window. In a unit
        test (the window is a fixture), or when dbt only compiles (the window
        may not exist), the window's own column. -#}
    {%- set window_relation = ref('int_lead_scoring__event_window') -%}
    {%- if not execute or model.resource_type == 'unit_test' or flags.WHICH not in ('run', 'build', 'retry') -%}
        {{ return("(select window_start_date from " ~ window_relation ~ ")") }}
    {%- endif -%}
    {%- set start = run_query("select window_start_date from " ~ window_relation).columns[0].values()[0] -%}
    {{ return("cast('" ~ start ~ "' as date)" if start else "cast(null as date)") }}
{% endmacro %}
