-- The contribution ledger: every point of every score, traced to the event
-- and the rule or sequence that earned it. A view over the materialised
-- rule contributions and sequence bonuses.
{{ config(materialized='view') }}

with

scored_events as (

    select * from {{ ref('int_contributions_unioned') }}

),

final as (

    select
        event_id,
        model_id,
        rule_id,
        contact_id,
        contribution_type,
        product_id,
        event_type,
        page_category,
        rule_description,
        occurrence_number,
        age_days,
        raw_points,
        decay_factor,
        final_points,
        is_capped,
        is_strong_signal,
        event_date,
        occurred_at,
        {{ as_of_date() }} as as_of_date

    from scored_events

)

select * from final
