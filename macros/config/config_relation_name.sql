{% macro config_relation_name(relation_sql) %}
    {#- The table name in a rendered relation ("db"."main"."my_rules" ->
        my_rules): how the config checks name the relation a bad row is in. -#}
    {%- set parts = modules.re.findall('"([^"]*)"|`([^`]*)`|([A-Za-z0-9_$-]+)', relation_sql) -%}
    {{ return((parts[-1] | select | first) if parts else relation_sql) }}
{% endmacro %}
