-- Every contribution to a behaviour score per (contact, model, rule or
-- sequence, day): rule points and sequence bonuses in one shape, what the
-- scores and their reasons add up (docs/scoring.md §5-7).
{{ config(materialized='view') }}

with

rule_points as (

    select * from {{ ref('int_rule_points_daily') }}

),

sequence_bonuses as (

    select * from {{ ref('int_sequence_bonuses') }}

),

final as (

    select
        contact_id,
        model_id,
        rule_id,
        event_date,
        counted_occurrences,
        final_points,
        has_positive_raw_points,
        is_strong_signal

    from rule_points

    union all

    select
        contact_id,
        model_id,
        rule_id,
        event_date,
        1 as counted_occurrences,
        final_points,
        raw_points > 0 as has_positive_raw_points,
        is_strong_signal

    from sequence_bonuses

)

select * from final
