"""The package on PostgreSQL: the same demo input built on a throwaway local
PostgreSQL cluster and on DuckDB gives the same marts, row by row (scores to
the cent), with every model, data test and unit test passing; the
integration_tests/ project builds there too, in both configurations; and
the grants let a BI role and a reverse-ETL role read only what they may.

Needs PostgreSQL's server binaries (initdb, pg_ctl): `.ci/run` installs
Debian's `postgresql` when they are missing. Without them these tests fail;
they are never skipped.
"""

from __future__ import annotations

import json
import re
from datetime import date

import psycopg2
import pytest
import yaml

from conftest import AS_OF, ROOT, build
from replay import DEMO_MARTS, MARTS, REPLAY_DAYS, REPLAY_SCORE_DATES, compare_marts, day_vars
from test_bad_inputs import RAW as DIRTY_RAW
from test_bad_inputs import load as load_dirty_duckdb
from test_pipeline import BAD_SEED_MESSAGES, copy_project, write_bad_seeds
from lead_scoring_tools.dbt import run_dbt
from lead_scoring_tools.generate import generate
from lead_scoring_tools.postgres import LocalCluster, find_bin_dir, load_postgres

# small: a PostgreSQL build costs about as much as a DuckDB one
DEMO_EVENTS = 8_000
INTEGRATION = ROOT / "integration_tests"


@pytest.fixture(scope="module")
def cluster():
    try:
        find_bin_dir()
    except RuntimeError as error:
        pytest.fail(f"cannot test the package on PostgreSQL: {error}", pytrace=False)
    with LocalCluster() as started:
        yield started


def dbt_on_postgres(cluster: LocalCluster, args: list[str], schema: str, dbt_vars: dict | None = None,
                    project_dir=ROOT, target_path=None, database: str | None = None, env: dict | None = None) -> str:
    env = {**cluster.env(), "LEAD_SCORING_POSTGRES_SCHEMA": schema, **(env or {})}
    if database:
        env["LEAD_SCORING_POSTGRES_DATABASE"] = database
    return run_dbt([*args, "--target", "postgres"], "unused.duckdb", dbt_vars, target_path=target_path,
                   quiet=True, project_dir=project_dir, env=env)


def assert_everything_passed(output: str) -> None:
    """Every node of the build passed: models, seeds, data tests and unit tests."""
    assert "Completed successfully" in output, output
    done = re.search(r"Done\. PASS=(\d+) WARN=(\d+) ERROR=(\d+) SKIP=(\d+)", output)
    assert done and done.group(3) == "0" and done.group(4) == "0", output
    unit_tests = re.search(r"(\d+) unit tests", output)
    data_tests = re.search(r"(\d+) data tests", output)
    assert unit_tests and int(unit_tests.group(1)) > 0, output
    assert data_tests and int(data_tests.group(1)) > 0, output


@pytest.fixture(scope="module")
def demo_builds(cluster, tmp_path_factory) -> dict:
    """One generated demo input (dirty rows included), replayed day by day on
    DuckDB and on PostgreSQL: a full build two days before AS_OF (unit tests
    included), then the daily incremental runs of the next two days, which
    take in the events that became visible."""
    folder = tmp_path_factory.mktemp("postgres")
    csv_dir = folder / "csv"
    generate(csv_dir, DEMO_EVENTS, seed=11, as_of=AS_OF)
    first_day, *next_days = REPLAY_DAYS
    duckdb_file = build(csv_dir, folder / "demo.duckdb", as_of=first_day, score_dates=REPLAY_SCORE_DATES)
    connection = cluster.connect()
    counts = load_postgres(csv_dir, connection)
    output = dbt_on_postgres(cluster, ["build"], "main", day_vars(first_day), target_path=folder / "target_postgres")
    daily_outputs = []
    for day in next_days:
        run_dbt(["build", "--exclude", "test_type:unit"], duckdb_file, day_vars(day),
                target_path=folder / "target", quiet=True)
        daily_outputs.append(dbt_on_postgres(cluster, ["build", "--exclude", "test_type:unit"], "main",
                                             day_vars(day), target_path=folder / "target_postgres"))
    yield {"duckdb": duckdb_file, "postgres": connection, "output": output, "daily_outputs": daily_outputs,
           "counts": counts}
    connection.close()


def postgres_rows(connection):
    """read_rows for compare_marts: a mart's columns on PostgreSQL."""
    def read_rows(mart: str, columns: list[str]) -> list[tuple]:
        with connection.cursor() as cur:
            cur.execute(f"select {', '.join(columns)} from main_lead_scoring.{mart}")
            return cur.fetchall()
    return read_rows


def test_demo_builds_on_postgres(demo_builds):
    """dbt build on PostgreSQL: every model, seed, data test and unit test passes;
    a second build (the incremental models' incremental run, its data tests) too.
    The marts compared below are those of the second build."""
    assert demo_builds["counts"]["events"] == DEMO_EVENTS
    assert_everything_passed(demo_builds["output"])
    for daily in demo_builds["daily_outputs"]:
        assert "Completed successfully" in daily and re.search(r"ERROR=0 SKIP=0", daily), daily
        assert re.search(r"\d+ incremental models?", daily), daily


