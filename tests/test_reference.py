"""Hand-computed checks of the plain-Python reference (lead_scoring_tools/reference.py)."""
import csv
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lead_scoring_tools.reference import (  # noqa: E402
    Config, like, load_config, normalise_url, parse_duration, parse_timestamp, signed, top_reasons,
)
from lead_scoring_tools.reference import score as reference_score  # noqa: E402

AS_OF = date(2026, 6, 30)
NOW = datetime(2026, 7, 1, 6, 0)   # the run's clock: 06:00 UTC the day after as_of (a past as_of)


def score(*args, now=NOW, **kwargs):
    """The reference with a fixed run clock, so that no test depends on the machine's date."""
    return reference_score(*args, now=now, **kwargs)


def rule(rule_id, event_type, page_category=None, points=1.0, repeat=None, max_occ=None,
         window=None, half_life=None, min_duration=None, description=None, model_id="m1", strong=False):
    return {"model_id": model_id, "rule_id": rule_id, "event_type": event_type,
            "page_category": page_category, "min_duration_seconds": min_duration, "points": points,
            "repeat_points": repeat, "max_occurrences": max_occ, "window_days": window,
            "half_life_days": half_life, "is_strong_signal": strong, "description": description or rule_id}


def model(model_id="m1", product_id="p1", floor=0.0, cap=100.0, half_life=None,
          mql=None, min_grade=None, fast_track=None):
    return {"model_id": model_id, "product_id": product_id, "score_floor": floor,
            "score_cap": cap, "default_half_life_days": half_life, "mql_threshold": mql,
            "min_grade_for_mql": min_grade, "fast_track_window_days": fast_track}


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


def reasons_of(events, identities=(), contacts=Q_CONTACTS, **kwargs):
    result = score(list(contacts), events, list(identities), example_config(), AS_OF, **kwargs)
    assert len(result.accepted) + len(result.quarantine) + len(result.after_as_of) == len(events)
    return {q["event_id"]: q["reason"] for q in result.quarantine}, result


