-- The top three reasons of each score as text, behaviour and fit together,
-- e.g. "+30 demo request; +20 VP title; -15 inactive 45d" (docs/scoring.md
-- §6, §10).
with

contributions as (

    select * from {{ ref('int_lead_scoring__contributions_by_rule') }}

),

behavior_scores as (

    select * from {{ ref('int_lead_scoring__behavior_scores') }}

),

fit_scores as (

    select * from {{ ref('int_lead_scoring__fit_scores') }}

),

fit_rules as (

    select * from {{ ref('int_lead_scoring__config_fit_rules') }}

),

-- each distinct triple of top fit reasons (the reason_rank of a contact's
-- first three matched fit rules worth points), with their texts: looked up
-- once per triple, not once per contact
fit_reason_triples as (

    select distinct
        model_id,
        fit_reason_rank_1,
        fit_reason_rank_2,
        fit_reason_rank_3

    from fit_scores
    where fit_reason_rank_1 is not null

),

fit_reason_triple_rules as (

    select
        fit_reason_triples.model_id,
        fit_reason_triples.fit_reason_rank_1,
        fit_reason_triples.fit_reason_rank_2,
        fit_reason_triples.fit_reason_rank_3,
        fit_rules.points,
        fit_rules.reason

    from fit_reason_triples
    inner join fit_rules
        on
            fit_reason_triples.model_id = fit_rules.model_id
            and fit_rules.reason_rank in (
                fit_reason_triples.fit_reason_rank_1,
                fit_reason_triples.fit_reason_rank_2,
                fit_reason_triples.fit_reason_rank_3
            )

),

fit_reasons as (

    select
        fit_scores.contact_key,
        fit_scores.model_id,
        fit_reason_triple_rules.points,
        fit_reason_triple_rules.reason

    from fit_scores
    inner join fit_reason_triple_rules
        on
            fit_scores.model_id = fit_reason_triple_rules.model_id
            and fit_scores.fit_reason_rank_1 = fit_reason_triple_rules.fit_reason_rank_1
            -- reason ranks start at 1, so 0 can stand for "fewer rules matched"
            and coalesce(fit_scores.fit_reason_rank_2, 0)
            = coalesce(fit_reason_triple_rules.fit_reason_rank_2, 0)
            and coalesce(fit_scores.fit_reason_rank_3, 0)
            = coalesce(fit_reason_triple_rules.fit_reason_rank_3, 0)

),

rule_descriptions as (

    select
        model_id,
        rule_id,
        rule_description

    from {{ ref('int_lead_scoring__config_behavior_rules') }}

    union all

    select
        model_id,
        sequence_id as rule_id,
        sequence_description as rule_description

    from {{ ref('int_lead_scoring__config_sequence_rules') }}

),

-- descriptions joined to the per-rule totals, not carried through them
rule_totals as (

    select
        contributions.contact_key,
        contributions.model_id,
        rule_descriptions.rule_description,
        contributions.points,
        contributions.counted_occurrences

    from contributions
    inner join rule_descriptions
        on
            contributions.model_id = rule_descriptions.model_id
            and contributions.rule_id = rule_descriptions.rule_id

),

reasons as (

    select
        contact_key,
        model_id,
        points,
        {{ dbt.concat([
            format_points('points'),
            "' '",
            'rule_description',
            "case when counted_occurrences > 1 then "
                ~ dbt.concat(["' x'", "cast(counted_occurrences as " ~ dbt.type_string() ~ ")"])
                ~ " else '' end",
        ]) }} as reason

    from rule_totals
    where round(cast(points as {{ dbt.type_numeric() }}), 2) <> 0

    union all

    select
        contact_key,
        model_id,
        -inactivity_penalty as points,
        {{ dbt.concat([
            format_points('-inactivity_penalty'),
            "' inactive '",
            "cast(days_inactive as " ~ dbt.type_string() ~ ")",
            "'d'",
        ]) }} as reason

    from behavior_scores
    where inactivity_penalty <> 0

    union all

    select
        contact_key,
        model_id,
        points,
        reason

    from fit_reasons

),

ranked as (

    select
        *,
        row_number() over (
            partition by contact_key, model_id
            order by abs(round(cast(points as {{ dbt.type_numeric() }}), 2)) desc, reason
        ) as reason_rank

    from reasons

),

final as (

    select
        contact_key,
        model_id,
        -- three pivoted columns: cheaper than an ordered string aggregate
        concat_ws(
            '; ',
            {%- for rank in [1, 2, 3] %}
                max(case when reason_rank = {{ rank }} then reason end)
                {%- if not loop.last %},{% endif %}
            {%- endfor %}
        ) as top_reasons

    from ranked
    where reason_rank <= 3
    group by contact_key, model_id

)

select * from final
