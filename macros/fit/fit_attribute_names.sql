{% macro fit_attribute_names() %}
    {#- The attribute names fit rules may use (docs/scoring.md §8), from the
        vars; int_contact_fit_attributes provides exactly these. -#}
    {%- set names = [] -%}
    {%- for column in var('lead_scoring__fit_contact_attributes') -%}
        {%- do names.append(column | lower) -%}
    {%- endfor -%}
    {%- for column in var('lead_scoring__fit_account_attributes') -%}
        {%- do names.append('account_' ~ (column | lower)) -%}
    {%- endfor -%}
    {%- do names.extend(['email_domain', 'email_local_part', 'is_free_mail', 'is_role_based']) -%}
    {%- if 'phone' in var('lead_scoring__fit_contact_attributes') -%}
        {%- do names.append('is_phone_repeated_digit') -%}
    {%- endif -%}
    {{ return(names) }}
{% endmacro %}
