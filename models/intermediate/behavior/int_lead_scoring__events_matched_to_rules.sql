-- Accepted events joined to the one rule each matches per model
-- (docs/scoring.md §4), with their age; the rule's window applies where
-- they are numbered. A view: the ledger and the daily counts read it.
{{ config(materialized='view') }}

with

categorized_events as (

    select * from {{ ref('int_lead_scoring__events_categorized') }}

),

rules as (

    select * from {{ ref('int_lead_scoring__behavior_rules_prioritized') }}

),

final as (

    select
        categorized_events.event_id,
        rules.model_id,
        rules.rule_id,
        rules.rule_key,
        categorized_events.contact_key,
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
        categorized_events.visible_date,
        categorized_events.occurred_at,
        categorized_events.loaded_at

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

)

select * from final
