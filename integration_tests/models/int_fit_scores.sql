-- This project's own fit scores (a fixed score per industry), named like a
-- model lead_scoring used to have: the package's models all carry its
-- prefix, so nothing here collides with them.
select
    account_id,
    case when industry = 'Manufacturing' then 10 else 0 end as fit_score

from {{ ref('crm_companies') }}
