{% test config_key_exists(model, column_name, to, field, row_label) %}
{#- Fails the build, naming the row, when a config row points at a key
    that the referenced config relation does not have (e.g. an unknown model_id). -#}
with

parent_keys as (

    select distinct {{ field }} as parent_key from {{ to }}

),

config_rows as (

    select
        child.config_relation,
        {{ row_label }} as row_label,
        child.{{ column_name }} as child_key,
        case
            when child.{{ column_name }} is not null and parent_keys.parent_key is null
                then 1
            else 0
        end as is_dangling

    from {{ model }} as child
    left join parent_keys
        on child.{{ column_name }} = parent_keys.parent_key

)

select row_label
from config_rows
where
    is_dangling = 1
    -- see config_row_is_valid: the raise must survive pruning and pushdown
    and (case when is_dangling = 1 then {{ lead_scoring.raise_error(dbt.concat([
        "config_relation",
        "' row '",
        "row_label",
        "': unknown " ~ column_name ~ " '",
        "child_key",
    ])) }} end) is null
{% endtest %}
