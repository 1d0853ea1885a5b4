{% macro is_capped(occurrence_number, max_occurrences) -%}
    {#- True past the rule's max_occurrences (null = unlimited). -#}
    coalesce({{ occurrence_number }} > {{ max_occurrences }}, false)
{%- endmacro %}
