-- Each distinct URL of the accepted events, normalised and given its page
-- category: patterns are matched once per URL, not once per event.
with

urls as (

    select distinct url
    from {{ ref('int_lead_scoring__events_classified') }}
    where is_accepted and url is not null

),

page_categories as (

    select * from {{ ref('int_lead_scoring__config_page_categories') }}

),

normalized as (

    select
        url,
        {{ normalize_url('url') }} as normalized_url

    from urls

),

matched as (

    select
        normalized.url,
        normalized.normalized_url,
        page_categories.page_category,
        page_categories.product_id,
        row_number() over (
            partition by normalized.url
            order by
                page_categories.priority,
                page_categories.page_category,
                page_categories.url_pattern
        ) as match_rank

    from normalized
    left join page_categories
        on lower(normalized.normalized_url) like lower(page_categories.url_pattern)

),

final as (

    select
        url,
        normalized_url,
        page_category,
        product_id as page_product_id

    from matched
    where match_rank = 1

)

select * from final
