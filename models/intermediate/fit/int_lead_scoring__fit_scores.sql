-- Fit score and grade per (contact, model): the sum of matching fit rules,
-- placed in the model's grade bands; competitors and internal contacts get
-- D whatever their points; a model without grade bands grades nobody (null)
-- (docs/scoring.md §8). Also the reason_rank of the first three fit rules
-- worth points the contact matched: only those can be among a score's top
-- three reasons (§10), and few distinct triples exist, so the reasons are
-- looked up once per triple, not once per contact. No limit on the number
-- of fit rules.
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

-- each matched rule with its place among the contact's matched rules worth
-- points (null for rules worth 0, which have no reason_rank)
fit_rules_numbered as (

    select
        fit_rules_matched.contact_key,
        fit_rules_matched.model_id,
        fit_rules.points,
        fit_rules.reason_rank,
        case
            when fit_rules.reason_rank is not null
                then row_number() over (
                        partition by
                            fit_rules_matched.contact_key,
                            fit_rules_matched.model_id,
                            fit_rules.reason_rank is null
                        order by fit_rules.reason_rank
                    )
        end as position_in_contact

    from fit_rules_matched
    inner join fit_rules
        on
            fit_rules_matched.model_id = fit_rules.model_id
            and fit_rules_matched.rule_id = fit_rules.rule_id

),

fit_totals as (

    select
        contact_key,
        model_id,
        {{ exact_sum('points') }} as fit_points,
        max(case when position_in_contact = 1 then reason_rank end) as fit_reason_rank_1,
        max(case when position_in_contact = 2 then reason_rank end) as fit_reason_rank_2,
        max(case when position_in_contact = 3 then reason_rank end) as fit_reason_rank_3

    from fit_rules_numbered
    group by contact_key, model_id

),

contact_models as (

    select
        contacts.contact_key,
        scoring_models.model_id,
        round(cast(coalesce(fit_totals.fit_points, 0) as {{ dbt.type_numeric() }}), 2)
            as fit_score,
        fit_totals.fit_reason_rank_1,
        fit_totals.fit_reason_rank_2,
        fit_totals.fit_reason_rank_3

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
        contact_models.fit_reason_rank_1,
        contact_models.fit_reason_rank_2,
        contact_models.fit_reason_rank_3

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
