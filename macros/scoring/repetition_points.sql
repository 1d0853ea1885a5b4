{% macro repetition_points(occurrence_number, points, repeat_points) -%}
    {#- Raw points of the n-th occurrence of a rule: `points` for the first,
        `repeat_points` (default: `points`) for the next ones. -#}
    case
        when {{ occurrence_number }} = 1 then {{ points }}
        else coalesce({{ repeat_points }}, {{ points }})
    end
{%- endmacro %}
