-- Casts and light normalisation only. Nothing is filtered here: every raw
-- row flows on to int_events_classified, which accepts or quarantines it.
with

source as (

    select * from {{ var('lead_scoring__events') }}

),

final as (

    select
        nullif(trim(cast(event_id as {{ dbt.type_string() }})), '') as event_id,
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        nullif(trim(cast(anonymous_id as {{ dbt.type_string() }})), '') as anonymous_id,
        lower(trim(event_type)) as event_type,
        nullif(trim(url), '') as url,
        nullif(trim(cast(product_id as {{ dbt.type_string() }})), '') as product_id,
        nullif(trim(cast(campaign_id as {{ dbt.type_string() }})), '') as campaign_id,
        user_agent,
        cast(ip as {{ dbt.type_string() }}) as ip,
        {{ dbt.safe_cast('duration_seconds', dbt.type_int()) }} as duration_seconds,
        {{ dbt.safe_cast('occurred_at', dbt.type_timestamp()) }} as occurred_at,
        {{ dbt.safe_cast('email_sent_at', dbt.type_timestamp()) }} as email_sent_at

    from source

)

select * from final
