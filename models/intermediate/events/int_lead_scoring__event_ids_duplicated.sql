-- The event ids that more than one raw row carries (docs/scoring.md §3,
-- reason 2), among the events this run reads (int_lead_scoring__event_window),
-- with the number of copies stored by earlier runs, which come first: they
-- occurred before the window. Raw duplicates are rare:
-- int_lead_scoring__events_checked ranks only the rows of these ids instead
-- of sorting every event by event_id.
--
-- A model of its own, not a CTE of int_lead_scoring__events_checked: the hash
-- aggregation over every event id then does not compete for memory with
-- that model's joins, which DuckDB otherwise may run out of core (2x slower).
{%- set checked_events = previous_build('int_lead_scoring__events_checked') %}

-- depends_on: {{ ref('int_lead_scoring__event_window') }}

with

window_event_ids as (

    select
        events.event_id,
        count(*) as window_copies

    from {{ ref('stg_lead_scoring__events') }} as events
    where
        events.event_id is not null
        and {{ in_event_window('events.occurred_at') }}
    group by events.event_id

),

stored_copies as (

    {% if checked_events is not none -%}
        select
            checked_events.event_id,
            count(*) as earlier_copies

        from {{ checked_events }} as checked_events
        where
            not {{ in_event_window('checked_events.occurred_at') }}
            and checked_events.event_id in (select event_id from window_event_ids)
        group by checked_events.event_id
    {%- else -%}
        select
            cast(null as {{ dbt.type_string() }}) as event_id,
            0 as earlier_copies
        where false
    {%- endif %}

),

final as (

    select
        window_event_ids.event_id,
        coalesce(stored_copies.earlier_copies, 0) as earlier_copies

    from window_event_ids
    left join stored_copies
        on window_event_ids.event_id = stored_copies.event_id
    where window_event_ids.window_copies > 1 or stored_copies.event_id is not null

)

select * from final
