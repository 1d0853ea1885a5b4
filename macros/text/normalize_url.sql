{% macro normalize_url(url) -%}
    {#- Drop the query string and fragment, lower-case scheme and host; the
        path keeps its case. Applied to distinct URLs, not to every event. -#}
    {%- set no_query = "regexp_replace(" ~ url ~ ", '[?#].*$', '')" -%}
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
