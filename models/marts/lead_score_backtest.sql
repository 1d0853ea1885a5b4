-- How well each model's score predicted conversion, per cut-off
-- (docs/scoring.md §14): AUC (ties count half), top-decile lift, precision,
-- recall and F1 of routing to sales (is_mql), and the threshold with the
-- best F1.
{%- set horizon_days = number_var('lead_scoring__backtest_horizon_days', 1, 3650) %}

with

leads as (

    select * from {{ ref('int_lead_scoring__backtest_leads') }}

),

score_counts as (

    select * from {{ ref('int_lead_scoring__backtest_score_counts') }}

),

top_deciles as (

    select * from {{ ref('lead_score_backtest_deciles') }}
    where score_decile = 1

),

totals as (

    select
        cutoff_date,
        model_id,
        count(*) as leads,
        cast(sum(case when has_converted then 1 else 0 end) as {{ dbt.type_bigint() }}) as conversions,
        cast(sum(case when is_mql then 1 else 0 end) as {{ dbt.type_bigint() }}) as mql_leads,
        cast(sum(case when is_mql and has_converted then 1 else 0 end) as {{ dbt.type_bigint() }}) as mql_conversions

    from leads
    group by cutoff_date, model_id

),

-- P(a converted lead outscores a non-converted one), ties counting half
auc as (

    select
        score_counts.cutoff_date,
        score_counts.model_id,
        sum(
            score_counts.conversions
            * (score_counts.non_conversions_below + 0.5 * score_counts.non_conversions)
        )
        / nullif(
            cast(max(totals.conversions) as {{ type_double() }})
            * (max(totals.leads) - max(totals.conversions)),
            0
        ) as auc

    from score_counts
    inner join totals
        on
            score_counts.cutoff_date = totals.cutoff_date
            and score_counts.model_id = totals.model_id
    group by score_counts.cutoff_date, score_counts.model_id

),

-- F1 of "score >= s" for every distinct score s: 2 TP / (selected + converted)
thresholds as (

    select
        score_counts.cutoff_date,
        score_counts.model_id,
        score_counts.behavior_score as threshold,
        2.0 * score_counts.conversions_at_or_above
        / (score_counts.leads_at_or_above + totals.conversions) as f1,
        row_number() over (
            partition by score_counts.cutoff_date, score_counts.model_id
            order by
                2.0 * score_counts.conversions_at_or_above
                / (score_counts.leads_at_or_above + totals.conversions) desc,
                score_counts.behavior_score desc
        ) as f1_rank

    from score_counts
    inner join totals
        on
            score_counts.cutoff_date = totals.cutoff_date
            and score_counts.model_id = totals.model_id
    where totals.conversions > 0

),

final as (

    select
        totals.cutoff_date,
        totals.model_id,
        {{ horizon_days }} as horizon_days,
        totals.leads,
        totals.conversions,
        cast(totals.conversions as {{ type_double() }}) / totals.leads as conversion_rate,
        auc.auc,
        top_deciles.lift as top_decile_lift,
        totals.mql_leads,
        cast(totals.mql_conversions as {{ type_double() }}) / nullif(totals.mql_leads, 0)
            as mql_precision,
        cast(totals.mql_conversions as {{ type_double() }}) / nullif(totals.conversions, 0)
            as mql_recall,
        2.0 * totals.mql_conversions / nullif(totals.mql_leads + totals.conversions, 0) as mql_f1,
        thresholds.threshold as best_f1_threshold,
        thresholds.f1 as best_f1

    from totals
    left join auc
        on totals.cutoff_date = auc.cutoff_date and totals.model_id = auc.model_id
    left join top_deciles
        on totals.cutoff_date = top_deciles.cutoff_date and totals.model_id = top_deciles.model_id
    left join thresholds
        on
            totals.cutoff_date = thresholds.cutoff_date
            and totals.model_id = thresholds.model_id
            and thresholds.f1_rank = 1

)

select * from final
