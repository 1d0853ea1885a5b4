-- Contacts that must never go to sales as of each date of
-- int_lead_scoring__score_dates, among the contacts created by then
-- (contacts_disqualified_from, docs/scoring.md §9, §13).
{{ config(materialized='view') }}

with

contacts as (

    select distinct
        score_date,
        contact_key

    from {{ ref('int_lead_scoring__behavior_scores_at_dates') }}

),

{{ lead_scoring.contacts_disqualified_from('contacts', by_score_date=true) }}

select * from final
