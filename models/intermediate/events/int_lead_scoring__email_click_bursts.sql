-- E-mail clicks quarantined as a scanner burst (docs/scoring.md §3, reason
-- 11): scanners click every link of an e-mail at once, so clicks of one
-- contact and campaign that pass every other check and sit within a few
-- seconds of each other are quarantined together. Reads clicks only.
with

clicks as (

    select
        event_id,
        contact_key,
        campaign_id,
        occurred_at

    from {{ ref('int_lead_scoring__events_checked') }}
    where
        first_reason is null
        and event_type = 'email_click'
        and campaign_id is not null

),

neighbours as (

    select
        event_id,
        occurred_at,
        lag(occurred_at) over click_order as previous_click_at,
        lead(occurred_at) over click_order as next_click_at

    from clicks
    window click_order as (
        partition by contact_key, campaign_id
        order by occurred_at, event_id
    )

),

final as (

    select event_id

    from neighbours
    where
        occurred_at <= {{ dbt.dateadd(
            'second', number_var('lead_scoring__bot_burst_seconds', 0, 86400),
            'previous_click_at') }}
        or next_click_at <= {{ dbt.dateadd(
            'second', number_var('lead_scoring__bot_burst_seconds', 0, 86400), 'occurred_at') }}

)

select * from final
