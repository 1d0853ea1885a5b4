-- One row per (contact, model): the score sales and the CRM act on, with
-- the ids to join it back and the reasons behind it. Each aspect (behaviour,
-- reasons, ...) comes from its own intermediate model keyed by
-- (contact_id, model_id), so new aspects are new joins, not a reshape.
with

contacts as (

    select * from {{ ref('int_contacts_classified') }}

),

accounts as (

    select
        account_id,
        crm_id

    from {{ ref('stg_lead_scoring__accounts') }}

),

behavior_scores as (

    select * from {{ ref('int_behavior_scores') }}

),

score_reasons as (

    select * from {{ ref('int_score_reasons') }}

),

final as (

    select
        behavior_scores.contact_id,
        behavior_scores.model_id,
        behavior_scores.product_id,
        contacts.account_id,
        contacts.crm_id,
        accounts.crm_id as account_crm_id,
        contacts.email,
        score_reasons.top_reasons,
        cast(behavior_scores.behavior_score as decimal(12, 2)) as behavior_score,
        behavior_scores.contribution_points,
        behavior_scores.inactivity_penalty,
        cast(behavior_scores.days_inactive as {{ dbt.type_int() }}) as days_inactive,
        behavior_scores.last_positive_activity_date,
        {{ as_of_date() }} as as_of_date

    from behavior_scores
    inner join contacts
        on behavior_scores.contact_id = contacts.contact_id
    left join accounts
        on contacts.account_id = accounts.account_id
    left join score_reasons
        on
            behavior_scores.contact_id = score_reasons.contact_id
            and behavior_scores.model_id = score_reasons.model_id

)

select * from final
