{% macro score_band_index(score, score_floor, score_cap, band_count) -%}
    {#- Which of band_count equal bands from score_floor to score_cap a score
        falls in, 0 the lowest; the cap is in the top band. -#}
    least(
        cast(
            floor(({{ score }} - {{ score_floor }}) * {{ band_count }} / ({{ score_cap }} - {{ score_floor }}))
            as {{ dbt.type_int() }}
        ),
        {{ band_count - 1 }}
    )
{%- endmacro %}
