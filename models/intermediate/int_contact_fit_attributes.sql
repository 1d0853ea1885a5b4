-- Every fit attribute of every contact as one (contact, attribute, value)
-- row, unpivoted once so that fit rules are data joined to it, not SQL
-- (docs/scoring.md §8). Values are trimmed lower-case text; blank = null.
{{ config(materialized='view') }}

{%- set derived_attributes = {
    'email_domain': 'contacts.email_domain',
    'email_local_part': 'contacts.email_local_part',
    'is_free_mail': "case when contacts.is_free_mail then 'true' else 'false' end",
    'is_role_based': "case when contacts.is_role_based then 'true' else 'false' end",
} %}
{%- set attributes = {} %}
{%- for column in var('lead_scoring__fit_contact_attributes') %}
    {%- do attributes.update({column: 'contacts.' ~ column}) %}
{%- endfor %}
{%- for column in var('lead_scoring__fit_account_attributes') %}
    {%- do attributes.update({'account_' ~ column: 'accounts.' ~ column}) %}
{%- endfor %}
{%- do attributes.update(derived_attributes) %}
{%- if 'phone' in var('lead_scoring__fit_contact_attributes') %}
    {#- the phone without separators, then: one digit repeated, >= 4 long -#}
    {%- set phone = namespace(digits="contacts.phone") %}
    {%- for separator in [' ', '+', '-', '.', '(', ')', '/'] %}
        {%- set phone.digits = "replace(" ~ phone.digits ~ ", '" ~ separator ~ "', '')" %}
    {%- endfor %}
    {%- set digits = phone.digits %}
    {%- do attributes.update({'is_phone_repeated_digit':
        "case when nullif(trim(contacts.phone), '') is null then null"
        ~ " when " ~ dbt.length(digits) ~ " >= 4"
        ~ " and substr(" ~ digits ~ ", 1, 1) in ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')"
        ~ " and replace(" ~ digits ~ ", substr(" ~ digits ~ ", 1, 1), '') = ''"
        ~ " then 'true' else 'false' end"}) %}
{%- endif %}

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
        contacts.contact_id

    from contacts
    left join accounts
        on contacts.account_id = accounts.account_id

),

final as (

    {%- for attribute in attributes %}
        select
            contact_id,
            '{{ attribute }}' as attribute,
            {{ attribute }} as attribute_value
        from attribute_columns
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select * from final
