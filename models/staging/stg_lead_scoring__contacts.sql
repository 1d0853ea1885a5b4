-- Contacts, typed and normalised (docs/scoring.md §1): ids trimmed, e-mail
-- lower-cased and split, timestamps in UTC, then the extra columns that fit
-- rules may test (var lead_scoring__fit_contact_attributes), as text, null
-- when the relation lacks them. Every row: duplicates are sorted out in
-- int_lead_scoring__contact_rows_checked.
{%- set contract_columns = ['contact_id', 'account_id', 'crm_id', 'email', 'job_title',
    'country', 'created_at', 'updated_at'] %}
{%- set extra_columns = extra_input_columns('lead_scoring__fit_contact_attributes', contract_columns) %}
{%- set contacts = lead_scoring.input_relation(
    'lead_scoring__contacts', contract_columns, required_columns=['contact_id'],
    extra_columns=extra_columns, extra_columns_var='lead_scoring__fit_contact_attributes',
) %}
{%- set text = dbt.type_string() %}

with

source as (

    select * from {{ contacts.relation }}

),

renamed as (

    select
        {{ clean_id(input_column(contacts, 'contact_id', text)) }} as contact_id,
        {{ clean_id(input_column(contacts, 'account_id', text)) }} as account_id,
        {{ clean_id(input_column(contacts, 'crm_id', text)) }} as crm_id,
        lower(trim(cast({{ input_column(contacts, 'email', text) }} as {{ text }}))) as email,
        cast({{ input_column(contacts, 'job_title', text) }} as {{ text }}) as job_title,
        cast({{ input_column(contacts, 'country', text) }} as {{ text }}) as country,
        {%- for column in extra_columns %}
            cast({{ input_column(contacts, column, text) }} as {{ text }}) as {{ column }},
        {%- endfor %}
        {{ input_timestamp(contacts, 'created_at') }} as created_at,
        {{ input_timestamp(contacts, 'updated_at') }} as updated_at

    from source

),

final as (

    select
        contact_id,
        account_id,
        crm_id,
        email,
        {{ email_local_part('email') }} as email_local_part,
        {{ email_domain('email') }} as email_domain,
        job_title,
        country,
        {%- for column in extra_columns %}
            {{ column }},
        {%- endfor %}
        created_at,
        updated_at

    from renamed

)

select * from final
