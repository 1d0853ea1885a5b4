-- s01 started checkout yesterday (a strong signal): sales now. s02 signed up
-- in the pop-up and filled a cart this week: over the threshold of 30, an
-- MQL. s03 bought already and reads the returns page (a negative signal,
-- its first reason, decayed over 3 days: -10 x 0.5^(3/7) = -7.43): score 0,
-- nurture. s04 unsubscribed.
-- s05 visited once: nurture.
select contact_id, routing, behavior_score, top_reasons
from {{ ref('lead_scores') }}
where
    (contact_id = 's01' and routing <> 'sales_now')
    or (contact_id = 's02' and not (routing = 'mql' and behavior_score >= 30))
    or (contact_id = 's03' and not (
        routing = 'nurture' and behavior_score = 0 and top_reasons like '-7.43 returns page;%'))
    or (contact_id = 's04' and routing <> 'disqualified')
    or (contact_id = 's05' and routing <> 'nurture')
    or contact_id not in ('s01', 's02', 's03', 's04', 's05')
