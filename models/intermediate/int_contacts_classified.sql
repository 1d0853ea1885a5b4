-- Contacts with the address flags that scoring, quarantine and fit use.
with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

-- a number per contact: the event-level models group, sort and join by
-- it, cheaper than by text ids of any length. Numbered on the id alone (a
-- window over the wide rows would make DuckDB write them in one thread),
-- read apart from the contacts CTE, which DuckDB would otherwise copy.
contact_keys as (

    select
        contact_id,
        row_number() over (order by contact_id) as contact_key

    from {{ ref('stg_lead_scoring__contacts') }}

),

reference_lists as (

    select
        list_name,
        lower(trim(value)) as list_value

    from {{ ref('lead_scoring_reference_lists') }}

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
        contact_keys.contact_key,
        contacts.*,
        free_mail_domains.list_value is not null as is_free_mail,
        role_based_local_parts.list_value is not null as is_role_based,
        competitor_domains.list_value is not null as is_competitor,
        internal_domains.list_value is not null as is_internal

    from contacts
    inner join contact_keys
        on contacts.contact_id = contact_keys.contact_id
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
