{% macro days_between(start_date, end_date) %}
    {#- Whole days from start_date to end_date, both dates. -#}
    {{ return(adapter.dispatch('days_between', 'lead_scoring')(start_date, end_date)) }}
{% endmacro %}

{% macro default__days_between(start_date, end_date) -%}
    {#- 64-bit on every engine (the contracts say bigint): dbt.datediff is an
        integer on PostgreSQL, a bigint on DuckDB. -#}
    cast({{ dbt.datediff(start_date, end_date, 'day') }} as {{ dbt.type_bigint() }})
{%- endmacro %}
