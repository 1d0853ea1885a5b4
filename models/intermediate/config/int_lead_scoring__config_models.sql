-- Typed scoring models (var lead_scoring__models, checked in
-- stg_lead_scoring__models). An empty min_grade_for_mql = no grade gate.
{{ config(materialized='view') }}

with

scoring_models as (

    select * from {{ ref('stg_lead_scoring__models') }}

),

final as (

    select
        model_id,
        product_id,
        description as model_description,
        upper(min_grade_for_mql) as min_grade_for_mql,
        cast(mql_threshold as {{ type_double() }}) as mql_threshold,
        cast(score_floor as {{ type_double() }}) as score_floor,
        cast(score_cap as {{ type_double() }}) as score_cap,
        cast(default_half_life_days as {{ type_double() }}) as default_half_life_days,
        cast(fast_track_window_days as {{ dbt.type_int() }}) as fast_track_window_days

    from scoring_models

)

select * from final
