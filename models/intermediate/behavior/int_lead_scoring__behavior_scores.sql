-- Behaviour score per (contact, model) as of the scoring date: ledger points
-- minus the inactivity penalty, clamped to the model's floor and cap
-- (behavior_scores_from, docs/scoring.md §6). Every contact gets a row for
-- every model, with or without events.
with

contacts as (

    select contact_key from {{ ref('int_lead_scoring__contacts_classified') }}

),

contributions as (

    select * from {{ ref('int_lead_scoring__contributions_by_rule') }}

),

{{ lead_scoring.behavior_scores_from('contacts', 'contributions') }}

select * from final
