{% test config_row_is_valid(model, invalid_when, problem, row_label) %}
{#- Fails the build, naming each bad row, when `invalid_when` holds for a
    config row (columns may be prefixed `config_row.`, e.g. in a correlated
    subquery). row_label: SQL text that identifies the row for a person.
    The message names the relation: for a config staging model, the one
    the user configured (its config_relation column). -#}
{%- set relation_name = 'config_relation' if model.identifier.startswith('stg_lead_scoring__')
    else "'" ~ model.identifier ~ "'" %}
with

config_rows as (

    select
        {{ relation_name }} as config_relation,
        {{ row_label }} as row_label,
        case when {{ invalid_when }} then 1 else 0 end as is_invalid

    from {{ model }} as config_row

)

select row_label
from config_rows
where
    is_invalid = 1
    -- The raise sits in the filter (dbt counts a test's rows, so the select
    -- list is pruned) and behind a case, so no optimiser runs it early.
    and (case when is_invalid = 1 then {{ lead_scoring.raise_error(dbt.concat([
        "config_relation",
        "' row '",
        "coalesce(row_label, '?')",
        "': " ~ (problem | replace("'", "''")) ~ "'",
    ])) }} end) is null
{% endtest %}
