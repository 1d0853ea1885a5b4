-- The inactivity steps: var lead_scoring__inactivity_steps (default: the package's seed
-- lead_scoring_inactivity_steps), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__inactivity_steps',
    ['model_id', 'inactive_days', 'penalty_points'],
    required_columns=['model_id', 'inactive_days', 'penalty_points'],
) }}
