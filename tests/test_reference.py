"""Hand-computed checks of the plain-Python reference (lead_scoring_tools/reference.py)."""
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lead_scoring_tools.reference import (  # noqa: E402
    Config, like, load_config, normalise_url, score, signed, top_reasons,
)

AS_OF = date(2026, 6, 30)


def rule(rule_id, event_type, page_category=None, points=1.0, repeat=None, max_occ=None,
         window=None, half_life=None, min_duration=None, description=None, model_id="m1"):
    return {"model_id": model_id, "rule_id": rule_id, "event_type": event_type,
            "page_category": page_category, "min_duration_seconds": min_duration, "points": points,
            "repeat_points": repeat, "max_occurrences": max_occ, "window_days": window,
            "half_life_days": half_life, "is_strong_signal": False, "description": description or rule_id}


def model(model_id="m1", product_id="p1", floor=0.0, cap=100.0, half_life=None):
    return {"model_id": model_id, "product_id": product_id, "score_floor": floor,
            "score_cap": cap, "default_half_life_days": half_life}


def example_config(**overrides):
    """The worked example of PRODUCT.md §3."""
    cfg = dict(
        models=[model()],
        behavior_rules=[
            rule("r1_pricing", "page_view", "pricing", 10.0, 5.0, 3, None, 30.0, description="pricing"),
            rule("r2_open", "email_open", None, 1.0, 1.0, 2, 90, 0.0, description="e-mail open"),
        ],
        inactivity_steps=[{"model_id": "m1", "inactive_days": d, "penalty_points": p}
                          for d, p in ((30, 15.0), (60, 30.0), (90, 50.0))],
        event_types=[{"event_type": t} for t in ("page_view", "email_open", "email_click")],
        page_categories=[{"url_pattern": "%/pricing%", "page_category": "pricing",
                          "product_id": None, "priority": 10}],
        reference_lists=[{"list_name": "internal_domain", "value": "acme-internal.com"},
                         {"list_name": "bot_user_agent", "value": "bot"}],
    )
    cfg.update(overrides)
    return Config(**cfg)


def ev(event_id, contact_id, event_type, occurred_at, url=None, **extra):
    return {"event_id": event_id, "contact_id": contact_id, "event_type": event_type,
            "occurred_at": occurred_at, "url": url, **extra}


def contact(contact_id, email=None):
    return {"contact_id": contact_id, "email": email or f"{contact_id.lower()}@client.com"}


def by_contact(result, model_id="m1"):
    return {s["contact_id"]: s for s in result.scores if s["model_id"] == model_id}


PRICING = "https://www.example.com/pricing"


# ------------------------------------------------------------------ worked example
@pytest.fixture
def worked_example():
    events = [
        ev("x1", "X", "page_view", datetime(2026, 5, 31, 12), PRICING),
        ev("x2", "X", "page_view", datetime(2026, 6, 30, 9), PRICING),
        ev("x3", "X", "page_view", datetime(2026, 6, 30, 10), PRICING),
        ev("x4", "X", "page_view", datetime(2026, 6, 30, 11), PRICING),
        ev("x5", "X", "email_open", datetime(2026, 6, 1, 8)),
        ev("x6", "X", "email_open", datetime(2026, 6, 2, 8)),
        ev("x7", "X", "email_open", datetime(2026, 6, 3, 8)),
        ev("y1", "Y", "page_view", datetime(2026, 4, 1, 15), PRICING),
        ev("z1", "Z", "email_open", datetime(2026, 3, 1, 8)),
        ev("z2", "Z", "email_open", datetime(2026, 6, 20, 8)),
    ]
    contacts = [contact("X"), contact("Y"), contact("Z"), contact("W")]
    return score(contacts, events, [], example_config(), AS_OF)


