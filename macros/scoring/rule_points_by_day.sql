{% macro rule_points_by_day(score_dates=none) %}
    {#- Points per (contact, model, rule, day) from the daily counts
        (docs/scoring.md §5): a day's occurrences are numbered after those of
        the earlier days inside the rule's window, so a running count gives
        their range, the cap cuts it, and they share the day's decay.
        As of the scoring date; or, given score_dates (a relation with a
        score_date column), as of each of those dates from the counts
        visible by then (docs/scoring.md §13). -#}
with

rules as (

    select distinct
        rule_key,
        model_id,
        rule_id,
        points,
        repeat_points,
        max_occurrences,
        half_life_days,
        window_days,
        is_strong_signal

    from {{ ref('int_lead_scoring__behavior_rules_prioritized') }}

),

-- a day's count may come in several rows (int_lead_scoring__rule_activity_daily)
daily_activity as (

    select
        {{ 'score_dates.score_date' if score_dates else as_of_date() }} as score_date,
        daily_counts.contact_key,
        daily_counts.rule_key,
        daily_counts.event_date,
        sum(daily_counts.event_count) as event_count

    from {{ ref('int_lead_scoring__rule_activity_daily') }} as daily_counts
    inner join rules
        on daily_counts.rule_key = rules.rule_key
    {%- if score_dates %}
        inner join {{ score_dates }} as score_dates
            on
                daily_counts.event_date <= score_dates.score_date
                and daily_counts.visible_date <= score_dates.score_date
    {%- endif %}
    where
        rules.window_days is null
        or {{ days_between('daily_counts.event_date',
                           'score_dates.score_date' if score_dates else as_of_date()) }}
        < rules.window_days
    group by
        {% if score_dates %}score_dates.score_date,{% endif %}
        daily_counts.contact_key,
        daily_counts.rule_key,
        daily_counts.event_date

),

numbered as (

    select
        *,
        coalesce(sum(event_count) over (
            partition by {% if score_dates %}score_date, {% endif %}contact_key, rule_key
            order by event_date
            rows between unbounded preceding and 1 preceding
        ), 0) + 1 as first_occurrence

    from daily_activity

),

ranged as (

    select
        numbered.score_date,
        numbered.contact_key,
        numbered.rule_key,
        rules.model_id,
        rules.rule_id,
        numbered.event_date,
        numbered.event_count,
        numbered.first_occurrence,
        numbered.first_occurrence + numbered.event_count - 1 as last_occurrence,
        rules.points,
        rules.repeat_points,
        rules.max_occurrences,
        rules.half_life_days,
        rules.is_strong_signal,
        {{ days_between('numbered.event_date', 'numbered.score_date') }} as age_days

    from numbered
    inner join rules
        on numbered.rule_key = rules.rule_key

),

capped as (

    select
        *,
        -- occurrences past max_occurrences are capped
        case
            when {{ is_capped('last_occurrence', 'max_occurrences') }} then max_occurrences
            else last_occurrence
        end as last_counted_occurrence

    from ranged

),

final as (

    select
        score_date,
        contact_key,
        rule_key,
        model_id,
        rule_id,
        event_date,
        age_days,
        event_count,
        greatest(last_counted_occurrence - first_occurrence + 1, 0) as counted_occurrences,
        {{ occurrences_points('first_occurrence', 'last_counted_occurrence',
                              'points', 'repeat_points') }}
        * {{ decay_factor('age_days', 'half_life_days') }} as final_points,
        -- raw points count capped or not (inactivity, docs/scoring.md §6);
        -- a day's occurrences earn at most two values: the first's and a repeat's
        (
            {{ repetition_points('first_occurrence', 'points', 'repeat_points') }} > 0
            or {{ repetition_points('last_occurrence', 'points', 'repeat_points') }} > 0
        ) as has_positive_raw_points,
        is_strong_signal

    from capped

)

select * from final
{% endmacro %}
