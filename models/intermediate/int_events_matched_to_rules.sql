-- Accepted events joined to the one rule each matches per model, inside the
-- rule's window (docs/scoring.md §4-5). A view: the ledger materialises it.
{{ config(materialized='view') }}

with

accepted_events as (

    select
        event_id,
        contact_id,
        event_type,
        url,
        product_id,
        duration_seconds,
        occurred_at

    from {{ ref('int_events_classified') }}
    where quarantine_reason is null

),

page_urls as (

    select * from {{ ref('int_page_urls_categorized') }}

),

rules as (

    select * from {{ ref('int_behavior_rules_prioritized') }}

),

categorized_events as (

    select
        accepted_events.event_id,
        accepted_events.contact_id,
        accepted_events.event_type,
        page_urls.page_category,
        -- an event names a product itself or through its page
        coalesce(accepted_events.product_id, page_urls.page_product_id)
            as event_product_id,
        coalesce(accepted_events.duration_seconds, 0) as duration_seconds,
        accepted_events.occurred_at,
        cast(accepted_events.occurred_at as date) as event_date

    from accepted_events
    left join page_urls
        on accepted_events.url = page_urls.url

),

matched as (

    select
        categorized_events.event_id,
        rules.model_id,
        rules.rule_id,
        categorized_events.contact_id,
        rules.product_id,
        categorized_events.event_type,
        categorized_events.page_category,
        rules.rule_description,
        rules.points,
        rules.repeat_points,
        rules.max_occurrences,
        rules.half_life_days,
        rules.is_strong_signal,
        rules.window_days,
        {{ days_between('categorized_events.event_date', as_of_date()) }} as age_days,
        categorized_events.event_date,
        categorized_events.occurred_at

    from categorized_events
    inner join rules
        on
            categorized_events.event_type = rules.event_type
            and coalesce(categorized_events.page_category, '') = rules.page_category_key
            and categorized_events.duration_seconds >= rules.duration_from
            and (
                rules.duration_to is null
                or categorized_events.duration_seconds < rules.duration_to
            )
            and (
                categorized_events.event_product_id is null
                or categorized_events.event_product_id = rules.product_id
            )

),

final as (

    select * from matched
    where window_days is null or age_days < window_days

)

select * from final
