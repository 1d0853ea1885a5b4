-- One row per (contact, model, fit rule) that matches (docs/scoring.md §8).
-- Rules on values are evaluated once per distinct attribute value, not per
-- contact, then the matching values are joined back to the contacts
-- holding them; rules on presence (is_null, is_not_null) are tested on
-- each contact's attribute.
-- A view: int_lead_scoring__fit_scores sums and ranks the matches as they are computed.
-- The attributes are read twice where they are used, not through one CTE,
-- which DuckDB would materialise (a row per contact and attribute).
{{ config(materialized='view') }}

with

fit_rules as (

    select * from {{ ref('int_lead_scoring__config_fit_rules') }}

),

-- Whether a value is missing or set does not depend on the value: those
-- rules test every contact's attribute directly. The other rules are
-- evaluated on distinct values, which then stay few (a rule such as
-- "phone is_not_null" would match every distinct phone of every contact).
presence_rules as (

    select * from fit_rules
    where operator in ('is_null', 'is_not_null')

),

value_rules as (

    select * from fit_rules
    where operator not in ('is_null', 'is_not_null')

),

-- only attributes some value rule tests: the others can match none
value_tested_attributes as (

    select distinct attribute from value_rules

),

distinct_values as (

    select distinct
        contact_attributes.attribute,
        contact_attributes.attribute_value

    from {{ ref('int_lead_scoring__contact_fit_attributes') }} as contact_attributes
    inner join value_tested_attributes
        on contact_attributes.attribute = value_tested_attributes.attribute

),

matched_values as (

    select
        value_rules.model_id,
        value_rules.rule_id,
        distinct_values.attribute,
        distinct_values.attribute_value

    from distinct_values
    inner join value_rules
        on distinct_values.attribute = value_rules.attribute
    where {{ fit_rule_matches(
        'value_rules.operator', 'distinct_values.attribute_value', 'value_rules.rule_value',
        'value_rules.low_value', 'value_rules.high_value') }}

),

value_matches as (

    select
        contact_attributes.contact_key,
        matched_values.model_id,
        matched_values.rule_id

    from {{ ref('int_lead_scoring__contact_fit_attributes') }} as contact_attributes
    inner join matched_values
        on
            contact_attributes.attribute = matched_values.attribute
            -- values are never blank (blank = null), so '' can stand for null
            and coalesce(contact_attributes.attribute_value, '')
            = coalesce(matched_values.attribute_value, '')

),

presence_matches as (

    select
        contact_attributes.contact_key,
        presence_rules.model_id,
        presence_rules.rule_id

    from {{ ref('int_lead_scoring__contact_fit_attributes') }} as contact_attributes
    inner join presence_rules
        on contact_attributes.attribute = presence_rules.attribute
    where {{ fit_rule_matches(
        'presence_rules.operator', 'contact_attributes.attribute_value',
        'presence_rules.rule_value', 'presence_rules.low_value', 'presence_rules.high_value') }}

),

final as (

    select * from value_matches

    union all

    select * from presence_matches

)

select * from final
