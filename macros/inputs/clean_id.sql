{% macro clean_id(value) -%}
    {#- An id as every model reads it (docs/scoring.md §1): text, trimmed,
        blank = null. -#}
    nullif(trim(cast({{ value }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
