"""Tests of the demo-data generator (lead_scoring_tools/generate.py)."""
from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lead_scoring_tools import generate as gen  # noqa: E402
from lead_scoring_tools import reference as ref  # noqa: E402

SEEDS = ROOT / "seeds"
AS_OF = date(2026, 6, 30)
N = 3000

CONTRACT = {  # ../shared/PRODUCT.md §1, in order
    "contacts": ["contact_id", "account_id", "email", "job_title", "country", "created_at", "updated_at", "crm_id"],
    "accounts": ["account_id", "domain", "name", "industry", "employee_count", "annual_revenue", "country", "crm_id"],
    "events": ["event_id", "contact_id", "anonymous_id", "event_type", "occurred_at", "url", "product_id",
               "campaign_id", "duration_seconds", "user_agent", "ip", "email_sent_at"],
    "identities": ["anonymous_id", "contact_id", "identified_at"],
    "conversions": ["conversion_id", "contact_id", "product_id", "converted_at", "amount"],
}
EXTRA_CONTACT_COLUMNS = ["first_name", "last_name", "phone", "department"]
TS = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def read(path: Path) -> list[dict]:
    """A CSV file as dicts, empty cells as None (the loader's null)."""
    with open(path, newline="", encoding="utf-8") as f:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(f)]


