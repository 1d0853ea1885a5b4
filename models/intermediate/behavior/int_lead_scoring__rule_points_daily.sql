-- Points per (contact, model, rule, day) as of the scoring date
-- (rule_points_by_day, docs/scoring.md §5): the same numbers as the
-- event-level ledger, from fewer rows. A view: int_lead_scoring__rule_points
-- sums it per rule as it is computed.
{{ config(materialized='view') }}

{{ lead_scoring.rule_points_by_day() }}
