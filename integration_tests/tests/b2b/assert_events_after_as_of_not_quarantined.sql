-- Scoring 2026-06-30: the visit of 2026-07-02 and the visits of p05
-- (created on 2026-07-10) are not yet visible, so neither quarantined nor
-- scored; a clock in year 2999, an unknown event type, a crawler and an
-- unknown contact are quarantined with their reasons.
with

quarantine as (

    select event_id, reason from {{ ref('lead_score_quarantine') }}

),

expected as (

    select *
    from (
        values
            ('w090', 'future_timestamp'),
            ('w091', 'unknown_event_type'),
            ('w092', 'bot_user_agent'),
            ('w093', 'unknown_contact')
    ) as expected_rows (event_id, reason)

)

select 'unexpected' as problem, quarantine.event_id, quarantine.reason
from quarantine
left join expected on quarantine.event_id = expected.event_id and quarantine.reason = expected.reason
where expected.event_id is null

union all

select 'missing' as problem, expected.event_id, expected.reason
from expected
left join quarantine on quarantine.event_id = expected.event_id and quarantine.reason = expected.reason
where quarantine.event_id is null

union all

select 'scored' as problem, event_id, rule_id
from {{ ref('lead_score_contributions') }}
where event_id in ('w080', 'w040')
