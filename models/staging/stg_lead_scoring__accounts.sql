-- Accounts (companies), typed and normalised (docs/scoring.md §1): ids
-- trimmed, domain lower-cased, then the extra columns that fit rules may
-- test (var lead_scoring__fit_account_attributes), as text, null when the
-- relation lacks them. Optional input (a B2C shop may have no accounts):
-- empty when var lead_scoring__accounts_enabled is false or the relation
-- does not exist.
-- Every row: duplicates are sorted out in int_lead_scoring__account_rows_checked.
{%- set contract_columns = ['account_id', 'crm_id', 'domain', 'name', 'industry', 'country',
    'employee_count', 'annual_revenue'] %}
{%- set extra_columns = extra_input_columns(
    'lead_scoring__fit_account_attributes', contract_columns + ['updated_at']) %}
{%- set accounts = lead_scoring.input_relation(
    'lead_scoring__accounts', contract_columns, required_columns=['account_id'],
    is_optional=true, enabled_var='lead_scoring__accounts_enabled',
    extra_columns=extra_columns, extra_columns_var='lead_scoring__fit_account_attributes',
    quiet_columns=['updated_at'],
) %}
{%- set text = dbt.type_string() %}

with

source as (

    select * from {{ accounts.relation }}

),

final as (

    select
        {{ clean_id(input_column(accounts, 'account_id', text)) }} as account_id,
        {{ clean_id(input_column(accounts, 'crm_id', text)) }} as crm_id,
        lower(trim(cast({{ input_column(accounts, 'domain', text) }} as {{ text }}))) as domain,
        cast({{ input_column(accounts, 'name', text) }} as {{ text }}) as account_name,
        cast({{ input_column(accounts, 'industry', text) }} as {{ text }}) as industry,
        cast({{ input_column(accounts, 'country', text) }} as {{ text }}) as country,
        {%- for column in extra_columns %}
            cast({{ input_column(accounts, column, text) }} as {{ text }}) as {{ column }},
        {%- endfor %}
        {{ whole_number(input_column(accounts, 'employee_count', dbt.type_bigint())) }}
            as employee_count,
        {{ as_number('cast(' ~ input_column(accounts, 'annual_revenue', text) ~ ' as ' ~ text ~ ')') }}
            as annual_revenue,
        {{ input_timestamp(accounts, 'updated_at') }} as updated_at

    from source

)

select * from final
