-- The behaviour rules: var lead_scoring__behavior_rules (default: the package's seed
-- lead_scoring_behavior_rules), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__behavior_rules',
    ['model_id', 'rule_id', 'event_type', 'page_category', 'min_duration_seconds',
     'points', 'repeat_points', 'max_occurrences', 'window_days', 'half_life_days',
     'is_strong_signal', 'description'],
    required_columns=['model_id', 'rule_id', 'event_type', 'points', 'description'],
) }}
