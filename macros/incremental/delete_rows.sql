{% macro delete_rows(relation, condition) %}
    {#- The SQL that deletes the rows of relation where condition holds, for a
        hook to run. -#}
    {{ return(adapter.dispatch('delete_rows', 'lead_scoring')(relation, condition)) }}
{% endmacro %}

{% macro default__delete_rows(relation, condition) %}
    {{ return('delete from ' ~ relation ~ '\n        where ' ~ condition) }}
{% endmacro %}

{% macro spark__delete_rows(relation, condition) %}
    {#- Parquet tables cannot delete: when some rows match, copy the others to
        a scratch table and overwrite the table with it (Spark refuses to
        overwrite a table from itself). A null condition keeps the row, as
        delete does. Runs here, so the hook gets no SQL. -#}
    {%- if execute -%}
        {%- set matching = run_query('select count(*) from ' ~ relation ~ ' where ' ~ condition) -%}
        {%- if matching.columns[0].values()[0] > 0 -%}
            {%- set kept = relation.incorporate(path={'identifier': relation.identifier ~ '__lead_scoring_kept'}) -%}
            {%- do run_query('drop table if exists ' ~ kept) -%}
            {%- do run_query('create table ' ~ kept ~ ' using parquet as select * from ' ~ relation
                ~ ' where not coalesce(' ~ condition ~ ', false)') -%}
            {%- do run_query('insert overwrite table ' ~ relation ~ ' select * from ' ~ kept) -%}
            {%- do run_query('drop table if exists ' ~ kept) -%}
        {%- endif -%}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
