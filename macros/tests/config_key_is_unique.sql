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

duplicated_keys as (

    select {{ dbt.concat(label_parts) }} as row_label
    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1

)

select
    {{ lead_scoring.raise_error(dbt.concat([
        "'" ~ model.identifier ~ " row '",
        "row_label",
        "': duplicate " ~ (columns | join(' + ')) ~ "'",
    ])) }} as failure

from duplicated_keys
{% endtest %}
