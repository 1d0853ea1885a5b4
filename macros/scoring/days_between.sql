{% macro days_between(start_date, end_date) %}
    {#- Whole days from start_date to end_date, both dates. -#}
    {{ return(adapter.dispatch('days_between', 'lead_scoring')(start_date, end_date)) }}
{% endmacro %}

{% macro default__days_between(start_date, end_date) -%}
    {{ dbt.datediff(start_date, end_date, 'day') }}
{%- endmacro %}
