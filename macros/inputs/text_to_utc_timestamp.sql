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
        "lead_scoring: timestamps given as text are read on DuckDB, PostgreSQL and Spark only so far; on "
        ~ target.type ~ ", give the input a timestamp column (" ~ text ~ ")") }}
{%- endmacro %}

{% macro spark__text_to_utc_timestamp(text) -%}
    {#- The same rules as on DuckDB. Spark reads '\d' in a string literal as
        'd', hence [0-9]; the offset is taken apart and subtracted, since a
        cast does not read every offset form (+0500, +02). -#}
    {%- set trimmed = 'upper(trim(' ~ text ~ '))' -%}
    {%- set offset = "regexp_extract(" ~ trimmed ~ ", '[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?[ ]*(Z|UTC|[+-][0-9]{2}(:?[0-9]{2})?)$', 3)" -%}
    {%- set digits = "replace(" ~ offset ~ ", ':', '')" -%}
    case
        when not {{ trimmed }} rlike
            '^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?[ ]*(Z|UTC|[+-][0-9]{2}(:?[0-9]{2})?)?$'
            then null
        else
            cast(replace(regexp_extract(
                {{ trimmed }},
                '^([0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?)',
                1
            ), 'T', ' ') as timestamp)
            - make_dt_interval(0, 0, case
                when {{ offset }} in ('', 'Z', 'UTC') then 0
                else (case when {{ offset }} like '-%' then -1 else 1 end)
                    * (cast(substr({{ digits }}, 2, 2) as int) * 60
                        + coalesce(cast(nullif(substr({{ digits }}, 4, 2), '') as int), 0))
            end, 0)
    end
{%- endmacro %}

{% macro postgres__text_to_utc_timestamp(text) -%}
    {#- No try_cast here: the pattern and the field ranges are checked first,
        so that a malformed or impossible value (2026-02-30, 25:00, an offset
        of 16 hours) is null instead of an error. A 24:00 time is the next
        day, as on DuckDB. -#}
    {%- set trimmed = 'upper(trim(' ~ text ~ '))' -%}
    {%- set field = 'cast(substr(' ~ trimmed ~ ', {0}, 2) as integer)' -%}
    {#- time fields and offsets read with a pattern: null when absent, never a
        failed cast, whatever order the conditions are evaluated in -#}
    {%- set time_field = "cast(substring(" ~ trimmed ~ " from '^.{{10}}[ T]{0}') as integer)" -%}
    {%- set hours = time_field.format('(\\d{2}):') -%}
    {%- set minutes = time_field.format('\\d{2}:(\\d{2})') -%}
    {%- set seconds = time_field.format('\\d{2}:\\d{2}:(\\d{2})') -%}
    {%- set offset_hours = "cast(substring(" ~ trimmed ~ " from '[+-](\\d{2}):?\\d{0,2}$') as integer)" -%}
    {%- set offset_minutes = "cast(substring(" ~ trimmed ~ " from '[+-]\\d{2}:?(\\d{2})$') as integer)" -%}
    case
        when not {{ trimmed }} ~ '^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)?$'
            then null
        when cast(substr({{ trimmed }}, 1, 4) as integer) < 1
            or {{ field.format(6) }} not between 1 and 12
            or {{ field.format(9) }} < 1
            then null
        when {{ field.format(9) }} > extract(day from make_date(
                cast(substr({{ trimmed }}, 1, 4) as integer), {{ field.format(6) }}, 1)
                + interval '1 month' - interval '1 day')
            then null
        when {{ hours }} > 24 or {{ minutes }} > 59 or {{ seconds }} > 59
            or ({{ hours }} = 24 and not {{ trimmed }} ~ '^.{10}[ T]24:00(:00(\.0*)?)?(\D|$)')
            then null
        when {{ trimmed }} ~ '\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*[+-]\d{2}(:?\d{2})?$'
            and ({{ offset_hours }} > 15 or coalesce({{ offset_minutes }}, 0) > 59)
            then null
        when {{ trimmed }} ~ '\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|UTC|[+-]\d{2}(:?\d{2})?)$'
            then cast({{ trimmed }} as timestamptz) at time zone 'UTC'
        when {{ trimmed }} ~ '^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$'
            then cast({{ trimmed }} as timestamp)
    end
{%- endmacro %}
