{% macro input_relation(var_name, contract_columns, required_columns=[], is_optional=false,
                        enabled_var=none, extra_columns=[], extra_columns_var=none,
                        quiet_columns=[], missing_hint=none) %}
    {#- The relation an input var points at (docs/scoring.md §1), checked at
        compile time: which columns it has, with their types. Returns
        {'relation': SQL to select from, 'columns': {column: its actual name
        and lower-case type, or none when absent}} for the contract columns,
        the extra columns a var lists (extra_columns_var) and quiet_columns.
        A missing required column, or a missing relation of a required input,
        fails with a message naming the var, the relation and the column. An
        absent contract or extra column is read as null with one warning each
        (quiet_columns: without one). An optional input is empty when it does
        not exist (with a warning) or when its enabled_var is false (without
        looking). missing_hint: what to do when the relation does not exist. -#}
    {%- set contract_columns = contract_columns + extra_columns + quiet_columns -%}
    {%- set empty_input = {'relation': '(select 1 as no_row where 1 = 0) as empty_input', 'columns': {}} -%}
    {%- if enabled_var and not lead_scoring.boolean_var(enabled_var) -%}
        {{ return(empty_input) }}
    {%- endif -%}
    {%- set relation_sql = var(var_name) | string | trim -%}
    {%- set found = {'relation': relation_sql, 'columns': {}} -%}
    {%- if not execute or flags.WHICH not in ('run', 'build', 'retry') -%}
        {#- parsing, or compiling without running (dbt compile, docs, a
            linter): the inputs need not exist yet; every column is taken as
            present, and the checks happen when the model runs -#}
        {%- for column in contract_columns -%}
            {%- do found.columns.update({column: {'name': column, 'type': 'unknown'}}) -%}
        {%- endfor -%}
        {{ return(found) }}
    {%- endif -%}

    {%- set relation = lead_scoring.find_relation(relation_sql, var_name) -%}
    {%- if relation is none -%}
        {%- if not is_optional -%}
            {{ exceptions.raise_compiler_error(
                "lead_scoring: var " ~ var_name ~ " points at " ~ relation_sql ~ ", which does not"
                ~ " exist. " ~ (missing_hint or ("Load it, set var lead_scoring__raw_schema to the"
                ~ " schema that holds the inputs (now '" ~ var('lead_scoring__raw_schema')
                ~ "'), or point " ~ var_name ~ " at your own relation."))) }}
        {%- endif -%}
        {%- do exceptions.warn(
            "lead_scoring: optional input " ~ relation_sql ~ " (var " ~ var_name
            ~ ") does not exist: read as empty.") -%}
        {{ return(empty_input) }}
    {%- endif -%}

    {%- set actual = {} -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- do actual.update({column.name | lower: {
            'name': column.name, 'type': (column.dtype | string | lower)}}) -%}
    {%- endfor -%}
    {%- set absent = [] -%}
    {%- set absent_extra = [] -%}
    {%- for column in contract_columns -%}
        {%- do found.columns.update({column: actual.get(column | lower)}) -%}
        {%- if actual.get(column | lower) is none -%}
            {%- if column in required_columns -%}
                {{ exceptions.raise_compiler_error(
                    "lead_scoring: " ~ relation_sql ~ " (var " ~ var_name ~ ") has no column "
                    ~ column ~ ", which scoring needs. Add it, or point " ~ var_name
                    ~ " at a relation that has it.") }}
            {%- elif column in extra_columns -%}
                {%- do absent_extra.append(column) -%}
            {%- elif column not in quiet_columns -%}
                {%- do absent.append(column) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if absent -%}
        {%- do exceptions.warn(
            "lead_scoring: " ~ relation_sql ~ " (var " ~ var_name ~ ") has no column "
            ~ (absent | join(', ')) ~ ": read as null.") -%}
    {%- endif -%}
    {%- if absent_extra -%}
        {%- do exceptions.warn(
            "lead_scoring: " ~ relation_sql ~ " (var " ~ var_name ~ ") has no column "
            ~ (absent_extra | join(', ')) ~ ", listed in var " ~ extra_columns_var
            ~ ": read as null, so fit rules on it match only is_null.") -%}
    {%- endif -%}
    {{ return(found) }}
{% endmacro %}
