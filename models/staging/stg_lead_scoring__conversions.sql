with

source as (

    {% if var('lead_scoring__conversions_enabled') %}
        select * from {{ var('lead_scoring__conversions') }}
    {% else %}
        -- input disabled: an empty relation of the same shape
        select
            cast(null as {{ dbt.type_string() }}) as conversion_id,
            cast(null as {{ dbt.type_string() }}) as contact_id,
            cast(null as {{ dbt.type_string() }}) as product_id,
            cast(null as {{ dbt.type_numeric() }}) as amount,
            cast(null as {{ dbt.type_timestamp() }}) as converted_at
        where 1 = 0
    {% endif %}

),

final as (

    select
        cast(conversion_id as {{ dbt.type_string() }}) as conversion_id,
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        cast(product_id as {{ dbt.type_string() }}) as product_id,
        cast(amount as {{ dbt.type_numeric() }}) as amount,
        cast(converted_at as {{ dbt.type_timestamp() }}) as converted_at

    from source

)

select * from final
