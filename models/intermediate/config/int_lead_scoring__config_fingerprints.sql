-- One row: a digest of the configuration that each incremental fact
-- depends on (docs/scoring.md §11). A fact row keeps the digest it was
-- built with; when the configuration changes, the rows of the old digest
-- are deleted and built again, so that an incremental run never mixes old
-- and new rules. Weights, decay, caps, windows and grades are not part of
-- it: they apply to the daily counts at every run.
{%- set digest = dbt.hash(lead_scoring.sorted_listagg("row_text", "'\n'")) %}

with

-- what decides an event's quarantine reason
event_check_rows as (

    select 'event_type|' || event_type as row_text
    from {{ ref('stg_lead_scoring__event_types') }}

    union all

    select list_name || '|' || lower(value)
    from {{ ref('stg_lead_scoring__reference_lists') }}
    where list_name in ('internal_domain', 'bot_user_agent')

    union all

    select 'bot_scanner_seconds|{{ number_var("lead_scoring__bot_scanner_seconds", 0, 86400) }}'

),

-- what decides the rule an accepted event matches
rule_matching_rows as (

    select 'model|' || model_id || '|' || coalesce(product_id, '') as row_text
    from {{ ref('stg_lead_scoring__models') }}

    union all

    select
        'rule|' || model_id || '|' || rule_id || '|' || lower(event_type)
        || '|' || coalesce(page_category, '') || '|' || coalesce(min_duration_seconds, '')
    from {{ ref('stg_lead_scoring__behavior_rules') }}

    union all

    select
        'page|' || url_pattern || '|' || page_category || '|' || coalesce(product_id, '')
        || '|' || coalesce(priority, '')
    from {{ ref('stg_lead_scoring__page_categories') }}

),

-- what decides the sequences an accepted event completes
sequence_rows as (

    select
        'sequence|' || model_id || '|' || sequence_id || '|' || coalesce(within_days, '')
        {%- for step in [1, 2, 3] %}
            || '|' || coalesce(lower(step_{{ step }}_event_type), '')
            || '|' || coalesce(step_{{ step }}_page_category, '')
        {%- endfor %} as row_text
    from {{ ref('stg_lead_scoring__sequence_rules') }}

    union all

    select row_text from rule_matching_rows
    where row_text like 'model|%' or row_text like 'page|%'

),

final as (

    select
        (select {{ digest }} from event_check_rows) as event_checks_fingerprint,
        (select {{ digest }} from rule_matching_rows) as rule_matching_fingerprint,
        (select {{ digest }} from sequence_rows) as sequence_fingerprint

)

select * from final
