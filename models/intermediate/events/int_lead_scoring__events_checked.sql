-- Every raw event exactly once, with its stitched contact and the first
-- quarantine reason that applies among reasons 1-10 of docs/scoring.md §3
-- (click bursts, reason 11, need the survivors: int_lead_scoring__email_click_bursts), or
-- 'after_as_of' when it is not yet visible as of the scoring date (it
-- occurred later, or its contact was created later): not a quarantine
-- reason, such an event is neither scored nor quarantined.
-- The one model that scans the raw events.
--
-- Incremental (docs/scoring.md §11): a run reads again the raw events of
-- int_lead_scoring__event_window and checks again the stored events that
-- wait for a contact (no contact yet, an unknown one, one created later),
-- since an identity or a contact may have arrived since; each replaces its
-- row by row_key. The other stored rows do not change.
-- Spark has no delete+insert: it appends, then a post-hook deletes the
-- rows replaced (after: the run reads some of them from this table).
--
-- Columns that only the quarantine shows (raw and stitched contact ids,
-- anonymous id, campaign, user agent, ip, send time) are kept on the rows
-- that may end up there: those that fail a check or are not yet visible,
-- and e-mail clicks, whose burst check (by campaign) comes next. The
-- accepted rows, nearly all of them, stay narrow: writing this table, the
-- largest of the build, is much of its cost.
--
-- The staged events are read where they are used, not through one CTE:
-- DuckDB materialises a CTE read more than once, which here means copying
-- every wide event row (and spilling at 10M events) before any work starts.
-- depends_on: {{ ref('int_lead_scoring__event_window') }}
{{ config(
    materialized='incremental',
    incremental_strategy=lead_scoring.incremental_strategy('delete+insert'),
    unique_key='row_key',
    on_schema_change='fail',
    pre_hook="{{ lead_scoring.delete_rows_of_other_configuration('event_checks_fingerprint') }}",
    post_hook="{{ lead_scoring.delete_rows_replaced_in_this_run('row_key') }}",
) }}

with

identities as (

    select * from {{ ref('int_lead_scoring__identities_resolved') }}

),

contacts as (

    select
        contact_key,
        contact_id,
        is_internal

    from {{ ref('int_lead_scoring__contacts_classified') }}

),

-- known contacts that do not exist yet as of the scoring date
contacts_created_later as (

    select contact_id

    from {{ ref('int_lead_scoring__contact_rows_checked') }}
    where
        quarantine_reason is null
        and created_at >= {{ dbt.dateadd('day', 1, as_of_date()) }}

),

event_types as (

    select distinct event_type
    from {{ ref('stg_lead_scoring__event_types') }}

),

bot_user_agent_patterns as (

    select distinct lower(value) as pattern
    from {{ ref('stg_lead_scoring__reference_lists') }}
    where list_name = 'bot_user_agent'

),

-- match the few distinct user agents of the events read, not every event
bot_user_agents as (

    select distinct user_agents.user_agent

    from (
        select distinct events.user_agent
        from {{ ref('stg_lead_scoring__events') }} as events
        where {{ in_event_window('events.occurred_at') }}
        {%- if is_incremental() %}

            union

            select distinct user_agent from {{ this }}
            where first_reason in ('missing_contact', 'unknown_contact', 'after_as_of')
        {%- endif %}
    ) as user_agents
    inner join bot_user_agent_patterns
        on {{ dbt.position('bot_user_agent_patterns.pattern', 'lower(user_agents.user_agent)') }} > 0

),

duplicated_event_ids as (

    select * from {{ ref('int_lead_scoring__event_ids_duplicated') }}

),

{%- set raw_columns = ['event_id', 'contact_id', 'anonymous_id', 'event_type', 'url',
    'product_id', 'campaign_id', 'duration_seconds', 'user_agent', 'ip', 'occurred_at',
    'email_sent_at'] %}

{%- set text = dbt.type_string() %}
{%- set cells = [] %}
{%- for column in raw_columns if column != 'event_id' %}
    {%- do cells.append("coalesce(cast(events." ~ column ~ " as " ~ text ~ "), '')") %}
{%- endfor %}
{%- set content_digest = dbt.hash(cells | join(" || '|' || ")) %}

