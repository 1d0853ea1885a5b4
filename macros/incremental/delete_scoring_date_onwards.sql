{% macro delete_scoring_date_onwards(date_column) %}
    {#- Pre-hook of the marts that keep one state per scoring date (history,
        transitions): delete the rows of this run's scoring date and later,
        so that a run again on the same date (an hourly sync) replaces its
        rows, and a backfill rebuilds the days after in order. -#}
    {%- if execute and is_incremental() -%}
        {{ lead_scoring.delete_rows(this, date_column ~ ' >= ' ~ lead_scoring.as_of_date()) }}
    {%- endif -%}
{% endmacro %}
