-- Every raw event exactly once, with its stitched contact and, when it is
-- not scored, the one reason why (docs/scoring.md §3, first reason wins).
-- The one model that scans the raw events: quarantine and scoring both
-- read this table.
with

events as (

    select * from {{ ref('stg_lead_scoring__events') }}

),

identities as (

    select * from {{ ref('int_identities_resolved') }}

),

contacts as (

    select
        contact_id,
        is_internal

    from {{ ref('int_contacts_classified') }}

),

event_types as (

    select distinct lower(trim(event_type)) as event_type
    from {{ ref('lead_scoring_event_types') }}

),

bot_user_agent_patterns as (

    select distinct lower(trim(value)) as pattern
    from {{ ref('lead_scoring_reference_lists') }}
    where list_name = 'bot_user_agent' and trim(value) <> ''

),

-- match the few distinct user agents, not every event
bot_user_agents as (

    select distinct user_agents.user_agent

    from (select distinct user_agent from events) as user_agents
    inner join bot_user_agent_patterns
        on {{ dbt.position('bot_user_agent_patterns.pattern', 'lower(user_agents.user_agent)') }} > 0

),

stitched as (

    select
        events.*,
        coalesce(events.contact_id, identities.contact_id) as resolved_contact_id,
        row_number() over (
            partition by events.event_id
            order by
                events.occurred_at nulls last,
                events.contact_id nulls last,
                events.anonymous_id nulls last,
                events.event_type nulls last,
                events.url nulls last,
                events.product_id nulls last,
                events.campaign_id nulls last,
                events.duration_seconds nulls last,
                events.user_agent nulls last,
                events.ip nulls last,
                events.email_sent_at nulls last
        ) as event_id_rank

    from events
    left join identities
        on
            events.contact_id is null
            and events.anonymous_id = identities.anonymous_id

),

checked as (

    select
        stitched.*,
        case
            when stitched.event_id is null then 'missing_event_id'
            when stitched.event_id_rank > 1 then 'duplicate_event_id'
            when stitched.occurred_at is null then 'invalid_timestamp'
            when stitched.occurred_at >= {{ dbt.dateadd('day', 1, as_of_date()) }}
                then 'future_timestamp'
            when event_types.event_type is null then 'unknown_event_type'
            when stitched.resolved_contact_id is null then 'missing_contact'
            when contacts.contact_id is null then 'unknown_contact'
            when contacts.is_internal then 'internal_traffic'
            when bot_user_agents.user_agent is not null then 'bot_user_agent'
            when
                stitched.event_type in ('email_open', 'email_click')
                and stitched.occurred_at < {{ dbt.dateadd(
                    'second', var('lead_scoring__bot_scanner_seconds'),
                    'stitched.email_sent_at') }}
                then 'bot_email_scanner'
        end as first_reason

    from stitched
    left join event_types
        on stitched.event_type = event_types.event_type
    left join contacts
        on stitched.resolved_contact_id = contacts.contact_id
    left join bot_user_agents
        on stitched.user_agent = bot_user_agents.user_agent

),

-- Scanners click every link of an e-mail at once: clicks of one contact and
-- campaign that pass every other check and sit within a few seconds of
-- each other are quarantined together.
burst_candidates as (

    select
        event_id,
        occurred_at,
        lag(occurred_at) over click_order as previous_click_at,
        lead(occurred_at) over click_order as next_click_at

    from checked
    where
        first_reason is null
        and event_type = 'email_click'
        and campaign_id is not null
    window click_order as (
        partition by resolved_contact_id, campaign_id
        order by occurred_at, event_id
    )

),

burst_clicks as (

    select event_id

    from burst_candidates
    where
        occurred_at <= {{ dbt.dateadd(
            'second', var('lead_scoring__bot_burst_seconds'), 'previous_click_at') }}
        or next_click_at <= {{ dbt.dateadd(
            'second', var('lead_scoring__bot_burst_seconds'), 'occurred_at') }}

),

final as (

    select
        checked.event_id,
        checked.resolved_contact_id as contact_id,
        checked.contact_id as raw_contact_id,
        checked.anonymous_id,
        checked.event_type,
        checked.url,
        checked.product_id,
        checked.campaign_id,
        checked.user_agent,
        checked.ip,
        checked.duration_seconds,
        checked.occurred_at,
        checked.email_sent_at,
        case
            when checked.first_reason is not null then checked.first_reason
            when burst_clicks.event_id is not null then 'bot_click_burst'
        end as quarantine_reason

    from checked
    left join burst_clicks
        on
            checked.first_reason is null
            and checked.event_id = burst_clicks.event_id

)

select * from final
