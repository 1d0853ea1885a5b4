-- This project's account_scores and the package's account_scores both
-- exist, each in its own schema: ref() in this project finds its own.
select 'own model' as problem, count(*) as row_count
from {{ ref('account_scores') }}
having count(*) <> 3 or max(account_score) <> 12

union all

select 'package mart' as problem, count(*) as row_count
from {{ ref('lead_scoring', 'account_scores') }}
having count(*) <> 6
