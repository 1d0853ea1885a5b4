-- Nothing is silently dropped: raw events = accepted + quarantined.
with

raw_events as (

    select count(*) as row_count from {{ ref('stg_lead_scoring__events') }}

),

classified_events as (

    select
        sum(case when quarantine_reason is null then 1 else 0 end) as accepted_count,
        sum(case when quarantine_reason is null then 0 else 1 end) as classified_quarantined_count

    from {{ ref('int_events_classified') }}

),

quarantined_events as (

    select count(*) as row_count from {{ ref('lead_score_quarantine') }}

)

select
    raw_events.row_count as raw_count,
    classified_events.accepted_count,
    quarantined_events.row_count as quarantined_count

from raw_events
cross join classified_events
cross join quarantined_events
where
    raw_events.row_count
    <> coalesce(classified_events.accepted_count, 0) + quarantined_events.row_count
    or quarantined_events.row_count
    <> coalesce(classified_events.classified_quarantined_count, 0)
