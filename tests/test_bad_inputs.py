"""Bad input, as a new user's warehouse holds it (docs/scoring.md §1, README:
"What happens to bad input"). Every kind ends scored, quarantined with a
reason, normalised as documented, or in an error at compile time that names
the var, the relation or the column; never an engine error, never a silent drop.

One build holds every kind of bad data at once (the relations are created
with the types a user's warehouse would have: text timestamps, 64-bit
durations, a timestamp-with-time-zone column, a missing column); it runs in
two session time zones, which must not change a single number. Bad vars and
missing relations each get a compile of one model.
"""

from __future__ import annotations

import duckdb
import pytest

from conftest import query
from lead_scoring_tools.dbt import run_dbt

AS_OF = "2026-06-30"
MARTS = ("lead_scores", "lead_score_contributions", "lead_score_quarantine", "lead_score_contact_quarantine",
         "lead_score_account_quarantine", "lead_score_accounts")

RAW = """
create schema raw;
-- created_at as a timestamp with time zone: converted to UTC, whatever the session's zone
create table raw.contacts (contact_id varchar, account_id varchar, email varchar, job_title varchar,
    country varchar, created_at timestamptz, updated_at timestamp, crm_id varchar);
insert into raw.contacts values
    ('c1', 'a1', 'ann@acme.com', 'VP Sales', 'FR', '2026-01-01 00:00:00+00', '2026-06-01 00:00:00', '003'),
    -- an older copy of c1 (CRM exports repeat contacts): quarantined as a duplicate
    ('c1', 'a1', 'ann.old@acme.com', 'Sales', 'FR', '2026-01-01 00:00:00+00', '2026-01-01 00:00:00', '003'),
    (null, 'a1', 'nobody@acme.com', null, null, null, null, null),
    ('c2', ' a1 ', 'bob@acme.com', 'CTO', 'us', '2026-01-01 00:00:00+00', null, null),
    -- an id with spaces around it, as some exports write it
    (' c5 ', null, 'eve@acme.com', null, 'fr|us', '2026-01-01 00:00:00+00', null, null),
    -- created at 23:30 on as_of in New York = 04:30 on 07-01 UTC: not yet a contact
    ('c6', null, 'late@acme.com', null, null, '2026-06-30 23:30:00-05:00', null, null);
create table raw.accounts (account_id varchar, domain varchar, name varchar, industry varchar,
    employee_count bigint, annual_revenue decimal(18, 2), country varchar, crm_id varchar);
insert into raw.accounts values
    ('a1', 'acme.com', 'Acme', 'Manufacturing', 400, 1000000, 'FR', '001'),
    (' a1 ', 'acme.com', 'Acme copy', 'Retail', 3000000000, null, 'FR', null),
    (null, 'nowhere.com', 'No id', null, null, null, null, null);
-- text timestamps (with offsets, or unreadable), 64-bit durations, no user_agent column
create table raw.events (event_id varchar, contact_id varchar, anonymous_id varchar,
    event_type varchar, occurred_at varchar, url varchar, product_id varchar, campaign_id varchar,
    duration_seconds bigint, ip varchar, email_sent_at varchar);
insert into raw.events values
    -- 23:30 in New York on 06-29 is 04:30 UTC on 06-30: age 0, not 1
    ('e_offset', 'c1', null, 'page_view', '2026-06-29 23:30:00-05:00', 'https://www.lumen.io/pricing', null, null, 10, null, null),
    -- 23:30 in New York on 06-30 is 07-01 UTC: after as_of, neither scored nor quarantined
    ('e_offset_late', 'c1', null, 'page_view', '2026-06-30 23:30:00-05:00', 'https://www.lumen.io/pricing', null, null, 10, null, null),
    ('e_zulu', 'c2', null, 'page_view', '2026-06-20T10:00:00Z', 'https://www.lumen.io/blog/post?ref=a' || chr(10) || '/pricing', null, null, 10, null, null),
    ('e_words', 'c1', null, 'page_view', 'yesterday', 'https://www.lumen.io/pricing', null, null, 10, null, null),
    ('e_bad_date', 'c1', null, 'page_view', '2026-13-45 10:00:00', 'https://www.lumen.io/pricing', null, null, 10, null, null),
    -- three billion seconds on the Flow docs: passes the 30-second gate of "docs read"
    ('e_long', 'c2', null, 'page_view', '2026-06-21 10:00:00', 'https://www.lumen.io/docs/flow/api', null, null, 3000000000, null, null),
    ('e_trimmed', 'c5', null, 'page_view', '2026-06-22 10:00:00', 'https://www.lumen.io/flow', null, null, 40, null, null),
    ('e_stitched', null, 'anon1', 'page_view', '2026-06-23 10:00:00', 'https://www.lumen.io/flow', null, null, 40, null, null),
    ('e_future', 'c1', null, 'page_view', '2999-01-01 00:00:00', 'https://www.lumen.io/flow', null, null, 40, null, null),
    ('e_late_contact', 'c6', null, 'page_view', '2026-06-24 10:00:00', 'https://www.lumen.io/flow', null, null, 40, null, null);
-- identities without the optional identified_at, and one row twice
create table raw.identities (anonymous_id varchar, contact_id varchar);
insert into raw.identities values ('anon1', 'c2'), ('anon1', 'c2');
-- no raw.conversions at all: an optional input, read as empty
"""


