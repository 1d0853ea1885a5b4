-- Every contribution to a behaviour score per (contact, model, rule or
-- sequence): rule points and sequence bonuses in one shape, what the
-- scores and their reasons add up (docs/scoring.md §5-7).
{{ config(materialized='view') }}

with

rule_points as (

    select * from {{ ref('int_lead_scoring__rule_points') }}

),

sequence_bonuses as (

    select * from {{ ref('int_lead_scoring__sequence_bonuses') }}

),

final as (

    select
        contact_key,
        model_id,
        rule_id,
        points,
        counted_occurrences,
        last_positive_activity_date,
        last_strong_signal_date

    from rule_points

    union all

    select
        contact_key,
        model_id,
        rule_id,
        final_points as points,
        1 as counted_occurrences,
        case when raw_points > 0 then event_date end as last_positive_activity_date,
        case when raw_points > 0 and is_strong_signal then event_date end
            as last_strong_signal_date

    from sequence_bonuses

)

select * from final
