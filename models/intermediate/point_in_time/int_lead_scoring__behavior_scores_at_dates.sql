-- Behaviour score per (score date, contact, model) for the dates of
-- int_lead_scoring__score_dates, from the stored daily counts and checked
-- events visible by each date, for the contacts created by then: the same
-- rules as int_lead_scoring__behavior_scores (behavior_scores_from,
-- docs/scoring.md §13).
with

score_dates as (

    select * from {{ ref('int_lead_scoring__score_dates') }}

),

contacts as (

    select
        score_dates.score_date,
        contacts.contact_key

    from {{ ref('int_lead_scoring__contacts_classified') }} as contacts
    inner join score_dates
        on
            contacts.created_at is null
            or contacts.created_at < {{ dbt.dateadd('day', 1, 'score_dates.score_date') }}

),

-- per rule first, as int_lead_scoring__rule_points sums them, so both add
-- the same numbers in the same steps
rule_totals as (

    select
        score_date,
        contact_key,
        model_id,
        rule_id,
        {{ exact_sum('final_points') }} as points,
        max(case when has_positive_raw_points then event_date end)
            as last_positive_activity_date,
        max(case when has_positive_raw_points and is_strong_signal then event_date end)
            as last_strong_signal_date

    from {{ ref('int_lead_scoring__rule_points_at_dates') }}
    group by score_date, contact_key, model_id, rule_id

),

contributions as (

    select * from rule_totals

    union all

    select
        score_date,
        contact_key,
        model_id,
        rule_id,
        final_points as points,
        case when raw_points > 0 then event_date end as last_positive_activity_date,
        cast(null as date) as last_strong_signal_date

    from {{ ref('int_lead_scoring__sequence_bonuses_at_dates') }}

),

{{ lead_scoring.behavior_scores_from('contacts', 'contributions', by_score_date=true) }}

select * from final
