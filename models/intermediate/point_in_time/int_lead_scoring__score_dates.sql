-- The past dates to score from the stored facts (docs/scoring.md §13-14):
-- the dates of var lead_scoring__score_dates (is_requested), and the week
-- before each backtest cut-off, whose scores tell which leads became MQLs
-- that week. None when the var is empty.
{{ config(materialized='table') }}

{%- set requested = lead_scoring.score_dates() %}
{%- set dates = requested | list %}
{%- for cutoff in lead_scoring.backtest_cutoffs() %}
    {%- do dates.append((modules.datetime.datetime.strptime(cutoff, '%Y-%m-%d')
        - modules.datetime.timedelta(days=7)).strftime('%Y-%m-%d')) %}
{%- endfor %}

{%- if dates %}
    {%- for date_text in dates | unique | sort %}
        select
            cast('{{ date_text }}' as date) as score_date,
            {{ 'true' if date_text in requested else 'false' }} as is_requested
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- else %}
    select
        cast(null as date) as score_date,
        true as is_requested
    where 1 = 0
{%- endif %}