@pytest.mark.parametrize("mart", sorted(DEMO_MARTS))
def test_marts_equal_duckdb_row_by_row(demo_builds, mart):
    """The same input gives the same rows on both engines: ids, reasons, text,
    flags and dates equal, scores (two decimals) to the cent, and the ledger's
    double-precision points to 1e-9."""
    compare_marts(demo_builds["duckdb"], postgres_rows(demo_builds["postgres"]), mart, DEMO_MARTS[mart],
                  "PostgreSQL")


def test_scores_are_compared_to_the_cent(demo_builds):
    """The score columns come back as two-decimal numbers on both engines, and
    some scores are neither 0 nor whole: the comparison above bites."""
    with demo_builds["postgres"].cursor() as cur:
        cur.execute("""
            select count(*) filter (where behavior_score <> round(behavior_score)),
                   count(*) filter (where behavior_score > 0),
                   min(scale(behavior_score)), max(scale(behavior_score)), max(scale(fit_score))
            from main_lead_scoring.lead_scores""")
        fractional, positive, min_scale, max_scale, fit_scale = cur.fetchone()
    assert fractional > 0 and positive > 0
    assert (min_scale, max_scale, fit_scale) == (2, 2, 2)


def test_text_timestamps_read_as_on_duckdb(cluster, tmp_path):
    """Timestamps given as text: offsets applied, malformed or impossible values
    null (never an error), the same on both engines."""
    # DuckDB's own reading differs where the contract (docs/scoring.md §1) is
    # silent: a space before a numeric offset, year 0, offsets past 15:59
    texts = ["2026-06-01 10:00:00", "2026-06-01T10:00:00Z", "2026-06-01 10:00:00+02:00",
             "2026-06-01 10:00-0500", "2026-06-01T23:30:00.25+02", "2026-06-01 10:00:00.5+05:30",
             "2026-06-01 10:00 UTC", " 2026-06-01 utc", "2026-02-28", "2024-02-29 12:00", "2026-02-29",
             "2026-02-30 10:00", "2026-13-01", "2026-06-31", "2026-06-01 24:00", "2026-06-01 24:30",
             "2026-06-01 25:00", "2026-06-01 10:60", "2026-06-01 10:00:61", "yesterday", "", "2026-6-1",
             "2026-06-01 10:00:00+02:00 extra"]
    values = ", ".join("('" + text + "')" for text in texts)
    inline = ("select t.txt, cast({{ lead_scoring.text_to_utc_timestamp('t.txt') }} as varchar) as parsed "
              f"from (values {values}) as t (txt) order by t.txt")
    args = ["show", "--inline", inline, "--limit", "100", "--output", "json", "--log-format", "json"]

    def shown(output: str) -> dict:
        for line in output.splitlines():
            event = json.loads(line)
            preview = event.get("data", {}).get("preview")
            if preview:
                return {row["txt"]: row["parsed"] for row in json.loads(preview)}
        raise AssertionError(f"no rows shown:\n{output}")

    on_postgres = shown(dbt_on_postgres(cluster, args, "main", target_path=tmp_path / "target_pg"))
    on_duckdb = shown(run_dbt(args, tmp_path / "show.duckdb", target_path=tmp_path / "target_duckdb",
                              quiet=True))
    assert on_postgres["2026-06-01 10:00:00+02:00"].startswith("2026-06-01 08:00:00")
    assert on_postgres["2026-02-30 10:00"] is None and on_postgres["yesterday"] is None
    differing = {text: (on_duckdb[text], on_postgres[text]) for text in texts
                 if (on_duckdb[text] or "")[:19] != (on_postgres[text] or "")[:19]}
    assert not differing, f"text -> (DuckDB, PostgreSQL): {differing}"


@pytest.fixture(scope="module")
def integration_installed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("integration_postgres")
    run_dbt(["deps"], folder / "deps.duckdb", project_dir=INTEGRATION, quiet=True)
    return folder


@pytest.mark.parametrize("scenario", ["b2b", "shop"])
def test_integration_project_builds_on_postgres(cluster, integration_installed, scenario):
    """integration_tests/ (the package installed as a user installs it), each
    configuration with its own data tests on the outputs, on PostgreSQL."""
    dbt_vars = yaml.safe_load((INTEGRATION / "scenarios" / "shop.yml").read_text()) if scenario == "shop" else None
    schema = f"it_{scenario}"
    output = dbt_on_postgres(cluster, ["build"], schema, dbt_vars, project_dir=INTEGRATION,
                             target_path=integration_installed / f"target_{scenario}")
    assert_everything_passed(output)
    with cluster.connect() as connection, connection.cursor() as cur:
        cur.execute(f"select distinct model_id from {schema}_lead_scoring.lead_scores order by 1")
        models = [model_id for (model_id,) in cur.fetchall()]
    assert models == (["shop_v1"] if scenario == "shop" else ["flow_v1", "insight_v1"])


