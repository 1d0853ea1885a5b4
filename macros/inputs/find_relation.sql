{% macro find_relation(relation_sql, var_name) %}
    {#- The existing relation named by `relation_sql` (a rendered ref(),
        source() or [database.][schema.]table text, quoted or not), or none
        when it does not exist. Anything else fails, naming the var. -#}
    {%- set part = '(?:"[^"]*"|`[^`]*`|[A-Za-z0-9_$-]+)' -%}
    {%- if not modules.re.fullmatch(part ~ '(?:\\s*\\.\\s*' ~ part ~ '){0,2}', relation_sql) -%}
        {{ exceptions.raise_compiler_error(
            "lead_scoring: var " ~ var_name ~ " must name a relation (a ref(), a source() or"
            ~ " schema.table), got '" ~ relation_sql ~ "'") }}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for quoted, backticked, plain in modules.re.findall('"([^"]*)"|`([^`]*)`|([A-Za-z0-9_$-]+)', relation_sql) -%}
        {%- do parts.append(quoted or backticked or plain) -%}
    {%- endfor -%}
    {%- set database = parts[-3] if parts | length == 3 else target.database -%}
    {%- set schema = parts[-2] if parts | length >= 2 else target.schema -%}
    {{ return(adapter.get_relation(database=database, schema=schema, identifier=parts[-1])) }}
{% endmacro %}
