with

source as (

    select * from {{ var('lead_scoring__accounts') }}

),

final as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(crm_id as {{ dbt.type_string() }}) as crm_id,
        lower(trim(domain)) as domain,
        name as account_name,
        industry,
        country,
        cast(employee_count as {{ dbt.type_int() }}) as employee_count,
        cast(annual_revenue as {{ dbt.type_numeric() }}) as annual_revenue

    from source

)

select * from final
