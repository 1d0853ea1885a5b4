-- The top three reasons of each score as text, behaviour and fit together,
-- e.g. "+30 demo request; +20 VP title; -15 inactive 45d" (docs/scoring.md
-- §6, §10).
with

contributions as (

    select * from {{ ref('int_contributions_daily') }}

),

behavior_scores as (

    select * from {{ ref('int_behavior_scores') }}

),

fit_rules_matched as (

    select * from {{ ref('int_fit_rules_matched') }}

),

-- a fit rule's reason text is the same for every contact: written once
fit_rule_reasons as (

    select
        model_id,
        rule_id,
        points,
        {{ dbt.concat([format_points('points'), "' '", 'rule_description']) }} as reason

    from {{ ref('int_config_fit_rules') }}
    where round(points, 2) <> 0

),

rule_descriptions as (

    select
        model_id,
        rule_id,
        rule_description

    from {{ ref('int_config_behavior_rules') }}

    union all

    select
        model_id,
        sequence_id as rule_id,
        sequence_description as rule_description

    from {{ ref('int_config_sequence_rules') }}

),

rule_sums as (

    select
        contact_id,
        model_id,
        rule_id,
        {{ exact_sum("final_points") }} as points,
        sum(counted_occurrences) as counted_occurrences

    from contributions
    group by contact_id, model_id, rule_id

),

-- descriptions joined after the aggregation, not carried through it
rule_totals as (

    select
        rule_sums.contact_id,
        rule_sums.model_id,
        rule_descriptions.rule_description,
        rule_sums.points,
        rule_sums.counted_occurrences

    from rule_sums
    inner join rule_descriptions
        on
            rule_sums.model_id = rule_descriptions.model_id
            and rule_sums.rule_id = rule_descriptions.rule_id

),

reasons as (

    select
        contact_id,
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
    where round(points, 2) <> 0

    union all

    select
        contact_id,
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
        fit_rules_matched.contact_id,
        fit_rules_matched.model_id,
        fit_rule_reasons.points,
        fit_rule_reasons.reason

    from fit_rules_matched
    inner join fit_rule_reasons
        on
            fit_rules_matched.model_id = fit_rule_reasons.model_id
            and fit_rules_matched.rule_id = fit_rule_reasons.rule_id

),

ranked as (

    select
        *,
        row_number() over (
            partition by contact_id, model_id
            order by abs(round(points, 2)) desc, reason
        ) as reason_rank

    from reasons

),

final as (

    select
        contact_id,
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
    group by contact_id, model_id

)

select * from final
