{% macro previous_build(model_name) %}
    {#- The relation a model of this package left in the previous run, or none
        on a first run or a full refresh. For the models that must read an
        incremental model's state before it changes (int_lead_scoring__event_window),
        which a ref() would make a cycle; none too when dbt only compiles.
        Looked up in the reading model's schema, where the package's
        intermediate models all build. -#}
    {%- if not execute or should_full_refresh() or flags.WHICH not in ('run', 'build', 'retry') -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(load_relation(api.Relation.create(
        database=this.database, schema=this.schema, identifier=model_name))) }}
{% endmacro %}
