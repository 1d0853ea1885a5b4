-- Where each (contact, model) went on each date of
-- int_lead_scoring__score_dates (leads_routed_from, docs/scoring.md §9, §13).
with

behavior_scores as (

    select * from {{ ref('int_lead_scoring__behavior_scores_at_dates') }}

),

disqualified_contacts as (

    select * from {{ ref('int_lead_scoring__contacts_disqualified_at_dates') }}

),

{{ lead_scoring.leads_routed_from('behavior_scores', 'disqualified_contacts', by_score_date=true) }}

select * from final
