-- How many events each rule matched per (contact, rule, day). Ages and
-- windows are whole days, so these counts are all the scores need, for any
-- scoring date (docs/scoring.md §5); the event-level ledger is derived on
-- demand from the same matches.
--
-- Incremental, the compact daily facts (docs/scoring.md §11): a run
-- deletes and counts again the days from the day before
-- int_lead_scoring__event_window (a click burst can reach one day back), and
-- adds the events of earlier days that this run's
-- int_lead_scoring__events_checked accepted late (their contact became
-- known). A day may so hold several rows of one rule: readers sum them.
-- depends_on: {{ ref('int_lead_scoring__event_window') }}
{{ config(
    materialized='incremental',
    incremental_strategy=lead_scoring.incremental_strategy('append'),
    on_schema_change='fail',
    pre_hook="{{ lead_scoring.delete_daily_activity_to_count_again() }}",
) }}

with

matched_events as (

    select matched_events.*

    from {{ ref('int_lead_scoring__events_matched_to_rules') }} as matched_events
    {%- if is_incremental() %}
        where
            -- all of them when the rules changed (the pre-hook emptied the table)
            not exists (select 1 from {{ this }})
            or {{ counted_again('matched_events.event_date') }}
            or matched_events.loaded_at = {{ run_started_at_timestamp() }}
    {%- endif %}

),

daily_counts as (

    select
        contact_key,
        rule_key,
        event_date,
        visible_date,
        count(*) as event_count

    from matched_events
    group by contact_key, rule_key, event_date, visible_date

),

final as (

    select
        daily_counts.*,
        {{ run_started_at_timestamp() }} as counted_at,
        fingerprints.rule_matching_fingerprint as config_fingerprint

    from daily_counts
    cross join {{ ref('int_lead_scoring__config_fingerprints') }} as fingerprints

)

select * from final
