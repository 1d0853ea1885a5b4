-- Where each (contact, model) goes as of the scoring date, from the score x
-- grade matrix (leads_routed_from, docs/scoring.md §9): exactly one routing
-- value, and the flags that follow from it.
with

behavior_scores as (

    select * from {{ ref('int_lead_scoring__behavior_scores') }}

),

disqualified_contacts as (

    select * from {{ ref('int_lead_scoring__contacts_disqualified') }}

),

{{ lead_scoring.leads_routed_from('behavior_scores', 'disqualified_contacts') }}

select * from final
