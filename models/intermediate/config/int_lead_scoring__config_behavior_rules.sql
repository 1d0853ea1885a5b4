-- Typed behaviour rules (var lead_scoring__behavior_rules, checked in
-- stg_lead_scoring__behavior_rules).
{{ config(materialized='view') }}

with

behavior_rules as (

    select * from {{ ref('stg_lead_scoring__behavior_rules') }}

),

final as (

    select
        model_id,
        rule_id,
        lower(event_type) as event_type,
        page_category,
        description as rule_description,
        cast(points as {{ type_double() }}) as points,
        cast(repeat_points as {{ type_double() }}) as repeat_points,
        cast(min_duration_seconds as {{ dbt.type_int() }}) as min_duration_seconds,
        cast(max_occurrences as {{ dbt.type_int() }}) as max_occurrences,
        cast(window_days as {{ dbt.type_int() }}) as window_days,
        cast(half_life_days as {{ type_double() }}) as half_life_days,
        coalesce(cast(lower(is_strong_signal) as {{ dbt.type_boolean() }}), false)
            as is_strong_signal

    from behavior_rules

)

select * from final
