-- Every raw event that is not scored, with the reason (docs/scoring.md §3).
-- The stitched contact is looked up as of the scoring date: a row quarantined
-- by an earlier run (a copy of an event id, say) was stored before a later
-- identification, and a full refresh would stitch it.
with

classified_events as (

    select * from {{ ref('int_lead_scoring__events_classified') }}

),

identities as (

    select
        anonymous_id,
        contact_id
    from {{ ref('int_lead_scoring__identities_resolved') }}

),

final as (

    select
        classified_events.event_id,
        classified_events.quarantine_reason as reason,
        classified_events.raw_contact_id as contact_id,
        coalesce(classified_events.raw_contact_id, identities.contact_id) as stitched_contact_id,
        classified_events.anonymous_id,
        classified_events.event_type,
        classified_events.url,
        classified_events.product_id,
        classified_events.campaign_id,
        classified_events.user_agent,
        classified_events.ip,
        classified_events.duration_seconds,
        classified_events.occurred_at,
        classified_events.email_sent_at,
        {{ as_of_date() }} as as_of_date

    from classified_events
    left join identities
        on
            classified_events.raw_contact_id is null
            and classified_events.anonymous_id = identities.anonymous_id
    where classified_events.quarantine_reason is not null

)

select * from final
