{% macro occurrences_points(first_occurrence, last_occurrence, points, repeat_points) -%}
    {#- Raw points of a rule's occurrences first..last together (0 when
        last < first): the first of them earns what its number earns, every
        later one is a repeat. -#}
    case
        when {{ last_occurrence }} < {{ first_occurrence }} then 0
        else
            {{ repetition_points(first_occurrence, points, repeat_points) }}
            + ({{ last_occurrence }} - {{ first_occurrence }})
            * {{ repetition_points('2', points, repeat_points) }}
    end
{%- endmacro %}
