-- When each contact first unsubscribed, first bounced and first did
-- anything else, by the day each accepted event became visible (its own, or
-- a later identification's): what disqualifies a contact as of any date
-- (docs/scoring.md §9, §13). One pass over the accepted events.
with

accepted_events as (

    select
        contact_key,
        event_type,
        visible_date

    from {{ ref('int_lead_scoring__events_classified') }}
    where is_accepted

),

final as (

    select
        contact_key,
        min(case when event_type = 'email_unsubscribe' then visible_date end)
            as first_unsubscribe_date,
        min(case when event_type = 'email_bounce' then visible_date end) as first_bounce_date,
        min(case when event_type <> 'email_bounce' then visible_date end)
            as first_other_event_date

    from accepted_events
    group by contact_key

)

select * from final
