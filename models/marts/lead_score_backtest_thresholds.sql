-- The threshold trade-off per cut-off and model (docs/scoring.md §14): for
-- every distinct score s, what "score >= s" would have sent to sales on
-- the cut-off: leads, precision, recall and F1 against the conversions
-- that followed, and how many leads crossed s in the week before.
with

leads as (

    select * from {{ ref('int_lead_scoring__backtest_leads') }}

),

score_counts as (

    select * from {{ ref('int_lead_scoring__backtest_score_counts') }}

),

totals as (

    select
        cutoff_date,
        model_id,
        sum(conversions) as conversions

    from score_counts
    group by cutoff_date, model_id

),

-- leads over s now that were not a week before: those at or above s, minus
-- those whose lower score of the two was at or above s (they stayed)
threshold_points as (

    select
        cutoff_date,
        model_id,
        behavior_score as score_value,
        1 as is_threshold,
        0 as stayed

    from score_counts

    union all

    select
        cutoff_date,
        model_id,
        least(behavior_score, behavior_score_week_before) as score_value,
        0 as is_threshold,
        1 as stayed

    from leads
    where behavior_score_week_before is not null

),

stayed_counts as (

    select
        cutoff_date,
        model_id,
        score_value,
        is_threshold,
        sum(stayed) over (
            partition by cutoff_date, model_id order by score_value desc
            range between unbounded preceding and current row
        ) as stayed_at_or_above

    from threshold_points

),

final as (

    select
        score_counts.cutoff_date,
        score_counts.model_id,
        cast(score_counts.behavior_score as decimal(12, 2)) as threshold,
        cast(score_counts.leads_at_or_above as {{ dbt.type_bigint() }}) as leads_at_or_above,
        cast(score_counts.conversions_at_or_above as {{ type_double() }})
        / score_counts.leads_at_or_above as precision_at_threshold,
        cast(score_counts.conversions_at_or_above as {{ type_double() }})
        / nullif(totals.conversions, 0) as recall_at_threshold,
        2 * cast(score_counts.conversions_at_or_above as {{ type_double() }})
        / (score_counts.leads_at_or_above + totals.conversions) as f1_at_threshold,
        cast(score_counts.leads_at_or_above - stayed_counts.stayed_at_or_above as {{ dbt.type_bigint() }})
            as new_mqls_week

    from score_counts
    inner join totals
        on
            score_counts.cutoff_date = totals.cutoff_date
            and score_counts.model_id = totals.model_id
    inner join stayed_counts
        on
            score_counts.cutoff_date = stayed_counts.cutoff_date
            and score_counts.model_id = stayed_counts.model_id
            and score_counts.behavior_score = stayed_counts.score_value
            and stayed_counts.is_threshold = 1

)

select * from final
