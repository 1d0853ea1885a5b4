-- When the synced fields of each CRM record last changed (docs/scoring.md
-- §11): a run writes a row only for the records whose sync_fingerprint is
-- new or differs from the stored one, with the run's start time, so a
-- rebuild that changes nothing keeps every time, and an hourly sync sends
-- only what changed. Kept through a full refresh.
-- Spark has no delete+insert: a pre-hook deletes the changed states first.
{{ config(
    materialized='incremental',
    incremental_strategy=lead_scoring.incremental_strategy('delete+insert'),
    unique_key='sync_id',
    on_schema_change='fail',
    full_refresh=false,
    pre_hook="{{ lead_scoring.delete_crm_sync_states_changed() }}",
) }}

with

records as (

    select
        sync_id,
        sync_fingerprint

    from {{ ref('int_lead_scoring__crm_sync_records') }}

),

final as (

    select
        records.sync_id,
        records.sync_fingerprint,
        {{ run_clock() }} as score_updated_at

    from records
    {%- if is_incremental() %}
        left join {{ this }} as stored
            on records.sync_id = stored.sync_id
        where stored.sync_fingerprint is null or stored.sync_fingerprint <> records.sync_fingerprint
    {%- endif %}

)

select * from final
