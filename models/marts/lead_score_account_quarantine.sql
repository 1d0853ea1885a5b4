-- Every account row that is not used, with the reason (docs/scoring.md §1):
-- no account_id, or another row of the same id comes first.
with

account_rows as (

    select * from {{ ref('int_lead_scoring__account_rows_checked') }}
    where quarantine_reason is not null

),

final as (

    select
        account_id,
        quarantine_reason as reason,
        crm_id,
        domain,
        account_name,
        industry,
        country,
        employee_count,
        annual_revenue,
        updated_at,
        {{ as_of_date() }} as as_of_date

    from account_rows

)

select * from final