-- the events this run reads, each with a key: its event id and its rank
-- among the copies of that id (copies stored by earlier runs come first:
-- they occurred earlier); rows without an id, all quarantined, are keyed
-- by their content and their rank among identical rows
ranked_events as (

    select
        events.*,
        1 as event_id_rank,
        events.event_id || '#1' as row_key

    from {{ ref('stg_lead_scoring__events') }} as events
    left join duplicated_event_ids
        on events.event_id = duplicated_event_ids.event_id
    where
        {{ in_event_window('events.occurred_at') }}
        and events.event_id is not null
        and duplicated_event_ids.event_id is null

    union all

    select
        events.*,
        duplicated_event_ids.earlier_copies + row_number() over (
            partition by events.event_id
            order by
                {%- for column in raw_columns if column != 'event_id' %}
                    events.{{ column }} nulls last{% if not loop.last %},{% endif %}
                {%- endfor %}
        ) as event_id_rank,
        null as row_key

    from {{ ref('stg_lead_scoring__events') }} as events
    inner join duplicated_event_ids
        on events.event_id = duplicated_event_ids.event_id
    where {{ in_event_window('events.occurred_at') }}

    union all

    select
        events.*,
        1 as event_id_rank,
        -- identical rows: any order ranks them alike (Spark wants one)
        '#' || {{ content_digest }} || '#' || cast(row_number() over (
            partition by {{ content_digest }}
            order by {{ content_digest }}
        ) as {{ text }}) as row_key

    from {{ ref('stg_lead_scoring__events') }} as events
    where
        {{ in_event_window('events.occurred_at') }}
        and events.event_id is null

    {%- if is_incremental() %}

        union all

        -- stored events waiting for a contact, checked again
        select
            event_id,
            raw_contact_id as contact_id,
            anonymous_id,
            event_type,
            url,
            product_id,
            campaign_id,
            user_agent,
            ip,
            duration_seconds,
            occurred_at,
            email_sent_at,
            1 as event_id_rank,
            row_key

        from {{ this }}
        where
            first_reason in ('missing_contact', 'unknown_contact', 'after_as_of')
            and not {{ in_event_window('occurred_at') }}
    {%- endif %}

),

stitched as (

    select
        ranked_events.*,
        coalesce(ranked_events.contact_id, identities.contact_id) as resolved_contact_id,
        case when ranked_events.contact_id is null then identities.identified_date end
            as identified_date

    from ranked_events
    left join identities
        on
            ranked_events.contact_id is null
            and ranked_events.anonymous_id = identities.anonymous_id

),

checked as (

    select
        stitched.*,
        contacts.contact_key,
        case
            when stitched.event_id is null then 'missing_event_id'
            when stitched.event_id_rank > 1 then 'duplicate_event_id'
            when stitched.occurred_at is null then 'invalid_timestamp'
            when stitched.occurred_at > {{ dbt.dateadd(
                'minute', number_var('lead_scoring__future_tolerance_minutes', 0, 525600),
                run_clock()) }}
                then 'future_timestamp'
            when stitched.occurred_at >= {{ dbt.dateadd('day', 1, as_of_date()) }}
                then 'after_as_of'
            when event_types.event_type is null then 'unknown_event_type'
            when stitched.resolved_contact_id is null then 'missing_contact'
            when contacts.contact_id is null and contacts_created_later.contact_id is null
                then 'unknown_contact'
            when contacts.contact_id is null then 'after_as_of'
            when contacts.is_internal then 'internal_traffic'
            when bot_user_agents.user_agent is not null then 'bot_user_agent'
            when
                stitched.event_type in ('email_open', 'email_click')
                and stitched.occurred_at < {{ dbt.dateadd(
                    'second', number_var('lead_scoring__bot_scanner_seconds', 0, 86400),
                    'stitched.email_sent_at') }}
                then 'bot_email_scanner'
        end as first_reason

    from stitched
    left join event_types
        on stitched.event_type = event_types.event_type
    left join contacts
        on stitched.resolved_contact_id = contacts.contact_id
    left join contacts_created_later
        on stitched.resolved_contact_id = contacts_created_later.contact_id
    left join bot_user_agents
        on stitched.user_agent = bot_user_agents.user_agent

),

{%- set quarantine_only_columns = {
    'resolved_contact_id': 'stitched_contact_id',
    'contact_id': 'raw_contact_id',
    'anonymous_id': 'anonymous_id',
    'campaign_id': 'campaign_id',
    'user_agent': 'user_agent',
    'ip': 'ip',
    'email_sent_at': 'email_sent_at',
} %}

final as (

    select
        coalesce(
            checked.row_key,
            checked.event_id || '#' || cast(checked.event_id_rank as {{ dbt.type_string() }})
        ) as row_key,
        checked.event_id,
        checked.contact_key,
        checked.event_type,
        checked.url,
        checked.product_id,
        checked.duration_seconds,
        checked.occurred_at,
        -- the day it can count from (point-in-time scores): its own, or a
        -- later one when it was stitched through a later identification
        case
            when checked.identified_date > cast(checked.occurred_at as date)
                then checked.identified_date
            else cast(checked.occurred_at as date)
        end as visible_date,
        checked.first_reason,
        {%- for column, name in quarantine_only_columns.items() %}
            case
                when checked.first_reason is not null or checked.event_type = 'email_click'
                    then checked.{{ column }}
            end as {{ name }},
        {%- endfor %}
        -- which run wrote the row, for the incremental daily counts
        {{ as_of_date() }} as loaded_as_of,
        {{ run_started_at_timestamp() }} as loaded_at,
        fingerprints.event_checks_fingerprint as config_fingerprint

    from checked
    cross join {{ ref('int_lead_scoring__config_fingerprints') }} as fingerprints

)

select * from final
