{% macro as_of_date() %}
    {#- The scoring date as a SQL date literal (docs/scoring.md §0). -#}
    cast('{{ as_of_date_text() }}' as date)
{%- endmacro %}
