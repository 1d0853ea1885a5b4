-- Contacts that must never go to sales, with the first reason that applies
-- (docs/scoring.md §9): competitor, internal (int_lead_scoring__contacts_excluded_by_domain),
-- unsubscribed, bounced only.
with

contacts as (

    select contact_key from {{ ref('int_lead_scoring__contacts_classified') }}

),

excluded_by_domain as (

    select * from {{ ref('int_lead_scoring__contacts_excluded_by_domain') }}

),

accepted_events as (

    select
        contact_key,
        event_type

    from {{ ref('int_lead_scoring__events_classified') }}
    where is_accepted

),

-- one pass over accepted events: who unsubscribed, who only bounced
contact_email_outcomes as (

    select
        contact_key,
        max(case when event_type = 'email_unsubscribe' then 1 else 0 end) as has_unsubscribed,
        max(case when event_type = 'email_bounce' then 1 else 0 end) as has_bounced,
        max(case when event_type <> 'email_bounce' then 1 else 0 end) as has_other_events

    from accepted_events
    group by contact_key

),

classified as (

    select
        contacts.contact_key,
        case
            when excluded_by_domain.disqualification_reason is not null
                then excluded_by_domain.disqualification_reason
            when contact_email_outcomes.has_unsubscribed = 1 then 'unsubscribed'
            when
                contact_email_outcomes.has_bounced = 1
                and contact_email_outcomes.has_other_events = 0
                then 'bounced_only'
        end as disqualification_reason

    from contacts
    left join excluded_by_domain
        on contacts.contact_key = excluded_by_domain.contact_key
    left join contact_email_outcomes
        on contacts.contact_key = contact_email_outcomes.contact_key

),

final as (

    select * from classified
    where disqualification_reason is not null

)

select * from final
