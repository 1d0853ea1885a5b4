-- The past dates to score from the stored facts (var
-- lead_scoring__score_dates, docs/scoring.md §13): one row per date, none
-- when the var is empty.
{{ config(materialized='table') }}

{%- set dates = lead_scoring.score_dates() %}

{%- if dates %}
    {%- for date_text in dates %}
        select cast('{{ date_text }}' as date) as score_date
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- else %}
    select cast(null as date) as score_date
    where 1 = 0
{%- endif %}
