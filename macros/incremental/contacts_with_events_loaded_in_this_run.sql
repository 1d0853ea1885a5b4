{% macro contacts_with_events_loaded_in_this_run() -%}
    {#- A query of the contacts that have events int_lead_scoring__events_checked
        wrote in this run (read again, checked again, or new): the only ones
        whose sequence completions can have changed. -#}
    select contact_key
    from {{ ref('int_lead_scoring__events_checked') }}
    where loaded_at = {{ lead_scoring.run_started_at_timestamp() }} and contact_key is not null
{%- endmacro %}
