-- Conversion rate and lift per grade x score band, for each cut-off and
-- model (docs/scoring.md §14): the score x grade matrix that routing
-- reads, checked against the conversions. Five equal bands from the model's
-- floor to its cap; a score at the cap is in the top band.
with

leads as (

    select * from {{ ref('int_lead_scoring__backtest_leads') }}

),

scoring_models as (

    select
        model_id,
        score_floor,
        score_cap,
        (score_cap - score_floor) / 5.0 as band_width

    from {{ ref('int_lead_scoring__config_models') }}

),

banded as (

    select
        leads.cutoff_date,
        leads.model_id,
        leads.grade,
        leads.has_converted,
        scoring_models.score_floor,
        scoring_models.band_width,
        {{ score_band_index(
            'leads.behavior_score', 'scoring_models.score_floor', 'scoring_models.score_cap', 5
        ) }} as band_index

    from leads
    inner join scoring_models
        on leads.model_id = scoring_models.model_id

),

cells as (

    select
        cutoff_date,
        model_id,
        grade,
        band_index,
        min(score_floor + band_index * band_width) as score_band_from,
        min(score_floor + (band_index + 1) * band_width) as score_band_to,
        count(*) as leads,
        cast(sum(case when has_converted then 1 else 0 end) as {{ dbt.type_bigint() }})
            as conversions

    from banded
    group by cutoff_date, model_id, grade, band_index

),

final as (

    select
        cutoff_date,
        model_id,
        grade,
        cast(score_band_from as {{ type_double() }}) as score_band_from,
        cast(score_band_to as {{ type_double() }}) as score_band_to,
        leads,
        conversions,
        cast(conversions as {{ type_double() }}) / leads as conversion_rate,
        {{ lift_over_cutoff() }} as lift

    from cells

)

select * from final
