-- Per cut-off, model and behaviour rule, sequence, inactivity step or fit rule: the conversion
-- rate of the leads that had earned it against those that had not, and a suggested
-- weight (docs/scoring.md §14): the log-odds ratio of the two rates, each
-- shrunk toward the cut-off's base rate by lead_scoring__backtest_prior_leads
-- pseudo-leads (so a rule earned by three lucky converters does not get 50
-- points), times lead_scoring__backtest_points_per_log_odds. Rules are read
-- one at a time here; the joint fit is the suggestion command's job.
{%- set prior_leads = number_var('lead_scoring__backtest_prior_leads', 0, 1000000, is_whole=false) %}
{%- set points_per_log_odds = number_var('lead_scoring__backtest_points_per_log_odds', 0, 1000, is_whole=false) %}

with

leads as (

    select * from {{ ref('int_lead_scoring__backtest_leads') }}

),

rules_earned as (

    select * from {{ ref('int_lead_scoring__backtest_rules_earned') }}

),

rule_points as (

    select
        model_id,
        'behavior' as rule_kind,
        rule_id,
        points
    from {{ ref('int_lead_scoring__config_behavior_rules') }}
    union all
    select
        model_id,
        'sequence' as rule_kind,
        sequence_id as rule_id,
        points
    from {{ ref('int_lead_scoring__config_sequence_rules') }}
    union all
    select
        model_id,
        'inactivity' as rule_kind,
        {{ inactivity_step_id('inactive_days_from') }} as rule_id,
        -penalty_points as points
    from {{ ref('int_lead_scoring__config_inactivity_steps') }}
    union all
    select
        model_id,
        'fit' as rule_kind,
        rule_id,
        points
    from {{ ref('int_lead_scoring__config_fit_rules') }}

),

totals as (

    select
        cutoff_date,
        model_id,
        count(*) as leads,
        sum(case when has_converted then 1 else 0 end) as conversions

    from leads
    group by cutoff_date, model_id

),

with_rule as (

    select
        rules_earned.cutoff_date,
        rules_earned.model_id,
        rules_earned.rule_kind,
        rules_earned.rule_id,
        count(*) as leads,
        sum(case when leads.has_converted then 1 else 0 end) as conversions

    from rules_earned
    inner join leads
        on
            rules_earned.cutoff_date = leads.cutoff_date
            and rules_earned.model_id = leads.model_id
            and rules_earned.contact_key = leads.contact_key
    group by
        rules_earned.cutoff_date, rules_earned.model_id, rules_earned.rule_kind, rules_earned.rule_id

),

compared as (

    select
        with_rule.cutoff_date,
        with_rule.model_id,
        with_rule.rule_kind,
        with_rule.rule_id,
        with_rule.leads as leads_with_rule,
        with_rule.conversions as conversions_with_rule,
        totals.leads - with_rule.leads as leads_without_rule,
        totals.conversions - with_rule.conversions as conversions_without_rule,
        cast(totals.conversions as {{ type_double() }}) / totals.leads as base_rate

    from with_rule
    inner join totals
        on with_rule.cutoff_date = totals.cutoff_date and with_rule.model_id = totals.model_id

),

shrunk as (

    select
        *,
        (conversions_with_rule + {{ prior_leads }} * base_rate)
        / (leads_with_rule + {{ prior_leads }}) as shrunk_rate_with_rule,
        (conversions_without_rule + {{ prior_leads }} * base_rate)
        / nullif(leads_without_rule + {{ prior_leads }}, 0) as shrunk_rate_without_rule

    from compared

),

-- logit(with) - logit(without); null when a shrunk rate is 0 or 1 (nobody
-- converted, or no prior)
weighed as (

    select
        *,
        case
            when
                shrunk_rate_with_rule > 0 and shrunk_rate_with_rule < 1
                and shrunk_rate_without_rule > 0 and shrunk_rate_without_rule < 1
                then
                    ln(shrunk_rate_with_rule / (1 - shrunk_rate_with_rule))
                    - ln(shrunk_rate_without_rule / (1 - shrunk_rate_without_rule))
        end as log_odds_ratio

    from shrunk

),

final as (

    select
        weighed.cutoff_date,
        weighed.model_id,
        weighed.rule_kind,
        weighed.rule_id,
        cast(weighed.leads_with_rule as {{ dbt.type_bigint() }}) as leads_with_rule,
        cast(weighed.conversions_with_rule as {{ dbt.type_bigint() }}) as conversions_with_rule,
        cast(weighed.leads_without_rule as {{ dbt.type_bigint() }}) as leads_without_rule,
        cast(weighed.conversions_without_rule as {{ dbt.type_bigint() }}) as conversions_without_rule,
        cast(weighed.conversions_with_rule as {{ type_double() }}) / weighed.leads_with_rule
            as conversion_rate_with_rule,
        cast(weighed.conversions_without_rule as {{ type_double() }})
        / nullif(weighed.leads_without_rule, 0) as conversion_rate_without_rule,
        (cast(weighed.conversions_with_rule as {{ type_double() }}) / weighed.leads_with_rule)
        / nullif(
            cast(weighed.conversions_without_rule as {{ type_double() }})
            / nullif(weighed.leads_without_rule, 0),
            0
        ) as lift,
        cast(rule_points.points as {{ type_double() }}) as current_points,
        cast(
            round(cast({{ points_per_log_odds }} * weighed.log_odds_ratio as {{ dbt.type_numeric() }}), 2)
            as decimal(12, 2)
        ) as suggested_points

    from weighed
    left join rule_points
        on
            weighed.model_id = rule_points.model_id
            and weighed.rule_kind = rule_points.rule_kind
            and weighed.rule_id = rule_points.rule_id

)

select * from final
