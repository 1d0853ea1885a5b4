-- Every raw event that is not scored, with the reason (docs/scoring.md §3).
with

classified_events as (

    select * from {{ ref('int_lead_scoring__events_classified') }}

),

final as (

    select
        event_id,
        quarantine_reason as reason,
        raw_contact_id as contact_id,
        stitched_contact_id,
        anonymous_id,
        event_type,
        url,
        product_id,
        campaign_id,
        user_agent,
        ip,
        duration_seconds,
        occurred_at,
        email_sent_at,
        {{ as_of_date() }} as as_of_date

    from classified_events
    where quarantine_reason is not null

)

select * from final
