-- The contribution ledger: every point of every score, traced to the event
-- and the rule or sequence that earned it. A view, derived on demand: the
-- scores are built from daily counts (int_rule_points_daily), and the
-- ledger gives the same points event by event.
{{ config(materialized='view') }}

{%- set ledger_columns = [
    'event_id', 'model_id', 'rule_id', 'contact_id', 'product_id', 'event_type',
    'page_category', 'rule_description', 'occurrence_number', 'age_days', 'raw_points',
    'decay_factor', 'final_points', 'is_capped', 'is_strong_signal', 'event_date',
    'occurred_at',
] %}

with

rule_contributions as (

    select * from {{ ref('int_events_scored') }}

),

sequence_bonuses as (

    select * from {{ ref('int_sequence_bonuses') }}

),

contributions as (

    select
        'behavior_rule' as contribution_type,
        {{ ledger_columns | join(',\n        ') }}
    from rule_contributions

    union all

    select
        'sequence' as contribution_type,
        {{ ledger_columns | join(',\n        ') }}
    from sequence_bonuses

),

final as (

    select
        event_id,
        model_id,
        rule_id,
        contact_id,
        contribution_type,
        product_id,
        event_type,
        page_category,
        rule_description,
        occurrence_number,
        age_days,
        raw_points,
        decay_factor,
        final_points,
        is_capped,
        is_strong_signal,
        event_date,
        occurred_at,
        {{ as_of_date() }} as as_of_date

    from contributions

)

select * from final
