{% macro email_domain(email) -%}
    {#- Text after the last '@' of an e-mail address; null without '@'. -#}
    case
        when {{ dbt.position("'@'", email) }} > 0
            then reverse({{ dbt.split_part('reverse(' ~ email ~ ')', "'@'", 1) }})
    end
{%- endmacro %}
