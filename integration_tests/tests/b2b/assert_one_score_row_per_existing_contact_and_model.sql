-- Contract-only inputs, shipped rules: every contact that exists as of
-- 2026-06-30 gets one row per model (p08's id is trimmed, p04's duplicate
-- row is set aside, p05 is created on 2026-07-10: no row yet).
with

expected as (

    select contact_id, model_id
    from (values ('p01'), ('p02'), ('p03'), ('p04'), ('p06'), ('p07'), ('p08')) as contacts (contact_id)
    cross join (values ('flow_v1'), ('insight_v1')) as models (model_id)

),

actual as (

    select contact_id, model_id from {{ ref('lead_scores') }}

)

select 'missing' as problem, expected.contact_id, expected.model_id
from expected
left join actual
    on expected.contact_id = actual.contact_id and expected.model_id = actual.model_id
where actual.contact_id is null

union all

select 'unexpected' as problem, actual.contact_id, actual.model_id
from actual
left join expected
    on expected.contact_id = actual.contact_id and expected.model_id = actual.model_id
where expected.contact_id is null
