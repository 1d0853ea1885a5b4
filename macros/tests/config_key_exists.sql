{% test config_key_exists(model, column_name, to, field, row_label) %}
{#- Fails the build, naming the row, when a config row points at a key
    that the referenced seed does not have (e.g. an unknown model_id). -#}
with

dangling_rows as (

    select {{ row_label }} as row_label, child.{{ column_name }} as missing_key
    from {{ model }} as child
    left join {{ to }} as parent
        on child.{{ column_name }} = parent.{{ field }}
    where child.{{ column_name }} is not null
        and parent.{{ field }} is null

)

select
    {{ lead_scoring.raise_error(dbt.concat([
        "'" ~ model.identifier ~ " row '",
        "row_label",
        "': unknown " ~ column_name ~ " '",
        "missing_key",
        "''",
    ])) }} as failure

from dangling_rows
{% endtest %}
