-- Who was scored on each cut-off (the dates of lead_scoring__score_dates
-- whose horizon has ended by the scoring date) and who converted next
-- (docs/scoring.md §14): one row per (cut-off, model, contact) of
-- lead_scores_point_in_time that had not yet converted on the model's
-- product, with converted = a conversion of that product (or of none) in
-- (cut-off, cut-off + lead_scoring__backtest_horizon_days], and the score
-- decile (1 = highest scores; tied scores share a decile), and the score
-- and routing the lead had a week before (who became an MQL that week).
{%- set horizon_days = number_var('lead_scoring__backtest_horizon_days', 1, 3650) %}

with

scores as (

    select
        *,
        {{ stable_key('contact_id') }} as contact_key,
        cast({{ dbt.dateadd('day', -7, 'score_date') }} as date) as week_before_date

    from {{ ref('lead_scores_point_in_time') }}
    where {{ dbt.dateadd('day', horizon_days, 'score_date') }} <= {{ as_of_date() }}

),

-- the week before each cut-off (int_lead_scoring__score_dates adds it)
week_before as (

    select
        behavior_scores.score_date,
        behavior_scores.contact_key,
        behavior_scores.model_id,
        behavior_scores.behavior_score,
        lead_routing.is_mql

    from {{ ref('int_lead_scoring__behavior_scores_at_dates') }} as behavior_scores
    inner join {{ ref('int_lead_scoring__leads_routed_at_dates') }} as lead_routing
        on
            behavior_scores.score_date = lead_routing.score_date
            and behavior_scores.contact_key = lead_routing.contact_key
            and behavior_scores.model_id = lead_routing.model_id

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
        scores.contact_key,
        scores.behavior_score,
        week_before.behavior_score as behavior_score_week_before,
        coalesce(week_before.is_mql, false) as was_mql_week_before,
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
    left join week_before
        on
            scores.week_before_date = week_before.score_date
            and scores.contact_key = week_before.contact_key
            and scores.model_id = week_before.model_id
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