def load(database) -> None:
    with duckdb.connect(str(database)) as con:
        con.execute(RAW)


@pytest.fixture(scope="module")
def dirty(tmp_path_factory) -> dict:
    """The dirty inputs built twice, in two session time zones."""
    folder = tmp_path_factory.mktemp("dirty")
    builds = {}
    for zone in ("America/New_York", "Asia/Tokyo"):
        database = folder / f"{zone.replace('/', '_')}.duckdb"
        load(database)
        output = run_dbt(["build", "--exclude", "test_type:unit"], database, {"lead_scoring__as_of": AS_OF},
                         target_path=folder / "target", quiet=True, env={"TZ": zone})
        builds[zone] = {"database": database, "output": output}
    return builds


def test_dirty_inputs_build(dirty):
    for build in dirty.values():
        assert "Completed successfully" in build["output"]


def test_the_session_time_zone_changes_nothing(dirty):
    new_york, tokyo = (build["database"] for build in dirty.values())
    for mart in MARTS:
        sql = f"select * from main_lead_scoring.{mart} order by all"
        assert query(new_york, sql) == query(tokyo, sql), mart


def test_absent_columns_and_inputs_are_read_as_null_with_a_warning(dirty):
    output = dirty["Asia/Tokyo"]["output"]
    assert '"raw"."events" (var lead_scoring__events) has no column user_agent: read as null' in output
    assert '"raw"."identities" (var lead_scoring__identities) has no column identified_at: read as null' in output
    assert '"raw"."conversions" (var lead_scoring__conversions) does not exist: read as empty' in output


def test_each_kind_ends_where_documented(dirty):
    database = dirty["Asia/Tokyo"]["database"]
    quarantine = dict(query(database, "select event_id, reason from main_lead_scoring.lead_score_quarantine"))
    assert quarantine == {"e_words": "invalid_timestamp", "e_bad_date": "invalid_timestamp",
                          "e_future": "future_timestamp"}
    after_as_of = {e for (e,) in query(database, """
        select event_id from main_lead_scoring_internal.int_lead_scoring__events_classified where is_after_as_of""")}
    assert after_as_of == {"e_offset_late", "e_late_contact"}
    ledger = {(e, m): (rule, category, age) for e, m, rule, category, age in query(database, """
        select event_id, model_id, rule_id, page_category, age_days from main_lead_scoring.lead_score_contributions
        where contribution_type = 'behavior_rule'""")}
    assert ledger[("e_offset", "flow_v1")] == ("b03_pricing", "pricing", 0)          # read in UTC
    assert ledger[("e_zulu", "flow_v1")] == ("b09_blog", "blog", 10)                # the query string is cut
    assert ledger[("e_long", "flow_v1")] == ("b07_docs", "docs", 9)                 # 3e9 s pass the gate
    assert ledger[("e_trimmed", "flow_v1")][0] == "b06_product_page"                # ' c5 ' is c5
    assert ledger[("e_stitched", "flow_v1")][0] == "b06_product_page"               # a repeated identity
    contacts = dict(query(database, "select contact_id, count(*) from main_lead_scoring.lead_scores group by 1"))
    assert contacts == {"c1": 2, "c2": 2, "c5": 2}                                  # c6 does not exist yet
    assert set(query(database, """
        select contact_id, reason, email from main_lead_scoring.lead_score_contact_quarantine""")) == {
        ("c1", "duplicate_contact_id", "ann.old@acme.com"), (None, "missing_contact_id", "nobody@acme.com")}
    # the copy without a crm_id is set aside; the kept a1 is the one with one
    assert set(query(database, """
        select account_id, reason, employee_count from main_lead_scoring.lead_score_account_quarantine""")) == {
        ("a1", "duplicate_account_id", 3000000000), (None, "missing_account_id", None)}
    # c2's account ' a1 ' is a1: us +10, CTO +25, 400 employees +15, manufacturing +10; the
    # contacts have no department, phone or name columns, so no rule on them matches
    fit = {(c, m): (score, reasons) for c, m, score, reasons in query(database, """
        select contact_id, model_id, fit_score, top_reasons from main_lead_scoring.lead_scores""")}
    assert fit[("c2", "flow_v1")][0] == 60
    # c5's country 'fr|us' is compared whole: none of the core markets, outside the sales regions
    assert fit[("c5", "flow_v1")][0] == -20 - 10
    assert "-20 outside sales regions" in fit[("c5", "flow_v1")][1]


