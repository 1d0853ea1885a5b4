-- One row per account (docs/scoring.md §1): what fit rules, exclusions
-- and the account roll-up read.
{%- set extra_columns = extra_input_columns('lead_scoring__fit_account_attributes', [
    'account_id', 'crm_id', 'domain', 'name', 'industry', 'country', 'employee_count',
    'annual_revenue', 'updated_at']) %}

with

account_rows as (

    select * from {{ ref('int_lead_scoring__account_rows_checked') }}
    where quarantine_reason is null

),

final as (

    select
        account_id,
        crm_id,
        domain,
        account_name,
        industry,
        country,
        {%- for column in extra_columns %}
            {{ column }},
        {%- endfor %}
        employee_count,
        annual_revenue,
        updated_at

    from account_rows

)

select * from final
