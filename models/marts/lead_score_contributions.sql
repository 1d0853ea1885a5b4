-- The contribution ledger: every point of every score, traced to the event
-- and the rule or sequence that earned it. A view, derived on demand: the
-- scores are built from daily counts (int_lead_scoring__rule_points_daily), and the
-- ledger gives the same points event by event.
{{ config(materialized='view') }}

{%- set ledger_columns = [
    'event_id', 'model_id', 'rule_id', 'contact_key', 'product_id', 'event_type',
    'page_category', 'rule_description', 'occurrence_number', 'age_days', 'raw_points',
    'decay_factor', 'final_points', 'is_capped', 'is_strong_signal', 'event_date',
    'occurred_at',
] %}

with

rule_contributions as (

    select * from {{ ref('int_lead_scoring__events_scored') }}

),

sequence_bonuses as (

    select * from {{ ref('int_lead_scoring__sequence_bonuses') }}

),

contacts as (

    select
        contact_key,
        contact_id

    from {{ ref('int_lead_scoring__contacts_classified') }}

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
        contributions.event_id,
        contributions.model_id,
        contributions.rule_id,
        contacts.contact_id,
        contributions.contribution_type,
        contributions.product_id,
        contributions.event_type,
        contributions.page_category,
        contributions.rule_description,
        -- whole numbers are int on Spark (row_number, datediff): bigint as contracted
        cast(contributions.occurrence_number as {{ dbt.type_bigint() }}) as occurrence_number,
        cast(contributions.age_days as {{ dbt.type_bigint() }}) as age_days,
        contributions.raw_points,
        contributions.decay_factor,
        contributions.final_points,
        contributions.is_capped,
        contributions.is_strong_signal,
        contributions.event_date,
        contributions.occurred_at,
        {{ as_of_date() }} as as_of_date

    from contributions
    inner join contacts
        on contributions.contact_key = contacts.contact_key

)

select * from final
