-- One row per (contact, model): the score sales and the CRM act on, with
-- the ids to join it back, the fit grade, the routing and the reasons
-- behind them. Each aspect comes from its own intermediate model keyed by
-- (contact_id, model_id), so new aspects are new joins, not a reshape.
with

contacts as (

    select * from {{ ref('int_lead_scoring__contacts_classified') }}

),

accounts as (

    select
        account_id,
        crm_id

    from {{ ref('int_lead_scoring__accounts_deduplicated') }}

),

behavior_scores as (

    select * from {{ ref('int_lead_scoring__behavior_scores') }}

),

fit_scores as (

    select * from {{ ref('int_lead_scoring__fit_scores') }}

),

lead_routing as (

    select * from {{ ref('int_lead_scoring__leads_routed') }}

),

score_reasons as (

    select * from {{ ref('int_lead_scoring__score_reasons') }}

),

scoring_models as (

    select * from {{ ref('int_lead_scoring__config_models') }}

),

-- ranked on these columns alone: a window sorts every column it carries
score_ranks as (

    select
        contact_key,
        model_id,
        -- 1 = the model's best lead; behind the cap and the floor the
        -- unclamped points still order leads (to 1e-6, so that float noise
        -- does not split true ties)
        -- bigint as contracted (rank() is int on Spark)
        cast(rank() over (
            partition by model_id
            order by
                behavior_score desc,
                round(
                    cast(contribution_points - inactivity_penalty as {{ dbt.type_numeric() }}),
                    6
                ) desc
        ) as {{ dbt.type_bigint() }}) as score_rank

    from behavior_scores

),

calibration as (

    select * from {{ ref('int_lead_scoring__conversion_calibration') }}

),

final as (

    select
        contacts.contact_id,
        behavior_scores.model_id,
        behavior_scores.product_id,
        contacts.account_id,
        contacts.crm_id,
        accounts.crm_id as account_crm_id,
        contacts.email,
        fit_scores.grade,
        lead_routing.routing,
        lead_routing.disqualification_reason,
        score_reasons.top_reasons,
        cast(behavior_scores.behavior_score as decimal(12, 2)) as behavior_score,
        cast(fit_scores.fit_score as decimal(12, 2)) as fit_score,
        behavior_scores.contribution_points,
        behavior_scores.inactivity_penalty,
        cast(behavior_scores.days_inactive as {{ dbt.type_int() }}) as days_inactive,
        lead_routing.is_mql,
        lead_routing.is_fast_track,
        behavior_scores.last_positive_activity_date,
        behavior_scores.last_strong_signal_date,
        score_ranks.score_rank,
        calibration.conversion_probability,
        {{ as_of_date() }} as as_of_date

    from behavior_scores
    inner join contacts
        on behavior_scores.contact_key = contacts.contact_key
    inner join fit_scores
        on
            behavior_scores.contact_key = fit_scores.contact_key
            and behavior_scores.model_id = fit_scores.model_id
    inner join lead_routing
        on
            behavior_scores.contact_key = lead_routing.contact_key
            and behavior_scores.model_id = lead_routing.model_id
    inner join score_ranks
        on
            behavior_scores.contact_key = score_ranks.contact_key
            and behavior_scores.model_id = score_ranks.model_id
    left join accounts
        on contacts.account_id = accounts.account_id
    left join score_reasons
        on
            behavior_scores.contact_key = score_reasons.contact_key
            and behavior_scores.model_id = score_reasons.model_id
    inner join scoring_models
        on behavior_scores.model_id = scoring_models.model_id
    left join calibration
        on
            behavior_scores.model_id = calibration.model_id
            and {{ score_band_index(
                'behavior_scores.behavior_score', 'scoring_models.score_floor', 'scoring_models.score_cap', 10
            ) }} >= calibration.band_index_from
            and {{ score_band_index(
                'behavior_scores.behavior_score', 'scoring_models.score_floor', 'scoring_models.score_cap', 10
            ) }} < calibration.band_index_to

)

select * from final
