-- One row per (event, model, rule) inside the rule's window, with every
-- step from raw points to final points (docs/scoring.md §5): the
-- event-level ledger. A
-- view, computed when lead_score_contributions is read; the scores add up
-- the same points from daily counts (int_lead_scoring__rule_points_daily).
{{ config(materialized='view') }}

with

matched_events as (

    select * from {{ ref('int_lead_scoring__events_matched_to_rules') }}
    where window_days is null or age_days < window_days

),

numbered as (

    select
        *,
        row_number() over (
            partition by contact_key, model_id, rule_id
            order by occurred_at, event_id
        ) as occurrence_number

    from matched_events

),

pointed as (

    select
        *,
        {{ repetition_points('occurrence_number', 'points', 'repeat_points') }}
            as raw_points,
        {{ is_capped('occurrence_number', 'max_occurrences') }} as is_capped,
        {{ decay_factor('age_days', 'half_life_days') }} as decay_factor

    from numbered

),

final as (

    select
        event_id,
        model_id,
        rule_id,
        contact_key,
        product_id,
        event_type,
        page_category,
        rule_description,
        occurrence_number,
        age_days,
        raw_points,
        decay_factor,
        case when is_capped then 0 else raw_points * decay_factor end as final_points,
        is_capped,
        is_strong_signal,
        event_date,
        occurred_at,
        {{ as_of_date() }} as as_of_date

    from pointed

)

select * from final
