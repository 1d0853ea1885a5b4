-- Fit score and grade per (contact, model): the sum of matching fit rules,
-- placed in the model's grade bands; competitors and internal contacts get
-- D whatever their points; a model without grade bands grades nobody (null)
-- (docs/scoring.md §8). Also which fit rules
-- matched, as a set of bits (bit n-1 = the model's fit reason of
-- reason_rank n): few distinct sets exist, so the reasons (§10) pick the
-- top fit reasons once per set, not once per contact.
with

contacts as (

    select contact_key from {{ ref('int_lead_scoring__contacts_classified') }}

),

scoring_models as (

    select model_id from {{ ref('int_lead_scoring__config_models') }}

),

fit_rules_matched as (

    select * from {{ ref('int_lead_scoring__fit_rules_matched') }}

),

fit_rules as (

    select * from {{ ref('int_lead_scoring__config_fit_rules') }}

),

grade_bands as (

    select * from {{ ref('int_lead_scoring__config_grade_bands') }}

),

-- competitors and internal contacts: contacts and accounts only, so the
-- grades do not wait for the event scan
excluded_contacts as (

    select contact_key from {{ ref('int_lead_scoring__contacts_excluded_by_domain') }}

),

fit_totals as (

    select
        fit_rules_matched.contact_key,
        fit_rules_matched.model_id,
        {{ exact_sum('fit_rules.points') }} as fit_points,
        coalesce(
            sum(cast(power(2, fit_rules.reason_rank - 1) as {{ dbt.type_bigint() }})), 0
        ) as fit_reasons_mask

    from fit_rules_matched
    inner join fit_rules
        on
            fit_rules_matched.model_id = fit_rules.model_id
            and fit_rules_matched.rule_id = fit_rules.rule_id
    group by fit_rules_matched.contact_key, fit_rules_matched.model_id

),

contact_models as (

    select
        contacts.contact_key,
        scoring_models.model_id,
        round(cast(coalesce(fit_totals.fit_points, 0) as {{ dbt.type_numeric() }}), 2)
            as fit_score,
        coalesce(fit_totals.fit_reasons_mask, 0) as fit_reasons_mask

    from contacts
    cross join scoring_models
    left join fit_totals
        on
            contacts.contact_key = fit_totals.contact_key
            and scoring_models.model_id = fit_totals.model_id

),

final as (

    select
        contact_models.contact_key,
        contact_models.model_id,
        case
            when grade_bands.grade is not null and excluded_contacts.contact_key is not null
                then 'D'
            else grade_bands.grade
        end as grade,
        contact_models.fit_score,
        contact_models.fit_reasons_mask

    from contact_models
    left join grade_bands
        on
            contact_models.model_id = grade_bands.model_id
            and (
                grade_bands.fit_score_from is null
                or contact_models.fit_score >= grade_bands.fit_score_from
            )
            and (
                grade_bands.fit_score_to is null
                or contact_models.fit_score < grade_bands.fit_score_to
            )
    left join excluded_contacts
        on contact_models.contact_key = excluded_contacts.contact_key

)

select * from final