def test_worked_example_scores(worked_example):
    s = by_contact(worked_example)
    assert s["X"]["behavior_score"] == 17.00
    assert s["Y"]["behavior_score"] == 0.00
    assert s["Z"]["behavior_score"] == 1.00
    assert s["X"]["inactivity_penalty"] == 0 and s["X"]["days_inactive"] == 0
    assert s["Y"]["contribution_points"] == pytest.approx(1.25)
    assert s["Y"]["inactivity_penalty"] == 50 and s["Y"]["days_inactive"] == 90
    assert s["Y"]["last_positive_activity_date"] == date(2026, 4, 1)
    assert s["Z"]["days_inactive"] == 10 and s["Z"]["inactivity_penalty"] == 0


def test_worked_example_ledger(worked_example):
    ledger = {r["event_id"]: r for r in worked_example.ledger}
    assert [ledger[e]["occurrence_number"] for e in ("x1", "x2", "x3", "x4")] == [1, 2, 3, 4]
    assert ledger["x1"]["decay_factor"] == pytest.approx(0.5)
    assert ledger["x1"]["final_points"] == pytest.approx(5.0)
    assert [ledger[e]["final_points"] for e in ("x2", "x3", "x4")] == [5.0, 5.0, 0.0]
    assert ledger["x4"]["is_capped"] and ledger["x4"]["raw_points"] == 5.0
    assert ledger["x7"]["is_capped"] and ledger["x7"]["final_points"] == 0.0
    assert ledger["y1"]["age_days"] == 90 and ledger["y1"]["decay_factor"] == pytest.approx(0.125)
    # outside the 90-day window: not numbered, no ledger row
    assert "z1" not in ledger and ledger["z2"]["occurrence_number"] == 1
    assert len(worked_example.ledger) == 9


def test_worked_example_every_contact_every_model(worked_example):
    assert len(worked_example.scores) == 4
    w = by_contact(worked_example)["W"]
    assert (w["behavior_score"], w["contribution_points"], w["days_inactive"], w["top_reasons"]) == (0.0, 0, None, None)


def test_worked_example_top_reasons(worked_example):
    s = by_contact(worked_example)
    assert s["X"]["top_reasons"] == "+15 pricing x3; +2 e-mail open x2"
    assert s["Y"]["top_reasons"] == "-50 inactive 90d; +1.25 pricing"
    assert s["Z"]["top_reasons"] == "+1 e-mail open"


# ------------------------------------------------------------------ quarantine
T = datetime(2026, 6, 10, 12, 0, 0)
Q_CONTACTS = [contact("C1"), contact("C2", " Bob@ACME-Internal.com ")]


def reasons_of(events, identities=()):
    result = score(Q_CONTACTS, events, list(identities), example_config(), AS_OF)
    assert len(result.accepted) + len(result.quarantine) == len(events)
    return {q["event_id"]: q["reason"] for q in result.quarantine}, result


@pytest.mark.parametrize("event, reason", [
    (ev(None, "C1", "page_view", T), "missing_event_id"),
    (ev("  ", "C1", "page_view", T), "missing_event_id"),
    (ev("e", "C1", "page_view", None), "invalid_timestamp"),
    (ev("e", "C1", "page_view", "yesterday-ish"), "invalid_timestamp"),
    (ev("e", "C1", "page_view", datetime(2026, 7, 1, 0, 0)), "future_timestamp"),
    (ev("e", "C1", "tweet", T), "unknown_event_type"),
    (ev("e", "C1", None, T), "unknown_event_type"),
    (ev("e", None, "page_view", T, anonymous_id="anon-unknown"), "missing_contact"),
    (ev("e", "nobody", "page_view", T), "unknown_contact"),
    (ev("e", "C2", "page_view", T), "internal_traffic"),
    (ev("e", "C1", "page_view", T, user_agent="Mozilla/5.0 (compatible; GoogleBot/2.1)"), "bot_user_agent"),
    (ev("e", "C1", "email_open", T, email_sent_at=datetime(2026, 6, 10, 11, 59, 56)), "bot_email_scanner"),
])
def test_single_quarantine_reason(event, reason):
    reasons, result = reasons_of([event])
    assert [q["reason"] for q in result.quarantine] == [reason]
    assert result.accepted == []
    assert result.quarantine[0]["user_agent"] == event.get("user_agent")  # raw columns kept


