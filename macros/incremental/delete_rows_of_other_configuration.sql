{% macro delete_rows_of_other_configuration(fingerprint_column) %}
    {#- Pre-hook of an incremental fact: delete the rows built with another
        configuration than today's (int_lead_scoring__config_fingerprints), so
        that the run builds them again. fingerprint_column names the digest
        the model depends on. -#}
    {%- if execute and is_incremental() -%}
        {%- set condition -%}
            config_fingerprint <> (
            select {{ fingerprint_column }}
            from {{ ref('int_lead_scoring__config_fingerprints') }}
        )
        {%- endset -%}
        {{ lead_scoring.delete_rows(this, condition) }}
    {%- endif -%}
{% endmacro %}
