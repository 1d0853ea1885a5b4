-- The reference lists: var lead_scoring__reference_lists (default: the package's seed
-- lead_scoring_reference_lists), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__reference_lists',
    ['list_name', 'value'],
    required_columns=['list_name', 'value'],
) }}