def header(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8") as f:
        return next(csv.reader(f))


def seed_list(name: str) -> set[str]:
    return {r["value"] for r in read(SEEDS / "lead_scoring_reference_lists.csv") if r["list_name"] == name}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    counts = gen.generate(out, N, seed=42, as_of=AS_OF)
    files = {p.stem: read(p) for p in out.glob("*.csv")}
    return out, counts, files


@pytest.fixture(scope="module")
def scored(data):
    """The reference implementation's quarantine and scores on the generated data."""
    _, _, files = data
    config = ref.load_config(SEEDS)
    return ref.score(files["contacts"], files["events"], files["identities"], config, as_of=AS_OF)


def test_deterministic(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    counts_a = gen.generate(a, N, seed=7, as_of=AS_OF)
    counts_b = gen.generate(b, N, seed=7, as_of=AS_OF)
    gen.generate(c, N, seed=8, as_of=AS_OF)
    assert counts_a == counts_b
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert (a / "events.csv").read_bytes() != (c / "events.csv").read_bytes()


def test_cli_matches_function(tmp_path):
    gen.main(["--out", str(tmp_path / "cli"), "--events", "500", "--seed", "3", "--as-of", "2026-01-15",
              "--quiet"])
    gen.generate(tmp_path / "fn", 500, seed=3, as_of="2026-01-15")
    for p in (tmp_path / "cli").iterdir():
        assert p.read_bytes() == (tmp_path / "fn" / p.name).read_bytes(), p.name


def test_headers_match_the_contract(data):
    out, _, _ = data
    for relation, columns in CONTRACT.items():
        expected = columns + (EXTRA_CONTACT_COLUMNS if relation == "contacts" else [])
        assert header(out / f"{relation}.csv") == expected, relation
    assert header(out / "demo_archetypes.csv") == ["contact_id", "archetype"]
    assert header(out / "demo_dirty_events.csv") == ["event_id", "expected_reason"]


def test_row_counts_and_sizes(data):
    out, counts, files = data
    for name, n in counts.items():
        assert len(files[Path(name).stem]) == n, name
    assert counts["events.csv"] == N
    assert counts["accounts.csv"] >= 40 and counts["contacts.csv"] >= 60
    assert len({r["event_id"] for r in files["events"]}) < N      # duplicates are there
    assert len({r["contact_id"] for r in files["contacts"]}) == counts["contacts.csv"]
    assert len({r["account_id"] for r in files["accounts"]}) == counts["accounts.csv"]
    assert len({r["domain"] for r in files["accounts"]}) == counts["accounts.csv"]


def test_every_archetype_present(data):
    _, _, files = data
    archetypes = Counter(r["archetype"] for r in files["demo_archetypes"])
    assert set(archetypes) == {a for a, _ in gen.ARCHETYPES}
    assert [r["contact_id"] for r in files["demo_archetypes"]] == [r["contact_id"] for r in files["contacts"]]


def test_every_dirty_kind_present(data):
    _, _, files = data
    kinds = Counter(r["expected_reason"] for r in files["demo_dirty_events"])
    assert set(kinds) == set(gen.DIRTY_REASONS)
    assert all(n >= 5 for n in kinds.values()), kinds
    share = sum(kinds.values()) / N
    assert 0.01 <= share <= 0.04, share     # ~1-2% at scale, the minimum of 5 per kind weighs more at N=3000


def test_dirty_rows_look_like_their_kind(data):
    _, _, files = data
    events = files["events"]
    by_id = defaultdict(list)
    for e in events:
        by_id[e["event_id"]].append(e)
    contacts = {c["contact_id"]: c for c in files["contacts"]}
    identified = {i["anonymous_id"] for i in files["identities"]}
    known_types = {r["event_type"] for r in read(SEEDS / "lead_scoring_event_types.csv")}
    bots = seed_list("bot_user_agent")
    end = datetime(2026, 7, 1)
    for d in files["demo_dirty_events"]:
        rows, reason = by_id[d["event_id"]], d["expected_reason"]
        e = rows[-1]
        if reason == "duplicate_event_id":
            assert len(rows) == 2 and rows[0] == rows[1]
            continue
        assert len(rows) == 1, d
        if reason == "invalid_timestamp":
            assert e["occurred_at"] is None
        elif reason == "future_timestamp":
            assert datetime.fromisoformat(e["occurred_at"]) >= end + timedelta(days=40 * 365)
        elif reason == "after_as_of":
            assert end + timedelta(days=1) <= datetime.fromisoformat(e["occurred_at"]) < end + timedelta(days=90)
        elif reason == "unknown_event_type":
            assert e["event_type"].strip().lower() not in known_types
        elif reason == "missing_contact":
            assert e["contact_id"] is None and e["anonymous_id"] not in identified
        elif reason == "unknown_contact":
            assert e["contact_id"] not in contacts
        elif reason == "internal_traffic":
            assert contacts[e["contact_id"]]["email"].strip().lower().endswith("@lumen.io")
        elif reason == "bot_user_agent":
            assert any(b in e["user_agent"].lower() for b in bots)
        elif reason == "bot_email_scanner":
            delta = datetime.fromisoformat(e["occurred_at"]) - datetime.fromisoformat(e["email_sent_at"])
            assert e["event_type"] in ("email_open", "email_click") and delta <= timedelta(seconds=1)
        elif reason == "bot_click_burst":
            same = [x for x in events if x["event_type"] == "email_click" and x["contact_id"] == e["contact_id"]
                    and x["campaign_id"] == e["campaign_id"] and x["occurred_at"] == e["occurred_at"]]
            assert 3 <= len(same) <= 6 and not any(b in e["user_agent"].lower() for b in bots)


def test_expected_reasons_match_the_reference_quarantine(data, scored):
    """Every dirty row is quarantined with the reason it was built for, and no other row is."""
    _, _, files = data
    expected = Counter((d["event_id"], d["expected_reason"]) for d in files["demo_dirty_events"]
                       if d["expected_reason"] != "after_as_of")
    actual = Counter((q["event_id"], q["reason"]) for q in scored.quarantine)
    assert actual == expected
    after_as_of = {d["event_id"] for d in files["demo_dirty_events"] if d["expected_reason"] == "after_as_of"}
    assert after_as_of and {e["event_id"] for e in scored.after_as_of} == after_as_of
    assert len(scored.accepted) + len(scored.quarantine) + len(scored.after_as_of) == N


def test_no_valid_event_after_as_of(data):
    _, _, files = data
    dirty = {d["event_id"] for d in files["demo_dirty_events"] if d["expected_reason"] != "duplicate_event_id"}
    end = datetime(2026, 7, 1)
    start = end - timedelta(days=366)
    valid = [e for e in files["events"] if e["event_id"] not in dirty]
    assert valid
    for e in valid:
        assert TS.match(e["occurred_at"]), e
        assert start <= datetime.fromisoformat(e["occurred_at"]) < end, e
        if e["email_sent_at"] is not None:
            assert TS.match(e["email_sent_at"])
            assert datetime.fromisoformat(e["occurred_at"]) >= datetime.fromisoformat(e["email_sent_at"]) \
                + timedelta(seconds=5)
    for c in files["conversions"]:
        assert datetime.fromisoformat(c["converted_at"]) < datetime(2026, 6, 30)
        assert c["product_id"] in ("flow", "insight")
        assert c["amount"] is None or float(c["amount"]) > 0
    for c in files["contacts"]:
        assert c["created_at"] <= c["updated_at"] < "2026-07-01"


def test_the_world_follows_the_seeds(data):
    _, _, files = data
    known_types = {r["event_type"] for r in read(SEEDS / "lead_scoring_event_types.csv")}
    config = ref.load_config(SEEDS)
    dirty = {d["event_id"] for d in files["demo_dirty_events"]}
    used = {e["event_type"].strip().lower() for e in files["events"] if e["event_id"] not in dirty}
    assert used <= known_types
    assert len(used) >= len(known_types) - 2          # nearly every event type is used
    # every URL of the site falls in the category the generator means
    for url, expected in gen.URL_CATEGORIES.items():
        row = ref.page_category_of(ref.normalise_url(url), config.page_categories)
        got = None if row is None else (row["page_category"], row["product_id"])
        assert got == expected, url
    urls = {ref.normalise_url(e["url"]) for e in files["events"] if e["url"] and "lumen.io" in e["url"]}
    for url in urls:
        row = ref.page_category_of(url, config.page_categories)
        if "/webinars/" in url:
            assert row["page_category"] == "webinar"
        elif "/email/" not in url:
            assert gen.SITE + url.split("lumen.io", 1)[1] in gen.URL_CATEGORIES, url
    raw_urls = [e["url"] for e in files["events"] if e["url"]]
    assert any("?utm_" in u for u in raw_urls) and any("#" in u for u in raw_urls)
    assert any("WWW.LUMEN.IO" in u for u in raw_urls)
    # e-mail domains
    domains = Counter(c["email"].strip().lower().rpartition("@")[2] for c in files["contacts"])
    assert domains.keys() & seed_list("free_mail_domain")
    assert domains.keys() & seed_list("competitor_domain")
    assert "lumen.io" in domains
    locals_ = {c["email"].strip().lower().rpartition("@")[0] for c in files["contacts"]}
    assert locals_ & seed_list("role_based_local_part")
    # ordinary user agents are not bots; bot ones are
    bots = seed_list("bot_user_agent")
    for ua in gen.BROWSER_USER_AGENTS + gen.MAIL_USER_AGENTS:
        assert not any(b in ua.lower() for b in bots), ua
    for ua in gen.BOT_USER_AGENTS:
        assert any(b in ua.lower() for b in bots), ua
    for d in (a["domain"] for a in files["accounts"][4:]):
        assert d not in seed_list("free_mail_domain") | seed_list("competitor_domain") | {"lumen.io"}


def test_archetypes_behave(data, scored):
    """Coarse behavioural checks: who is recent, who is silent, who converts, who scores."""
    _, _, files = data
    arche = {r["contact_id"]: r["archetype"] for r in files["demo_archetypes"]}
    contacts = {c["contact_id"]: c for c in files["contacts"]}
    accounts = {a["account_id"]: a for a in files["accounts"]}
    last_seen: dict = {}
    types = defaultdict(Counter)
    for e in scored.accepted:
        cid = e["contact_id"]
        last_seen[cid] = max(last_seen.get(cid, e["occurred_at"]), e["occurred_at"])
        types[arche[cid]][e["event_type"]] += 1
    as_of = datetime(2026, 6, 30)
    for cid, a in arche.items():
        if a == "lapsed" and cid in last_seen:
            assert as_of - last_seen[cid] >= timedelta(days=120), cid
        email = contacts[cid]["email"].strip().lower()
        if a == "student":
            assert email.rpartition("@")[2] in seed_list("free_mail_domain")
        if a == "competitor":
            assert email.rpartition("@")[2] in seed_list("competitor_domain")
        if a == "role_based":
            assert email.rpartition("@")[0] in seed_list("role_based_local_part")
        if a == "agency":
            assert accounts[contacts[cid]["account_id"]]["industry"] == "Marketing agency"
    assert set(types["tire_kicker"]) == {"email_open"}
    assert types["buyer"]["demo_request"] > 0 and types["buyer"]["page_view"] > 0
    # a buyer's demo request comes after pricing visits; buying cycles run all year round
    demos, pricing = defaultdict(list), defaultdict(list)
    for e in scored.accepted:
        if arche[e["contact_id"]] == "buyer" and e["event_type"] == "demo_request":
            demos[e["contact_id"]].append(e["occurred_at"])
        elif arche[e["contact_id"]] == "buyer" and "pricing" in (e["url"] or "").lower():
            pricing[e["contact_id"]].append(e["occurred_at"])
    for cid, times in demos.items():
        assert any(timedelta(0) < min(times) - t <= timedelta(days=21) for t in pricing[cid]), cid
    first_demos = sorted(min(times) for times in demos.values())
    assert first_demos[-1] - first_demos[0] >= timedelta(days=120)
    assert "email_unsubscribe" in types["unsubscriber"]
    assert types["internal"] == Counter()                # all quarantined as internal traffic
    conv = Counter(arche[c["contact_id"]] for c in files["conversions"])
    n = Counter(arche.values())
    assert conv["buyer"] / n["buyer"] > 0.3
    assert conv["agency"] == conv["competitor"] == conv["internal"] == 0
    # buyers out-score tire kickers by far
    best = defaultdict(float)
    for s in scored.scores:
        best[s["contact_id"]] = max(best[s["contact_id"]], s["behavior_score"])
    mean = lambda a: sum(best[c] for c in arche if arche[c] == a) / n[a]
    assert mean("buyer") > 3 * mean("tire_kicker")


def test_anonymous_contacts_are_stitched(data):
    _, _, files = data
    arche = {r["contact_id"]: r["archetype"] for r in files["demo_archetypes"]}
    idents = files["identities"]
    assert idents and all(arche[i["contact_id"]] == "anonymous_then_identified" for i in idents)
    first_anon = {}
    for e in files["events"]:
        if e["contact_id"] is None and e["anonymous_id"] and e["occurred_at"]:
            first_anon[e["anonymous_id"]] = min(first_anon.get(e["anonymous_id"], e["occurred_at"]), e["occurred_at"])
    stitched = [i for i in idents if i["anonymous_id"] in first_anon]
    assert stitched
    for i in stitched:
        assert first_anon[i["anonymous_id"]] < i["identified_at"]


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """A larger demo (a year of ~2,300 contacts): valid events per contact, first conversion per contact."""
    out = tmp_path_factory.mktemp("year")
    gen.generate(out, 30_000, seed=42, as_of=AS_OF)
    dirty = {r["event_id"] for r in read(out / "demo_dirty_events.csv")}
    events = defaultdict(list)
    for e in read(out / "events.csv"):
        if e["event_id"] not in dirty and e["contact_id"]:
            events[e["contact_id"]].append((datetime.fromisoformat(e["occurred_at"]), e["event_type"].strip().lower(),
                                            (e["url"] or "").lower()))
    converted = {}
    for c in read(out / "conversions.csv"):
        t = datetime.fromisoformat(c["converted_at"])
        converted[c["contact_id"]] = min(converted.get(c["contact_id"], t), t)
    return events, converted


def test_conversions_follow_engagement_with_noise(year):
    """Conversions rise with engagement but are not a sure thing: hot leads that never buy,
    deals nobody saw coming on the web, and deals days or months after the demo request."""
    events, converted = year
    assert len(converted) >= 100
    demo = {c for c, evs in events.items() if any(et == "demo_request" for _, et, _ in evs)}
    web = {c for c, evs in events.items() if any(et != "email_open" for _, et, _ in evs)} - demo
    opens_only = set(events) - demo - web

    def share(contacts):
        return len(contacts & converted.keys()) / len(contacts)

    # many demo requests turn into deals, many do not; less engaged contacts buy far less often
    assert 0.2 <= share(demo) <= 0.7, share(demo)
    assert 0.01 <= share(web) <= share(demo) / 4, (share(web), share(demo))
    assert share(opens_only) <= share(web) / 2, (share(opens_only), share(web))
    # some deals come with no activity in the 30 days before (a referral, an offline deal,
    # a lapsed lead coming back), most come after recent activity
    quiet = [c for c, t in converted.items()
             if not any(timedelta(0) <= t - when <= timedelta(days=30) for when, _, _ in events.get(c, []))]
    assert 0.03 <= len(quiet) / len(converted) <= 0.3, len(quiet) / len(converted)
    # from the (last) demo request to the deal: days for some, more than two months for others
    lags = sorted((t - max(when for when, et, _ in events[c] if et == "demo_request" and when < t)).days
                  for c, t in converted.items()
                  if any(et == "demo_request" and when < t for when, et, _ in events.get(c, [])))
    assert len(lags) >= 50
    assert lags[0] <= 7 and lags[-1] >= 60, lags
    assert 10 <= lags[len(lags) // 2] <= 40, lags
    # deals all year round, not bunched in the last months
    months = Counter(t.strftime("%Y-%m") for t in converted.values())
    assert {f"2025-{m}" for m in ("10", "11", "12")} | {f"2026-0{m}" for m in range(1, 7)} <= months.keys()
    assert max(months.values()) <= 0.25 * len(converted), months
