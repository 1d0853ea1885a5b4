-- Points per (score date, contact, model, rule, day) from the daily counts
-- visible on each date of int_lead_scoring__score_dates (rule_points_by_day,
-- docs/scoring.md §13). A view: int_lead_scoring__behavior_scores_at_dates
-- sums it as it is computed.
{{ config(materialized='view') }}

{{ lead_scoring.rule_points_by_day(ref('int_lead_scoring__score_dates')) }}