def test_boundaries_are_accepted():
    events = [ev("a", "C1", "page_view", datetime(2026, 6, 30, 23, 59, 59)),
              ev("b", "C1", " Page_View ", T),
              ev("c", "C1", "email_open", T, email_sent_at=datetime(2026, 6, 10, 11, 59, 55))]
    reasons, result = reasons_of(events)
    assert reasons == {} and [a["event_type"] for a in result.accepted] == ["page_view"] * 2 + ["email_open"]


def test_duplicate_event_id_keeps_first_in_documented_order():
    events = [ev("d", "C1", "page_view", None),                   # null occurred_at sorts last
              ev("d", "C1", "page_view", datetime(2026, 6, 2)),
              ev("d", "C1", "page_view", datetime(2026, 6, 1)),   # earliest: kept
              ev("k", "C1", "page_view", T, url="/b"),
              ev("k", "C1", "page_view", T, url="/a")]            # same time: url "/a" first
    reasons, result = reasons_of(events)
    assert [q["reason"] for q in result.quarantine] == ["duplicate_event_id"] * 3
    assert sorted((a["event_id"], a["occurred_at"], a["url"]) for a in result.accepted) == [
        ("d", datetime(2026, 6, 1), None), ("k", T, "/a")]


def test_bot_click_burst():
    click = lambda i, sec, campaign="cmp", **kw: ev(i, "C1", "email_click", T.replace(second=sec), campaign_id=campaign, **kw)
    events = [click("c1", 0), click("c2", 1),          # 1 s apart: a burst, both quarantined
              click("c3", 10),                         # alone
              click("c4", 10, "other"),                # other campaign
              click("c5", 20), click("c6", 21, user_agent="somebot")]  # c6 is a bot: not a partner
    reasons, result = reasons_of(events)
    assert reasons == {"c1": "bot_click_burst", "c2": "bot_click_burst", "c6": "bot_user_agent"}


def test_identity_stitching_earliest_identification_wins():
    identities = [{"anonymous_id": "a1", "contact_id": "C1", "identified_at": datetime(2026, 5, 2)},
                  {"anonymous_id": "a1", "contact_id": "nobody", "identified_at": datetime(2026, 5, 1)},
                  {"anonymous_id": None, "contact_id": "C1", "identified_at": datetime(2026, 1, 1)},
                  {"anonymous_id": "a2", "contact_id": "C1", "identified_at": datetime(2026, 5, 1)}]
    events = [ev("e1", None, "page_view", T, anonymous_id="a1"),
              ev("e2", None, "page_view", T, anonymous_id="a2"),
              ev("e3", "C1", "page_view", T, anonymous_id="a1")]   # carries a contact: keeps it
    reasons, result = reasons_of(events, identities)
    assert reasons == {"e1": "unknown_contact"}
    assert {a["event_id"]: a["contact_id"] for a in result.accepted} == {"e2": "C1", "e3": "C1"}


# ------------------------------------------------------------------ rule matching
def matching_config():
    return example_config(
        behavior_rules=[rule("b01_any_page", "page_view", None, 1.0, description="site visit"),
                        rule("b02_pricing_long", "page_view", "pricing", 15.0, min_duration=60),
                        rule("b03_pricing", "page_view", "pricing", 10.0),
                        rule("b04_about", "page_view", "about", 1.0, min_duration=30)],
        page_categories=[{"url_pattern": "%/pricing%", "page_category": "pricing", "product_id": None, "priority": 20},
                         {"url_pattern": "%/about%", "page_category": "about", "product_id": None, "priority": 70}])


def winners(events, config):
    result = score([contact("C1")], events, [], config, AS_OF)
    return {r["event_id"]: r["rule_id"] for r in result.ledger}


def test_most_specific_rule_wins():
    events = [ev("long", "C1", "page_view", T, PRICING, duration_seconds=90),   # b02 and b03 match: b02 (rule_id)
              ev("short", "C1", "page_view", T, PRICING, duration_seconds=5),   # b03 before b01 (category first)
              ev("home", "C1", "page_view", T, "https://www.example.com/")]      # only the catch-all
    assert winners(events, matching_config()) == {"long": "b02_pricing_long", "short": "b03_pricing",
                                                  "home": "b01_any_page"}


