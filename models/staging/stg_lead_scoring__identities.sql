with

source as (

    {% if var('lead_scoring__identities_enabled') %}
        select * from {{ var('lead_scoring__identities') }}
    {% else %}
        -- input disabled: an empty relation of the same shape
        select
            cast(null as {{ dbt.type_string() }}) as anonymous_id,
            cast(null as {{ dbt.type_string() }}) as contact_id,
            cast(null as {{ dbt.type_timestamp() }}) as identified_at
        where 1 = 0
    {% endif %}

),

final as (

    select
        nullif(trim(cast(anonymous_id as {{ dbt.type_string() }})), '') as anonymous_id,
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        cast(identified_at as {{ dbt.type_timestamp() }}) as identified_at

    from source

)

select * from final
