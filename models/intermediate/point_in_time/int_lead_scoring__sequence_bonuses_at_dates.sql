-- Sequence bonuses per (score date, contact, model, sequence) from the
-- accepted events visible on each date of int_lead_scoring__score_dates:
-- the latest completion by then, decayed to that date (docs/scoring.md §7,
-- §13).
with

score_dates as (

    select * from {{ ref('int_lead_scoring__score_dates') }}

),

sequence_steps as (

    {%- for step in [1, 2, 3] %}
        select step_{{ step }}_event_type as event_type
        from {{ ref('int_lead_scoring__config_sequence_rules') }}
        {% if not loop.last %}union{% endif %}
    {%- endfor %}

),

-- visible_date is on or after the event's own date: the event occurred by then
events as (

    select
        score_dates.score_date,
        categorized_events.*

    from {{ ref('int_lead_scoring__events_categorized') }} as categorized_events
    inner join score_dates
        on categorized_events.visible_date <= score_dates.score_date
    where categorized_events.event_type in (select sequence_steps.event_type from sequence_steps)

),

{{ lead_scoring.sequence_completions_of('events', by_score_date=true) }},

final as (

    select
        completions.score_date,
        completions.contact_key,
        sequences.model_id,
        sequences.sequence_id as rule_id,
        sequences.points as raw_points,
        sequences.points * {{ decay_factor(
            days_between('cast(completions.occurred_at as date)', 'completions.score_date'),
            'sequences.half_life_days'
        ) }} as final_points,
        cast(completions.occurred_at as date) as event_date

    from completions
    inner join sequences
        on completions.sequence_key = sequences.sequence_key
    where completions.completion_recency = 1

)

select * from final
