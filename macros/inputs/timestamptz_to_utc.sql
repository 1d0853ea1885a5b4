{% macro timestamptz_to_utc(value) %}
    {#- A timestamp with time zone as a UTC timestamp without one, whatever
        the session's time zone. -#}
    {{ return(adapter.dispatch('timestamptz_to_utc', 'lead_scoring')(value)) }}
{% endmacro %}

{% macro default__timestamptz_to_utc(value) -%}
    ({{ value }} at time zone 'UTC')
{%- endmacro %}

{% macro duckdb__timestamptz_to_utc(value) -%}
    timezone('UTC', {{ value }})
{%- endmacro %}
