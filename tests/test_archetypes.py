"""On the demo data, every generated story lands where a person would put it.

The generator records which story (archetype) each demo contact follows;
the marts know nothing of it. A contact's best routing is its highest across
the two products' models (sales_now > mql > review > nurture > monitor >
disqualified): a buyer of one product is rightly only nurtured for the other.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from conftest import query

ORDER = ["sales_now", "mql", "review", "nurture", "monitor", "disqualified"]


@pytest.fixture(scope="module")
def routings(demo) -> dict[str, dict[str, list[str]]]:
    """archetype -> contact_id -> routing per model."""
    rows = query(demo["database"], """
        select archetypes.archetype, lead_scores.contact_id, lead_scores.routing
        from main_lead_scoring.lead_scores
        inner join raw.demo_archetypes as archetypes
            on lead_scores.contact_id = archetypes.contact_id
    """)
    by_archetype: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for archetype, contact_id, routing in rows:
        by_archetype[archetype][contact_id].append(routing)
    return by_archetype


def best(routings: list[str]) -> str:
    return min(routings, key=ORDER.index)


def best_routings(routings, archetype: str) -> Counter:
    contacts = routings[archetype]
    assert contacts, f"the demo has no {archetype}"
    return Counter(best(r) for r in contacts.values())


def test_buyers_with_a_recent_demo_request_go_to_sales(demo):
    rows = query(demo["database"], """
        select lead_scores.contact_id, lead_scores.model_id, lead_scores.routing
        from main_lead_scoring.lead_scores
        inner join raw.demo_archetypes as archetypes
            on lead_scores.contact_id = archetypes.contact_id
        where archetypes.archetype = 'buyer' and exists (
            select 1 from main_lead_scoring.lead_score_contributions as ledger
            where ledger.contact_id = lead_scores.contact_id
                and ledger.model_id = lead_scores.model_id
                and ledger.event_type = 'demo_request' and ledger.age_days < 30)
    """)
    assert len(rows) >= 20
    assert Counter(routing for _, _, routing in rows).keys() <= {"sales_now", "mql"}, rows


def test_buyers_not_yet_converted_are_sales_now_or_mql_while_hot_then_go_cold(demo, routings):
    """A buyer that has not bought (yet): sent to sales while its last demo request is
    recent; months later, a hot lead that never bought is no longer sales' business."""
    converted = {c for (c,) in query(demo["database"], "select contact_id from raw.conversions")}
    demo_age = dict(query(demo["database"], """
        select contact_id, min(age_days) from main_lead_scoring.lead_score_contributions
        where event_type = 'demo_request' group by contact_id"""))
    open_buyers = {c: r for c, r in routings["buyer"].items() if c not in converted and c in demo_age}
    hot = Counter(best(r) for c, r in open_buyers.items() if demo_age[c] < 30)
    cold = Counter(best(r) for c, r in open_buyers.items() if demo_age[c] >= 120)
    assert sum(hot.values()) >= 10 and sum(cold.values()) >= 10, (hot, cold)
    assert hot.keys() <= {"sales_now", "mql"}, hot
    assert not cold.keys() & {"sales_now", "mql"}, cold


@pytest.mark.parametrize("archetype", ["job_seeker", "student"])
def test_job_seekers_and_students_are_never_sent_to_sales(routings, archetype):
    assert best_routings(routings, archetype).keys() <= {"review", "monitor"}


def test_competitors_are_disqualified(routings):
    assert best_routings(routings, "competitor").keys() == {"disqualified"}


def test_agencies_are_reviewed_not_sent_to_sales(routings):
    found = best_routings(routings, "agency")
    assert found.keys() <= {"review", "monitor"}
    assert found["review"] >= 0.5 * sum(found.values()), found


def test_role_based_addresses_are_never_sales_now(routings):
    assert "sales_now" not in best_routings(routings, "role_based")


def test_internal_contacts_are_disqualified(routings):
    assert best_routings(routings, "internal").keys() == {"disqualified"}
