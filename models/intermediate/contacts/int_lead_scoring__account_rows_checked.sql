-- Every staged account row once, with the reason it is set aside, if it is
-- (docs/scoring.md §1): no account_id, or another row of the same id comes
-- first (the most recently updated when the relation has updated_at). One
-- row per id goes on (int_lead_scoring__accounts_deduplicated), the others to
-- lead_score_account_quarantine.
{{ config(materialized='view') }}

with

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by account_id
            order by
                updated_at desc nulls last,
                crm_id asc nulls last,
                domain asc nulls last,
                account_name asc nulls last,
                industry asc nulls last,
                employee_count asc nulls last,
                annual_revenue asc nulls last,
                country asc nulls last
        ) as id_row_rank

    from accounts

),

final as (

    select
        *,
        case
            when account_id is null then 'missing_account_id'
            when id_row_rank > 1 then 'duplicate_account_id'
        end as quarantine_reason

    from ranked

)

select * from final
