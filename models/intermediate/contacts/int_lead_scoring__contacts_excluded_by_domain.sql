-- Competitors and internal contacts, by their e-mail domain or their
-- account's domain (docs/scoring.md §8-9): never sent to sales, grade D
-- whatever their fit. Contacts and accounts only, no events, so the fit
-- grades need not wait for the event scan.
with

contacts as (

    select
        contact_key,
        account_id,
        is_competitor,
        is_internal

    from {{ ref('int_lead_scoring__contacts_classified') }}

),

accounts as (

    select
        account_id,
        domain

    from {{ ref('int_lead_scoring__accounts_deduplicated') }}

),

reference_lists as (

    select
        list_name,
        lower(value) as list_value

    from {{ ref('stg_lead_scoring__reference_lists') }}
    where list_name in ('competitor_domain', 'internal_domain')

),

account_flags as (

    select
        accounts.account_id,
        max(case when reference_lists.list_name = 'competitor_domain' then 1 else 0 end)
            as is_competitor_account,
        max(case when reference_lists.list_name = 'internal_domain' then 1 else 0 end)
            as is_internal_account

    from accounts
    inner join reference_lists
        on accounts.domain = reference_lists.list_value
    group by accounts.account_id

),

classified as (

    select
        contacts.contact_key,
        case
            when contacts.is_competitor or account_flags.is_competitor_account = 1
                then 'competitor'
            when contacts.is_internal or account_flags.is_internal_account = 1
                then 'internal'
        end as disqualification_reason

    from contacts
    left join account_flags
        on contacts.account_id = account_flags.account_id

),

final as (

    select * from classified
    where disqualification_reason is not null

)

select * from final
