-- Typed view of seed lead_scoring_models (validated by its seed tests).
{{ config(materialized='view') }}

with

scoring_models as (

    select * from {{ ref('lead_scoring_models') }}

),

final as (

    select
        model_id,
        product_id,
        description as model_description,
        min_grade_for_mql,
        cast(mql_threshold as {{ type_double() }}) as mql_threshold,
        cast(score_floor as {{ type_double() }}) as score_floor,
        cast(score_cap as {{ type_double() }}) as score_cap,
        cast(default_half_life_days as {{ type_double() }}) as default_half_life_days,
        cast(fast_track_window_days as {{ dbt.type_int() }}) as fast_track_window_days

    from scoring_models

)

select * from final
