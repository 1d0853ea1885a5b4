{% macro normalize_url(url) -%}
    {#- Cut at the first ? or # (the whole query string and fragment, even
        one holding a newline), lower-case scheme and host; the path keeps its
        case. Applied to distinct URLs, not to every event. -#}
    {%- set cut_at -%}
        least(
            coalesce(nullif({{ dbt.position("'?'", url) }}, 0), {{ dbt.length(url) }} + 1),
            coalesce(nullif({{ dbt.position("'#'", url) }}, 0), {{ dbt.length(url) }} + 1)
        )
    {%- endset -%}
    {%- set no_query = "substr(" ~ url ~ ", 1, " ~ cut_at ~ " - 1)" -%}
    {%- set host_start -%}
        case
            when {{ dbt.position("'://'", no_query) }} > 0
                then {{ dbt.position("'://'", no_query) }} + 3
            else 1
        end
    {%- endset -%}
    {%- set path_offset = dbt.position("'/'", "substr(" ~ no_query ~ ", " ~ host_start ~ ")") -%}
    case
        when {{ path_offset }} = 0 then lower({{ no_query }})
        else {{ dbt.concat([
            "lower(substr(" ~ no_query ~ ", 1, " ~ host_start ~ " + " ~ path_offset ~ " - 2))",
            "substr(" ~ no_query ~ ", " ~ host_start ~ " + " ~ path_offset ~ " - 1)",
        ]) }}
    end
{%- endmacro %}
