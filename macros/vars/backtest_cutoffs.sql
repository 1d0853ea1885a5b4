{% macro backtest_cutoffs() %}
    {#- The dates of score_dates() whose backtest horizon (var
        lead_scoring__backtest_horizon_days) has ended by the scoring date,
        as YYYY-MM-DD texts (docs/scoring.md §14). -#}
    {%- set horizon = modules.datetime.timedelta(
        days=number_var('lead_scoring__backtest_horizon_days', 1, 3650)) -%}
    {%- set as_of = modules.datetime.datetime.strptime(as_of_date_text(), '%Y-%m-%d') -%}
    {%- set cutoffs = [] -%}
    {%- for date_text in score_dates() -%}
        {%- if modules.datetime.datetime.strptime(date_text, '%Y-%m-%d') + horizon <= as_of -%}
            {%- do cutoffs.append(date_text) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(cutoffs) }}
{%- endmacro %}
