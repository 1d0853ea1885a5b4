-- Typed view of seed lead_scoring_page_categories (validated by its seed tests).
{{ config(materialized='view') }}

with

page_categories as (

    select * from {{ ref('lead_scoring_page_categories') }}

),

final as (

    select
        url_pattern,
        page_category,
        nullif(trim(product_id), '') as product_id,
        cast(priority as {{ dbt.type_int() }}) as priority

    from page_categories

)

select * from final
