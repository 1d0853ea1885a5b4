{% macro delete_daily_activity_to_count_again() %}
    {#- Pre-hook of int_lead_scoring__rule_activity_daily: delete the counts
        built with other rule-matching configuration than today's, and those
        of the days this run counts again (counted_again). -#}
    {%- if execute and is_incremental() -%}
        {{ lead_scoring.delete_rows_of_other_configuration('rule_matching_fingerprint') }};
        delete from {{ this }}
        where {{ lead_scoring.counted_again('event_date') }}
    {%- endif -%}
{% endmacro %}
