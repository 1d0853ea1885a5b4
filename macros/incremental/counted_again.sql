{% macro counted_again(event_date) -%}
    {#- Whether int_lead_scoring__rule_activity_daily counts a day again: every
        day when the window start is null (every event was read again), else
        the days from the one before the window start (a click burst ends
        up to a day after the click it quarantines). -#}
    {%- set window_start_date = event_window_start() %}
    (
        {{ window_start_date }} is null
        or {{ event_date }} >= {{ dbt.dateadd('day', -1, window_start_date) }}
    )
{%- endmacro %}
