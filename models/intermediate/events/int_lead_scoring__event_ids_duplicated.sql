-- The event ids that more than one raw row carries (docs/scoring.md §3,
-- reason 2). Raw duplicates are rare: int_lead_scoring__events_checked ranks only the
-- rows of these ids instead of sorting every event by event_id.
--
-- A model of its own, not a CTE of int_lead_scoring__events_checked: the hash
-- aggregation over every event id then does not compete for memory with
-- that model's joins, which DuckDB otherwise may run out of core (2x slower).
with

events as (

    select event_id from {{ ref('stg_lead_scoring__events') }}

),

final as (

    select event_id

    from events
    where event_id is not null
    group by event_id
    having count(*) > 1

)

select * from final
