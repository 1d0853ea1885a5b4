{% macro text_to_utc_timestamp(text) %}
    {#- Text read as a UTC timestamp (docs/scoring.md §1):
        YYYY-MM-DD[ T]HH:MM[:SS[.fff]] with an optional offset (Z, UTC,
        +02:00, -0500, +02) that is applied, or a bare date; anything else is
        null (never an error: a bad occurred_at is quarantined). -#}
    {{ return(adapter.dispatch('text_to_utc_timestamp', 'lead_scoring')(text)) }}
{% endmacro %}

{% macro duckdb__text_to_utc_timestamp(text) -%}
    {%- set trimmed = 'upper(trim(' ~ text ~ '))' -%}
    case
        when not regexp_matches(
            {{ trimmed }},
            '^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)?$'
        ) then null
        when regexp_matches({{ trimmed }}, '\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)$')
            then timezone('UTC', try_cast({{ trimmed }} as timestamptz))
        else try_cast({{ trimmed }} as timestamp)
    end
{%- endmacro %}

{% macro default__text_to_utc_timestamp(text) -%}
    {{ exceptions.raise_compiler_error(
        "lead_scoring: timestamps given as text are read on DuckDB only so far; on "
        ~ target.type ~ ", give the input a timestamp column (" ~ text ~ ")") }}
{%- endmacro %}
