{% macro boolean_var(var_name) %}
    {#- The value of a true/false var, checked at compile time. -#}
    {%- set value = var(var_name) -%}
    {%- if value is boolean -%}{{ return(value) }}{%- endif -%}
    {%- if (value | string | trim | lower) in ('true', 'false') -%}
        {{ return((value | string | trim | lower) == 'true') }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error(
        "lead_scoring: var " ~ var_name ~ " must be true or false, got '" ~ value ~ "'") }}
{% endmacro %}