def test_dirty_inputs_end_as_on_duckdb(cluster, tmp_path):
    """test_bad_inputs.py's warehouse of bad input (text and zoned timestamps,
    64-bit durations, missing columns and inputs, repeated ids), built on
    PostgreSQL in a session time zone far from UTC: it builds, and its marts
    equal DuckDB's."""
    duckdb_file = tmp_path / "dirty.duckdb"
    load_dirty_duckdb(duckdb_file)
    run_dbt(["build", "--exclude", "test_type:unit"], duckdb_file, {"lead_scoring__as_of": "2026-06-30"},
            target_path=tmp_path / "target_duckdb", quiet=True)
    cluster.create_database("dirty")
    with cluster.connect("dirty") as connection, connection.cursor() as cur:
        cur.execute(DIRTY_RAW)
    output = dbt_on_postgres(cluster, ["build", "--exclude", "test_type:unit"], "main",
                             {"lead_scoring__as_of": "2026-06-30"}, target_path=tmp_path / "target_pg",
                             database="dirty", env={"PGTZ": "Asia/Tokyo"})
    assert "Completed successfully" in output, output
    assert '"raw"."events" (var lead_scoring__events) has no column user_agent: read as null' in output
    assert '"raw"."conversions" (var lead_scoring__conversions) does not exist: read as empty' in output
    connection = cluster.connect("dirty")
    try:
        for mart, key in {**MARTS, "lead_score_contact_quarantine": ["contact_id", "reason", "email"],
                          "lead_score_account_quarantine": ["account_id", "reason"]}.items():
            compare_marts(duckdb_file, postgres_rows(connection), mart, key, "PostgreSQL")
    finally:
        connection.close()


def test_bad_seeds_fail_naming_row_and_problem(cluster, tmp_path):
    """test_pipeline.py's bad seeds: on PostgreSQL too, the build fails with
    the package's message for every bad row, not an engine error alone."""
    project = copy_project(tmp_path)
    write_bad_seeds(project)
    cluster.create_database("bad_seeds")
    with pytest.raises(RuntimeError) as failure:
        dbt_on_postgres(cluster, ["build", "--select", "resource_type:seed", "path:models/staging/config"],
                        "main", project_dir=project, target_path=tmp_path / "target", database="bad_seeds")
    message = str(failure.value)
    missing = [expected for expected in BAD_SEED_MESSAGES if expected not in message]
    assert not missing, f"messages missing on PostgreSQL: {missing}\n{message}"


QUARANTINE_MARTS = {"lead_score_quarantine", "lead_score_contact_quarantine", "lead_score_account_quarantine"}


def can_select(cluster: LocalCluster, role: str, relation: str) -> bool:
    connection = psycopg2.connect(host=cluster.host, port=cluster.port, user=role, dbname=cluster.database)
    try:
        with connection.cursor() as cur:
            cur.execute(f"select 1 from {relation} limit 1")
        return True
    except psycopg2.errors.InsufficientPrivilege:
        return False
    finally:
        connection.close()


def test_bi_and_crm_sync_roles_read_only_what_they_may(cluster, demo_builds, tmp_path):
    """With lead_scoring__bi_roles and __crm_sync_roles, a BI role selects every
    mart but the quarantine ones (raw rows: PII), and no input, staging or
    intermediate relation; a reverse-ETL role selects lead_score_crm_sync only.
    Checked after a first build and after the next day's run, which rebuilds
    the relations."""
    with cluster.connect() as connection, connection.cursor() as cur:
        cur.execute("create role bi_reader login; create role crm_sync login")
        connection.commit()
    dbt_vars = {"lead_scoring__bi_roles": ["bi_reader"], "lead_scoring__crm_sync_roles": ["crm_sync"]}
    for as_of in (AS_OF, date.fromordinal(AS_OF.toordinal() + 1)):
        dbt_on_postgres(cluster, ["build", "--select", "resource_type:seed", "resource_type:model"], "granted", {**dbt_vars, "lead_scoring__as_of": as_of.isoformat()},
                        target_path=tmp_path / "target")
        with cluster.connect() as connection, connection.cursor() as cur:
            cur.execute("""
                select table_schema, table_name from information_schema.tables
                where table_schema in ('raw', 'granted_lead_scoring', 'granted_lead_scoring_internal')""")
            relations = cur.fetchall()
        marts = {name for schema, name in relations if schema == "granted_lead_scoring"}
        assert {"lead_scores", "lead_score_crm_sync"} | QUARANTINE_MARTS <= marts
        assert {schema for schema, _ in relations} == {"raw", "granted_lead_scoring", "granted_lead_scoring_internal"}
        for schema, name in relations:
            relation = f'"{schema}"."{name}"'
            is_bi_mart = schema == "granted_lead_scoring" and name not in QUARANTINE_MARTS
            assert can_select(cluster, "bi_reader", relation) == is_bi_mart, (as_of, relation)
            is_sync_mart = relation == '"granted_lead_scoring"."lead_score_crm_sync"'
            assert can_select(cluster, "crm_sync", relation) == is_sync_mart, (as_of, relation)
