{#- Contract columns, then the extra columns that fit rules may test
    (var lead_scoring__fit_account_attributes), as text. -#}
{%- set contract_columns = ['account_id', 'crm_id', 'domain', 'name', 'industry', 'country',
    'employee_count', 'annual_revenue'] -%}
with

source as (

    select * from {{ var('lead_scoring__accounts') }}

),

final as (

    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(crm_id as {{ dbt.type_string() }}) as crm_id,
        lower(trim(domain)) as domain,
        name as account_name,
        industry,
        country,
        cast(employee_count as {{ dbt.type_int() }}) as employee_count,
        {%- for column in var('lead_scoring__fit_account_attributes') %}
            {%- if column not in contract_columns %}
        cast({{ column }} as {{ dbt.type_string() }}) as {{ column }},
        {%- endif %}
        {%- endfor %}
        cast(annual_revenue as {{ dbt.type_numeric() }}) as annual_revenue

    from source

)

select * from final
