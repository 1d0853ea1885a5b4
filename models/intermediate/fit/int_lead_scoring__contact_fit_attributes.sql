-- Every fit attribute of every contact as one (contact, attribute, value)
-- row, so that fit rules are data joined to it, not SQL (docs/scoring.md
-- §8). Values are trimmed lower-case text; blank = null.
--
-- Each attribute reads the contacts (and accounts) directly rather than a
-- shared wide CTE: DuckDB would materialise that CTE, one wide row per
-- contact, and at 100M events that does not fit in the memory limit.
{{ config(materialized='view') }}

{%- set attributes = fit_attributes() %}

with

final as (

    {% for attribute, expression in attributes.items() %}
        select
            contacts.contact_key,
            '{{ attribute }}' as attribute,
            nullif(lower(trim(cast({{ expression }} as {{ dbt.type_string() }}))), '')
                as attribute_value
        from {{ ref('int_lead_scoring__contacts_classified') }} as contacts
        {%- if attribute.startswith('account_') %}
            left join {{ ref('int_lead_scoring__accounts_deduplicated') }} as accounts
                on contacts.account_id = accounts.account_id
        {%- endif %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from final
