-- One row per (contact, model, fit rule) that matches (docs/scoring.md §8).
-- Rules are evaluated once per distinct attribute value, not per contact,
-- then the matching values are joined back to the contacts holding them.
-- A view: int_fit_scores sums and ranks the matches as they are computed.
-- The attributes are read twice where they are used, not through one CTE,
-- which DuckDB would materialise (a row per contact and attribute).
{{ config(materialized='view') }}

with

fit_rules as (

    select * from {{ ref('int_config_fit_rules') }}

),

-- only attributes some rule tests: the others can match nothing
tested_attributes as (

    select distinct attribute from fit_rules

),

distinct_values as (

    select distinct
        contact_attributes.attribute,
        contact_attributes.attribute_value

    from {{ ref('int_contact_fit_attributes') }} as contact_attributes
    inner join tested_attributes
        on contact_attributes.attribute = tested_attributes.attribute

),

matched_values as (

    select
        fit_rules.model_id,
        fit_rules.rule_id,
        distinct_values.attribute,
        distinct_values.attribute_value

    from distinct_values
    inner join fit_rules
        on distinct_values.attribute = fit_rules.attribute
    where {{ fit_rule_matches(
        'fit_rules.operator', 'distinct_values.attribute_value', 'fit_rules.rule_value',
        'fit_rules.low_value', 'fit_rules.high_value') }}

),

final as (

    select
        contact_attributes.contact_key,
        matched_values.model_id,
        matched_values.rule_id

    from {{ ref('int_contact_fit_attributes') }} as contact_attributes
    inner join matched_values
        on
            contact_attributes.attribute = matched_values.attribute
            -- values are never blank (blank = null), so '' can stand for null
            and coalesce(contact_attributes.attribute_value, '')
            = coalesce(matched_values.attribute_value, '')

)

select * from final
