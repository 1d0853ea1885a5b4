-- Who was scored on each cut-off (the dates of lead_scoring__score_dates
-- whose horizon has ended by the scoring date) and who converted next
-- (docs/scoring.md §14): one row per (cut-off, model, contact) of
-- lead_scores_point_in_time that had not yet converted on the model's
-- product, with converted = a conversion of that product (or of none) in
-- (cut-off, cut-off + lead_scoring__backtest_horizon_days], and the score
-- decile (1 = highest scores; tied scores share a decile).
{%- set horizon_days = number_var('lead_scoring__backtest_horizon_days', 1, 3650) %}

with

scores as (

    select * from {{ ref('lead_scores_point_in_time') }}
    where {{ dbt.dateadd('day', horizon_days, 'score_date') }} <= {{ as_of_date() }}

),

conversions as (

    select
        contact_id,
        product_id,
        converted_at

    from {{ ref('stg_lead_scoring__conversions') }}
    where contact_id is not null and converted_at is not null

),

-- the first conversion after the cut-off and whether one came before, per lead
lead_conversions as (

    select
        scores.score_date,
        scores.model_id,
        scores.contact_id,
        min(case
            when conversions.converted_at >= {{ dbt.dateadd('day', 1, 'scores.score_date') }}
                then conversions.converted_at
        end) as next_converted_at,
        max(case
            when conversions.converted_at < {{ dbt.dateadd('day', 1, 'scores.score_date') }}
                then 1
            else 0
        end) as had_converted

    from scores
    inner join conversions
        on
            scores.contact_id = conversions.contact_id
            and (conversions.product_id is null or scores.product_id = conversions.product_id)
    group by scores.score_date, scores.model_id, scores.contact_id

),

labelled as (

    select
        scores.score_date as cutoff_date,
        scores.model_id,
        scores.contact_id,
        {{ stable_key('scores.contact_id') }} as contact_key,
        scores.behavior_score,
        scores.grade,
        scores.routing,
        scores.is_mql,
        coalesce(
            lead_conversions.next_converted_at
            < {{ dbt.dateadd('day', horizon_days + 1, 'scores.score_date') }},
            false
        ) as has_converted

    from scores
    left join lead_conversions
        on
            scores.score_date = lead_conversions.score_date
            and scores.model_id = lead_conversions.model_id
            and scores.contact_id = lead_conversions.contact_id
    where coalesce(lead_conversions.had_converted, 0) = 0

),

final as (

    select
        *,
        -- leads with a strictly higher score, as a share of all: ties share a decile
        1 + cast(floor(10.0 * (
            rank() over (partition by cutoff_date, model_id order by behavior_score desc) - 1
        ) / count(*) over (partition by cutoff_date, model_id)) as {{ dbt.type_int() }}) as score_decile

    from labelled

)

select * from final
