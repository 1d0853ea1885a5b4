{% macro column_list_var(var_name) %}
    {#- The value of a var that lists column names, checked at compile time:
        a list of plain identifiers, returned lower-cased. -#}
    {%- set value = var(var_name) -%}
    {%- if value is string or value is not iterable or value is mapping -%}
        {{ exceptions.raise_compiler_error(
            "lead_scoring: var " ~ var_name ~ " must be a list of column names, e.g. [job_title, country],"
            ~ " got '" ~ value ~ "'") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for column in value -%}
        {%- if not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', column | string) -%}
            {{ exceptions.raise_compiler_error(
                "lead_scoring: var " ~ var_name ~ " lists '" ~ column ~ "', which is not a column name") }}
        {%- endif -%}
        {%- do columns.append(column | string | lower) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
