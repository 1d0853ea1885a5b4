{% macro in_event_window(occurred_at) -%}
    {#- Whether an event is read by this run (int_lead_scoring__event_window):
        every event when the window start is null; events without a valid
        time always (they are quarantined, and cheap to check again). -#}
    {%- set window_start_date = event_window_start() %}
    (
        {{ window_start_date }} is null
        or {{ occurred_at }} is null
        or {{ occurred_at }} >= cast({{ window_start_date }} as {{ dbt.type_timestamp() }})
    )
{%- endmacro %}
