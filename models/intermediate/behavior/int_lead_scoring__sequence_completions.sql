-- The latest completion of each sequence rule per contact (docs/scoring.md
-- §7): the event that completed it last, among the accepted events.
--
-- A sequence ends at event e when some earlier events fill the earlier
-- steps in order and the first of them is at most within_days before e.
-- The latest step-1 event before the latest step-2 event before e is the
-- best possible start, so two running maxima find it without a self-join:
-- step_1_before (latest step-1 time strictly before each event), then
-- step_2_before (the latest step_1_before among step-2 events before e).
--
-- Incremental (docs/scoring.md §11): a contact's completions change only
-- when its events do, so a run computes again the contacts that have
-- events int_lead_scoring__events_checked wrote in this run; a pre-hook
-- deletes their rows first (and every row when the sequence rules changed).
-- The decay, which depends on the scoring date, is applied at every run
-- (int_lead_scoring__sequence_bonuses).
-- depends_on: {{ ref('int_lead_scoring__events_checked') }}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    on_schema_change='fail',
    pre_hook="{{ lead_scoring.delete_sequence_completions_to_compute_again() }}",
) }}

with

events as (

    select categorized_events.*

    from {{ ref('int_lead_scoring__events_categorized') }} as categorized_events
    {%- if is_incremental() %}
        where
            -- all of them when the sequence rules changed (the pre-hook emptied the table)
            not exists (select 1 from {{ this }})
            or categorized_events.contact_key in (
                {{ lead_scoring.contacts_with_events_loaded_in_this_run() }}
            )
    {%- endif %}

),

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

    from events
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
        partition by contact_key, sequence_key
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
            partition by chains.contact_key, chains.sequence_key
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

),

final as (

    select
        completions.contact_key,
        sequences.model_id,
        sequences.sequence_id,
        completions.event_id,
        completions.occurred_at,
        fingerprints.sequence_fingerprint as config_fingerprint

    from completions
    inner join sequences
        on completions.sequence_key = sequences.sequence_key
    cross join {{ ref('int_lead_scoring__config_fingerprints') }} as fingerprints
    where completions.completion_recency = 1

)

select * from final
