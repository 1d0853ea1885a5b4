-- Typed grade bands (var lead_scoring__grade_bands) as fit-score ranges: a grade
-- covers [its min_fit_score, the next better grade's min_fit_score); D has
-- no lower end and A no upper end (docs/scoring.md §8).
{{ config(materialized='view') }}

with

grade_bands as (

    select * from {{ ref('stg_lead_scoring__grade_bands') }}

),

typed as (

    select
        model_id,
        upper(grade) as grade,
        cast(min_fit_score as {{ type_double() }}) as min_fit_score

    from grade_bands

),

final as (

    select
        model_id,
        grade,
        min_fit_score as fit_score_from,
        lag(min_fit_score) over (partition by model_id order by grade) as fit_score_to

    from typed

)

select * from final
