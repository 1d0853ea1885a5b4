-- Typed view of seed lead_scoring_fit_rules (validated by its seed tests):
-- values lower-cased, `between` bounds as numbers (docs/scoring.md §8).
{{ config(materialized='view') }}

with

fit_rules as (

    select * from {{ ref('lead_scoring_fit_rules') }}

),

normalized as (

    select
        model_id,
        rule_id,
        lower(trim(attribute)) as attribute,
        lower(trim(operator)) as operator,
        lower(trim(value)) as rule_value,
        description as rule_description,
        points

    from fit_rules

),

final as (

    select
        model_id,
        rule_id,
        attribute,
        operator,
        rule_value,
        rule_description,
        cast(points as {{ type_double() }}) as points,
        case when operator = 'between' then {{ as_number(
            "nullif(trim(" ~ dbt.split_part('rule_value', "'|'", 1) ~ "), '')") }} end
            as low_value,
        case when operator = 'between' then {{ as_number(
            "nullif(trim(" ~ dbt.split_part('rule_value', "'|'", 2) ~ "), '')") }} end
            as high_value

    from normalized

)

select * from final
