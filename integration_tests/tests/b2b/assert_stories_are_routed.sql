-- Each story lands where a person would put it. p01: VP at a 400-person
-- manufacturer in France, fit 10 (core market) + 20 (VP) + 15 (200-5000
-- employees) + 10 (target industry) = 55, grade A, demo request yesterday:
-- sales now. The rules on department, phone and first name match nobody:
-- the contacts have no such columns. p03 is a competitor; p06's anonymous
-- pricing visits count once stitched; p07, a job seeker, never goes to sales.
select contact_id, model_id, routing, grade, fit_score, behavior_score
from {{ ref('lead_scores') }}
where
    (contact_id = 'p01' and model_id = 'flow_v1'
        and not (routing = 'sales_now' and grade = 'A' and fit_score = 55))
    or (contact_id = 'p03' and routing <> 'disqualified')
    or (contact_id = 'p06' and model_id = 'insight_v1' and behavior_score <= 0)
    or (contact_id = 'p07' and is_mql)
    or (top_reasons like '%phone given%' or top_reasons like '%department%')
