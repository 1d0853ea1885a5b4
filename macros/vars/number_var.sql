{% macro number_var(var_name, minimum, maximum, is_whole=true) %}
    {#- The value of a numeric var, checked at compile time: a number (a whole
        one when is_whole) within minimum..maximum, or an error naming the var. -#}
    {%- set value = var(var_name) -%}
    {%- set text = value | string | trim -%}
    {%- set pattern = '-?[0-9]+' if is_whole else '-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)' -%}
    {%- set number = (text | int if is_whole else text | float)
        if value is not boolean and modules.re.fullmatch(pattern, text) else none -%}
    {%- if number is none or number < minimum or number > maximum -%}
        {{ exceptions.raise_compiler_error(
            "lead_scoring: var " ~ var_name ~ " must be " ~ ("a whole number" if is_whole else "a number")
            ~ " between " ~ minimum ~ " and " ~ maximum ~ ", got '" ~ text ~ "'") }}
    {%- endif -%}
    {{ return(number) }}
{% endmacro %}
