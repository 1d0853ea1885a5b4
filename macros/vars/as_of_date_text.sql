{% macro as_of_date_text() %}
    {#- The scoring date as YYYY-MM-DD text (docs/scoring.md §0): var
        lead_scoring__as_of, or the UTC date at which the run started when
        the var is empty, so every model of a run uses the same date, even
        across midnight. -#}
    {%- set raw_value = var('lead_scoring__as_of', '') -%}
    {%- if raw_value is none or (raw_value | string | trim) == '' -%}
        {{ return(run_started_at.strftime('%Y-%m-%d')) }}
    {%- endif -%}
    {{ return(checked_date_text(raw_value, 'lead_scoring__as_of', 'empty (today, UTC) or a date')) }}
{%- endmacro %}
