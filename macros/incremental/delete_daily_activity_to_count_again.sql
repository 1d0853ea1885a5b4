{% macro delete_daily_activity_to_count_again() %}
    {#- Pre-hook of int_lead_scoring__rule_activity_daily: delete the counts
        built with other rule-matching configuration than today's, and those
        of the days this run counts again (counted_again). -#}
    {%- if execute and is_incremental() -%}
        {#- two deletes, in order (on Spark each runs as it renders, to no SQL) -#}
        {%- set statements = [
            lead_scoring.delete_rows_of_other_configuration('rule_matching_fingerprint'),
            lead_scoring.delete_rows(this, lead_scoring.counted_again('event_date')),
        ] -%}
        {{ statements | map('trim') | reject('equalto', '') | join(';\n        ') }}
    {%- endif -%}
{% endmacro %}
