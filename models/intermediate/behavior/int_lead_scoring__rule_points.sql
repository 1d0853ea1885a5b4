-- What each behaviour rule earned each (contact, model), summed over the
-- days of int_lead_scoring__rule_points_daily: the points, the occurrences that counted,
-- and the latest days with positive raw points and with a strong signal
-- (docs/scoring.md §5-6). Scores and reasons read these totals.
with

daily_points as (

    select * from {{ ref('int_lead_scoring__rule_points_daily') }}

),

rules as (

    select distinct
        rule_key,
        model_id,
        rule_id

    from {{ ref('int_lead_scoring__behavior_rules_prioritized') }}

),

-- grouped by the numeric rule key, the ids joined after
rule_totals as (

    select
        contact_key,
        rule_key,
        {{ exact_sum('final_points') }} as points,
        sum(counted_occurrences) as counted_occurrences,
        max(case when has_positive_raw_points then event_date end)
            as last_positive_activity_date,
        max(case when has_positive_raw_points and is_strong_signal then event_date end)
            as last_strong_signal_date

    from daily_points
    group by contact_key, rule_key

),

final as (

    select
        rule_totals.contact_key,
        rules.model_id,
        rules.rule_id,
        rule_totals.points,
        rule_totals.counted_occurrences,
        rule_totals.last_positive_activity_date,
        rule_totals.last_strong_signal_date

    from rule_totals
    inner join rules
        on rule_totals.rule_key = rules.rule_key

)

select * from final
