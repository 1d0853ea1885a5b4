-- How well each model's score predicted conversion, per cut-off
-- (docs/scoring.md §14): AUC (ties count half), top-decile lift, precision,
-- recall and F1 of routing to sales (is_mql), new MQLs in the week before,
-- the threshold with the best F1, and the lowest threshold that keeps new
-- MQLs per week within sales capacity.
{%- set horizon_days = number_var('lead_scoring__backtest_horizon_days', 1, 3650) %}
{%- set target_mqls = number_var('lead_scoring__backtest_target_mqls_per_week', 0, 1000000000) %}

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
        cast(sum(case when is_mql and not was_mql_week_before then 1 else 0 end) as {{ dbt.type_bigint() }})
            as new_mqls_week,
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

-- leads over a threshold t now that were not a week before, for every
-- distinct score t: those at or above t, minus those whose lower score of
-- the two was at or above t (they stayed)
threshold_points as (

    select
        cutoff_date,
        model_id,
        behavior_score as score_value,
        leads_at_or_above,
        0 as stayed

    from score_counts

    union all

    select
        cutoff_date,
        model_id,
        least(behavior_score, behavior_score_week_before) as score_value,
        null as leads_at_or_above,
        1 as stayed

    from leads
    where behavior_score_week_before is not null

),

threshold_volumes as (

    select
        cutoff_date,
        model_id,
        score_value as threshold,
        leads_at_or_above - sum(stayed) over (
            partition by cutoff_date, model_id order by score_value desc
            range between unbounded preceding and current row
        ) as new_mqls_week,
        leads_at_or_above is not null as is_candidate

    from threshold_points

),

-- the lowest threshold such that none at or above it lets more new MQLs
-- through per week than the target
capacity_thresholds as (

    select
        cutoff_date,
        model_id,
        threshold,
        new_mqls_week,
        max(new_mqls_week) over (
            partition by cutoff_date, model_id order by threshold desc
            rows between unbounded preceding and current row
        ) as most_new_mqls_week_at_or_above

    from threshold_volumes
    where is_candidate

),

capacity_threshold as (

    select
        cutoff_date,
        model_id,
        threshold,
        new_mqls_week,
        row_number() over (partition by cutoff_date, model_id order by threshold) as threshold_rank

    from capacity_thresholds
    where most_new_mqls_week_at_or_above <= {{ target_mqls }}

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
        totals.new_mqls_week,
        thresholds.threshold as best_f1_threshold,
        thresholds.f1 as best_f1,
        cast(capacity_threshold.threshold as decimal(12, 2)) as capacity_threshold,
        cast(capacity_threshold.new_mqls_week as {{ dbt.type_bigint() }}) as capacity_threshold_new_mqls_week

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
    left join capacity_threshold
        on
            totals.cutoff_date = capacity_threshold.cutoff_date
            and totals.model_id = capacity_threshold.model_id
            and capacity_threshold.threshold_rank = 1

)

select * from final
