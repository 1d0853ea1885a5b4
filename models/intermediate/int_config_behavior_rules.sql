-- Typed view of seed lead_scoring_behavior_rules (validated by its seed tests).
{{ config(materialized='view') }}

with

behavior_rules as (

    select * from {{ ref('lead_scoring_behavior_rules') }}

),

final as (

    select
        model_id,
        rule_id,
        lower(trim(event_type)) as event_type,
        nullif(trim(page_category), '') as page_category,
        description as rule_description,
        cast(points as {{ type_double() }}) as points,
        cast(repeat_points as {{ type_double() }}) as repeat_points,
        cast(min_duration_seconds as {{ dbt.type_int() }}) as min_duration_seconds,
        cast(max_occurrences as {{ dbt.type_int() }}) as max_occurrences,
        cast(window_days as {{ dbt.type_int() }}) as window_days,
        cast(half_life_days as {{ type_double() }}) as half_life_days,
        coalesce(cast(is_strong_signal as {{ dbt.type_boolean() }}), false)
            as is_strong_signal

    from behavior_rules

)

select * from final