def test_time_on_page_gate():
    events = [ev("null", "C1", "page_view", T, PRICING),                        # null counts as 0
              ev("59", "C1", "page_view", T, PRICING, duration_seconds=59),
              ev("60", "C1", "page_view", T, PRICING, duration_seconds=60),
              ev("about_short", "C1", "page_view", T, "https://x.com/About-us", duration_seconds=10),
              ev("about_long", "C1", "page_view", T, "https://x.com/about", duration_seconds=30)]
    assert winners(events, matching_config()) == {
        "null": "b03_pricing", "59": "b03_pricing", "60": "b02_pricing_long",
        "about_short": "b01_any_page", "about_long": "b04_about"}


def test_product_filter():
    config = example_config(
        models=[model("m1", "p1"), model("m2", "p2")],
        behavior_rules=[rule("r1", "page_view", "pricing", 10.0, model_id="m1"),
                        rule("r1", "page_view", "pricing", 7.0, model_id="m2")],
        page_categories=[{"url_pattern": "%/p1/pricing%", "page_category": "pricing", "product_id": "p1", "priority": 10},
                         {"url_pattern": "%/pricing%", "page_category": "pricing", "product_id": None, "priority": 20}])
    events = [ev("p1_page", "C1", "page_view", datetime(2026, 6, 30), "https://x.com/p1/pricing"),
              ev("general", "C1", "page_view", datetime(2026, 6, 30), "https://x.com/pricing"),
              ev("own_p2", "C1", "page_view", datetime(2026, 6, 30), "https://x.com/pricing", product_id="p2"),
              ev("own_beats_page", "C1", "page_view", datetime(2026, 6, 30), "https://x.com/p1/pricing", product_id="p2"),
              ev("unknown_product", "C1", "page_view", datetime(2026, 6, 30), "https://x.com/pricing", product_id="p9")]
    result = score([contact("C1")], events, [], config, AS_OF)
    pairs = sorted((r["event_id"], r["model_id"]) for r in result.ledger)
    assert pairs == [("general", "m1"), ("general", "m2"), ("own_beats_page", "m2"),
                     ("own_p2", "m2"), ("p1_page", "m1")]
    assert len(result.accepted) == 5   # an unmatched event is accepted, it just earns nothing
    s = {x["model_id"]: x for x in result.scores}
    assert (s["m1"]["behavior_score"], s["m2"]["behavior_score"]) == (20.0, 21.0)
    assert (s["m1"]["product_id"], s["m2"]["product_id"]) == ("p1", "p2")


# ------------------------------------------------------------------ top reasons
def test_top_reasons_text():
    rows = [{"rule_id": "demo", "final_points": 30.0, "is_capped": False},
            *[{"rule_id": "pricing", "final_points": p, "is_capped": c}
              for p, c in ((5.0, False), (5.0, False), (2.5, False), (0.0, True))],
            {"rule_id": "blog", "final_points": 1 / 3, "is_capped": False},
            {"rule_id": "careers", "final_points": -10.0, "is_capped": False},
            {"rule_id": "careers", "final_points": 10.0, "is_capped": False}]   # sums to 0: no reason
    rules = {r: {"description": d} for r, d in
             (("demo", "demo request"), ("pricing", "pricing"), ("blog", "blog"), ("careers", "careers page"))}
    assert top_reasons(rows, rules, 15.0, 45) == "+30 demo request; -15 inactive 45d; +12.5 pricing x3"
    assert top_reasons(rows[5:6], rules, 0.0, 3) == "+0.33 blog"
    assert top_reasons([], rules, 0.0, None) is None
    # ties on absolute points are broken by text
    tie = [{"rule_id": "pricing", "final_points": 5.0, "is_capped": False},
           {"rule_id": "careers", "final_points": -5.0, "is_capped": False}]
    assert top_reasons(tie, rules, 5.0, 31) == "+5 pricing; -5 careers page; -5 inactive 31d"


def test_signed_formatting():
    assert [signed(x) for x in (30.0, 12.5, -15.0, 0.125, -7.1, 8.6603)] == \
        ["+30", "+12.5", "-15", "+0.13", "-7.1", "+8.66"]


