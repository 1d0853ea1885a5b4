{% macro score_dates() %}
    {#- The dates of var lead_scoring__score_dates as sorted YYYY-MM-DD texts
        (docs/scoring.md §13): a list of dates, or {from, to, every_days} for
        every every_days-th day from `from` to `to`. Each must be on or
        before the scoring date: the stored facts end there. -#}
    {%- set var_name = 'lead_scoring__score_dates' -%}
    {%- set expected = 'a list of dates, or from, to and every_days, each date' -%}
    {%- set value = var(var_name, []) -%}
    {%- set dates = [] -%}
    {%- if value is mapping -%}
        {%- set parse = modules.datetime.datetime.strptime -%}
        {%- set first = parse(checked_date_text(value.get('from', ''), var_name, expected), '%Y-%m-%d') -%}
        {%- set last = parse(checked_date_text(value.get('to', ''), var_name, expected), '%Y-%m-%d') -%}
        {%- set step = value.get('every_days', 1) | string | trim -%}
        {%- if not step.isdigit() or step | int < 1 -%}
            {{ exceptions.raise_compiler_error(
                "lead_scoring: var " ~ var_name ~ ": every_days must be a whole number of days"
                ~ " >= 1, got '" ~ step ~ "'") }}
        {%- endif -%}
        {%- for offset in range(0, (last - first).days + 1, step | int) -%}
            {%- do dates.append((first + modules.datetime.timedelta(days=offset)).strftime('%Y-%m-%d')) -%}
        {%- endfor -%}
    {%- elif value is string or value is not iterable -%}
        {%- do dates.append(checked_date_text(value, var_name, expected)) -%}
    {%- else -%}
        {%- for item in value -%}
            {%- do dates.append(checked_date_text(item, var_name, expected)) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set as_of = as_of_date_text() -%}
    {%- for date_text in dates if date_text > as_of -%}
        {{ exceptions.raise_compiler_error(
            "lead_scoring: var " ~ var_name ~ ": " ~ date_text ~ " is after the scoring date "
            ~ as_of ~ " (var lead_scoring__as_of): the stored facts end there") }}
    {%- endfor -%}
    {{ return(dates | unique | sort | list) }}
{%- endmacro %}
