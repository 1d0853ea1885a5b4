-- Conversion rate and lift per score decile, for each cut-off and model
-- (docs/scoring.md §14): does a higher score mean more conversions?
with

leads as (

    select * from {{ ref('int_lead_scoring__backtest_leads') }}

),

deciles as (

    select
        cutoff_date,
        model_id,
        score_decile,
        count(*) as leads,
        cast(sum(case when has_converted then 1 else 0 end) as {{ dbt.type_bigint() }}) as conversions,
        min(behavior_score) as min_behavior_score,
        max(behavior_score) as max_behavior_score

    from leads
    group by cutoff_date, model_id, score_decile

),

final as (

    select
        cutoff_date,
        model_id,
        score_decile,
        leads,
        conversions,
        -- the contract's type (the input's numeric scale varies by engine)
        cast(min_behavior_score as decimal(12, 2)) as min_behavior_score,
        cast(max_behavior_score as decimal(12, 2)) as max_behavior_score,
        cast(conversions as {{ type_double() }}) / leads as conversion_rate,
        -- the decile's rate over the rate of all the cut-off's leads
        {{ lift_over_cutoff() }} as lift

    from deciles

)

select * from final
