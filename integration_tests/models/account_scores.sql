-- This project's own account scores (from its CRM), named like the
-- package's account roll-up (lead_score_accounts, once account_scores).
select
    account_id,
    name as account_name,
    employee_count / 100 as account_score

from {{ ref('crm_companies') }}
