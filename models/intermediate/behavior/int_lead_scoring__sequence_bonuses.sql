-- Sequence and burst bonuses (docs/scoring.md §7): one ledger row per
-- (contact, model, sequence) completed, dated by its latest completion
-- (int_lead_scoring__sequence_completions), decayed to the scoring date.
with

completions as (

    select * from {{ ref('int_lead_scoring__sequence_completions') }}

),

sequences as (

    select * from {{ ref('int_lead_scoring__config_sequence_rules') }}

),

latest_completions as (

    select
        completions.event_id,
        sequences.model_id,
        sequences.sequence_id,
        completions.contact_key,
        sequences.product_id,
        -- the completing event is of the last step's type
        case
            when sequences.step_count = 2 then sequences.step_2_event_type
            else sequences.step_3_event_type
        end as event_type,
        case
            when sequences.step_count = 2 then sequences.step_2_page_category
            else sequences.step_3_page_category
        end as page_category,
        sequences.sequence_description,
        sequences.points,
        {{ decay_factor(
            days_between('cast(completions.occurred_at as date)', as_of_date()),
            'sequences.half_life_days'
        ) }} as decay_factor,
        {{ days_between('cast(completions.occurred_at as date)', as_of_date()) }} as age_days,
        cast(completions.occurred_at as date) as event_date,
        completions.occurred_at

    from completions
    inner join sequences
        on
            completions.model_id = sequences.model_id
            and completions.sequence_id = sequences.sequence_id

),

final as (

    select
        event_id,
        model_id,
        sequence_id as rule_id,
        contact_key,
        product_id,
        event_type,
        page_category,
        sequence_description as rule_description,
        1 as occurrence_number,
        age_days,
        points as raw_points,
        decay_factor,
        points * decay_factor as final_points,
        false as is_capped,
        false as is_strong_signal,
        event_date,
        occurred_at

    from latest_completions

)

select * from final
