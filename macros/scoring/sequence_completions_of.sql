{% macro sequence_completions_of(events, by_score_date=false) %}
    {#- CTEs up to `completions`: the events of `events` (a CTE of categorized
        events) that complete a sequence rule, completion_recency 1 for the
        latest per (contact, sequence), or per (score_date, contact, sequence)
        when by_score_date (docs/scoring.md §7).

        A sequence ends at event e when some earlier events fill the earlier
        steps in order and the first of them is at most within_days before e.
        The latest step-1 event before the latest step-2 event before e is the
        best possible start, so two running maxima find it without a
        self-join: step_1_before (latest step-1 time strictly before each
        event), then step_2_before (the latest step_1_before among step-2
        events before e). -#}
{%- set per_date = 'score_date, ' if by_score_date else '' %}
-- a number per sequence: the windows partition and sort by it, cheaper
-- than by (model_id, sequence_id) text
sequences as (

    select
        *,
        row_number() over (order by model_id, sequence_id) as sequence_key

    from {{ ref('int_lead_scoring__config_sequence_rules') }}

),

-- one row per (sequence, event type) it uses, to join events on equality
sequence_event_types as (

    {%- for step in [1, 2, 3] %}
        select
            model_id,
            sequence_id,
            step_{{ step }}_event_type as event_type
        from sequences
        where step_{{ step }}_event_type is not null
        {% if not loop.last %}union{% endif %}
    {%- endfor %}

),

-- only what the windows need: they sort every candidate event
candidates as (

    select
        {{ 'events.score_date,' if by_score_date }}
        events.contact_key,
        sequences.sequence_key,
        events.event_id,
        {%- for step in [1, 2, 3] %}
            coalesce(
                events.event_type = sequences.step_{{ step }}_event_type
                and (
                    sequences.step_{{ step }}_page_category is null
                    or events.page_category = sequences.step_{{ step }}_page_category
                ),
                false
            ) as is_step_{{ step }},
        {%- endfor %}
        events.occurred_at

    from {{ events }} as events
    inner join sequence_event_types
        on events.event_type = sequence_event_types.event_type
    inner join sequences
        on
            sequence_event_types.model_id = sequences.model_id
            and sequence_event_types.sequence_id = sequences.sequence_id
    where events.event_product_id is null or events.event_product_id = sequences.product_id

),

{%- set earlier_events %}
    over (
        partition by {{ per_date }}contact_key, sequence_key
        order by occurred_at, event_id
        rows between unbounded preceding and 1 preceding
    )
{%- endset %}

-- an event type can match no step (a blog view for "pricing -> demo")
step_events as (

    select * from candidates
    where is_step_1 or is_step_2 or is_step_3

),

step_1_seen as (

    select
        *,
        max(case when is_step_1 then occurred_at end) {{ earlier_events }} as step_1_before

    from step_events

),

chains as (

    select
        *,
        max(case when is_step_2 then step_1_before end) {{ earlier_events }}
            as step_2_before

    from step_1_seen

),

completions as (

    select
        chains.*,
        row_number() over (
            partition by {{ 'chains.score_date, ' if by_score_date }}chains.contact_key, chains.sequence_key
            order by chains.occurred_at desc, chains.event_id desc
        ) as completion_recency

    from chains
    inner join sequences
        on chains.sequence_key = sequences.sequence_key
    where
        (
            sequences.step_count = 2 and chains.is_step_2
            and chains.occurred_at
            <= {{ dbt.dateadd('day', 'sequences.within_days', 'chains.step_1_before') }}
        )
        or (
            sequences.step_count = 3 and chains.is_step_3
            and chains.occurred_at
            <= {{ dbt.dateadd('day', 'sequences.within_days', 'chains.step_2_before') }}
        )

)
{% endmacro %}
