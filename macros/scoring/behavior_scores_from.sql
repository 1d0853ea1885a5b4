{% macro behavior_scores_from(contacts, contributions, by_score_date=false) %}
    {#- CTEs up to `final`: behaviour score per (contact, model), or per
        (score_date, contact, model) when by_score_date: the contributions
        (`contributions`, per rule or sequence) minus the inactivity penalty,
        clamped to the model's floor and cap (docs/scoring.md §6). Every row
        of `contacts` gets a row for every model, with or without
        contributions. -#}
{%- set score_date = 'contacts.score_date' if by_score_date else as_of_date() %}
scoring_models as (

    select * from {{ ref('int_lead_scoring__config_models') }}

),

inactivity_steps as (

    select * from {{ ref('int_lead_scoring__config_inactivity_steps') }}

),

contribution_totals as (

    select
        {{ 'score_date,' if by_score_date }}
        contact_key,
        model_id,
        {{ exact_sum("points") }} as contribution_points,
        max(last_positive_activity_date) as last_positive_activity_date,
        max(last_strong_signal_date) as last_strong_signal_date

    from {{ contributions }}
    group by {{ 'score_date,' if by_score_date }} contact_key, model_id

),

contact_models as (

    select
        {{ 'contacts.score_date,' if by_score_date }}
        contacts.contact_key,
        scoring_models.model_id,
        scoring_models.product_id,
        scoring_models.score_floor,
        scoring_models.score_cap,
        coalesce(contribution_totals.contribution_points, 0) as contribution_points,
        contribution_totals.last_positive_activity_date,
        contribution_totals.last_strong_signal_date,
        {{ days_between('contribution_totals.last_positive_activity_date', score_date) }}
            as days_inactive

    from {{ contacts }} as contacts
    cross join scoring_models
    left join contribution_totals
        on
            contacts.contact_key = contribution_totals.contact_key
            and scoring_models.model_id = contribution_totals.model_id
            {%- if by_score_date %}
                and contacts.score_date = contribution_totals.score_date
            {%- endif %}

),

penalized as (

    select
        contact_models.*,
        coalesce(inactivity_steps.penalty_points, 0) as inactivity_penalty

    from contact_models
    left join inactivity_steps
        on
            contact_models.model_id = inactivity_steps.model_id
            and contact_models.days_inactive >= inactivity_steps.inactive_days_from
            and (
                inactivity_steps.inactive_days_to is null
                or contact_models.days_inactive < inactivity_steps.inactive_days_to
            )

),

clamped as (

    select
        *,
        {{ clamp('contribution_points - inactivity_penalty', 'score_floor', 'score_cap') }}
            as clamped_points

    from penalized

),

final as (

    select
        {{ 'score_date,' if by_score_date }}
        contact_key,
        model_id,
        product_id,
        contribution_points,
        inactivity_penalty,
        round(cast(clamped_points as {{ dbt.type_numeric() }}), 2) as behavior_score,
        days_inactive,
        last_positive_activity_date,
        last_strong_signal_date

    from clamped

)
{% endmacro %}
