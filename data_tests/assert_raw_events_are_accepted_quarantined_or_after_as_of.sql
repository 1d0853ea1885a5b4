-- Nothing is silently dropped (docs/scoring.md §3): every raw event is
-- exactly one of accepted, quarantined (lead_score_quarantine) or not yet
-- visible as of the scoring date, so raw = accepted + quarantined + after.
with

raw_events as (

    select count(*) as row_count from {{ ref('stg_lead_scoring__events') }}

),

classified_events as (

    select
        sum(case when is_accepted then 1 else 0 end) as accepted_count,
        sum(case when quarantine_reason is not null then 1 else 0 end) as quarantined_count,
        sum(case when is_after_as_of then 1 else 0 end) as after_as_of_count,
        sum(
            case
                when
                    (case when is_accepted then 1 else 0 end)
                    + (case when quarantine_reason is not null then 1 else 0 end)
                    + (case when is_after_as_of then 1 else 0 end) <> 1
                    then 1
                else 0
            end
        ) as ambiguous_count

    from {{ ref('int_lead_scoring__events_classified') }}

),

quarantined_events as (

    select count(*) as row_count from {{ ref('lead_score_quarantine') }}

)

select
    raw_events.row_count as raw_count,
    classified_events.accepted_count,
    quarantined_events.row_count as quarantined_count,
    classified_events.after_as_of_count

from raw_events
cross join classified_events
cross join quarantined_events
where
    raw_events.row_count
    <> coalesce(classified_events.accepted_count, 0)
    + quarantined_events.row_count
    + coalesce(classified_events.after_as_of_count, 0)
    or quarantined_events.row_count <> coalesce(classified_events.quarantined_count, 0)
    or classified_events.ambiguous_count > 0
