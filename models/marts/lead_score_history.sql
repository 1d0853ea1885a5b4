-- One row per (contact, model, scoring date) for the leads that were there
-- that day (docs/scoring.md §12): a behaviour score above var
-- lead_scoring__history_score_floor, activity within var
-- lead_scoring__history_active_days, or routed to sales; nobody else, so
-- that the history does not hold a row per contact per day. Each run adds
-- its scoring date (a run again on that date replaces it); the change over
-- 7 and 30 days (momentum) reads the rows of those days: a lead absent then
-- scored at most the floor (0 by default); null when no run scored that day.
{{ config(
    materialized='incremental',
    incremental_strategy=lead_scoring.incremental_strategy('append'),
    on_schema_change='fail',
    full_refresh=false,
    pre_hook="{{ lead_scoring.delete_scoring_date_onwards('score_date') }}",
) }}

with

lead_scores as (

    select * from {{ ref('lead_scores') }}
    where
        behavior_score
        > {{ number_var('lead_scoring__history_score_floor', -1000000, 1000000, is_whole=false) }}
        or days_inactive < {{ number_var('lead_scoring__history_active_days', 0, 36500) }}
        or routing in ('mql', 'sales_now')

),

-- the history of earlier runs, on the days momentum compares with
earlier_scores as (

    {% if is_incremental() -%}
        select
            score_date,
            contact_id,
            model_id,
            behavior_score

        from {{ this }}
        where score_date in (
            {{ dbt.dateadd('day', -7, as_of_date()) }}, {{ dbt.dateadd('day', -30, as_of_date()) }}
        )
    {%- else -%}
        select
            cast(null as date) as score_date,
            cast(null as {{ dbt.type_string() }}) as contact_id,
            cast(null as {{ dbt.type_string() }}) as model_id,
            cast(null as decimal(12, 2)) as behavior_score
        where false
    {%- endif %}

),

{%- set days_before = {7: dbt.dateadd('day', -7, as_of_date()), 30: dbt.dateadd('day', -30, as_of_date())} %}

-- whether a run scored those days at all
scored_days as (

    select
        coalesce(max(case when score_date = {{ days_before[7] }} then 1 end), 0) = 1
            as was_week_before_scored,
        coalesce(max(case when score_date = {{ days_before[30] }} then 1 end), 0) = 1
            as was_month_before_scored

    from earlier_scores

),

final as (

    select
        lead_scores.as_of_date as score_date,
        lead_scores.contact_id,
        lead_scores.model_id,
        lead_scores.product_id,
        lead_scores.behavior_score,
        lead_scores.fit_score,
        lead_scores.grade,
        lead_scores.routing,
        lead_scores.is_mql,
        lead_scores.days_inactive,
        cast(case
            when scored_days.was_week_before_scored
                then lead_scores.behavior_score - coalesce(week_before.behavior_score, 0)
        end as decimal(12, 2)) as score_change_7d,
        cast(case
            when scored_days.was_month_before_scored
                then lead_scores.behavior_score - coalesce(month_before.behavior_score, 0)
        end as decimal(12, 2)) as score_change_30d

    from lead_scores
    cross join scored_days
    left join earlier_scores as week_before
        on
            lead_scores.contact_id = week_before.contact_id
            and lead_scores.model_id = week_before.model_id
            and week_before.score_date = {{ days_before[7] }}
    left join earlier_scores as month_before
        on
            lead_scores.contact_id = month_before.contact_id
            and lead_scores.model_id = month_before.model_id
            and month_before.score_date = {{ days_before[30] }}

)

select * from final
