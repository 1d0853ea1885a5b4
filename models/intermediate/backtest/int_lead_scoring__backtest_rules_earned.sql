-- Which behaviour rules and sequences each lead had earned on each cut-off
-- (a counted occurrence inside the rule's window, or a completion): the
-- features of the per-rule lift (docs/scoring.md §14).
with

cutoffs as (

    select distinct cutoff_date from {{ ref('int_lead_scoring__backtest_leads') }}

),

rule_points as (

    select distinct
        rule_points.score_date as cutoff_date,
        rule_points.model_id,
        rule_points.contact_key,
        rule_points.rule_id

    from {{ ref('int_lead_scoring__rule_points_at_dates') }} as rule_points
    inner join cutoffs
        on rule_points.score_date = cutoffs.cutoff_date
    where rule_points.counted_occurrences > 0

),

sequence_bonuses as (

    select distinct
        sequence_bonuses.score_date as cutoff_date,
        sequence_bonuses.model_id,
        sequence_bonuses.contact_key,
        sequence_bonuses.rule_id

    from {{ ref('int_lead_scoring__sequence_bonuses_at_dates') }} as sequence_bonuses
    inner join cutoffs
        on sequence_bonuses.score_date = cutoffs.cutoff_date

),

final as (

    select * from rule_points
    union all
    select * from sequence_bonuses

)

select * from final
