-- The top three reasons of each score as text, e.g.
-- "+30 demo request; +12.5 pricing x3; -15 inactive 45d" (docs/scoring.md §6).
with

scored_events as (

    select * from {{ ref('int_events_scored') }}

),

behavior_scores as (

    select * from {{ ref('int_behavior_scores') }}

),

behavior_rules as (

    select * from {{ ref('int_config_behavior_rules') }}

),

rule_sums as (

    select
        contact_id,
        model_id,
        rule_id,
        {{ exact_sum("final_points") }} as points,
        sum(case when is_capped then 0 else 1 end) as counted_occurrences

    from scored_events
    group by contact_id, model_id, rule_id

),

-- descriptions joined after the aggregation, not carried through it
rule_totals as (

    select
        rule_sums.contact_id,
        rule_sums.model_id,
        behavior_rules.rule_description,
        rule_sums.points,
        rule_sums.counted_occurrences

    from rule_sums
    inner join behavior_rules
        on
            rule_sums.model_id = behavior_rules.model_id
            and rule_sums.rule_id = behavior_rules.rule_id

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
        {{ dbt.listagg('reason', "'; '", 'order by reason_rank') }} as top_reasons

    from ranked
    where reason_rank <= 3
    group by contact_id, model_id

)

select * from final
