-- The fit rules: var lead_scoring__fit_rules (default: the package's seed
-- lead_scoring_fit_rules), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__fit_rules',
    ['model_id', 'rule_id', 'attribute', 'operator', 'value', 'points', 'description'],
    required_columns=['model_id', 'rule_id', 'attribute', 'operator', 'points', 'description'],
) }}
