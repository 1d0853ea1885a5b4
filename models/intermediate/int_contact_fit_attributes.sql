-- Every fit attribute of every contact as one (contact, attribute, value)
-- row, unpivoted once so that fit rules are data joined to it, not SQL
-- (docs/scoring.md §8). Values are trimmed lower-case text; blank = null.
{{ config(materialized='view') }}

{%- set attributes = fit_attributes() %}

with

contacts as (

    select * from {{ ref('int_contacts_classified') }}

),

accounts as (

    select * from {{ ref('stg_lead_scoring__accounts') }}

),

-- one wide row per contact, then one narrow row per attribute
attribute_columns as (

    select
        {%- for attribute, expression in attributes.items() %}
            nullif(lower(trim(cast({{ expression }} as {{ dbt.type_string() }}))), '')
                as {{ attribute }},
        {%- endfor %}
        contacts.contact_key

    from contacts
    left join accounts
        on contacts.account_id = accounts.account_id

),

final as (

    {%- for attribute in attributes %}
        select
            contact_key,
            '{{ attribute }}' as attribute,
            {{ attribute }} as attribute_value
        from attribute_columns
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select * from final
