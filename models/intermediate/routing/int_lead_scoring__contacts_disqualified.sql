-- Contacts that must never go to sales as of the scoring date, with the
-- first reason that applies (contacts_disqualified_from, docs/scoring.md §9).
with

contacts as (

    select contact_key from {{ ref('int_lead_scoring__contacts_classified') }}

),

{{ lead_scoring.contacts_disqualified_from('contacts') }}

select * from final
