-- For every (model, event type, page category) an event can have, the rules
-- that can win, each with the duration range over which it wins.
-- The most specific rule wins (docs/scoring.md §4): a rule with a page
-- category before one without, then the most demanding time-on-page gate
-- the event passes (largest min_duration_seconds), then the smallest
-- rule_id. So rule k wins for durations in
-- [its minimum, the smallest minimum of the rules ranked before it); a rule
-- shadowed everywhere (same category and gate as a smaller rule_id) is
-- rejected by the config check behavior_rules__reachable. Matching an event
-- is then one equi-join plus a range test, no ranking per event.
with

scoring_models as (

    select * from {{ ref('int_lead_scoring__config_models') }}

),

behavior_rules as (

    select * from {{ ref('int_lead_scoring__config_behavior_rules') }}

),

event_page_categories as (

    select distinct page_category from {{ ref('int_lead_scoring__config_page_categories') }}

    union all

    -- events on no categorised page (or with no URL)
    select cast(null as {{ dbt.type_string() }}) as page_category

),

candidate_rules as (

    select
        behavior_rules.model_id,
        behavior_rules.event_type,
        coalesce(event_page_categories.page_category, '') as page_category_key,
        behavior_rules.rule_id,
        coalesce(behavior_rules.min_duration_seconds, 0) as duration_from,
        row_number() over (
            partition by
                behavior_rules.model_id,
                behavior_rules.event_type,
                event_page_categories.page_category
            order by
                case when behavior_rules.page_category is null then 1 else 0 end,
                coalesce(behavior_rules.min_duration_seconds, 0) desc,
                behavior_rules.rule_id
        ) as match_priority

    from behavior_rules
    inner join event_page_categories
        on
            behavior_rules.page_category = event_page_categories.page_category
            or behavior_rules.page_category is null

),

ranged as (

    select
        *,
        min(duration_from) over (
            partition by model_id, event_type, page_category_key
            order by match_priority
            rows between unbounded preceding and 1 preceding
        ) as duration_to

    from candidate_rules

),

final as (

    select
        ranged.model_id,
        ranged.event_type,
        ranged.page_category_key,
        ranged.rule_id,
        -- a number per (model, rule): daily counts group and sort by it,
        -- cheaper than by text; the same in every run (incremental facts)
        {{ stable_key("ranged.model_id || '|' || ranged.rule_id") }} as rule_key,
        scoring_models.product_id,
        behavior_rules.rule_description,
        behavior_rules.points,
        behavior_rules.repeat_points,
        behavior_rules.max_occurrences,
        behavior_rules.window_days,
        -- null or 0 = no decay; a rule's own half-life beats the model's
        coalesce(behavior_rules.half_life_days, scoring_models.default_half_life_days)
            as half_life_days,
        ranged.duration_from,
        ranged.duration_to,
        ranged.match_priority,
        behavior_rules.is_strong_signal

    from ranged
    inner join behavior_rules
        on
            ranged.model_id = behavior_rules.model_id
            and ranged.rule_id = behavior_rules.rule_id
    inner join scoring_models
        on ranged.model_id = scoring_models.model_id
    -- a rule shadowed by earlier rules with lower minimums never wins
    where ranged.duration_to is null or ranged.duration_from < ranged.duration_to

)

select * from final
