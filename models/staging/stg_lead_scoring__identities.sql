-- Identity stitching rows, typed (docs/scoring.md §1-2). Optional input:
-- empty when var lead_scoring__identities_enabled is false or the relation
-- does not exist.
{%- set identities = lead_scoring.input_relation(
    'lead_scoring__identities',
    ['anonymous_id', 'contact_id', 'identified_at'],
    required_columns=['anonymous_id', 'contact_id'],
    is_optional=true, enabled_var='lead_scoring__identities_enabled',
) %}

with

source as (

    select * from {{ identities.relation }}

),

final as (

    select
        {{ clean_id(input_column(identities, 'anonymous_id', dbt.type_string())) }}
            as anonymous_id,
        {{ clean_id(input_column(identities, 'contact_id', dbt.type_string())) }} as contact_id,
        {{ input_timestamp(identities, 'identified_at') }} as identified_at

    from source

)

select * from final
