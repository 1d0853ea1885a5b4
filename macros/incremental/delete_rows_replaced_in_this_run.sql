{% macro delete_rows_replaced_in_this_run(unique_key) %}
    {#- Post-hook of int_lead_scoring__events_checked where the engine has no
        delete+insert (Spark appends): delete the rows of earlier runs whose
        unique_key this run wrote again (loaded_at marks this run's rows). A
        post-hook, not a pre-hook: the run reads some of those rows (events
        waiting for a contact) from the table itself. -#}
    {%- if execute and is_incremental()
        and lead_scoring.incremental_strategy('delete+insert') != 'delete+insert' -%}
        {%- set this_run = lead_scoring.run_started_at_timestamp() -%}
        {{ lead_scoring.delete_rows(this, 'loaded_at <> ' ~ this_run ~ ' and ' ~ unique_key
            ~ ' in (select ' ~ unique_key ~ ' from ' ~ this ~ ' where loaded_at = ' ~ this_run ~ ')') }}
    {%- endif -%}
{% endmacro %}
