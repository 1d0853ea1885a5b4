-- The known event types: var lead_scoring__event_types (default: the package's seed
-- lead_scoring_event_types), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__event_types',
    ['event_type', 'channel', 'description'],
    required_columns=['event_type'],
) }}
