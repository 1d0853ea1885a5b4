-- Leads and conversions per (cut-off, model, distinct behaviour score), with
-- running counts from the top and from the bottom: what AUC and every
-- threshold's precision and recall are read from (docs/scoring.md §14).
with

leads as (

    select * from {{ ref('int_lead_scoring__backtest_leads') }}

),

score_counts as (

    select
        cutoff_date,
        model_id,
        behavior_score,
        count(*) as leads,
        cast(sum(case when has_converted then 1 else 0 end) as {{ dbt.type_bigint() }}) as conversions

    from leads
    group by cutoff_date, model_id, behavior_score

),

final as (

    select
        *,
        leads - conversions as non_conversions,
        -- selected by the threshold "score >= behavior_score"
        sum(leads) over (
            partition by cutoff_date, model_id order by behavior_score desc
            rows between unbounded preceding and current row
        ) as leads_at_or_above,
        sum(conversions) over (
            partition by cutoff_date, model_id order by behavior_score desc
            rows between unbounded preceding and current row
        ) as conversions_at_or_above,
        -- non-converted leads that rank strictly below (AUC)
        coalesce(sum(leads - conversions) over (
            partition by cutoff_date, model_id order by behavior_score
            rows between unbounded preceding and 1 preceding
        ), 0) as non_conversions_below

    from score_counts

)

select * from final
