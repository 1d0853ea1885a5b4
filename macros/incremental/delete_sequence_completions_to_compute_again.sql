{% macro delete_sequence_completions_to_compute_again() %}
    {#- Pre-hook of int_lead_scoring__sequence_completions: delete the rows of
        another sequence configuration, and those of the contacts computed
        again in this run. -#}
    {%- if execute and is_incremental() -%}
        {#- two deletes, in order (on Spark each runs as it renders, to no SQL) -#}
        {%- set statements = [
            lead_scoring.delete_rows_of_other_configuration('sequence_fingerprint'),
            lead_scoring.delete_rows(this, 'contact_key in ('
                ~ lead_scoring.contacts_with_events_loaded_in_this_run() ~ ')'),
        ] -%}
        {{ statements | map('trim') | reject('equalto', '') | join(';\n        ') }}
    {%- endif -%}
{% endmacro %}
