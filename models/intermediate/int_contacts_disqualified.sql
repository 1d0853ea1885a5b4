-- Contacts that must never go to sales, with the first reason that applies
-- (docs/scoring.md §9): competitor, internal, unsubscribed, bounced only.
with

contacts as (

    select * from {{ ref('int_contacts_classified') }}

),

accounts as (

    select
        account_id,
        domain

    from {{ ref('stg_lead_scoring__accounts') }}

),

reference_lists as (

    select
        list_name,
        lower(trim(value)) as list_value

    from {{ ref('lead_scoring_reference_lists') }}
    where list_name in ('competitor_domain', 'internal_domain')

),

accepted_events as (

    select
        contact_key,
        event_type

    from {{ ref('int_events_classified') }}
    where quarantine_reason is null

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

account_flags as (

    select
        accounts.account_id,
        max(case when reference_lists.list_name = 'competitor_domain' then 1 else 0 end)
            as is_competitor_account,
        max(case when reference_lists.list_name = 'internal_domain' then 1 else 0 end)
            as is_internal_account

    from accounts
    inner join reference_lists
        on accounts.domain = reference_lists.list_value
    group by accounts.account_id

),

classified as (

    select
        contacts.contact_key,
        case
            when contacts.is_competitor or account_flags.is_competitor_account = 1
                then 'competitor'
            when contacts.is_internal or account_flags.is_internal_account = 1
                then 'internal'
            when contact_email_outcomes.has_unsubscribed = 1 then 'unsubscribed'
            when
                contact_email_outcomes.has_bounced = 1
                and contact_email_outcomes.has_other_events = 0
                then 'bounced_only'
        end as disqualification_reason

    from contacts
    left join account_flags
        on contacts.account_id = account_flags.account_id
    left join contact_email_outcomes
        on contacts.contact_key = contact_email_outcomes.contact_key

),

final as (

    select * from classified
    where disqualification_reason is not null

)

select * from final
