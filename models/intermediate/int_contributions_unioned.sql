-- Every contribution to a behaviour score: rule points per event and
-- sequence bonuses, in one ledger shape (docs/scoring.md §5, §7).
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

final as (

    select
        'behavior_rule' as contribution_type,
        {{ ledger_columns | join(',\n        ') }}
    from rule_contributions

    union all

    select
        'sequence' as contribution_type,
        {{ ledger_columns | join(',\n        ') }}
    from sequence_bonuses

)

select * from final
