-- Typed fit rules (var lead_scoring__fit_rules, checked in
-- stg_lead_scoring__fit_rules):
-- values lower-cased, `between` bounds as numbers (docs/scoring.md §8), and
-- each rule's reason text with its place among the model's fit reasons
-- (§10): a fit rule always says the same, so this is written once here.
{{ config(materialized='view') }}

with

fit_rules as (

    select * from {{ ref('stg_lead_scoring__fit_rules') }}

),

normalized as (

    select
        model_id,
        rule_id,
        lower(attribute) as attribute,
        lower(operator) as operator,
        lower(value) as rule_value,
        description as rule_description,
        points

    from fit_rules

),

typed as (

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

),

reasons as (

    select
        *,
        case
            when round(cast(points as {{ dbt.type_numeric() }}), 2) <> 0
                then {{ dbt.concat([format_points('points'), "' '", 'rule_description']) }}
        end as reason

    from typed

),

final as (

    select
        *,
        -- largest absolute points first, then by text; rules worth 0 say nothing
        case
            when reason is not null
                then row_number() over (
                        partition by model_id, reason is null
                        order by abs(round(cast(points as {{ dbt.type_numeric() }}), 2)) desc, reason asc, rule_id asc
                    )
        end as reason_rank

    from reasons

)

select * from final
