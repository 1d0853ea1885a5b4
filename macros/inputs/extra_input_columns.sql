{% macro extra_input_columns(var_name, contract_columns) %}
    {#- The columns a fit attribute var lists beyond an input's contract
        columns: what staging adds to the contract columns, as text. -#}
    {%- set extra_columns = [] -%}
    {%- for column in lead_scoring.column_list_var(var_name) -%}
        {%- if column not in contract_columns and column not in extra_columns -%}
            {%- do extra_columns.append(column) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(extra_columns) }}
{% endmacro %}
