{% macro fit_attributes() %}
    {#- The attributes fit rules may use (docs/scoring.md §8), name -> SQL
        expression over `contacts` and `accounts`: the columns listed in the
        vars, account ones as account_<column>, and the derived ones. Used by
        int_lead_scoring__contact_fit_attributes and by the check of the seed's names. -#}
    {%- set attributes = {} -%}
    {%- for column in var('lead_scoring__fit_contact_attributes') -%}
        {%- do attributes.update({column | lower: 'contacts.' ~ column}) -%}
    {%- endfor -%}
    {%- for column in var('lead_scoring__fit_account_attributes') -%}
        {%- do attributes.update({'account_' ~ (column | lower): 'accounts.' ~ column}) -%}
    {%- endfor -%}
    {%- do attributes.update({
        'email_domain': 'contacts.email_domain',
        'email_local_part': 'contacts.email_local_part',
        'is_free_mail': "case when contacts.is_free_mail then 'true' else 'false' end",
        'is_role_based': "case when contacts.is_role_based then 'true' else 'false' end",
    }) -%}
    {%- if 'phone' in attributes -%}
        {#- the phone without separators, then: one digit repeated, >= 4 long -#}
        {%- set digits = "translate(contacts.phone, ' +-.()/', '')" -%}
        {%- do attributes.update({'is_phone_repeated_digit':
            "case when nullif(trim(contacts.phone), '') is null then null"
            ~ " when " ~ dbt.length(digits) ~ " >= 4"
            ~ " and substr(" ~ digits ~ ", 1, 1) in ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')"
            ~ " and replace(" ~ digits ~ ", substr(" ~ digits ~ ", 1, 1), '') = ''"
            ~ " then 'true' else 'false' end"}) -%}
    {%- endif -%}
    {{ return(attributes) }}
{% endmacro %}
