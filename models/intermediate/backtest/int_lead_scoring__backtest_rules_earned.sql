-- What each lead had earned on each cut-off, per rule (docs/scoring.md §14):
-- a behaviour rule with a counted occurrence inside its window (its decayed
-- points), a sequence completed (its decayed bonus), an inactivity step
-- reached (minus its penalty), a fit rule matched (its points). The features
-- of the per-rule lift and of the suggested weights.
with

leads as (

    select
        cutoff_date,
        model_id,
        contact_key
    from {{ ref('int_lead_scoring__backtest_leads') }}
    {%- if not lead_scoring.backtest_cutoffs() %}
        -- no cut-off: said at compile time, so that the engine reads none of
        -- the fit matches (a view over every contact) to find no lead
        where false
    {%- endif %}

),

cutoffs as (

    select distinct cutoff_date from leads

),

behavior_rules as (

    select
        rule_points.score_date as cutoff_date,
        rule_points.model_id,
        rule_points.contact_key,
        'behavior' as rule_kind,
        rule_points.rule_id,
        sum(rule_points.final_points) as earned_points

    from {{ ref('int_lead_scoring__rule_points_at_dates') }} as rule_points
    inner join cutoffs
        on rule_points.score_date = cutoffs.cutoff_date
    where rule_points.counted_occurrences > 0
    group by
        rule_points.score_date, rule_points.model_id, rule_points.contact_key, rule_points.rule_id

),

sequences as (

    select
        sequence_bonuses.score_date as cutoff_date,
        sequence_bonuses.model_id,
        sequence_bonuses.contact_key,
        'sequence' as rule_kind,
        sequence_bonuses.rule_id,
        sequence_bonuses.final_points as earned_points

    from {{ ref('int_lead_scoring__sequence_bonuses_at_dates') }} as sequence_bonuses
    inner join cutoffs
        on sequence_bonuses.score_date = cutoffs.cutoff_date

),

inactivity_steps as (

    select
        behavior_scores.score_date as cutoff_date,
        behavior_scores.model_id,
        behavior_scores.contact_key,
        'inactivity' as rule_kind,
        {{ inactivity_step_id('steps.inactive_days_from') }} as rule_id,
        -steps.penalty_points as earned_points

    from {{ ref('int_lead_scoring__behavior_scores_at_dates') }} as behavior_scores
    inner join cutoffs
        on behavior_scores.score_date = cutoffs.cutoff_date
    inner join {{ ref('int_lead_scoring__config_inactivity_steps') }} as steps
        on
            behavior_scores.model_id = steps.model_id
            and behavior_scores.days_inactive >= steps.inactive_days_from
            and (steps.inactive_days_to is null or behavior_scores.days_inactive < steps.inactive_days_to)

),

-- today's attributes: the inputs keep no attribute history
fit_rules as (

    select
        leads.cutoff_date,
        leads.model_id,
        leads.contact_key,
        'fit' as rule_kind,
        fit_rules_matched.rule_id,
        fit_rules.points as earned_points

    from leads
    inner join {{ ref('int_lead_scoring__fit_rules_matched') }} as fit_rules_matched
        on
            leads.model_id = fit_rules_matched.model_id
            and leads.contact_key = fit_rules_matched.contact_key
    inner join {{ ref('int_lead_scoring__config_fit_rules') }} as fit_rules
        on
            fit_rules_matched.model_id = fit_rules.model_id
            and fit_rules_matched.rule_id = fit_rules.rule_id

),

rules_earned as (

    select * from behavior_rules
    union all
    select * from sequences
    union all
    select * from inactivity_steps
    union all
    select * from fit_rules

),

final as (

    select
        cutoff_date,
        model_id,
        contact_key,
        rule_kind,
        rule_id,
        cast(earned_points as {{ type_double() }}) as earned_points

    from rules_earned

)

select * from final
