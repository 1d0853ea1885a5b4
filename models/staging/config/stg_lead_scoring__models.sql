-- The scoring models (one per product): var lead_scoring__models (default: the package's seed
-- lead_scoring_models), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__models',
    ['model_id', 'product_id', 'description', 'mql_threshold', 'min_grade_for_mql',
     'score_floor', 'score_cap', 'default_half_life_days', 'fast_track_window_days'],
    required_columns=['model_id', 'product_id', 'mql_threshold', 'score_floor', 'score_cap',
     'fast_track_window_days'],
) }}
