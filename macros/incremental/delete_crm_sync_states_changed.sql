{% macro delete_crm_sync_states_changed() %}
    {#- Pre-hook of int_lead_scoring__crm_sync_state where the engine has no
        delete+insert (Spark appends): delete the stored state of the records
        whose sync_fingerprint changed; the run, finding no state for them,
        writes it again, as delete+insert would replace it. -#}
    {%- if execute and is_incremental()
        and lead_scoring.incremental_strategy('delete+insert') != 'delete+insert' -%}
        {%- set condition -%}
            sync_id in (
                select records.sync_id
                from {{ ref('int_lead_scoring__crm_sync_records') }} as records
                inner join {{ this }} as stored
                    on records.sync_id = stored.sync_id
                where records.sync_fingerprint <> stored.sync_fingerprint
            )
        {%- endset -%}
        {{ lead_scoring.delete_rows(this, condition) }}
    {%- endif -%}
{% endmacro %}
