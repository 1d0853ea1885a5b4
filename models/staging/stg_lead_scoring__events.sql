-- Casts and normalisation only (docs/scoring.md §1). Nothing is filtered:
-- every raw row flows on to int_lead_scoring__events_checked, which accepts it, puts it
-- in the quarantine, or leaves it for a later as_of.
{%- set events = lead_scoring.input_relation(
    'lead_scoring__events',
    ['event_id', 'contact_id', 'anonymous_id', 'event_type', 'occurred_at', 'url', 'product_id',
     'campaign_id', 'duration_seconds', 'user_agent', 'ip', 'email_sent_at'],
    required_columns=['event_id', 'event_type', 'occurred_at'],
) %}
{%- set text = dbt.type_string() %}

with

source as (

    select * from {{ events.relation }}

),

final as (

    select
        {{ clean_id(input_column(events, 'event_id', text)) }} as event_id,
        {{ clean_id(input_column(events, 'contact_id', text)) }} as contact_id,
        {{ clean_id(input_column(events, 'anonymous_id', text)) }} as anonymous_id,
        lower(trim(cast({{ input_column(events, 'event_type', text) }} as {{ text }})))
            as event_type,
        {{ clean_id(input_column(events, 'url', text)) }} as url,
        {{ clean_id(input_column(events, 'product_id', text)) }} as product_id,
        {{ clean_id(input_column(events, 'campaign_id', text)) }} as campaign_id,
        cast({{ input_column(events, 'user_agent', text) }} as {{ text }}) as user_agent,
        cast({{ input_column(events, 'ip', text) }} as {{ text }}) as ip,
        {{ whole_number(input_column(events, 'duration_seconds', dbt.type_bigint())) }}
            as duration_seconds,
        {{ input_timestamp(events, 'occurred_at') }} as occurred_at,
        {{ input_timestamp(events, 'email_sent_at') }} as email_sent_at

    from source

)

select * from final
