-- Accepted events with their page category and the product they name, the
-- input of rule matching and of sequences (docs/scoring.md §4, §7).
{{ config(materialized='view') }}

with

accepted_events as (

    select
        event_id,
        contact_key,
        event_type,
        url,
        product_id,
        duration_seconds,
        occurred_at,
        visible_date,
        loaded_at

    from {{ ref('int_lead_scoring__events_classified') }}
    where is_accepted

),

page_urls as (

    select * from {{ ref('int_lead_scoring__page_urls_categorized') }}

),

final as (

    select
        accepted_events.event_id,
        accepted_events.contact_key,
        accepted_events.event_type,
        page_urls.page_category,
        -- an event names a product itself or through its page
        coalesce(accepted_events.product_id, page_urls.page_product_id)
            as event_product_id,
        coalesce(accepted_events.duration_seconds, 0) as duration_seconds,
        accepted_events.occurred_at,
        cast(accepted_events.occurred_at as date) as event_date,
        accepted_events.visible_date,
        accepted_events.loaded_at

    from accepted_events
    left join page_urls
        on accepted_events.url = page_urls.url

)

select * from final
