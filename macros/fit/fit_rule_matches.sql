{% macro fit_rule_matches(operator, attribute_value, rule_value, low_value, high_value) -%}
    {#- True when a fit rule matches an attribute value (docs/scoring.md §8).
        Values are lower-case text, null when missing; `in` lists are
        `|`-separated and their values compared whole (a value holding a `|`
        equals none of them); `between` bounds are numbers, null = open. -#}
    {%- set listed = "(" ~ dbt.position("'|'", attribute_value) ~ " = 0 and "
        ~ dbt.position(
            dbt.concat(["'|'", attribute_value, "'|'"]),
            dbt.concat(["'|'", rule_value, "'|'"])) ~ " > 0)" -%}
    {%- set number = lead_scoring.as_number(attribute_value) -%}
    coalesce(
        case {{ operator }}
            when 'equals' then {{ attribute_value }} = {{ rule_value }}
            when 'in' then {{ listed }}
            when 'not_in' then {{ attribute_value }} is not null and not ({{ listed }})
            when 'between' then
                {{ number }} is not null
                and ({{ low_value }} is null or {{ number }} >= {{ low_value }})
                and ({{ high_value }} is null or {{ number }} <= {{ high_value }})
            when 'contains' then {{ dbt.position(rule_value, attribute_value) }} > 0
            when 'starts_with' then
                substr({{ attribute_value }}, 1, {{ dbt.length(rule_value) }}) = {{ rule_value }}
            when 'is_null' then {{ attribute_value }} is null
            when 'is_not_null' then {{ attribute_value }} is not null
        end,
        false
    )
{%- endmacro %}
