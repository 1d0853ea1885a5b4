-- What a reverse-ETL sync (Census, Hightouch) sends to the CRM: one row per
-- CRM record with a crm_id and model, contacts and accounts, keyed by a
-- stable sync_id. sync_fingerprint hashes the synced fields, and
-- score_updated_at keeps the time of the build that last changed them, read
-- from this table's previous build: a sync sends only rows whose fingerprint
-- changed, and never because of a rebuild alone.
{#- no previous build at parse time, nor in a unit test (no `this` there) -#}
{%- set previous_build = adapter.get_relation(this.database, this.schema, this.identifier)
    if execute and this is not none else none %}
{%- set synced_fields = [
    'behavior_score', 'fit_score', 'grade', 'routing', 'is_mql', 'is_fast_track',
    'engaged_contact_count', 'top_reasons',
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
        row_number() over (
            partition by lead_scores.crm_id, lead_scores.model_id
            order by contacts.updated_at desc nulls last, lead_scores.contact_id asc
        ) as crm_record_rank

    from lead_scores
    inner join contacts
        on lead_scores.contact_id = contacts.contact_id

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
        is_fast_track

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
        has_sales_now as is_fast_track

    from lead_score_accounts

),

fingerprinted as (

    select
        {{ dbt.concat(['record_type', "':'", 'crm_id', "':'", 'model_id']) }} as sync_id,
        *,
        {{ dbt.hash(dbt.concat(fingerprint_parts)) }} as sync_fingerprint

    from records

),

{%- if previous_build %}

previous_sync as (

    select
        sync_id,
        sync_fingerprint,
        score_updated_at

    from {{ previous_build }}

),
{%- endif %}

final as (

    select
        fingerprinted.*,
        {%- if previous_build %}
        case
            when fingerprinted.sync_fingerprint = previous_sync.sync_fingerprint
                then previous_sync.score_updated_at
            else cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
        end as score_updated_at,
        {%- else %}
            cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
                as score_updated_at,
        {%- endif %}
        {{ as_of_date() }} as as_of_date

    from fingerprinted
    {%- if previous_build %}
    left join previous_sync
        on fingerprinted.sync_id = previous_sync.sync_id
    {%- endif %}

)

select * from final
