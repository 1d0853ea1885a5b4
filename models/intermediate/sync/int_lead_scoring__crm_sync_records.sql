-- The records a reverse-ETL sync sends to the CRM (docs/scoring.md §11):
-- one per CRM record with a crm_id and model, contacts and accounts, keyed
-- by a stable sync_id, with a hash of the synced fields.
{%- set synced_fields = [
    'behavior_score', 'fit_score', 'grade', 'routing', 'is_mql', 'is_fast_track',
    'engaged_contact_count', 'top_reasons', 'mql_entered_at',
] %}
{%- set fingerprint_parts = [] %}
{%- for field in synced_fields %}
    {%- do fingerprint_parts.extend([
        "coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '~')", "'|'"]) %}
{%- endfor %}

with

lead_scores as (

    select * from {{ ref('lead_scores') }}
    where crm_id is not null

),

-- when each lead in the sales-ready state entered it (lead_score_mql_transitions)
mql_entries as (

    select
        contact_id,
        model_id,
        transition_date as mql_entered_at

    from (
        select
            *,
            row_number() over (
                partition by contact_id, model_id order by transition_date desc
            ) as recency
        from {{ ref('lead_score_mql_transitions') }}
    ) as transitions
    where recency = 1 and transition = 'entered'

),

lead_score_accounts as (

    select * from {{ ref('lead_score_accounts') }}
    where account_crm_id is not null

),

contacts as (

    select
        contact_id,
        updated_at

    from {{ ref('int_lead_scoring__contacts_classified') }}

),

-- a crm_id shared by several contacts syncs the most recently updated one
ranked_contacts as (

    select
        lead_scores.*,
        mql_entries.mql_entered_at,
        row_number() over (
            partition by lead_scores.crm_id, lead_scores.model_id
            order by contacts.updated_at desc nulls last, lead_scores.contact_id asc
        ) as crm_record_rank

    from lead_scores
    inner join contacts
        on lead_scores.contact_id = contacts.contact_id
    left join mql_entries
        on
            lead_scores.contact_id = mql_entries.contact_id
            and lead_scores.model_id = mql_entries.model_id

),

records as (

    select
        'contact' as record_type,
        crm_id,
        model_id,
        product_id,
        contact_id,
        grade,
        routing,
        top_reasons,
        behavior_score,
        fit_score,
        cast(null as {{ dbt.type_bigint() }}) as engaged_contact_count,
        is_mql,
        is_fast_track,
        mql_entered_at

    from ranked_contacts
    where crm_record_rank = 1

    union all

    select
        'account' as record_type,
        account_crm_id as crm_id,
        model_id,
        product_id,
        top_contact_id as contact_id,
        best_grade as grade,
        cast(null as {{ dbt.type_string() }}) as routing,
        cast(null as {{ dbt.type_string() }}) as top_reasons,
        max_behavior_score as behavior_score,
        cast(null as decimal(12, 2)) as fit_score,
        engaged_contact_count,
        has_mql as is_mql,
        has_sales_now as is_fast_track,
        cast(null as date) as mql_entered_at

    from lead_score_accounts

),

final as (

    select
        {{ dbt.concat(['record_type', "':'", 'crm_id', "':'", 'model_id']) }} as sync_id,
        *,
        {{ dbt.hash(dbt.concat(fingerprint_parts)) }} as sync_fingerprint

    from records

)

select * from final
