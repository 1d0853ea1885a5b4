{% macro grant_schema_usage(results) %}
    {#- on-run-end: dbt's `grants` give a model's roles select on the
        relation, not usage on its schema, without which they cannot reach
        it (PostgreSQL, Snowflake). Granted on the schemas of the models
        built with grants, to those roles only. -#}
    {{ return(adapter.dispatch('grant_schema_usage', 'lead_scoring')(results)) }}
{% endmacro %}

{% macro default__grant_schema_usage(results) -%}
    {%- set statements = [] -%}
    {%- for result in results
        if result.node.resource_type == 'model' and result.node.package_name == 'lead_scoring'
        and result.status == 'success' -%}
        {%- for role in result.node.config.grants.get('select', []) -%}
            {%- set statement = 'grant usage on schema ' ~ adapter.quote(result.node.schema) ~ ' to ' ~ role -%}
            {%- if statement not in statements -%}{%- do statements.append(statement) -%}{%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ statements | join(';\n') }}
{%- endmacro %}

{% macro duckdb__grant_schema_usage(results) -%}
    {#- DuckDB has no roles -#}
{%- endmacro %}

{% macro spark__grant_schema_usage(results) -%}
    {#- Spark without a catalog that enforces grants has none -#}
{%- endmacro %}
