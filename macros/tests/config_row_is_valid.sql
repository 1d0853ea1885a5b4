{% test config_row_is_valid(model, invalid_when, problem, row_label) %}
{#- Fails the build, naming each bad row, when `invalid_when` holds for a
    config row. row_label: SQL text that identifies the row for a person. -#}
with

invalid_rows as (

    select {{ row_label }} as row_label
    from {{ model }}
    where {{ invalid_when }}

)

select
    {{ lead_scoring.raise_error(dbt.concat([
        "'" ~ model.identifier ~ " row '",
        "coalesce(row_label, '?')",
        "': " ~ (problem | replace("'", "''")) ~ "'",
    ])) }} as failure

from invalid_rows
{% endtest %}
