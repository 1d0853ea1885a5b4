-- A shop without fit rules nor a grade gate: nobody is graded (null, not an
-- invented C) and routing follows the behaviour score alone: sales_now,
-- mql or nurture, never review or monitor (disqualified aside).
select contact_id, grade, routing
from {{ ref('lead_scores') }}
where grade is not null or fit_score <> 0 or routing not in ('sales_now', 'mql', 'nurture', 'disqualified')
