{% macro config_as_text(var_name, columns, required_columns) %}
    {#- The body of a config staging model: the configuration relation that
        var `var_name` points at (the package's seed by default, or the
        user's own seed or model), every column as trimmed text, blank = null,
        so that the config checks can name a bad row before anything is cast,
        and config_relation: the relation's name, for their messages. A column
        outside required_columns may be absent (read as empty). -#}
    {%- set config = lead_scoring.input_relation(
        var_name, required_columns, required_columns=required_columns,
        quiet_columns=columns | reject('in', required_columns) | list,
        missing_hint="Point it at a seed or model of your project with the same columns"
            ~ " as the package's seed " ~ var_name | replace('lead_scoring__', 'lead_scoring_') ~ ".",
    ) -%}
with

source as (

    select * from {{ config.relation }}

),

final as (

    select
        {%- for column in columns %}
        nullif(trim(cast({{ lead_scoring.input_column(config, column, dbt.type_string()) }}
            as {{ dbt.type_string() }})), '') as {{ column }},
        {%- endfor %}
        '{{ lead_scoring.config_relation_name(var(var_name)) }}' as config_relation

    from source

)

select * from final
{%- endmacro %}
