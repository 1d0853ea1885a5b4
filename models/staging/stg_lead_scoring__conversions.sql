-- Closed-won / accepted-by-sales outcomes, typed. Optional input: empty when
-- var lead_scoring__conversions_enabled is false or the relation does not
-- exist.
{%- set conversions = lead_scoring.input_relation(
    'lead_scoring__conversions',
    ['conversion_id', 'contact_id', 'product_id', 'converted_at', 'amount'],
    required_columns=['contact_id', 'converted_at'],
    is_optional=true, enabled_var='lead_scoring__conversions_enabled',
) %}

with

source as (

    select * from {{ conversions.relation }}

),

final as (

    select
        {{ clean_id(input_column(conversions, 'conversion_id', dbt.type_string())) }}
            as conversion_id,
        {{ clean_id(input_column(conversions, 'contact_id', dbt.type_string())) }} as contact_id,
        {{ clean_id(input_column(conversions, 'product_id', dbt.type_string())) }} as product_id,
        {{ as_number('cast(' ~ input_column(conversions, 'amount', dbt.type_string()) ~ ' as '
            ~ dbt.type_string() ~ ')') }} as amount,
        {{ input_timestamp(conversions, 'converted_at') }} as converted_at

    from source

)

select * from final
