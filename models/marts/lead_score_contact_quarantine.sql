-- Every contact row that is not used, with the reason (docs/scoring.md §1):
-- no contact_id, or a more recently updated row of the same id is used.
with

contact_rows as (

    select * from {{ ref('int_lead_scoring__contact_rows_checked') }}
    where quarantine_reason is not null

),

final as (

    select
        contact_id,
        quarantine_reason as reason,
        account_id,
        crm_id,
        email,
        job_title,
        country,
        created_at,
        updated_at,
        {{ as_of_date() }} as as_of_date

    from contact_rows

)

select * from final
