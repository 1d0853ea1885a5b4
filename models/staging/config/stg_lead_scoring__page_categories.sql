-- The page categories (URL patterns): var lead_scoring__page_categories (default: the package's seed
-- lead_scoring_page_categories), as trimmed text for the config checks.
{{ lead_scoring.config_as_text(
    'lead_scoring__page_categories',
    ['url_pattern', 'page_category', 'product_id', 'priority', 'description'],
    required_columns=['url_pattern', 'page_category', 'priority'],
) }}
