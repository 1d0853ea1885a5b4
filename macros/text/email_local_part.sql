{% macro email_local_part(email) -%}
    {#- Text before the last '@' of an e-mail address; null without '@'. -#}
    case
        when {{ dbt.position("'@'", email) }} > 0
            then substr(
                {{ email }},
                1,
                length({{ email }})
                - length({{ dbt.split_part('reverse(' ~ email ~ ')', "'@'", 1) }})
                - 1
            )
    end
{%- endmacro %}
