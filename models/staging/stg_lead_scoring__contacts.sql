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
        created_at,
        updated_at

    from renamed

)

select * from final
