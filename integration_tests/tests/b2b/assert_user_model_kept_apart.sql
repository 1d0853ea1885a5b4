-- This project's account_scores and int_fit_scores build beside the
-- package's models, and ref() in this project finds its own.
select 'own account_scores' as problem, count(*) as row_count
from {{ ref('account_scores') }}
having count(*) <> 3 or max(account_score) <> 12

union all

select 'own int_fit_scores' as problem, count(*) as row_count
from {{ ref('int_fit_scores') }}
having count(*) <> 3 or max(fit_score) <> 10

union all

select 'package roll-up' as problem, count(*) as row_count
from {{ ref('lead_score_accounts') }}
having count(*) <> 6
