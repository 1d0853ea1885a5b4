{% macro incremental_strategy(strategy) %}
    {#- The incremental strategy of a model on this engine: `strategy` where
        the engine has it. -#}
    {{ return(adapter.dispatch('incremental_strategy', 'lead_scoring')(strategy)) }}
{% endmacro %}

{% macro default__incremental_strategy(strategy) %}
    {{ return(strategy) }}
{% endmacro %}

{% macro spark__incremental_strategy(strategy) %}
    {#- Parquet tables have neither delete nor merge, which the incremental
        runs need (the pre-hooks delete the rows to compute again): on Spark a
        build starts from empty tables, where any strategy appends; a run on
        top of an earlier one stops here rather than adding rows twice (a
        unit test that sets is_incremental has no table: it goes on). -#}
    {%- if execute and is_incremental() and this is not string and load_relation(this) is not none -%}
        {{ exceptions.raise_compiler_error(
            "lead_scoring: incremental runs are not supported on Spark yet (parquet tables "
            ~ "cannot delete rows); build " ~ this ~ " into an empty database") }}
    {%- endif -%}
    {{ return('append') }}
{% endmacro %}
