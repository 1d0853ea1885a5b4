-- Every raw event exactly once, with its stitched contact and, when it is
-- not scored, why: the one quarantine reason (docs/scoring.md §3, first
-- reason wins), or is_after_as_of when it is not yet visible as of the
-- scoring date. A view: its readers filter it at once (accepted /
-- quarantined), and the join with the few burst clicks is cheap. The
-- columns only the quarantine shows are null on other rows
-- (int_lead_scoring__events_checked).
{{ config(materialized='view') }}

with

checked_events as (

    select * from {{ ref('int_lead_scoring__events_checked') }}

),

burst_clicks as (

    select event_id from {{ ref('int_lead_scoring__email_click_bursts') }}

),

final as (

    select
        checked_events.event_id,
        checked_events.contact_key,
        checked_events.stitched_contact_id,
        checked_events.raw_contact_id,
        checked_events.anonymous_id,
        checked_events.event_type,
        checked_events.url,
        checked_events.product_id,
        checked_events.campaign_id,
        checked_events.user_agent,
        checked_events.ip,
        checked_events.duration_seconds,
        checked_events.occurred_at,
        checked_events.visible_date,
        checked_events.email_sent_at,
        checked_events.loaded_at,
        case
            when checked_events.first_reason = 'after_as_of' then null
            when checked_events.first_reason is not null then checked_events.first_reason
            when burst_clicks.event_id is not null then 'bot_click_burst'
        end as quarantine_reason,
        coalesce(checked_events.first_reason = 'after_as_of', false) as is_after_as_of,
        checked_events.first_reason is null and burst_clicks.event_id is null as is_accepted

    from checked_events
    left join burst_clicks
        on
            checked_events.first_reason is null
            and checked_events.event_id = burst_clicks.event_id

)

select * from final
