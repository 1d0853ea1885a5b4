-- The sequence rules: var lead_scoring__sequence_rules (default: the package's seed
-- lead_scoring_sequence_rules), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__sequence_rules',
    ['model_id', 'sequence_id', 'step_1_event_type', 'step_1_page_category',
     'step_2_event_type', 'step_2_page_category', 'step_3_event_type',
     'step_3_page_category', 'within_days', 'points', 'half_life_days', 'description'],
    required_columns=['model_id', 'sequence_id', 'step_1_event_type', 'step_2_event_type', 'within_days',
     'points', 'description'],
) }}
