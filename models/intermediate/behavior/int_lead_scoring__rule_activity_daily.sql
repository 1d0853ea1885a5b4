-- How many events each rule matched per (contact, model, day), inside the
-- rule's window. Ages and windows are whole days, so these counts are all
-- the scores need (docs/scoring.md §5); the event-level ledger is derived
-- on demand from the same matches.
{{ config(materialized='view') }}

with

matched_events as (

    select * from {{ ref('int_lead_scoring__events_matched_to_rules') }}

),

final as (

    select
        contact_key,
        rule_key,
        event_date,
        count(*) as event_count

    from matched_events
    group by contact_key, rule_key, event_date

)

select * from final
