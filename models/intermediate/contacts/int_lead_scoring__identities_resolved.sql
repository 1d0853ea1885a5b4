-- One contact per anonymous_id, among the identifications known as of the
-- scoring date (docs/scoring.md §2): the earliest wins (ties: the smallest
-- contact_id), so stitching is deterministic.
{{ config(materialized='view') }}

with

identities as (

    select * from {{ ref('stg_lead_scoring__identities') }}
    where
        anonymous_id is not null
        and contact_id is not null
        and (identified_at is null or identified_at < {{ dbt.dateadd('day', 1, as_of_date()) }})

),

ranked as (

    select
        anonymous_id,
        contact_id,
        cast(identified_at as date) as identified_date,
        row_number() over (
            partition by anonymous_id
            order by identified_at nulls last, contact_id
        ) as identification_rank

    from identities

),

final as (

    select
        anonymous_id,
        contact_id,
        identified_date

    from ranked
    where identification_rank = 1

)

select * from final
