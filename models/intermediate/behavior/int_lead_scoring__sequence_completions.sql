-- The latest completion of each sequence rule per contact (docs/scoring.md
-- §7): the event that completed it last, among the accepted events
-- (how: sequence_completions_of).
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
    incremental_strategy=lead_scoring.incremental_strategy('append'),
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

{{ lead_scoring.sequence_completions_of('events') }},

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
