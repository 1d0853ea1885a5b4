-- One row: from which day this run reads the raw events again
-- (docs/scoring.md §11). Null means every event: the first run, a full
-- refresh, or a change of the configuration the event checks depend on.
-- Otherwise the lookback (var lead_scoring__lookback_days) before the
-- previous run's scoring date, or before this one's if it is earlier:
-- events that arrive late, up to the lookback, are still counted, and a
-- run after a pause of several days misses none. Read before
-- int_lead_scoring__events_checked changes, so a table.
-- depends_on: {{ ref('int_lead_scoring__config_fingerprints') }}
{%- set checked_events = previous_build('int_lead_scoring__events_checked') %}

with

previous_run as (

    {% if checked_events is not none -%}
        select max(checked_events.loaded_as_of) as previous_as_of
        from {{ checked_events }} as checked_events
        inner join {{ ref('int_lead_scoring__config_fingerprints') }} as fingerprints
            on checked_events.config_fingerprint = fingerprints.event_checks_fingerprint
    {%- else -%}
        select cast(null as date) as previous_as_of
    {%- endif %}

),

-- the earlier of the previous and this run's scoring dates
reread_from as (

    select
        case
            when previous_as_of is null then null
            when previous_as_of < {{ as_of_date() }} then previous_as_of
            else {{ as_of_date() }}
        end as reread_from_as_of

    from previous_run

),

final as (

    select
        cast({{ dbt.dateadd(
            'day', -number_var('lead_scoring__lookback_days', 0, 36500), 'reread_from_as_of'
        ) }} as date) as window_start_date

    from reread_from

)

select * from final
