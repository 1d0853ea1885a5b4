-- One row per (score date, contact, model) for the past dates of var
-- lead_scoring__score_dates: the score, grade and routing each lead had on
-- that date, from the stored facts and only what was visible by then
-- (docs/scoring.md §13). What backtests and analysts read; empty when the
-- var is.
with

requested_dates as (

    select score_date from {{ ref('int_lead_scoring__score_dates') }}
    where is_requested

),

contacts as (

    select * from {{ ref('int_lead_scoring__contacts_classified') }}

),

behavior_scores as (

    select * from {{ ref('int_lead_scoring__behavior_scores_at_dates') }}

),

fit_scores as (

    select * from {{ ref('int_lead_scoring__fit_scores') }}

),

lead_routing as (

    select * from {{ ref('int_lead_scoring__leads_routed_at_dates') }}

),

final as (

    select
        behavior_scores.score_date,
        contacts.contact_id,
        behavior_scores.model_id,
        behavior_scores.product_id,
        contacts.account_id,
        contacts.crm_id,
        fit_scores.grade,
        lead_routing.routing,
        lead_routing.disqualification_reason,
        cast(behavior_scores.behavior_score as decimal(12, 2)) as behavior_score,
        cast(fit_scores.fit_score as decimal(12, 2)) as fit_score,
        behavior_scores.contribution_points,
        behavior_scores.inactivity_penalty,
        cast(behavior_scores.days_inactive as {{ dbt.type_int() }}) as days_inactive,
        lead_routing.is_mql,
        lead_routing.is_fast_track,
        behavior_scores.last_positive_activity_date,
        behavior_scores.last_strong_signal_date

    from behavior_scores
    inner join requested_dates
        on behavior_scores.score_date = requested_dates.score_date
    inner join contacts
        on behavior_scores.contact_key = contacts.contact_key
    inner join fit_scores
        on
            behavior_scores.contact_key = fit_scores.contact_key
            and behavior_scores.model_id = fit_scores.model_id
    inner join lead_routing
        on
            behavior_scores.score_date = lead_routing.score_date
            and behavior_scores.contact_key = lead_routing.contact_key
            and behavior_scores.model_id = lead_routing.model_id

)

select * from final
