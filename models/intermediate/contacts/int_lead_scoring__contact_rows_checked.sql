-- Every staged contact row once, with the reason it is set aside, if it is
-- (docs/scoring.md §1): no contact_id, or a more recently updated row of the
-- same id. CRM exports often repeat a contact; one row per id goes on, the
-- others to lead_score_contact_quarantine, and the build goes on.
-- Only the rows of repeated ids are ranked, not every contact.
{{ config(materialized='view') }}

with

repeated_ids as (

    select contact_id

    from {{ ref('stg_lead_scoring__contacts') }}
    where contact_id is not null
    group by contact_id
    having count(*) > 1

),

ranked as (

    select
        contacts.*,
        1 as id_row_rank

    from {{ ref('stg_lead_scoring__contacts') }} as contacts
    left join repeated_ids
        on contacts.contact_id = repeated_ids.contact_id
    where repeated_ids.contact_id is null

    union all

    select
        contacts.*,
        row_number() over (
            partition by contacts.contact_id
            order by
                contacts.updated_at desc nulls last,
                contacts.created_at desc nulls last,
                contacts.email asc nulls last,
                contacts.account_id asc nulls last,
                contacts.crm_id asc nulls last,
                contacts.job_title asc nulls last,
                contacts.country asc nulls last
        ) as id_row_rank

    from {{ ref('stg_lead_scoring__contacts') }} as contacts
    inner join repeated_ids
        on contacts.contact_id = repeated_ids.contact_id

),

final as (

    select
        *,
        case
            when contact_id is null then 'missing_contact_id'
            when id_row_rank > 1 then 'duplicate_contact_id'
        end as quarantine_reason

    from ranked

)

select * from final
