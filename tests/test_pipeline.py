"""End-to-end invariants of a full `dbt build` of the demo data."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timezone

import pytest

from conftest import AS_OF, ROOT, SCORE_DATES, build, query, read_csv
from lead_scoring_tools.dbt import run_dbt

MARTS = ("lead_scores", "lead_score_contributions", "lead_score_quarantine", "lead_score_accounts",
         "lead_score_crm_sync")


def test_raw_events_are_accepted_quarantined_or_after_as_of(demo):
    raw, accepted, quarantined, after_as_of = query(demo["database"], """
        select
            (select count(*) from raw.events),
            (select count(*) from main_lead_scoring_internal.int_lead_scoring__events_classified where is_accepted),
            (select count(*) from main_lead_scoring.lead_score_quarantine),
            (select count(*) from main_lead_scoring_internal.int_lead_scoring__events_classified where is_after_as_of)
    """)[0]
    assert quarantined > 0 and accepted > 0 and after_as_of > 0
    assert raw == accepted + quarantined + after_as_of


def test_every_dirty_row_is_quarantined_with_its_reason(demo):
    # the generator records which rows it made dirty and why; rows after
    # as_of are not bad data: neither quarantined nor scored
    expected = read_csv(demo["csv_dir"] / "demo_dirty_events.csv")
    assert len({row["expected_reason"] for row in expected}) >= 10
    actual = {}
    for event_id, reason in query(demo["database"], "select event_id, reason from main_lead_scoring.lead_score_quarantine"):
        actual.setdefault(event_id, set()).add(reason)
    quarantined = [row for row in expected if row["expected_reason"] != "after_as_of"]
    wrong = [row for row in quarantined if row["expected_reason"] not in actual.get(row["event_id"], set())]
    assert not wrong[:10]
    later = {row["event_id"] for row in expected if row["expected_reason"] == "after_as_of"}
    after_as_of = {event_id for (event_id,) in query(demo["database"], """
        select event_id from main_lead_scoring_internal.int_lead_scoring__events_classified where is_after_as_of""")}
    assert later and later == after_as_of and not later & actual.keys()


def test_ledger_sums_to_the_score_before_penalty_and_clamp(demo):
    mismatches = query(demo["database"], """
        with ledger as (
            select contact_id, model_id, sum(final_points) as points
            from main_lead_scoring.lead_score_contributions
            group by contact_id, model_id
        )
        select scores.contact_id, scores.model_id, scores.contribution_points, ledger.points
        from main_lead_scoring.lead_scores as scores
        left join ledger using (contact_id, model_id)
        where abs(scores.contribution_points - coalesce(ledger.points, 0)) > 1e-9
            or scores.behavior_score <> round(least(greatest(
                scores.contribution_points - scores.inactivity_penalty, 0), 100), 2)
    """)
    assert mismatches == []
    assert query(demo["database"], "select count(*) from main_lead_scoring.lead_score_contributions")[0][0] > 0


def test_daily_points_equal_the_event_level_ledger_day_by_day(demo):
    # scores are built from daily counts; the public ledger numbers each event
    mismatches = query(demo["database"], """
        with ledger_days as (
            select
                contact_id, model_id, rule_id, event_date,
                sum(final_points) as final_points,
                count(*) filter (where not is_capped) as counted_occurrences,
                bool_or(raw_points > 0) as has_positive_raw_points
            from main_lead_scoring.lead_score_contributions
            where contribution_type = 'behavior_rule'
            group by all
        ),
        daily as (
            select contacts.contact_id, points.* exclude (contact_key)
            from main_lead_scoring_internal.int_lead_scoring__rule_points_daily as points
            inner join main_lead_scoring_internal.int_lead_scoring__contacts_classified as contacts using (contact_key)
        )
        select *
        from ledger_days
        full join daily
            using (contact_id, model_id, rule_id, event_date)
        where daily.final_points is null or ledger_days.final_points is null
            or abs(daily.final_points - ledger_days.final_points) > 1e-9
            or daily.counted_occurrences <> ledger_days.counted_occurrences
            or daily.has_positive_raw_points <> ledger_days.has_positive_raw_points
        limit 5
    """)
    assert mismatches == []


def test_ledger_key_is_unique(demo):
    rows, keys = query(demo["database"], """
        select count(*), count(distinct (event_id, model_id, rule_id))
        from main_lead_scoring.lead_score_contributions
    """)[0]
    assert rows == keys > 0


def test_every_contact_has_one_row_per_model(demo):
    contacts, models, rows = query(demo["database"], """
        select
            (select count(*) from raw.contacts),
            (select count(*) from main_lead_scoring_internal.lead_scoring_models),
            (select count(*) from main_lead_scoring.lead_scores)
    """)[0]
    assert rows == contacts * models


def test_two_builds_give_identical_marts(demo, tmp_path):
    second = build(demo["csv_dir"], tmp_path / "second.duckdb", args=["build", "--exclude", "test_type:unit"],
                   score_dates=SCORE_DATES)
    for mart in MARTS:
        # score_updated_at is the time of the build that changed a row
        sql = f"select * exclude (as_of_date{', score_updated_at' if mart == 'lead_score_crm_sync' else ''}) " \
              f"from main_lead_scoring.{mart} order by all"
        assert query(demo["database"], sql) == query(second, sql), mart
    for mart in ("lead_scores_point_in_time", "lead_score_backtest", "lead_score_backtest_thresholds"):
        sql = f"select * from main_lead_scoring.{mart} order by all"
        assert query(demo["database"], sql) == query(second, sql), mart


def copy_project(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for part in ("dbt_project.yml", "models", "macros", "seeds", "data_tests", "profiles"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / part)
    return project


def edit(path, *replacements, append=""):
    text = path.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text + append)


def write_bad_seeds(project) -> None:
    """Seeds of a copied project with one bad row per config check (BAD_SEED_MESSAGES)."""
    seeds = project / "seeds"
    edit(seeds / "lead_scoring_behavior_rules.csv",
         ("flow_v1,b03_pricing,page_view,pricing,,10,5,5,90,30,", "flow_v1,b03_pricing,page_view,pricing,,1O,5,5,90,-30,"),
         ("insight_v1,b05_case_study,page_view,case_studies,", "insight_v1,b05_case_study,page_view,case_study,"),
         # one bad row per check: each check names the first bad row it meets
         ("flow_v1,b04_demo_page,page_view,demo,,8,4,3,90,", "flow_v1,b04_demo_page,page_view,demo,,8,nan,99999999999,3000000000,"),
         append="flow_v1,b01_demo_request,demo_request,,,30,10,3,,,true,demo again\n"
                "flow_v2,b99_unknown_model,demo_request,,,30,10,3,,,true,demo\n"
                # the same event type, category and gate as b03_pricing, a larger rule_id: never wins
                "flow_v1,b03z_pricing_again,page_view,pricing,,10,5,5,90,30,true,pricing again\n")
    edit(seeds / "lead_scoring_models.csv",
         ("insight_v1,insight,Lumen Insight (analytics) default model,50,", "insight_v1,insight,Lumen Insight (analytics) default model,500,"),
         append="shop_v1,flow,a model with a grade gate and no grade bands,10,B,0,100,7,14\n"
                "half_v1,flow,a model with two grade bands,10,,0,100,inf,14\n")
    edit(seeds / "lead_scoring_grade_bands.csv", ("flow_v1,B,20,", "flow_v1,B,40,"), ("insight_v1,D,,", "insight_v1,D,-10,"),
         append="half_v1,A,40,a\nhalf_v1,B,20,b\n")
    edit(seeds / "lead_scoring_fit_rules.csv",
         ("flow_v1,f06_vp_title,job_title,starts_with,", "flow_v1,f06_vp_title,job_title,begins,"),
         ("flow_v1,f18_mid_size_company,account_employee_count,between,200|5000,",
          "flow_v1,f18_mid_size_company,account_employee_count,between,200|5000|9000,"),
         ("insight_v1,f01_core_country,country,", "insight_v1,f01_core_country,nation,"),
         ("flow_v1,f20_enterprise,account_employee_count,between,5001|,10,", "flow_v1,f20_enterprise,account_employee_count,between,5001|,1e20,"))
    edit(seeds / "lead_scoring_sequence_rules.csv",
         ("flow_v1,s02_pricing_then_demo,page_view,pricing,demo_request,,,,7,",
          "flow_v1,s02_pricing_then_demo,page_view,pricing,demo_requested,,,,0,"),
         append="insight_v1,b01_demo_request,page_view,,page_view,,,,7,5,,a sequence named like a rule\n")
    edit(seeds / "lead_scoring_inactivity_steps.csv", ("flow_v1,90,50", "flow_v1,90,inf"))


BAD_SEED_MESSAGES = (
    "lead_scoring_behavior_rules row flow_v1/b03_pricing: points must be a number between -1000000 and 1000000",
    "lead_scoring_behavior_rules row flow_v1/b03_pricing: half_life_days must be empty or a number between 0 and 36500",
    "lead_scoring_behavior_rules row flow_v1/b04_demo_page: repeat_points must be empty or a number",
    "lead_scoring_behavior_rules row flow_v1/b04_demo_page: max_occurrences must be empty or a whole number between 1 and 1000000",
    "lead_scoring_behavior_rules row flow_v1/b04_demo_page: window_days must be empty or a whole number between 1 and 36500",
    "lead_scoring_behavior_rules row model_id=flow_v1 rule_id=b01_demo_request: duplicate model_id + rule_id",
    "lead_scoring_behavior_rules row flow_v2/b99_unknown_model: unknown model_id flow_v2",
    "lead_scoring_behavior_rules row insight_v1/b05_case_study: unknown page_category case_study",
    "lead_scoring_behavior_rules row flow_v1/b03z_pricing_again: no event can ever match this rule",
    "lead_scoring_models row insight_v1: mql_threshold must be a number between score_floor and score_cap",
    "lead_scoring_models row shop_v1: min_grade_for_mql needs the model's grade bands",
    "lead_scoring_models row half_v1: needs the four grade bands A, B, C and D in the grade bands, or none",
    "lead_scoring_models row half_v1: default_half_life_days must be empty or a number between 0 and 36500",
    "lead_scoring_grade_bands row flow_v1/B: min_fit_score must be below the min_fit_score of every better grade",
    "lead_scoring_grade_bands row insight_v1/D: min_fit_score must be a number between -1000000 and 1000000 for A, B and C, and empty for D",
    "lead_scoring_fit_rules row flow_v1/f06_vp_title: operator must be equals, in, not_in, between",
    "lead_scoring_fit_rules row flow_v1/f18_mid_size_company: between takes exactly low|high",
    "lead_scoring_fit_rules row flow_v1/f20_enterprise: points must be a number between -1000000 and 1000000",
    "lead_scoring_fit_rules row insight_v1/f01_core_country: attribute must be one of job_title, country",
    "lead_scoring_sequence_rules row flow_v1/s02_pricing_then_demo: unknown step_2_event_type demo_requested",
    "lead_scoring_sequence_rules row flow_v1/s02_pricing_then_demo: within_days must be a whole number between 1 and 36500",
    "lead_scoring_sequence_rules row insight_v1/b01_demo_request: sequence_id is also a behaviour rule_id of the model",
    "lead_scoring_inactivity_steps row flow_v1/90: penalty_points must be a number between 0 and 1000000",
)


def test_bad_seeds_fail_the_build_naming_row_and_problem(tmp_path):
    project = copy_project(tmp_path)
    write_bad_seeds(project)
    with pytest.raises(RuntimeError) as failure:
        run_dbt(["build", "--select", "resource_type:seed", "path:models/staging/config"], tmp_path / "bad.duckdb",
                project_dir=project, quiet=True)
    message = str(failure.value)
    for expected in BAD_SEED_MESSAGES:
        assert expected in message, expected


def test_crm_sync_holds_only_crm_records(demo):
    assert query(demo["database"], """
        select count(*) from main_lead_scoring.lead_score_crm_sync as sync
        where sync.record_type = 'contact' and not exists (
            select 1 from main_lead_scoring.lead_scores
            where lead_scores.contact_id = sync.contact_id and lead_scores.crm_id = sync.crm_id)
    """) == [(0,)]
    without_crm_id = query(demo["database"], "select contact_id from main_lead_scoring.lead_scores where crm_id is null")
    assert without_crm_id, "the demo should have contacts without crm_id"
    synced = {c for (c,) in query(demo["database"], """
        select contact_id from main_lead_scoring.lead_score_crm_sync where record_type = 'contact'""")}
    assert not synced & {c for (c,) in without_crm_id}


def test_crm_sync_marks_only_changed_rows(demo, tmp_path):
    """A rebuild keeps score_updated_at unless the synced fields changed."""
    csv_dir = tmp_path / "csv"
    shutil.copytree(demo["csv_dir"], csv_dir)
    database = build(csv_dir, tmp_path / "sync.duckdb", args=["build", "--exclude", "test_type:unit"])
    sync_sql = "select sync_id, sync_fingerprint, score_updated_at from main_lead_scoring.lead_score_crm_sync"
    before = {row[0]: row[1:] for row in query(database, sync_sql)}
    (contact_id, crm_id), = query(database, """
        select contact_id, crm_id from main_lead_scoring.lead_scores
        where crm_id is not null and model_id = 'flow_v1' and routing = 'monitor'
        order by contact_id limit 1""")
    with open(csv_dir / "events.csv", "a", encoding="utf-8") as events:
        events.write(f"ev_sync_test,{contact_id},,demo_request,{AS_OF} 09:00:00,,flow,,,,,\n")
    build(csv_dir, database, args=["build", "--exclude", "test_type:unit"])
    after = {row[0]: row[1:] for row in query(database, sync_sql)}
    assert after.keys() == before.keys()
    changed = {key for key in after if after[key][0] != before[key][0]}
    updated = {key for key in after if after[key][1] != before[key][1]}
    assert f"contact:{crm_id}:flow_v1" in changed
    assert changed == updated
    assert len(changed) <= 2  # the contact, and maybe its account


def test_lead_score_accounts_roll_up_lead_scores(demo):
    """lead_score_accounts agrees with a plain-Python roll-up of lead_scores."""
    engaged_score = 20  # var lead_scoring__engaged_score
    leads = query(demo["database"], """
        select account_id, model_id, contact_id, behavior_score, grade, routing, is_mql
        from main_lead_scoring.lead_scores where account_id is not null""")
    expected: dict[tuple, dict] = {}
    for account_id, model_id, contact_id, score, grade, routing, is_mql in leads:
        row = expected.setdefault((account_id, model_id), {
            "contacts": 0, "engaged": 0, "total": 0, "max": None, "best_grade": None,
            "sales_now": False, "mql": False, "top": None})
        qualified = routing != "disqualified"
        row["contacts"] += 1
        row["engaged"] += qualified and score >= engaged_score
        row["total"] += score
        row["max"] = score if row["max"] is None else max(row["max"], score)
        row["sales_now"] |= routing == "sales_now"
        row["mql"] |= is_mql
        if qualified:
            row["best_grade"] = min(filter(None, [row["best_grade"], grade]))
            if row["top"] is None or (-score, contact_id) < (-row["top"][0], row["top"][1]):
                row["top"] = (score, contact_id)
    actual = {(a, m): rest for a, m, *rest in query(demo["database"], """
        select account_id, model_id, contact_count, engaged_contact_count, total_behavior_score,
            max_behavior_score, best_grade, has_sales_now, has_mql, top_contact_id
        from main_lead_scoring.lead_score_accounts where contact_count > 0""")}
    assert len(expected) > 100
    assert actual.keys() == expected.keys()
    for key, row in expected.items():
        assert actual[key] == [row["contacts"], row["engaged"], row["total"], row["max"], row["best_grade"],
                               row["sales_now"], row["mql"], row["top"] and row["top"][1]], key


def test_an_empty_as_of_is_the_run_date_in_every_model(tmp_path):
    """One scoring date per run: the UTC date at which the run started, the
    same in every model (rendered from dbt's run_started_at, not from the
    clock of each model, so a run that crosses midnight keeps one date)."""
    before = datetime.now(timezone.utc).date()
    run_dbt(["compile", "--select", "lead_scores", "lead_score_quarantine", "int_lead_scoring__rule_points_daily",
             "int_lead_scoring__events_checked"], tmp_path / "compile.duckdb", {"lead_scoring__as_of": ""},
            target_path=tmp_path / "target", quiet=True)
    after = datetime.now(timezone.utc).date()
    models = [path.read_text() for path in (tmp_path / "target" / "compiled").rglob("*.sql")
              if path.stem.startswith(("lead_score", "int_lead_scoring"))]
    dates = {date for text in models for date in re.findall(r"cast\('(\d{4}-\d{2}-\d{2})' as date\)", text)}
    assert len(models) >= 4 and len(dates) == 1
    assert dates <= {before.isoformat(), after.isoformat()}


@pytest.mark.parametrize("score_dates, requested, weeks_before", [
    ([], [], []),
    # 03-31's 60-day horizon ends by 06-30: a backtest cut-off, scored a week before too
    (["2026-05-31", "2026-03-31", "2026-05-31"], ["2026-03-31", "2026-05-31"], ["2026-03-24"]),
    ({"from": "2026-04-01", "to": "2026-06-30", "every_days": 30},
     ["2026-04-01", "2026-05-01", "2026-05-31", "2026-06-30"], ["2026-03-25", "2026-04-24"]),
])
def test_score_dates_var_lists_or_steps_through_a_range(tmp_path, score_dates, requested, weeks_before):
    database = tmp_path / "dates.duckdb"
    run_dbt(["run", "--select", "int_lead_scoring__score_dates"], database,
            {"lead_scoring__as_of": AS_OF.isoformat(), "lead_scoring__score_dates": score_dates},
            target_path=tmp_path / "target", quiet=True)
    rows = query(database, """
        select score_date, is_requested from main_lead_scoring_internal.int_lead_scoring__score_dates order by 1""")
    assert [day.isoformat() for day, is_requested in rows if is_requested] == requested
    assert [day.isoformat() for day, is_requested in rows if not is_requested] == weeks_before
