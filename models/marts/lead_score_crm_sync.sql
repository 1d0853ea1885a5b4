-- What a reverse-ETL sync (Census, Hightouch) sends to the CRM: one row per
-- CRM record with a crm_id and model, contacts and accounts, keyed by a
-- stable sync_id. sync_fingerprint hashes the synced fields, and
-- score_updated_at is the time of the run that last changed them
-- (int_lead_scoring__crm_sync_state): a sync sends only rows whose
-- fingerprint changed, and never because of a rebuild alone.
with

records as (

    select * from {{ ref('int_lead_scoring__crm_sync_records') }}

),

sync_state as (

    select * from {{ ref('int_lead_scoring__crm_sync_state') }}

),

final as (

    select
        records.*,
        sync_state.score_updated_at,
        {{ as_of_date() }} as as_of_date

    from records
    inner join sync_state
        on records.sync_id = sync_state.sync_id

)

select * from final
