-- The CRM exported p04 twice: the most recently updated row is scored, the
-- other one is in the contact quarantine, and the build went on.
select 'quarantine' as problem, contact_id, reason
from {{ ref('lead_score_contact_quarantine') }}
where not (contact_id = 'p04' and reason = 'duplicate_contact_id' and email = 'carl.old@betalogistics.com')

union all

select 'scored row' as problem, contact_id, email
from {{ ref('lead_scores') }}
where contact_id = 'p04' and email <> 'carl@betalogistics.com'

union all

select 'quarantine count' as problem, cast(count(*) as varchar), null
from {{ ref('lead_score_contact_quarantine') }}
having count(*) <> 1
