{% macro spark__apply_grants(relation, grant_config, should_revoke=True) %}
    {#- A mart whose grants name no role (the default: vars
        lead_scoring__bi_roles and __crm_sync_roles empty) has nothing to
        grant; dbt-spark would still read the current grants with SHOW
        GRANTS, which Spark without an authorization layer (a local session)
        does not have. Grants that name roles go to dbt-spark as usual. -#}
    {%- set roles = [] -%}
    {%- for grantees in (grant_config or {}).values() -%}
        {%- do roles.extend(grantees if grantees is not string else [grantees]) -%}
    {%- endfor -%}
    {%- if roles -%}
        {{ return(dbt.default__apply_grants(relation, grant_config, should_revoke)) }}
    {%- endif -%}
{% endmacro %}