def test_top_reasons_through_score_with_decay():
    # one pricing visit 15 days old: 10 * 0.5 ** 0.5 = 7.0710678..., shown rounded to 2 decimals
    result = score([contact("C1")], [ev("e", "C1", "page_view", datetime(2026, 6, 15, 23, 59), PRICING)],
                   [], example_config(), AS_OF)
    s = result.scores[0]
    assert s["contribution_points"] == pytest.approx(7.0710678, abs=1e-6)
    assert (s["behavior_score"], s["top_reasons"]) == (7.07, "+7.07 pricing")


# ------------------------------------------------------------------ normalisation and seeds
def test_url_normalisation_and_like():
    assert normalise_url("  HTTPS://WWW.Example.COM/Pricing/Plans?x=1#top ") == "https://www.example.com/Pricing/Plans"
    assert normalise_url("HTTP://Example.COM#frag") == "http://example.com"
    assert like("https://x.com/Pricing", "%/pricing%") and not like("https://x.com/pric", "%/pricing%")
    assert like("https://x.com/ab", "%/a_") and not like("https://x.com/abc", "%/a_")


def test_load_config_reads_typed_seeds():
    cfg = load_config(ROOT / "seeds")
    assert {m["model_id"] for m in cfg.models} == {"flow_v1", "insight_v1"}
    r = next(r for r in cfg.behavior_rules if r["model_id"] == "flow_v1" and r["rule_id"] == "b02_pricing_long")
    assert (r["min_duration_seconds"], r["points"], r["max_occurrences"], r["is_strong_signal"]) == (60, 15.0, 5, True)
    opens = next(r for r in cfg.behavior_rules if r["rule_id"] == "b13_email_open")
    assert opens["half_life_days"] == 0.0 and opens["page_category"] is None
    assert cfg.page_categories[0]["priority"] == 10 and cfg.page_categories[2]["product_id"] is None


# ------------------------------------------------------------------ window and inactivity boundaries
def test_window_keeps_age_strictly_below_window_days():
    events = [ev("age90", "C1", "email_open", datetime(2026, 4, 1, 23, 59)),    # age 90: outside
              ev("age89", "C1", "email_open", datetime(2026, 4, 2, 0, 0))]      # age 89: kept, occurrence 1
    result = score([contact("C1")], events, [], example_config(), AS_OF)
    assert [(r["event_id"], r["age_days"], r["occurrence_number"]) for r in result.ledger] == [("age89", 89, 1)]
    s = result.scores[0]   # no decay (half-life 0): 1 point; N = 89 -> step 60: -30; clamp to floor 0
    assert (s["contribution_points"], s["inactivity_penalty"], s["behavior_score"]) == (1.0, 30, 0.0)


@pytest.mark.parametrize("age, penalty", [(0, 0), (29, 0), (30, 15), (59, 15), (60, 30), (89, 30), (90, 50), (400, 50)])
def test_inactivity_steps_not_cumulative(age, penalty):
    config = example_config(models=[model(floor=-1000.0)])
    day = date.fromordinal(AS_OF.toordinal() - age)
    result = score([contact("C1")], [ev("e", "C1", "page_view", datetime(day.year, day.month, day.day, 6), PRICING)],
                   [], config, AS_OF)
    s = result.scores[0]
    assert (s["days_inactive"], s["inactivity_penalty"]) == (age, penalty)
    assert s["behavior_score"] == round(10 * 0.5 ** (age / 30) - penalty, 2)


def test_no_positive_activity_no_penalty():
    config = example_config(behavior_rules=[rule("neg", "page_view", None, -10.0, description="careers page")],
                            models=[model(floor=-100.0)])
    result = score([contact("C1")], [ev("e", "C1", "page_view", datetime(2026, 1, 5))], [], config, AS_OF)
    s = result.scores[0]
    assert (s["behavior_score"], s["days_inactive"], s["inactivity_penalty"]) == (-10.0, None, 0)
    assert s["top_reasons"] == "-10 careers page"
