{% test config_key_is_unique(model, columns) %}
{#- Fails the build, naming the duplicated key, when two config rows share
    the same values of `columns`. -#}
{%- set label_parts = [] -%}
{%- for column in columns -%}
    {%- do label_parts.append("'" ~ column ~ "='") -%}
    {%- do label_parts.append("coalesce(cast(" ~ column ~ " as " ~ dbt.type_string() ~ "), 'null')") -%}
    {%- if not loop.last %}{% do label_parts.append("' '") %}{% endif -%}
{%- endfor -%}
with

config_keys as (

    select
        max(config_relation) as config_relation,
        {{ dbt.concat(label_parts) }} as row_label,
        count(*) as row_count

    from {{ model }}
    group by {{ columns | join(', ') }}

)

select row_label
from config_keys
where
    row_count > 1
    -- see config_row_is_valid: the raise must survive pruning and pushdown
    and (case when row_count > 1 then {{ lead_scoring.raise_error(dbt.concat([
        "config_relation",
        "' row '",
        "row_label",
        "': duplicate " ~ (columns | join(' + ')) ~ "'",
    ])) }} end) is null
{% endtest %}
