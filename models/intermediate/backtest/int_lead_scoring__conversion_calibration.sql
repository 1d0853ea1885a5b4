-- The probability of converting within the backtest's horizon per score
-- band of each model (docs/scoring.md §14): ten equal bands from the
-- model's floor to its cap, pooled over every cut-off, made monotone by
-- isotonic regression so that a higher score never gets a lower
-- probability. Isotonic fit of band i = max over j <= i of min over k >= i
-- of the conversion rate of bands j..k, exact over the few bands. A band
-- no backtest lead fell in takes the probability of the band below it (of
-- the lowest band, below them all).
{%- set band_count = 10 %}

with

leads as (

    select * from {{ ref('int_lead_scoring__backtest_leads') }}

),

scoring_models as (

    select * from {{ ref('int_lead_scoring__config_models') }}

),

banded_leads as (

    select
        leads.model_id,
        leads.has_converted,
        {{ score_band_index(
            'leads.behavior_score', 'scoring_models.score_floor', 'scoring_models.score_cap', band_count
        ) }} as band_index

    from leads
    inner join scoring_models
        on leads.model_id = scoring_models.model_id

),

bands as (

    select
        model_id,
        band_index,
        count(*) as leads,
        sum(case when has_converted then 1 else 0 end) as conversions

    from banded_leads
    group by model_id, band_index

),

cumulated as (

    select
        *,
        sum(leads) over (
            partition by model_id order by band_index rows between unbounded preceding and current row
        ) as leads_up_to,
        sum(conversions) over (
            partition by model_id order by band_index rows between unbounded preceding and current row
        ) as conversions_up_to

    from bands

),

-- the conversion rate of the bands first..last together
band_ranges as (

    select
        first_band.model_id,
        first_band.band_index as first_band_index,
        last_band.band_index as last_band_index,
        cast(
            last_band.conversions_up_to - first_band.conversions_up_to + first_band.conversions
            as {{ type_double() }}
        )
        / (last_band.leads_up_to - first_band.leads_up_to + first_band.leads) as conversion_rate

    from cumulated as first_band
    inner join cumulated as last_band
        on
            first_band.model_id = last_band.model_id
            and first_band.band_index <= last_band.band_index

),

lowest_over_later_ends as (

    select
        bands.model_id,
        bands.band_index,
        band_ranges.first_band_index,
        min(band_ranges.conversion_rate) as conversion_rate

    from bands
    inner join band_ranges
        on
            bands.model_id = band_ranges.model_id
            and bands.band_index >= band_ranges.first_band_index
            and bands.band_index <= band_ranges.last_band_index
    group by bands.model_id, bands.band_index, band_ranges.first_band_index

),

fitted as (

    select
        model_id,
        band_index,
        max(conversion_rate) as conversion_probability

    from lowest_over_later_ends
    group by model_id, band_index

),

final as (

    select
        model_id,
        -- from the lowest band for the lowest fitted band, up to the next fitted band
        case
            when band_index = min(band_index) over (partition by model_id) then 0
            else band_index
        end as band_index_from,
        coalesce(
            lead(band_index) over (partition by model_id order by band_index), {{ band_count }}
        ) as band_index_to,
        conversion_probability

    from fitted

)

select * from final