@pytest.mark.parametrize("event, reason", [
    (ev(None, "C1", "page_view", T), "missing_event_id"),
    (ev("  ", "C1", "page_view", T), "missing_event_id"),
    (ev("e", "C1", "page_view", None), "invalid_timestamp"),
    (ev("e", "C1", "page_view", "yesterday-ish"), "invalid_timestamp"),
    (ev("e", "C1", "page_view", datetime(2026, 7, 1, 7, 1)), "future_timestamp"),    # NOW + 61 min
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
    events = [ev("long", "C1", "page_view", T, PRICING, duration_seconds=90),   # b02 and b03 match: b02 (gate 60 > 0)
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


# ------------------------------------------------------------------ sequences (docs/scoring.md §7)
SEQ_TYPES = [{"event_type": t} for t in ("page_view", "email_open", "email_click", "demo_request",
                                          "email_unsubscribe", "email_bounce")]


def sequence(sequence_id, steps, within_days, points, half_life=None, description=None, model_id="m1"):
    row = {"model_id": model_id, "sequence_id": sequence_id, "within_days": within_days, "points": points,
           "half_life_days": half_life, "description": description or sequence_id}
    for n in (1, 2, 3):
        event_type, category = steps[n - 1] if n <= len(steps) else (None, None)
        row[f"step_{n}_event_type"], row[f"step_{n}_page_category"] = event_type, category
    return row


def sequence_config(**overrides):
    return example_config(**{"event_types": SEQ_TYPES, "sequence_rules": [
        sequence("s_pd", [("page_view", "pricing"), ("demo_request", None)], 7, 10.0, 0.0, "pricing then demo"),
        sequence("s_visits", [("page_view", None)] * 3, 7, 5.0, 10.0, "3 visits")], **overrides})


def bonuses(events, contacts=("C1",), config=None):
    """(contact, sequence) -> ledger row of the sequence bonus."""
    result = score([contact(c) for c in contacts], events, [], config or sequence_config(), AS_OF)
    return {(r["contact_id"], r["rule_id"]): r for r in result.ledger if r["contribution_type"] == "sequence"}, result


def test_sequence_window_edge_and_order():
    pricing = lambda i, c, t: ev(i, c, "page_view", t, PRICING)
    demo = lambda i, c, t: ev(i, c, "demo_request", t)
    events = [pricing("in1", "IN", datetime(2026, 6, 20, 10)), demo("in2", "IN", datetime(2026, 6, 27, 10)),
              # 7 days + 1 second: too late
              pricing("out1", "OUT", datetime(2026, 6, 20, 9, 59, 59)), demo("out2", "OUT", datetime(2026, 6, 27, 10)),
              # demo before pricing: wrong order
              demo("ord1", "ORDER", datetime(2026, 6, 20, 10)), pricing("ord2", "ORDER", datetime(2026, 6, 21, 10)),
              # same time: ordered by event_id, "t1" (pricing) before "t2" (demo) ...
              pricing("t1", "TIE", datetime(2026, 6, 25, 10)), demo("t2", "TIE", datetime(2026, 6, 25, 10)),
              # ... but here the demo "u1" comes first
              demo("u1", "TIE2", datetime(2026, 6, 25, 10)), pricing("u2", "TIE2", datetime(2026, 6, 25, 10)),
              # an old pricing visit is out of reach, but the latest one before the demo is in
              pricing("l1", "LATEST", datetime(2026, 6, 1)), pricing("l2", "LATEST", datetime(2026, 6, 10)),
              demo("l3", "LATEST", datetime(2026, 6, 12))]
    found, _ = bonuses(events, ("IN", "OUT", "ORDER", "TIE", "TIE2", "LATEST"))
    assert {c: r["event_id"] for (c, s), r in found.items() if s == "s_pd"} == {"IN": "in2", "TIE": "t2", "LATEST": "l3"}
    row = found[("IN", "s_pd")]   # no decay (half-life 0): 10 points
    assert (row["occurrence_number"], row["is_capped"], row["raw_points"], row["decay_factor"], row["final_points"],
            row["event_date"], row["model_id"]) == (1, False, 10.0, 1.0, 10.0, date(2026, 6, 27), "m1")


def test_sequence_one_event_fills_one_step():
    visit = lambda i, day: ev(i, "C1", "page_view", datetime(2026, 6, day, 12), "https://x.com/")
    found, _ = bonuses([visit("v1", 20), visit("v2", 21)])
    assert found == {}                                    # 2 visits cannot fill 3 steps
    found, _ = bonuses([visit("v1", 20), visit("v2", 21), visit("v3", 27)])
    assert found[("C1", "s_visits")]["event_id"] == "v3"  # 06-27 12:00 - 06-20 12:00 = 7 days: in


def test_sequence_counts_once_dated_by_latest_completion_and_decays_from_it():
    visit = lambda i, day: ev(i, "C1", "page_view", datetime(2026, 6, day, 12), "https://x.com/")
    # completed on 06-03 (and again on 06-04 with 06-02..06-04), then on 06-20 (age 10)
    events = [visit("a", 1), visit("b", 2), visit("c", 3), visit("d", 4), visit("e", 18), visit("f", 19), visit("g", 20)]
    found, result = bonuses(events)
    rows = [r for r in result.ledger if r["contribution_type"] == "sequence"]
    assert len(rows) == 1
    row = found[("C1", "s_visits")]
    # half-life 10 days, age 10: 5 x 0.5 = 2.5
    assert (row["event_id"], row["age_days"], row["decay_factor"], row["final_points"]) == ("g", 10, 0.5, 2.5)


def test_sequence_half_life_null_takes_model_default():
    config = sequence_config(models=[model(half_life=20.0)], sequence_rules=[
        sequence("s_pd", [("page_view", "pricing"), ("demo_request", None)], 7, 10.0, None)])
    found, _ = bonuses([ev("p", "C1", "page_view", datetime(2026, 6, 9), PRICING),
                        ev("d", "C1", "demo_request", datetime(2026, 6, 10))], config=config)
    assert found[("C1", "s_pd")]["final_points"] == 5.0   # age 20, model half-life 20: 10 x 0.5


def test_sequence_product_scoping():
    config = sequence_config(models=[model("m1", "p1"), model("m2", "p2")], behavior_rules=[], sequence_rules=[
        sequence("s_pd", [("page_view", "pricing"), ("demo_request", None)], 7, 10.0, 0.0, model_id=m)
        for m in ("m1", "m2")])
    # the pricing visit names product p2: it fills the step for m2 only; the demo names none
    events = [ev("p", "C1", "page_view", datetime(2026, 6, 25), PRICING, product_id="p2"),
              ev("d", "C1", "demo_request", datetime(2026, 6, 26))]
    found, result = bonuses(events, config=config)
    assert [(r["model_id"], r["rule_id"], r["event_id"]) for r in result.ledger] == [("m2", "s_pd", "d")]


def test_sequence_counts_in_score_inactivity_and_reasons():
    # pricing on 06-10 (age 20): 10 x 0.5 ** (20 / 30) = 6.2996; demo on 06-12 (age 18) earns
    # no rule points but completes "pricing then demo": +10 (no decay). Sum 16.2996 -> 16.30.
    # The latest positive ledger row is the bonus (06-12): N = 18, no penalty.
    found, result = bonuses([ev("p", "C1", "page_view", datetime(2026, 6, 10), PRICING),
                             ev("d", "C1", "demo_request", datetime(2026, 6, 12))])
    s = result.scores[0]
    assert s["contribution_points"] == pytest.approx(16.2996, abs=1e-4)
    assert (s["behavior_score"], s["last_positive_activity_date"], s["days_inactive"]) == (16.3, date(2026, 6, 12), 18)
    assert s["top_reasons"] == "+10 pricing then demo; +6.3 pricing"


def test_ledger_row_keys():
    _, result = bonuses([ev("p", "C1", "page_view", datetime(2026, 6, 10), PRICING),
                         ev("d", "C1", "demo_request", datetime(2026, 6, 12))])
    keys = {"event_id", "model_id", "rule_id", "contribution_type", "contact_id", "occurred_at", "event_date",
            "age_days", "occurrence_number", "raw_points", "is_capped", "decay_factor", "final_points"}
    assert [(r["contribution_type"], set(r)) for r in result.ledger] == [("behavior_rule", keys), ("sequence", keys)]


# ------------------------------------------------------------------ fit score and grade (§8)
FIT_LISTS = [{"list_name": n, "value": v} for n, v in (
    ("free_mail_domain", "gmail.com"), ("role_based_local_part", "info"), ("competitor_domain", "rivalsoft.com"),
    ("internal_domain", "acme-internal.com"), ("bot_user_agent", "bot"))]
BANDS = [{"model_id": "m1", "grade": g, "min_fit_score": m} for g, m in (("A", 40.0), ("B", 20.0), ("C", 0.0), ("D", None))]


def fit_rule(attribute, operator, value=None, points=10.0, rule_id="f1", description=None, model_id="m1"):
    return {"model_id": model_id, "rule_id": rule_id, "attribute": attribute, "operator": operator,
            "value": value, "points": points, "description": description or rule_id}


def fit_config(rules, **overrides):
    return example_config(**{"grade_bands": BANDS, "reference_lists": FIT_LISTS, "event_types": SEQ_TYPES,
                             **overrides, "fit_rules": rules})


def scored(rules, fields=None, account=None, events=(), **kwargs):
    """The score row of contact C1 (e-mail jo@client.com, account A1 when `account` is given)."""
    c = {"contact_id": "C1", "email": "jo@client.com", "account_id": "A1" if account is not None else None,
         **(fields or {})}
    accounts = [{"account_id": "A1", "domain": "client.com", **account}] if account is not None else []
    return score([c], list(events), [], fit_config(rules), AS_OF, accounts=accounts, **kwargs).scores[0]


@pytest.mark.parametrize("attribute, operator, value, fields, account, match", [
    ("job_title", "equals", "ceo", {"job_title": "  CEO "}, None, True),       # trimmed, lower-cased
    ("job_title", "equals", " CEO ", {"job_title": "ceo"}, None, True),        # the value too
    ("job_title", "equals", "ceo", {"job_title": "CTO"}, None, False),
    ("job_title", "equals", "ceo", {}, None, False),                            # missing key = null
    ("country", "in", "fr|us", {"country": "US"}, None, True),
    ("country", "in", "fr|us", {"country": "es"}, None, False),
    ("country", "not_in", "fr|us", {"country": "ES"}, None, True),
    ("country", "not_in", "fr|us", {"country": "Fr"}, None, False),
    ("country", "not_in", "fr|us", {"country": None}, None, False),            # null never matches not_in
    ("country", "not_in", "fr|us", {"country": "   "}, None, False),           # blank = null
    ("country", "in", "fr|us|gb", {"country": "fr|us"}, None, False),          # compared whole: equals none
    ("country", "not_in", "fr|us|gb", {"country": "fr|us"}, None, True),       # ... so it is not in the list
    ("country", "in", "fr|us|gb", {"country": "gb"}, None, True),
    ("country", "equals", "fr|us", {"country": "FR|us"}, None, True),          # one value, `|` and all
    ("account_employee_count", "between", "200|5000", {}, {"employee_count": "200"}, True),    # low edge in
    ("account_employee_count", "between", "200|5000", {}, {"employee_count": "5000"}, True),   # high edge in
    ("account_employee_count", "between", "200|5000", {}, {"employee_count": "199"}, False),
    ("account_employee_count", "between", "200|5000", {}, {"employee_count": "5001"}, False),
    ("account_employee_count", "between", "200|5000", {}, {"employee_count": 250}, True),      # an int, as text
    ("account_employee_count", "between", "5001|", {}, {"employee_count": "1000000"}, True),   # open high end
    ("account_employee_count", "between", "5001|", {}, {"employee_count": "5000"}, False),
    ("account_employee_count", "between", "|49", {}, {"employee_count": "49"}, True),          # open low end
    ("account_employee_count", "between", "|49", {}, {"employee_count": "-3.5"}, True),
    ("account_employee_count", "between", "|49", {}, {"employee_count": "49.01"}, False),
    ("account_employee_count", "between", "|49", {}, {"employee_count": "n/a"}, False),        # not a number
    ("account_employee_count", "between", "|49", {}, {"employee_count": None}, False),
    ("account_annual_revenue", "between", "1000000|", {}, {"annual_revenue": "1500000.50"}, True),
    # not exactly one `|`: never matches (a bare "5" is not an open-ended "5|")
    ("account_employee_count", "between", "5", {}, {"employee_count": "10"}, False),
    ("account_employee_count", "between", "1|5|10", {}, {"employee_count": "3"}, False),
    ("account_employee_count", "between", "|", {}, {"employee_count": "3"}, True),     # both ends open
    ("account_employee_count", "between", None, {}, {"employee_count": "3"}, False),
    ("job_title", "contains", "chief", {"job_title": "Chief Data Officer"}, None, True),
    ("job_title", "contains", "chief", {"job_title": "CDO"}, None, False),
    ("job_title", "starts_with", "vp", {"job_title": "VP Sales"}, None, True),
    ("job_title", "starts_with", "vp", {"job_title": "Senior VP"}, None, False),
    ("department", "is_null", None, {"department": None}, None, True),
    ("department", "is_null", None, {"department": "  "}, None, True),
    ("department", "is_null", None, {"department": "IT"}, None, False),
    ("phone", "is_not_null", None, {"phone": "+33 1"}, None, True),
    ("phone", "is_not_null", None, {"phone": ""}, None, False),
    ("account_industry", "equals", "retail", {}, {"industry": " RETAIL "}, True),
    ("account_industry", "equals", "retail", {}, None, False),                 # no account: null
    ("account_industry", "is_null", None, {}, None, True),
    ("account_country", "equals", "de", {"country": "fr"}, {"country": "DE"}, True),  # the account's, not the contact's
    ("country", "equals", "de", {"country": "fr"}, {"country": "DE"}, False),
])
def test_fit_operators(attribute, operator, value, fields, account, match):
    row = scored([fit_rule(attribute, operator, value)], fields, account)
    assert row["fit_score"] == (10.0 if match else 0.0)


def test_fit_unknown_account_is_null():
    # account_id names no known account: account attributes are null
    row = scored([fit_rule("account_industry", "is_null")], {"account_id": "A9"}, {"industry": "retail"})
    assert row["fit_score"] == 10.0


@pytest.mark.parametrize("attribute, fields, expected", [
    ("is_free_mail", {"email": " Jo@GMail.com "}, "true"),
    ("is_free_mail", {"email": "jo@client.com"}, "false"),
    ("is_role_based", {"email": "INFO@client.com"}, "true"),
    ("is_role_based", {"email": "jo@client.com"}, "false"),
    ("email_domain", {"email": "Jo@Client.COM"}, "client.com"),
    ("email_local_part", {"email": "Jo@Client.COM"}, "jo"),
    ("is_phone_repeated_digit", {"phone": "000 000 0000"}, "true"),
    ("is_phone_repeated_digit", {"phone": "+1 (111) 111-1111"}, "true"),   # 1 1111111111 once stripped
    ("is_phone_repeated_digit", {"phone": "11.11"}, "true"),               # 4 characters: enough
    ("is_phone_repeated_digit", {"phone": "+33 1 11"}, "false"),           # 33111: two digits
    ("is_phone_repeated_digit", {"phone": "111"}, "false"),                # too short
    ("is_phone_repeated_digit", {"phone": "aaaa"}, "false"),               # not digits
    ("is_phone_repeated_digit", {"phone": None}, None),                    # null without a phone
])
def test_derived_attributes(attribute, fields, expected):
    # one equals rule per candidate value and one is_null rule, each with its own points:
    # the fit score tells which one matched
    points = {"true": 10.0, "false": 20.0, "client.com": 30.0, "jo": 40.0, None: 1.0}
    rules = [fit_rule(attribute, "equals" if v else "is_null", v, p, f"f_{v}") for v, p in points.items()]
    assert scored(rules, fields)["fit_score"] == points[expected]


def test_phone_repeated_digit_needs_phone_as_attribute():
    rules = [fit_rule("is_phone_repeated_digit", "is_null", None, 1.0)]
    fields = {"phone": "000 000 0000"}
    assert scored(rules, fields)["fit_score"] == 0.0
    assert scored(rules, fields, fit_contact_attributes=("job_title", "country"))["fit_score"] == 1.0


def test_fit_rules_add_up_and_use_the_model_only():
    # 25 (C-level) + 20 (VP) + -15 (free mail) = 30; the other model's rule does not count
    rules = [fit_rule("job_title", "contains", "chief", 25.0, "f1"), fit_rule("job_title", "contains", "vp", 20.0, "f2"),
             fit_rule("is_free_mail", "equals", "true", -15.0, "f3"), fit_rule("job_title", "is_not_null", None, 99.0,
                                                                                "f4", model_id="m2")]
    row = scored(rules, {"job_title": "Chief VP", "email": "jo@gmail.com"})
    assert (row["fit_score"], row["grade"]) == (30.0, "B")


@pytest.mark.parametrize("points, grade", [
    (40.0, "A"), (39.99, "B"), (20.0, "B"), (19.99, "C"), (0.0, "C"), (-0.01, "D"), (-50.0, "D"), (1000.0, "A")])
def test_grade_band_edges(points, grade):
    row = scored([fit_rule("email_domain", "is_not_null", None, points)])
    assert (row["fit_score"], row["grade"]) == (points, grade)


def test_fit_score_rounded():
    # 1/3 + 1/3 = 0.666... -> 0.67
    row = scored([fit_rule("email_domain", "is_not_null", None, 1 / 3, "f1"),
                  fit_rule("email_local_part", "is_not_null", None, 1 / 3, "f2")])
    assert row["fit_score"] == 0.67


# ------------------------------------------------------------------ disqualification (§9)
A_FIT = [fit_rule("email_domain", "is_not_null", None, 50.0, description="known domain")]   # fit 50: grade A


@pytest.mark.parametrize("email, account_domain, reason", [
    ("jo@rivalsoft.com", "client.com", "competitor"),
    ("jo@client.com", " RivalSoft.COM ", "competitor"),              # account domain, trimmed, lower-cased
    ("jo@rivalsoft.com", "acme-internal.com", "competitor"),          # competitor comes first
    ("jo@client.com", "acme-internal.com", "internal"),
    ("jo@acme-internal.com", None, "internal"),                       # its events are quarantined as internal traffic
    ("jo@client.com", "www.rivalsoft.com", None),                     # whole domain only
])
def test_competitor_and_internal_get_grade_d(email, account_domain, reason):
    account = None if account_domain is None else {"domain": account_domain}
    row = scored(A_FIT, {"email": email}, account)
    assert row["fit_score"] == 50.0
    assert (row["disqualification_reason"], row["grade"]) == (reason, "D" if reason else "A")
    if reason:
        assert (row["routing"], row["is_mql"], row["is_fast_track"]) == ("disqualified", False, False)


@pytest.mark.parametrize("types, reason", [
    (["email_unsubscribe"], "unsubscribed"),
    (["page_view", "email_unsubscribe"], "unsubscribed"),
    (["email_bounce", "email_unsubscribe"], "unsubscribed"),   # unsubscribed comes first
    (["email_bounce"], "bounced_only"),
    (["email_bounce", "email_bounce"], "bounced_only"),
    (["email_bounce", "email_open"], None),
    (["page_view"], None),
    ([], None),
])
def test_unsubscribed_and_bounced_only(types, reason):
    events = [ev(f"e{i}", "C1", t, datetime(2026, 6, 1 + i)) for i, t in enumerate(types)]
    row = scored(A_FIT, events=events)
    assert row["disqualification_reason"] == reason and row["grade"] == "A"   # grade unaffected
    assert (row["routing"] == "disqualified") == (reason is not None)


def test_quarantined_events_do_not_disqualify():
    events = [ev("u", "C1", "email_unsubscribe", datetime(2026, 7, 1)),      # after as_of: not seen yet
              ev("b", "C1", "email_bounce", datetime(2026, 6, 1)),
              ev("o", "C1", "email_open", datetime(2026, 6, 1), user_agent="bot")]   # bot: quarantined
    assert scored(A_FIT, events=events)["disqualification_reason"] == "bounced_only"


# ------------------------------------------------------------------ routing (§9)
def routing_config():
    # threshold 20, min grade B, fast track 14 days; no decay; grade by job title
    return fit_config(
        [fit_rule("job_title", "equals", t, p, f"f_{t}", description=f"{t} title")
         for t, p in (("a", 40.0), ("b", 20.0), ("c", 0.0), ("d", -5.0))],
        models=[model(mql=20.0, min_grade="B", fast_track=14)],
        behavior_rules=[rule("r_demo", "demo_request", None, 5.0, 5.0, half_life=0.0, strong=True, description="demo"),
                        rule("r_pricing", "page_view", "pricing", 25.0, 0.0, half_life=0.0, description="pricing"),
                        rule("r_exact", "email_click", None, 20.0, 0.0, half_life=0.0, description="click")])


def route(grade, events=(), email="jo@client.com"):
    c = {"contact_id": "C1", "email": email, "job_title": grade}
    return score([c], list(events), [], routing_config(), AS_OF).scores[0]


def day(age):
    return datetime.combine(date.fromordinal(AS_OF.toordinal() - age), datetime.min.time()).replace(hour=12)


@pytest.mark.parametrize("grade, events, expected, score_", [
    # unsubscribed, grade A and a fresh demo request: disqualified
    ("a", [("demo_request", 0), ("email_unsubscribe", 0)], "disqualified", 5.0),
    # demo request today (5 < 20) with grade B: sales now, whatever the score
    ("b", [("demo_request", 0)], "sales_now", 5.0),
    # same with grade C: not good enough, under the threshold: monitor
    ("c", [("demo_request", 0)], "monitor", 5.0),
    # strong signal 13 days old: in the 14-day window; 14 days old: out (nurture with grade A)
    ("a", [("demo_request", 13)], "sales_now", 5.0),
    ("a", [("demo_request", 14)], "nurture", 5.0),
    # pricing (25, not a strong signal) with grade A: over the threshold: mql
    ("a", [("page_view", 0)], "mql", 25.0),
    # exactly at the threshold (20 >= 20) with grade B: mql
    ("b", [("email_click", 0)], "mql", 20.0),
    # over the threshold, grade C: review; grade D: review
    ("c", [("page_view", 0)], "review", 25.0),
    ("d", [("page_view", 0)], "review", 25.0),
    # strong signal and score over the threshold, but grade C: review, not sales now
    ("c", [("page_view", 0), ("demo_request", 0)], "review", 30.0),
    # grade A, no activity: nurture; grade C / D, nothing: monitor
    ("a", [], "nurture", 0.0),
    ("c", [], "monitor", 0.0),
    ("d", [("email_click", 3)], "review", 20.0),
    ("d", [], "monitor", 0.0),
])
def test_routing_cells(grade, events, expected, score_):
    url = lambda t: PRICING if t == "page_view" else None
    row = route(grade, [ev(f"e{i}", "C1", t, day(a), url(t)) for i, (t, a) in enumerate(events)])
    assert (row["grade"], row["behavior_score"], row["routing"]) == (grade.upper(), score_, expected)
    assert row["is_mql"] == (expected in ("sales_now", "mql"))
    assert row["is_fast_track"] == (expected == "sales_now")


def test_strong_signal_capped_still_counts():
    # demo rule max 1 occurrence: the second (capped, 0 final points) is today and is still a signal
    config = routing_config()
    config.behavior_rules[0]["max_occurrences"] = 1
    events = [ev("d1", "C1", "demo_request", day(30)), ev("d2", "C1", "demo_request", day(0))]
    row = score([{"contact_id": "C1", "email": "jo@client.com", "job_title": "a"}], events, [], config, AS_OF).scores[0]
    assert (row["routing"], row["is_fast_track"]) == ("sales_now", True)


def test_routing_without_thresholds_is_nurture():
    # null mql_threshold / fast_track_window_days compare as SQL nulls: never true; a null
    # min_grade_for_mql is no grade gate (every grade is good enough): nurture, not monitor
    row = scored([fit_rule("email_domain", "is_not_null", None, -50.0)],      # grade D
                 events=[ev("e", "C1", "page_view", day(0), PRICING)])
    assert (row["behavior_score"], row["grade"], row["routing"], row["is_mql"]) == (10.0, "D", "nurture", False)


# ------------------------------------------------------------------ top reasons with fit (§10)
def test_top_reasons_mix_behaviour_sequence_fit_and_inactivity():
    config = fit_config(
        [fit_rule("job_title", "starts_with", "vp", 15.0, "f1", "VP title"),
         fit_rule("country", "equals", "fr", 5.0, "f2", "core market"),
         fit_rule("country", "is_not_null", None, 0.0, "f3", "zero points")],      # 0 points: no reason
        behavior_rules=[rule("r1", "page_view", "pricing", 5.0, 5.0, half_life=0.0, description="pricing")],
        sequence_rules=[sequence("s1", [("page_view", "pricing")] * 2, 7, 15.0, 0.0, "2 pricing visits")])
    c = {"contact_id": "C1", "email": "jo@client.com", "job_title": "VP Ops", "country": "FR"}
    events = [ev("p1", "C1", "page_view", day(41), PRICING), ev("p2", "C1", "page_view", day(40), PRICING)]
    row = score([c], events, [], config, AS_OF).scores[0]
    # candidates: +10 pricing x2, +15 2 pricing visits (dated day 40), -15 inactive 40d, +15 VP title,
    # +5 core market. Three at |15|, ordered by text ('+' < '-', '2' < 'V'); pricing and core market cut.
    assert row["top_reasons"] == "+15 2 pricing visits; +15 VP title; -15 inactive 40d"
    # behaviour score: 10 + 15 - 15 = 10
    assert (row["behavior_score"], row["fit_score"], row["days_inactive"]) == (10.0, 20.0, 40)


def test_top_reasons_fit_only_and_sequence_id_kept_apart_from_rule_id():
    rows = [{"rule_id": "x", "final_points": 4.0, "is_capped": False, "contribution_type": "behavior_rule"},
            {"rule_id": "x", "final_points": 4.0, "is_capped": False, "contribution_type": "behavior_rule"},
            {"rule_id": "x", "final_points": 7.5, "is_capped": False, "contribution_type": "sequence"}]
    fit = [{"rule_id": "f1", "points": -30.0, "description": "agency"},
           {"rule_id": "f2", "points": 2.0, "description": "phone given"}]
    assert top_reasons(rows, {"x": {"description": "form"}}, 0.0, 2, {"x": {"description": "burst"}}, fit) == \
        "-30 agency; +8 form x2; +7.5 burst"
    assert top_reasons([], {}, 0.0, None, {}, fit[1:]) == "+2 phone given"
    # no activity, fit 0 everywhere: null
    assert scored([fit_rule("email_domain", "is_not_null", None, 0.0)])["top_reasons"] is None


def test_score_row_keys():
    keys = {"contact_id", "model_id", "product_id", "behavior_score", "contribution_points", "inactivity_penalty",
            "last_positive_activity_date", "days_inactive", "fit_score", "grade", "disqualification_reason",
            "routing", "is_mql", "is_fast_track", "top_reasons"}
    assert set(scored(A_FIT)) == keys


def test_load_config_reads_new_seeds():
    cfg = load_config(ROOT / "seeds")
    f = next(r for r in cfg.fit_rules if r["model_id"] == "flow_v1" and r["rule_id"] == "f20_enterprise")
    assert (f["attribute"], f["operator"], f["value"], f["points"]) == ("account_employee_count", "between", "5001|", 10.0)
    assert next(r for r in cfg.fit_rules if r["rule_id"] == "f03_no_country")["value"] is None
    bands = {b["grade"]: b["min_fit_score"] for b in cfg.grade_bands if b["model_id"] == "flow_v1"}
    assert bands == {"A": 40.0, "B": 20.0, "C": 0.0, "D": None}
    s = next(r for r in cfg.sequence_rules if r["sequence_id"] == "s02_pricing_then_demo")
    assert (s["within_days"], s["points"], s["half_life_days"], s["step_3_event_type"]) == (7, 10.0, None, None)


# ------------------------------------------------------------------ the run's clock and after as_of (§0, §3)
def test_after_as_of_is_neither_scored_nor_quarantined():
    # as_of 06-30; the run started at NOW = 07-01 06:00, tolerance 60 min: future means > 07-01 07:00
    events = [ev("last_second", "C1", "page_view", datetime(2026, 6, 30, 23, 59, 59)),   # visible
              ev(" midnight ", " C1 ", "page_view", datetime(2026, 7, 1, 0, 0)),         # as_of + 1 day: after as_of
              ev("now_plus_60", "C1", "page_view", datetime(2026, 7, 1, 7, 0)),          # not > now + 60: after as_of
              ev("now_plus_61", "C1", "page_view", datetime(2026, 7, 1, 7, 1)),          # > now + 60: future
              ev("tweet", "C1", "tweet", datetime(2026, 7, 1, 0, 0)),          # after as_of before unknown_event_type
              ev("nobody", "nobody", "page_view", datetime(2026, 7, 1, 0, 0)),  # ... and before unknown_contact
              ev("internal", "C2", "page_view", datetime(2026, 7, 1, 0, 0)),    # ... and before internal_traffic
              ev(None, "C1", "page_view", datetime(2026, 7, 1, 0, 0)),          # missing_event_id comes first
              ev("dup", "C1", "page_view", datetime(2026, 7, 1, 1)),            # kept row of "dup": after as_of
              ev("dup", "C1", "page_view", datetime(2026, 7, 1, 2))]            # the second: duplicate_event_id
    reasons, result = reasons_of(events)
    assert sorted(reasons.items(), key=str) == sorted(
        [(None, "missing_event_id"), ("dup", "duplicate_event_id"), ("now_plus_61", "future_timestamp")], key=str)
    assert [a["event_id"] for a in result.accepted] == ["last_second"]
    after = result.after_as_of
    assert [a["event_id"] for a in after] == ["midnight", "now_plus_60", "tweet", "nobody", "internal", "dup"]
    # raw columns, ids trimmed as in the quarantine rows, and no reason
    assert (after[0]["contact_id"], after[0]["occurred_at"], "reason" in after[0]) == ("C1", datetime(2026, 7, 1), False)
    # 10 events = 1 accepted + 3 quarantined + 6 after as_of
    assert (len(result.accepted), len(result.quarantine), len(after)) == (1, 3, 6)


def test_future_tolerance_and_an_as_of_ahead_of_the_clock():
    # the run started at 06-30 10:00 and scores as of 06-30 (today): an event later today is impossible
    now = datetime(2026, 6, 30, 10, 0)
    events = [ev("in_tolerance", "C1", "page_view", datetime(2026, 6, 30, 11, 0)),       # = now + 60: accepted
              ev("beyond", "C1", "page_view", datetime(2026, 6, 30, 11, 0, 1))]          # now + 60 min 1 s: future
    reasons, result = reasons_of(events, now=now)
    assert reasons == {"beyond": "future_timestamp"} and result.after_as_of == []
    # tolerance 0: only the run's clock itself is possible
    reasons, _ = reasons_of(events + [ev("at_now", "C1", "page_view", now)], now=now, future_tolerance_minutes=0)
    assert reasons == {"in_tolerance": "future_timestamp", "beyond": "future_timestamp"}
    # a run clock with a time zone is converted to UTC: 12:00+02:00 is 10:00 UTC, as above
    reasons, _ = reasons_of(events, now=datetime(2026, 6, 30, 12, 0, tzinfo=timezone(timedelta(hours=2))))
    assert reasons == {"beyond": "future_timestamp"}


def test_default_clock_is_utc_now(monkeypatch):
    # the machine's local time is UTC+14: a clock read in local time would be 14 h ahead and
    # accept an event 2 h in the future; the UTC clock quarantines it
    monkeypatch.setenv("TZ", "XYZ-14")
    time.tzset()
    try:
        utc_now = datetime.now(timezone.utc).replace(tzinfo=None)
        as_of = (utc_now + timedelta(days=1)).date()       # every past event is visible
        events = [ev("past", "C1", "page_view", utc_now - timedelta(minutes=1)),
                  ev("in_2h", "C1", "page_view", utc_now + timedelta(hours=2))]
        result = reference_score(Q_CONTACTS, events, [], example_config(), as_of)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert [a["event_id"] for a in result.accepted] == ["past"]
    assert [(q["event_id"], q["reason"]) for q in result.quarantine] == [("in_2h", "future_timestamp")]


def test_click_bursts_ignore_clicks_after_as_of():
    click = lambda i, moment: ev(i, "C1", "email_click", moment, campaign_id="cmp")
    events = [click("before", datetime(2026, 6, 30, 23, 59, 59)),      # its only partner is not visible yet
              click("after", datetime(2026, 7, 1, 0, 0, 0)),            # 1 s later, after as_of
              click("b1", datetime(2026, 6, 30, 9, 0, 0)), click("b2", datetime(2026, 6, 30, 9, 0, 1))]   # a burst
    reasons, result = reasons_of(events)
    assert reasons == {"b1": "bot_click_burst", "b2": "bot_click_burst"}
    assert [a["event_id"] for a in result.accepted] == ["before"]
    assert [a["event_id"] for a in result.after_as_of] == ["after"]


# ------------------------------------------------------------------ timestamps and durations (§1)
MINUS_5 = timezone(timedelta(hours=-5))


@pytest.mark.parametrize("value, expected", [
    ("2026-06-30 23:30:00-05:00", datetime(2026, 7, 1, 4, 30)),      # the offset is applied: next UTC day
    ("2026-06-30T10:00:00Z", datetime(2026, 6, 30, 10)),
    ("2026-06-30 10:00:00z", datetime(2026, 6, 30, 10)),
    ("2026-06-30 10:00:00 UTC", datetime(2026, 6, 30, 10)),
    ("2026-06-30 10:00:00+0200", datetime(2026, 6, 30, 8)),
    ("2026-06-30 10:00:00+02", datetime(2026, 6, 30, 8)),
    ("2026-06-30 10:00:00-0530", datetime(2026, 6, 30, 15, 30)),
    ("2026-06-30 00:30:00+01:00", datetime(2026, 6, 29, 23, 30)),    # the previous UTC day
    ("2026-06-30 10:00", datetime(2026, 6, 30, 10)),                 # seconds optional
    ("2026-06-30 10:00:00.25", datetime(2026, 6, 30, 10, 0, 0, 250000)),
    ("  2026-06-30 10:00:00  ", datetime(2026, 6, 30, 10)),
    ("2026-06-30", datetime(2026, 6, 30)),                           # a bare date: midnight UTC
    (datetime(2026, 6, 30, 23, 30, tzinfo=MINUS_5), datetime(2026, 7, 1, 4, 30)),   # with a time zone: to UTC
    (datetime(2026, 6, 30, 23, 30), datetime(2026, 6, 30, 23, 30)),                 # without: taken as UTC
    (date(2026, 6, 30), datetime(2026, 6, 30)),
    ("2026-13-45", None), ("2026-06-31 10:00:00", None), ("2026-06-30 24:00:00", None),
    ("2026-06-30 10:00:00+25:00", None), ("2026-06-30+02:00", None), ("30/06/2026", None),
    ("yesterday", None), ("", None), (1782864000, None), (None, None),
])
def test_parse_timestamp(value, expected):
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize("value, expected", [
    (30, 30), ("30", 30), (" 30 ", 30), ("3e9", 3_000_000_000), (30.0, 30), ("1e2", 100), ("-5", -5),
    (2 ** 63 - 1, 2 ** 63 - 1), (-2 ** 63, -2 ** 63),
    ("12.5", None), (12.5, None), ("abc", None), ("", None), (None, None), (True, None),
    (float("nan"), None), (float("inf"), None), ("nan", None), ("inf", None),
    (2 ** 63, None), ("9223372036854775808", None), ("1e19", None), (1e19, None),
])
def test_parse_duration(value, expected):
    assert parse_duration(value) == expected


def test_offset_timestamps_change_age_and_visibility():
    # pricing: 10 first, half-life 30 days (example config), one visit per contact
    events = [ev("x", "X", "page_view", "2026-06-29 23:30:00-05:00", PRICING),   # 06-30 04:30 UTC: age 0
              ev("y", "Y", "page_view", "2026-06-30T01:30:00+02:00", PRICING),   # 06-29 23:30 UTC: age 1
              ev("z", "Z", "page_view", "2026-06-30 23:30:00-05:00", PRICING)]   # 07-01 04:30 UTC: after as_of
    result = score([contact("X"), contact("Y"), contact("Z")], events, [], example_config(), AS_OF)
    ledger = {r["event_id"]: r for r in result.ledger}
    assert (ledger["x"]["occurred_at"], ledger["x"]["age_days"]) == (datetime(2026, 6, 30, 4, 30), 0)
    assert ledger["y"]["age_days"] == 1 and "z" not in ledger
    assert [a["event_id"] for a in result.after_as_of] == ["z"]
    s = by_contact(result)
    # X: 10 x 0.5 ** 0 = 10.00 (read without the offset: age 1, 9.77)
    # Y: 10 x 0.5 ** (1 / 30) = 9.7716 -> 9.77 (read without the offset: age 0, 10.00)
    assert (s["X"]["behavior_score"], s["Y"]["behavior_score"], s["Z"]["behavior_score"]) == (10.0, 9.77, 0.0)


def test_email_sent_at_offset_for_the_scanner_check():
    # sent at 11:59:58 UTC written as 13:59:58+02:00; opened 12:00:00 UTC: 2 s later < 5 s: a scanner
    # (read without the offset, it was sent 2 h later than the open and would not be)
    events = [ev("o", "C1", "email_open", T, email_sent_at="2026-06-10 13:59:58+02:00")]
    reasons, _ = reasons_of(events)
    assert reasons == {"o": "bot_email_scanner"}


@pytest.mark.parametrize("duration, winner", [
    ("3e9", "b02_pricing_long"),          # 3 000 000 000 s >= 60
    (" 90 ", "b02_pricing_long"),
    (60.0, "b02_pricing_long"),
    ("12.5", "b03_pricing"),              # a fraction: null, counts as 0
    ("1e19", "b03_pricing"),              # beyond 64-bit: null
    ("ninety", "b03_pricing"),
])
def test_duration_text_against_the_gate(duration, winner):
    assert winners([ev("e", "C1", "page_view", T, PRICING, duration_seconds=duration)], matching_config()) == {"e": winner}


# ------------------------------------------------------------------ gate specificity (§4)
def gate_config():
    return example_config(
        behavior_rules=[rule("b05_pricing", "page_view", "pricing", 10.0),
                        rule("b09_pricing_read", "page_view", "pricing", 20.0, min_duration=300),   # larger rule_id
                        rule("b01_long_visit", "page_view", None, 3.0, min_duration=600)],
        page_categories=[{"url_pattern": "%/pricing%", "page_category": "pricing", "product_id": None, "priority": 20}])


@pytest.mark.parametrize("url, duration, winner", [
    (PRICING, 400, "b09_pricing_read"),      # both pricing rules match: the 300 s gate is more demanding
    (PRICING, 300, "b09_pricing_read"),      # the gate's edge
    (PRICING, 299, "b05_pricing"),           # only the plain rule
    (PRICING, 100, "b05_pricing"),
    (PRICING, None, "b05_pricing"),
    (PRICING, 700, "b09_pricing_read"),      # the 600 s catch-all has a larger gate but no category
    ("https://www.example.com/", 700, "b01_long_visit"),
    ("https://www.example.com/", 100, None),  # no candidate: no ledger row
])
def test_most_demanding_gate_wins(url, duration, winner):
    found = winners([ev("e", "C1", "page_view", T, url, duration_seconds=duration)], gate_config())
    assert found.get("e") == winner


def test_most_demanding_gate_points():
    # 400 s: b09, 20 points; 100 s: b05, 10 points (occurrence 1 of each rule, no decay at age 0)
    events = [ev("long", "C1", "page_view", datetime(2026, 6, 30, 9), PRICING, duration_seconds=400),
              ev("short", "C1", "page_view", datetime(2026, 6, 30, 10), PRICING, duration_seconds=100)]
    result = score([contact("C1")], events, [], gate_config(), AS_OF)
    assert {r["event_id"]: (r["rule_id"], r["final_points"]) for r in result.ledger} == {
        "long": ("b09_pricing_read", 20.0), "short": ("b05_pricing", 10.0)}
    assert result.scores[0]["behavior_score"] == 30.0


# ------------------------------------------------------------------ contacts and accounts (§1)
def test_duplicate_contacts_keep_the_latest_update():
    contacts = [
        {"contact_id": "C1", "email": "old@client.com", "job_title": "old", "updated_at": "2026-05-01 00:00:00"},
        {"contact_id": " C1 ", "email": "new@client.com", "job_title": "new", "updated_at": "2026-06-01 09:00:00"},
        {"contact_id": "C1", "email": "tz@client.com", "job_title": "tz",      # 08:00 UTC: an hour before "new"
         "updated_at": "2026-06-01 10:00:00+02:00"},
        {"contact_id": "C1", "email": "nul@acme-internal.com", "job_title": "nul", "updated_at": None},  # nulls last
        {"contact_id": None, "email": "x@client.com"},
        {"contact_id": "  ", "email": "y@client.com"},
    ]
    config = fit_config([fit_rule("job_title", "equals", "new", 10.0)])
    result = score(contacts, [ev("e", "C1", "page_view", T, PRICING)], [], config, AS_OF)
    # one score row, for the kept row: fit 10 (job title "new"); its e-mail is not internal: accepted
    assert [(s["contact_id"], s["fit_score"]) for s in result.scores] == [("C1", 10.0)]
    assert [a["event_id"] for a in result.accepted] == ["e"]
    assert [(q["contact_id"], q["email"], q["reason"]) for q in result.contact_quarantine] == [
        ("C1", "old@client.com", "duplicate_contact_id"), ("C1", "tz@client.com", "duplicate_contact_id"),
        ("C1", "nul@acme-internal.com", "duplicate_contact_id"),
        (None, "x@client.com", "missing_contact_id"), (None, "y@client.com", "missing_contact_id")]
    assert result.contact_quarantine[0]["updated_at"] == "2026-05-01 00:00:00"   # raw columns kept


@pytest.mark.parametrize("keep, drop", [
    ({"updated_at": "2026-06-01", "created_at": "2026-01-01"}, {"updated_at": None, "created_at": "2026-03-01"}),
    ({"updated_at": "2026-06-01", "created_at": "2026-02-01"}, {"updated_at": "2026-06-01", "created_at": "2026-01-01"}),
    ({"created_at": "2026-01-01"}, {"created_at": None}),                                  # nulls last
    ({"email": "a@client.com"}, {"email": "b@client.com"}),                                # then ascending
    ({"email": "z@client.com"}, {"email": None}),
    ({"email": "a@x.com", "account_id": " A1 "}, {"email": "a@x.com", "account_id": "A2"}),   # trimmed id
    ({"account_id": "A1", "crm_id": "001"}, {"account_id": "A1", "crm_id": "002"}),
    ({"crm_id": "001", "job_title": "a"}, {"crm_id": "001", "job_title": "b"}),
    ({"job_title": "a", "country": "fr"}, {"job_title": "a", "country": "us"}),
    ({"country": "us"}, {"country": None}),
])
def test_duplicate_contact_order(keep, drop):
    for rows in ([keep, drop], [drop, keep]):   # input order does not matter
        contacts = [{"contact_id": "C1", **r, "tag": "keep" if r is keep else "drop"} for r in rows]
        result = score(contacts, [], [], example_config(), AS_OF)
        assert [q["tag"] for q in result.contact_quarantine] == ["drop"]
        assert len(result.scores) == 1


def test_duplicate_accounts_and_the_contacts_account():
    accounts = [{"account_id": "A1", "domain": "client.com", "updated_at": "2026-05-01", "tag": "drop"},
                {"account_id": " A1 ", "domain": "RivalSoft.com", "updated_at": "2026-06-01", "tag": "keep"},
                {"account_id": "  ", "domain": "x.com", "tag": "no id"},
                # no updated_at: employee_count compared as a number (250 < 1000; as text "1000" < "250")
                {"account_id": "A2", "employee_count": "1000", "tag": "drop"},
                {"account_id": "A2", "employee_count": "250", "tag": "keep"},
                {"account_id": "A3", "crm_id": "002", "tag": "drop"},
                {"account_id": "A3", "crm_id": " 001 ", "tag": "keep"}]
    contacts = [{"contact_id": "C1", "email": "jo@client.com", "account_id": "A1 "},
                {"contact_id": "C2", "email": "al@client.com", "account_id": "A2"}]
    config = fit_config([fit_rule("account_employee_count", "between", "|300", 10.0)])
    result = score(contacts, [], [], config, AS_OF, accounts=accounts)
    assert [(q["account_id"], q["tag"], q["reason"]) for q in result.account_quarantine] == [
        ("A1", "drop", "duplicate_account_id"), (None, "no id", "missing_account_id"),
        ("A2", "drop", "duplicate_account_id"), ("A3", "drop", "duplicate_account_id")]
    s = by_contact(result)
    # C1's account is the kept A1 (rivalsoft.com, a competitor): disqualified, grade D
    assert (s["C1"]["disqualification_reason"], s["C1"]["grade"]) == ("competitor", "D")
    # C2's account is the kept A2 (250 employees): between |300 matches, fit 10, grade C
    assert (s["C2"]["fit_score"], s["C2"]["grade"]) == (10.0, "C")


def test_contact_ids_are_trimmed_everywhere():
    contacts = [{"contact_id": " c1 ", "email": "jo@client.com", "account_id": " ", "crm_id": "  "}]
    identities = [{"anonymous_id": " a1 ", "contact_id": " c1 ", "identified_at": "2026-06-01"}]
    events = [ev("e1", "c1", "page_view", T), ev("e2", None, "page_view", T, anonymous_id="a1")]
    reasons, result = reasons_of(events, identities, contacts=contacts)
    assert reasons == {} and [a["contact_id"] for a in result.accepted] == ["c1", "c1"]
    assert [s["contact_id"] for s in result.scores] == ["c1"]


def test_contacts_created_after_as_of():
    contacts = [{"contact_id": "OLD", "email": "o@client.com", "created_at": "2026-01-01 00:00:00"},
                {"contact_id": "EDGE", "email": "e@client.com", "created_at": "2026-06-30 23:59:59"},
                {"contact_id": "NEW", "email": "n@acme-internal.com", "created_at": datetime(2026, 7, 1)},
                {"contact_id": "TZ", "email": "t@client.com", "created_at": "2026-06-30 20:00:00-05:00"},  # 07-01 01:00
                {"contact_id": "NUL", "email": "u@client.com", "created_at": None},
                {"contact_id": "BAD", "email": "b@client.com", "created_at": "last year"}]   # unreadable = null
    visit = lambda c, **kw: ev(f"{c.lower()}_pv", c, "page_view", datetime(2026, 6, 20, 12), PRICING, **kw)
    events = [visit(c["contact_id"]) for c in contacts] + [
        ev("new_tweet", "NEW", "tweet", datetime(2026, 6, 20)),                        # unknown type comes first
        ev("new_bot", "NEW", "page_view", datetime(2026, 6, 20), user_agent="a bot")]  # after as_of comes first
    reasons, result = reasons_of(events, contacts=contacts)
    assert reasons == {"new_tweet": "unknown_event_type"}   # NEW's visit is after as_of, not internal traffic
    assert sorted(a["event_id"] for a in result.after_as_of) == ["new_bot", "new_pv", "tz_pv"]
    assert sorted(a["event_id"] for a in result.accepted) == ["bad_pv", "edge_pv", "nul_pv", "old_pv"]
    # a score row only for the contacts that exist: 10 x 0.5 ** (10 / 30) = 7.937 -> 7.94 each
    assert {s["contact_id"]: s["behavior_score"] for s in result.scores} == {
        "OLD": 7.94, "EDGE": 7.94, "NUL": 7.94, "BAD": 7.94}


# ------------------------------------------------------------------ identities as of (§2)
def test_identities_identified_after_as_of_do_not_stitch():
    identities = [{"anonymous_id": "a1", "contact_id": "C1", "identified_at": datetime(2026, 7, 1)},   # after as_of
                  {"anonymous_id": "a2", "contact_id": "C1", "identified_at": "2026-06-30 23:59:59"},
                  {"anonymous_id": "a3", "contact_id": "C1", "identified_at": None},                    # counts as known
                  {"anonymous_id": "a4", "contact_id": "C1", "identified_at": "2026-06-30 20:00:00-05:00"},  # 07-01 01:00
                  {"anonymous_id": "a5", "contact_id": "C1", "identified_at": "2026-06-01"},
                  {"anonymous_id": "a5", "contact_id": "C1", "identified_at": "2026-06-01"}]            # exact duplicate
    events = [ev(f"e{n}", None, "page_view", T, anonymous_id=f"a{n}") for n in range(1, 6)]
    reasons, result = reasons_of(events, identities)
    assert reasons == {"e1": "missing_contact", "e4": "missing_contact"}
    assert {a["event_id"]: a["contact_id"] for a in result.accepted} == {"e2": "C1", "e3": "C1", "e5": "C1"}


# ------------------------------------------------------------------ models without grades (§8, §9)
def no_grade_config():
    config = routing_config()   # threshold 20, fast track 14 days, demo 5 (strong), pricing 25, click 20
    config.grade_bands, config.models[0]["min_grade_for_mql"] = [], None
    return config


@pytest.mark.parametrize("events, email, account_domain, expected, score_", [
    ([("page_view", 0)], "jo@client.com", None, "mql", 25.0),           # 25 >= 20, no grade gate
    ([("email_click", 3)], "jo@client.com", None, "mql", 20.0),         # at the threshold
    ([("demo_request", 0)], "jo@client.com", None, "sales_now", 5.0),   # strong signal, whatever the score
    ([("demo_request", 14)], "jo@client.com", None, "nurture", 5.0),    # out of the 14-day window
    ([], "jo@client.com", None, "nurture", 0.0),                        # never monitor
    ([("page_view", 0)], "jo@rivalsoft.com", None, "disqualified", 25.0),
    ([("page_view", 0)], "jo@client.com", "acme-internal.com", "disqualified", 25.0),
])
def test_model_without_grade_bands(events, email, account_domain, expected, score_):
    url = lambda t: PRICING if t == "page_view" else None
    c = {"contact_id": "C1", "email": email, "job_title": "a", "account_id": "A1"}   # "a" would be grade A
    accounts = [{"account_id": "A1", "domain": account_domain}]
    result = score([c], [ev(f"e{i}", "C1", t, day(a), url(t)) for i, (t, a) in enumerate(events)], [],
                   no_grade_config(), AS_OF, accounts=accounts)
    row = result.scores[0]
    # fit is still computed (40 for title "a"), but nobody is graded, competitors and internal included
    assert (row["fit_score"], row["grade"], row["behavior_score"], row["routing"]) == (40.0, None, score_, expected)
    assert (row["is_mql"], row["is_fast_track"]) == (expected in ("sales_now", "mql"), expected == "sales_now")


@pytest.mark.parametrize("grade, events, expected", [
    ("d", [("page_view", 0)], "mql"),          # with the gate B: review
    ("d", [], "nurture"),                      # with the gate B: monitor
    ("c", [("demo_request", 0)], "sales_now"),  # with the gate B: monitor
])
def test_no_grade_gate_with_grade_bands(grade, events, expected):
    config = routing_config()
    config.models[0]["min_grade_for_mql"] = None
    url = lambda t: PRICING if t == "page_view" else None
    c = {"contact_id": "C1", "email": "jo@client.com", "job_title": grade}
    row = score([c], [ev(f"e{i}", "C1", t, day(a), url(t)) for i, (t, a) in enumerate(events)], [],
                config, AS_OF).scores[0]
    assert (row["grade"], row["routing"]) == (grade.upper(), expected)


def test_load_config_model_without_grades(tmp_path):
    # the shipped seeds, with insight_v1 left without grade bands, fit rules or min_grade_for_mql
    for source in (ROOT / "seeds").glob("*.csv"):
        with open(source, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            fields, rows = reader.fieldnames, list(reader)
        if source.name in ("lead_scoring_grade_bands.csv", "lead_scoring_fit_rules.csv"):
            rows = [r for r in rows if r["model_id"] != "insight_v1"]
        if source.name == "lead_scoring_models.csv":
            rows = [{**r, "min_grade_for_mql": ""} if r["model_id"] == "insight_v1" else r for r in rows]
        with open(tmp_path / source.name, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    cfg = load_config(tmp_path)
    insight = next(m for m in cfg.models if m["model_id"] == "insight_v1")
    assert insight["min_grade_for_mql"] is None
    assert not [b for b in cfg.grade_bands if b["model_id"] == "insight_v1"]
    result = score([{"contact_id": "c1", "email": "jo@acme.com"}], [], [], cfg, AS_OF)
    s = {r["model_id"]: r for r in result.scores}
    # insight: no fit rules (0), no grade, no gate: a score of 0 under 50 is nurture
    assert (s["insight_v1"]["fit_score"], s["insight_v1"]["grade"], s["insight_v1"]["routing"]) == (0.0, None, "nurture")
    assert s["flow_v1"]["grade"] in ("A", "B", "C", "D")
