-- One row per (account, model): the account-based marketing roll-up of its
-- contacts' scores (PRODUCT.md §4). Disqualified contacts count as contacts
-- but are never engaged, best grade or top contact.
with

accounts as (

    select * from {{ ref('int_lead_scoring__accounts_deduplicated') }}

),

scoring_models as (

    select * from {{ ref('int_lead_scoring__config_models') }}

),

lead_scores as (

    select * from {{ ref('lead_scores') }}
    where account_id is not null

),

ranked_contacts as (

    select
        account_id,
        model_id,
        contact_id,
        row_number() over (
            partition by account_id, model_id
            order by behavior_score desc, contact_id asc
        ) as contact_rank

    from lead_scores
    where routing <> 'disqualified'

),

account_totals as (

    select
        account_id,
        model_id,
        count(*) as contact_count,
        sum(
            case
                when routing <> 'disqualified'
                    and behavior_score >= {{ number_var('lead_scoring__engaged_score', -1000000, 1000000, is_whole=false) }}
                    then 1
                else 0
            end
        ) as engaged_contact_count,
        sum(behavior_score) as total_behavior_score,
        max(behavior_score) as max_behavior_score,
        min(case when routing <> 'disqualified' then grade end) as best_grade,
        max(case when routing = 'sales_now' then 1 else 0 end) as has_sales_now,
        max(case when is_mql then 1 else 0 end) as has_mql

    from lead_scores
    group by account_id, model_id

),

final as (

    select
        accounts.account_id,
        scoring_models.model_id,
        scoring_models.product_id,
        accounts.crm_id as account_crm_id,
        accounts.account_name,
        accounts.domain,
        account_totals.best_grade,
        ranked_contacts.contact_id as top_contact_id,
        cast(coalesce(account_totals.contact_count, 0) as {{ dbt.type_bigint() }})
            as contact_count,
        cast(coalesce(account_totals.engaged_contact_count, 0) as {{ dbt.type_bigint() }})
            as engaged_contact_count,
        cast(coalesce(account_totals.total_behavior_score, 0) as decimal(14, 2))
            as total_behavior_score,
        cast(account_totals.max_behavior_score as decimal(12, 2)) as max_behavior_score,
        coalesce(account_totals.has_sales_now = 1, false) as has_sales_now,
        coalesce(account_totals.has_mql = 1, false) as has_mql,
        {{ as_of_date() }} as as_of_date

    from accounts
    cross join scoring_models
    left join account_totals
        on
            accounts.account_id = account_totals.account_id
            and scoring_models.model_id = account_totals.model_id
    left join ranked_contacts
        on
            accounts.account_id = ranked_contacts.account_id
            and scoring_models.model_id = ranked_contacts.model_id
            and ranked_contacts.contact_rank = 1

)

select * from final
