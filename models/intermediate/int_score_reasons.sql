-- The top three reasons of each score as text, e.g.
-- "+30 demo request; +12.5 pricing x3; -15 inactive 45d" (docs/scoring.md §6).
with

scored_events as (

    select * from {{ ref('int_events_scored') }}

),

behavior_scores as (

    select * from {{ ref('int_behavior_scores') }}

),

rule_totals as (

    select
        contact_id,
        model_id,
        rule_description,
        {{ exact_sum("final_points") }} as points,
        sum(case when is_capped then 0 else 1 end) as counted_occurrences

    from scored_events
    group by contact_id, model_id, rule_id, rule_description

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
