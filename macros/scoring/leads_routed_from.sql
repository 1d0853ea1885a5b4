{% macro leads_routed_from(behavior_scores, disqualified_contacts, by_score_date=false) %}
    {#- CTEs up to `final`: where each row of `behavior_scores` goes, from the
        score x grade matrix (docs/scoring.md §9), as of the scoring date or,
        when by_score_date, as of each row's score_date: exactly one routing
        value, and the flags that follow from it. -#}
{%- set score_date = 'behavior_scores.score_date' if by_score_date else as_of_date() %}
fit_scores as (

    select * from {{ ref('int_lead_scoring__fit_scores') }}

),

scoring_models as (

    select * from {{ ref('int_lead_scoring__config_models') }}

),

assessed as (

    select
        {{ 'behavior_scores.score_date,' if by_score_date }}
        behavior_scores.contact_key,
        behavior_scores.model_id,
        disqualified_contacts.disqualification_reason,
        -- A is the best grade, so "at least B" is grade <= 'B'; no
        -- min_grade_for_mql, no grade gate
        case
            when scoring_models.min_grade_for_mql is null then true
            else coalesce(fit_scores.grade <= scoring_models.min_grade_for_mql, false)
        end as is_grade_good_enough,
        behavior_scores.behavior_score >= scoring_models.mql_threshold as is_over_threshold,
        coalesce(
            {{ days_between('behavior_scores.last_strong_signal_date', score_date) }}
            < scoring_models.fast_track_window_days,
            false
        ) as has_recent_strong_signal

    from {{ behavior_scores }} as behavior_scores
    inner join fit_scores
        on
            behavior_scores.contact_key = fit_scores.contact_key
            and behavior_scores.model_id = fit_scores.model_id
    inner join scoring_models
        on behavior_scores.model_id = scoring_models.model_id
    left join {{ disqualified_contacts }} as disqualified_contacts
        on
            behavior_scores.contact_key = disqualified_contacts.contact_key
            {%- if by_score_date %}
                and behavior_scores.score_date = disqualified_contacts.score_date
            {%- endif %}

),

routed as (

    select
        *,
        case
            when disqualification_reason is not null then 'disqualified'
            when is_grade_good_enough and has_recent_strong_signal then 'sales_now'
            when is_over_threshold and is_grade_good_enough then 'mql'
            when is_over_threshold then 'review'
            when is_grade_good_enough then 'nurture'
            else 'monitor'
        end as routing

    from assessed

),

final as (

    select
        {{ 'score_date,' if by_score_date }}
        contact_key,
        model_id,
        routing,
        disqualification_reason,
        routing in ('sales_now', 'mql') as is_mql,
        routing = 'sales_now' as is_fast_track,
        has_recent_strong_signal

    from routed

)
{% endmacro %}
