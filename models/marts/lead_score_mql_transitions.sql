-- One row each time a (contact, model) enters or leaves the sales-ready
-- state, MQL or sales_now (docs/scoring.md §12): the date, the score, the
-- routing before and after, and the reasons at that moment.
--
-- Hysteresis: a lead enters when it is routed mql or sales_now, and leaves
-- only when it is routed elsewhere and, unless its grade or a
-- disqualification sent it away (review, disqualified), its score is below
-- the model's mql_threshold minus var lead_scoring__mql_exit_margin. So
-- decay alone does not make it flap in and out around the threshold.
--
-- Each run compares its scoring date with the state the previous runs
-- left (the latest transition before that date); a run again on the same
-- date replaces that date's rows. Its history is lead_score_history's:
-- tests/test_incremental.py replays it.
{{ config(
    materialized='incremental',
    incremental_strategy=lead_scoring.incremental_strategy('append'),
    on_schema_change='fail',
    full_refresh=false,
    pre_hook="{{ lead_scoring.delete_scoring_date_onwards('transition_date') }}",
) }}
{%- set exit_margin = number_var('lead_scoring__mql_exit_margin', 0, 1000000, is_whole=false) %}

with

lead_scores as (

    select * from {{ ref('lead_scores') }}

),

scoring_models as (

    select
        model_id,
        mql_threshold

    from {{ ref('int_lead_scoring__config_models') }}

),

-- the routing of each lead on the latest earlier scoring date (null: not in
-- the history that day)
previous_scoring_date as (

    select max(score_date) as score_date
    from {{ ref('lead_score_history') }}
    where score_date < {{ as_of_date() }}

),

previous_routing as (

    select
        history.contact_id,
        history.model_id,
        history.routing

    from {{ ref('lead_score_history') }} as history
    inner join previous_scoring_date
        on history.score_date = previous_scoring_date.score_date

),

-- the leads in the sales-ready state before this date
{%- if is_incremental() %}

latest_transitions as (

    select
        contact_id,
        model_id,
        transition,
        row_number() over (
            partition by contact_id, model_id
            order by transition_date desc
        ) as recency

    from {{ this }}

),

ready_before as (

    select
        contact_id,
        model_id

    from latest_transitions
    where recency = 1 and transition = 'entered'

),
{%- else %}

    ready_before as (

        select
            cast(null as {{ dbt.type_string() }}) as contact_id,
            cast(null as {{ dbt.type_string() }}) as model_id
        where false

    ),
{%- endif %}

states as (

    select
        lead_scores.contact_id,
        lead_scores.model_id,
        lead_scores.behavior_score,
        lead_scores.grade,
        lead_scores.routing,
        lead_scores.top_reasons,
        previous_routing.routing as routing_before,
        ready_before.contact_id is not null as was_ready,
        case
            when lead_scores.routing in ('mql', 'sales_now') then true
            when ready_before.contact_id is null then false
            when lead_scores.routing in ('review', 'disqualified') then false
            else lead_scores.behavior_score >= scoring_models.mql_threshold - {{ exit_margin }}
        end as is_ready

    from lead_scores
    inner join scoring_models
        on lead_scores.model_id = scoring_models.model_id
    left join ready_before
        on
            lead_scores.contact_id = ready_before.contact_id
            and lead_scores.model_id = ready_before.model_id
    left join previous_routing
        on
            lead_scores.contact_id = previous_routing.contact_id
            and lead_scores.model_id = previous_routing.model_id

),

final as (

    select
        {{ as_of_date() }} as transition_date,
        contact_id,
        model_id,
        -- the contract's varchar (a bare literal is text on PostgreSQL, which an
        -- incremental run would take for a change of column type)
        cast(case when is_ready then 'entered' else 'left' end as {{ dbt.type_string() }}) as transition,
        behavior_score,
        grade,
        routing_before,
        routing as routing_after,
        top_reasons

    from states
    where is_ready <> was_ready

)

select * from final
