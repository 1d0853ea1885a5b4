-- Typed page categories (var lead_scoring__page_categories, checked in
-- stg_lead_scoring__page_categories).
{{ config(materialized='view') }}

with

page_categories as (

    select * from {{ ref('stg_lead_scoring__page_categories') }}

),

final as (

    select
        url_pattern,
        page_category,
        product_id,
        cast(priority as {{ dbt.type_int() }}) as priority

    from page_categories

)

select * from final
