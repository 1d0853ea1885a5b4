{% macro incremental_strategy(strategy) %}
    {#- The incremental strategy of a model on this engine: `strategy` where
        the engine has it. -#}
    {{ return(adapter.dispatch('incremental_strategy', 'lead_scoring')(strategy)) }}
{% endmacro %}

{% macro default__incremental_strategy(strategy) %}
    {{ return(strategy) }}
{% endmacro %}

{% macro spark__incremental_strategy(strategy) %}
    {#- Parquet tables have neither delete nor merge: every model appends. The
        hooks delete what the run writes again (delete_rows), and those of
        the delete+insert models the rows whose unique key comes again. -#}
    {{ return('append') }}
{% endmacro %}
