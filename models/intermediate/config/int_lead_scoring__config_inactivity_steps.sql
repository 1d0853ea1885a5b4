-- Inactivity steps as day ranges [inactive_days, next step's inactive_days),
-- so that a score finds its one step with an equi-join plus a range test.
{{ config(materialized='view') }}

with

inactivity_steps as (

    select * from {{ ref('stg_lead_scoring__inactivity_steps') }}

),

typed as (

    select
        model_id,
        cast(inactive_days as {{ dbt.type_int() }}) as inactive_days,
        cast(penalty_points as {{ type_double() }}) as penalty_points

    from inactivity_steps

),

final as (

    select
        model_id,
        penalty_points,
        inactive_days as inactive_days_from,
        lead(inactive_days) over (
            partition by model_id order by inactive_days
        ) as inactive_days_to

    from typed

)

select * from final