@pytest.mark.parametrize("model, bad_vars, message", [
    ("int_lead_scoring__contacts_classified", {"lead_scoring__as_of": "2026-13-45"},
     "var lead_scoring__as_of must be empty (today, UTC) or a date written YYYY-MM-DD, got '2026-13-45'"),
    ("int_lead_scoring__contacts_classified", {"lead_scoring__as_of": "yesterday"},
     "var lead_scoring__as_of must be empty (today, UTC) or a date written YYYY-MM-DD, got 'yesterday'"),
    ("int_lead_scoring__score_dates", {"lead_scoring__score_dates": ["2026-05-31", "2026-02-30"]},
     "var lead_scoring__score_dates must be a list of dates, or from, to and every_days, each date"
     " written YYYY-MM-DD, got '2026-02-30'"),
    ("int_lead_scoring__score_dates", {"lead_scoring__score_dates": ["2026-07-31"]},
     "var lead_scoring__score_dates: 2026-07-31 is after the scoring date 2026-06-30"),
    ("int_lead_scoring__score_dates",
     {"lead_scoring__score_dates": {"from": "2026-01-01", "to": "2026-06-30", "every_days": 0}},
     "var lead_scoring__score_dates: every_days must be a whole number of days >= 1, got '0'"),
    ("int_lead_scoring__events_checked", {"lead_scoring__bot_scanner_seconds": "five"},
     "var lead_scoring__bot_scanner_seconds must be a whole number between 0 and 86400, got 'five'"),
    ("lead_score_accounts", {"lead_scoring__engaged_score": "high"},
     "var lead_scoring__engaged_score must be a number between -1000000 and 1000000, got 'high'"),
    ("stg_lead_scoring__contacts", {"lead_scoring__fit_contact_attributes": "job_title, phone"},
     "var lead_scoring__fit_contact_attributes must be a list of column names"),
    ("stg_lead_scoring__events", {"lead_scoring__raw_schema": "crm_export"},
     'var lead_scoring__events points at "bad"."crm_export"."events", which does not exist'),
    ("stg_lead_scoring__event_types", {"lead_scoring__event_types": "raw.event_kinds"},
     "raw.event_kinds (var lead_scoring__event_types) has no column event_type, which scoring needs"),
])
def test_bad_vars_fail_at_compile_time_naming_the_var(tmp_path, model, bad_vars, message):
    """Running the one model that reads the var is enough: the error comes at compile time."""
    database = tmp_path / "bad.duckdb"
    load(database)
    with duckdb.connect(str(database)) as con:
        con.execute("create table raw.event_kinds (kind varchar)")
    with pytest.raises(RuntimeError) as failure:
        run_dbt(["run", "--select", model], database, {"lead_scoring__as_of": AS_OF, **bad_vars},
                target_path=tmp_path / "target", quiet=True)
    assert "Compilation Error" in str(failure.value)
    assert message in str(failure.value)
