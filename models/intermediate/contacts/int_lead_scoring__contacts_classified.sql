-- The contacts that exist as of the scoring date (one row per contact_id,
-- created by then: docs/scoring.md §0-1), with the address flags that
-- scoring, quarantine and fit use.
{%- set extra_columns = extra_input_columns('lead_scoring__fit_contact_attributes', [
    'contact_id', 'account_id', 'crm_id', 'email', 'job_title', 'country', 'created_at',
    'updated_at']) %}

with

contacts as (

    select
        contact_id,
        account_id,
        crm_id,
        email,
        email_local_part,
        email_domain,
        job_title,
        country,
        {%- for column in extra_columns %}
            {{ column }},
        {%- endfor %}
        created_at,
        updated_at

    from {{ ref('int_lead_scoring__contact_rows_checked') }}
    where
        quarantine_reason is null
        and (created_at is null or created_at < {{ dbt.dateadd('day', 1, as_of_date()) }})

),

reference_lists as (

    select
        list_name,
        lower(value) as list_value

    from {{ ref('stg_lead_scoring__reference_lists') }}

),

{% for list_name in ['free_mail_domain', 'competitor_domain', 'internal_domain', 'role_based_local_part'] %}
    {{ list_name }}s as (

        select distinct list_value
        from reference_lists
        where list_name = '{{ list_name }}'

    ),
{% endfor %}
final as (

    select
        -- a number per contact: the event-level models group, sort and join
        -- by it, cheaper than by text ids; the same in every run, so the
        -- incremental facts keyed by it stay valid
        {{ stable_key('contacts.contact_id') }} as contact_key,
        contacts.*,
        free_mail_domains.list_value is not null as is_free_mail,
        role_based_local_parts.list_value is not null as is_role_based,
        competitor_domains.list_value is not null as is_competitor,
        internal_domains.list_value is not null as is_internal

    from contacts
    left join free_mail_domains
        on contacts.email_domain = free_mail_domains.list_value
    left join role_based_local_parts
        on contacts.email_local_part = role_based_local_parts.list_value
    left join competitor_domains
        on contacts.email_domain = competitor_domains.list_value
    left join internal_domains
        on contacts.email_domain = internal_domains.list_value

)

select * from final
