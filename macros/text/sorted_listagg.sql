{% macro sorted_listagg(measure, delimiter_text) %}
    {#- The values of `measure` joined by delimiter_text in their own sort
        order (an aggregate), the same on every engine. -#}
    {{ return(adapter.dispatch('sorted_listagg', 'lead_scoring')(measure, delimiter_text)) }}
{% endmacro %}

{% macro default__sorted_listagg(measure, delimiter_text) -%}
    {{ dbt.listagg(measure, delimiter_text, "order by " ~ measure) }}
{%- endmacro %}

{% macro spark__sorted_listagg(measure, delimiter_text) -%}
    {#- dbt's listagg ignores the order on Spark: sort the collected list. -#}
    array_join(array_sort(collect_list({{ measure }})), {{ delimiter_text }})
{%- endmacro %}
