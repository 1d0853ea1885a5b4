{#- Contract columns, then the extra columns that fit rules may test
    (var lead_scoring__fit_contact_attributes), as text. -#}
{%- set contract_columns = ['contact_id', 'account_id', 'crm_id', 'email', 'job_title',
    'country', 'created_at', 'updated_at'] -%}
{%- set extra_columns = [] -%}
{%- for column in var('lead_scoring__fit_contact_attributes') -%}
    {%- if column not in contract_columns -%}{%- do extra_columns.append(column) -%}{%- endif -%}
{%- endfor %}
with

source as (

    select * from {{ var('lead_scoring__contacts') }}

),

renamed as (

    select
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(crm_id as {{ dbt.type_string() }}) as crm_id,
        lower(trim(email)) as email,
        job_title,
        country,
        {%- for column in extra_columns %}
            cast({{ column }} as {{ dbt.type_string() }}) as {{ column }},
        {%- endfor %}
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at

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
