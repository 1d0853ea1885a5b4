-- The grade bands: var lead_scoring__grade_bands (default: the package's seed
-- lead_scoring_grade_bands), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__grade_bands',
    ['model_id', 'grade', 'min_fit_score', 'description'],
    required_columns=['model_id', 'grade', 'min_fit_score'],
) }}
