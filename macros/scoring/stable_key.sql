{% macro stable_key(text_expression) -%}
    {#- A 60-bit number from a text (the first 15 hex digits of its md5): the
        same for the same text in every run and on every engine, so that
        incremental facts keyed by it stay joinable from one run to the next.
        Two texts share a number with odds of about n^2 / 2^61 (1 in 20,000
        for 10M contacts); the key tests would report it. -#}
    {{ return(adapter.dispatch('stable_key', 'lead_scoring')(text_expression)) }}
{%- endmacro %}

{% macro default__stable_key(text_expression) -%}
    cast(('0x' || substr({{ dbt.hash(text_expression) }}, 1, 15)) as bigint)
{%- endmacro %}

{% macro spark__stable_key(text_expression) -%}
    {#- Spark casts no '0x' text to a number: conv reads the hex digits. -#}
    cast(conv(substr({{ dbt.hash(text_expression) }}, 1, 15), 16, 10) as bigint)
{%- endmacro %}

{% macro postgres__stable_key(text_expression) -%}
    {#- PostgreSQL reads no '0x' text as a number: the hex digits go through
        a 64-bit string (a leading 0 digit keeps the number positive). -#}
    cast(cast(('x0' || substr({{ dbt.hash(text_expression) }}, 1, 15)) as bit(64)) as bigint)
{%- endmacro %}
