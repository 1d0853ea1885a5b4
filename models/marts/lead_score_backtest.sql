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

thresholds as (

    select * from {{ ref('lead_score_backtest_thresholds') }}

),

-- the best F1, ties to the higher threshold (fewer leads for sales)
best_f1_thresholds as (

    select
        *,
        row_number() over (
            partition by cutoff_date, model_id order by f1_at_threshold desc, threshold desc
        ) as f1_rank

    from thresholds
    where recall_at_threshold is not null

),

-- the lowest threshold such that none at or above it lets more new MQLs
-- through in a week than sales can take
capacity_thresholds as (

    select
        *,
        max(new_mqls_week) over (
            partition by cutoff_date, model_id order by threshold desc
            rows between unbounded preceding and current row
        ) as most_new_mqls_week_at_or_above

    from thresholds

),

capacity_threshold as (

    select
        *,
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
        2 * cast(totals.mql_conversions as {{ type_double() }})
        / nullif(totals.mql_leads + totals.conversions, 0) as mql_f1,
        totals.new_mqls_week,
        best_f1_thresholds.threshold as best_f1_threshold,
        best_f1_thresholds.f1_at_threshold as best_f1,
        capacity_threshold.threshold as capacity_threshold,
        capacity_threshold.new_mqls_week as capacity_threshold_new_mqls_week

    from totals
    left join auc
        on totals.cutoff_date = auc.cutoff_date and totals.model_id = auc.model_id
    left join top_deciles
        on totals.cutoff_date = top_deciles.cutoff_date and totals.model_id = top_deciles.model_id
    left join best_f1_thresholds
        on
            totals.cutoff_date = best_f1_thresholds.cutoff_date
            and totals.model_id = best_f1_thresholds.model_id
            and best_f1_thresholds.f1_rank = 1
    left join capacity_threshold
        on
            totals.cutoff_date = capacity_threshold.cutoff_date
            and totals.model_id = capacity_threshold.model_id
            and capacity_threshold.threshold_rank = 1

)

select * from final
