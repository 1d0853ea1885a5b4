-- Typed sequence rules (var lead_scoring__sequence_rules), with the model's product
-- and default half-life resolved (docs/scoring.md §7).
{{ config(materialized='view') }}

with

sequence_rules as (

    select * from {{ ref('stg_lead_scoring__sequence_rules') }}

),

scoring_models as (

    select * from {{ ref('int_lead_scoring__config_models') }}

),

final as (

    select
        sequence_rules.model_id,
        sequence_rules.sequence_id,
        scoring_models.product_id,
        sequence_rules.description as sequence_description,
        {%- for step in [1, 2, 3] %}
            lower(sequence_rules.step_{{ step }}_event_type) as step_{{ step }}_event_type,
            sequence_rules.step_{{ step }}_page_category,
        {%- endfor %}
        case when sequence_rules.step_3_event_type is null then 2 else 3 end as step_count,
        cast(sequence_rules.within_days as {{ dbt.type_int() }}) as within_days,
        cast(sequence_rules.points as {{ type_double() }}) as points,
        coalesce(
            cast(sequence_rules.half_life_days as {{ type_double() }}),
            scoring_models.default_half_life_days
        ) as half_life_days

    from sequence_rules
    inner join scoring_models
        on sequence_rules.model_id = scoring_models.model_id

)

select * from final
