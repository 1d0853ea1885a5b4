{% macro contacts_disqualified_from(contacts, by_score_date=false) %}
    {#- CTEs up to `final`: the rows of `contacts` (contact_key, and
        score_date when by_score_date) that must never go to sales as of the
        scoring date or their score_date, with the first reason that applies
        (docs/scoring.md §9): competitor, internal
        (int_lead_scoring__contacts_excluded_by_domain), unsubscribed, bounced
        only (int_lead_scoring__contact_email_outcomes). -#}
{%- set score_date = 'contacts.score_date' if by_score_date else as_of_date() %}
excluded_by_domain as (

    select * from {{ ref('int_lead_scoring__contacts_excluded_by_domain') }}

),

email_outcomes as (

    select * from {{ ref('int_lead_scoring__contact_email_outcomes') }}

),

classified as (

    select
        {{ 'contacts.score_date,' if by_score_date }}
        contacts.contact_key,
        case
            when excluded_by_domain.disqualification_reason is not null
                then excluded_by_domain.disqualification_reason
            when email_outcomes.first_unsubscribe_date <= {{ score_date }} then 'unsubscribed'
            when
                email_outcomes.first_bounce_date <= {{ score_date }}
                and not coalesce(email_outcomes.first_other_event_date <= {{ score_date }}, false)
                then 'bounced_only'
        end as disqualification_reason

    from {{ contacts }} as contacts
    left join excluded_by_domain
        on contacts.contact_key = excluded_by_domain.contact_key
    left join email_outcomes
        on contacts.contact_key = email_outcomes.contact_key

),

final as (

    select * from classified
    where disqualification_reason is not null

)
{% endmacro %}
