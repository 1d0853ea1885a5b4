"""Benchmark a full `dbt build` against the least work any implementation must do.

    python -m lead_scoring_tools.benchmark --events 1000000 [--events 10000000 ...]
    python -m lead_scoring_tools.benchmark --raw-database loaded.duckdb   # data loaded apart

For each size: generate the demo data (not timed), load it into a fresh
DuckDB file (timed apart), time `dbt parse` (the project, whatever the
data) and then `dbt build` (models and data tests; unit tests excluded, as
in production; reusing that parse as dbt does from one run to the next)
with its peak memory, count the mart rows, then time the floor on the same
file: one DuckDB statement that reads the events and writes one row per
event with its decayed points (a ledger-shaped table), plus one that sums
it per (contact, product). Not a test: numbers go to the README.

Then the daily run: 1% new events (a copy of every hundredth event, moved to
the next day) are appended to the raw events, and an incremental `dbt build`
scores the next day; its time is beside the full build's. The project is
parsed again first, timed apart: the scoring date is a var here, and a new
var value makes dbt parse again, which a daily run with the default date
(today) does not."""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

from lead_scoring_tools.dbt import run_dbt
from lead_scoring_tools.generate import generate
from lead_scoring_tools.load import load_duckdb

AS_OF = date(2026, 6, 30)

FLOOR_LEDGER = f"""
    create or replace table floor_ledger as
    select
        event_id,
        contact_id,
        product_id,
        10 * pow(0.5, date_diff('day', cast(occurred_at as date), date '{AS_OF}') / 30.0)
            as final_points
    from raw.events
"""
NEXT_DAY_EVENTS = f"""
    insert into raw.events
    select * replace (
        event_id || '_next' as event_id,
        occurred_at + to_days(date_diff('day', cast(occurred_at as date), date '{AS_OF}')::int + 1)
            as occurred_at,
        email_sent_at + to_days(date_diff('day', cast(occurred_at as date), date '{AS_OF}')::int + 1)
            as email_sent_at
    )
    from raw.events
    where hash(event_id) % 100 = 0 and occurred_at <= date '{AS_OF}'
"""
FLOOR_SCORES = """
    create or replace table floor_scores as
    select contact_id, product_id, sum(final_points) as points
    from floor_ledger
    group by contact_id, product_id
"""


def children_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench(n_events: int, workdir: Path, raw_database: Path | None = None) -> dict:
    csv_dir, database = workdir / f"csv_{n_events}", workdir / f"bench_{n_events}.duckdb"
    if raw_database:
        load_seconds = timed(lambda: shutil.copyfile(raw_database, database))
    else:
        generate(csv_dir, n_events, seed=42, as_of=AS_OF)
        load_seconds = timed(lambda: load_duckdb(csv_dir, database))
        shutil.rmtree(csv_dir)
    dbt_vars, target = {"lead_scoring__as_of": AS_OF.isoformat()}, workdir / f"target_{n_events}"
    parse_seconds = timed(lambda: run_dbt(["parse"], database, dbt_vars, target_path=target, quiet=True))
    build = ["build", "--exclude-resource-type", "unit_test"]
    build_seconds = timed(lambda: run_dbt(build, database, dbt_vars, target_path=target, quiet=True))
    # dbt's own timings per node, kept beside the daily run's run_results.json
    shutil.copyfile(target / "run_results.json", target / "run_results_full_build.json")
    with duckdb.connect(str(database)) as con:
        con.execute("set threads = 2; set memory_limit = '3GB'; set preserve_insertion_order = false")
        rows = {mart: con.execute(f"select count(*) from main_lead_scoring.{mart}").fetchone()[0]
                for mart in ("lead_scores", "lead_score_contributions", "lead_score_quarantine")}
        contacts = con.execute("select count(*) from raw.contacts").fetchone()[0]
        n_events = con.execute("select count(*) from raw.events").fetchone()[0]
        floor_seconds = timed(lambda: (con.execute(FLOOR_LEDGER), con.execute(FLOOR_SCORES)))
        con.execute("drop table floor_ledger; drop table floor_scores")
        new_events = con.execute(NEXT_DAY_EVENTS).fetchone()[0]
    next_day = {"lead_scoring__as_of": (AS_OF + timedelta(days=1)).isoformat()}
    run_dbt(["parse"], database, next_day, target_path=target, quiet=True)
    daily_seconds = timed(lambda: run_dbt(build, database, next_day, target_path=target, quiet=True))
    peak_mb = children_peak_rss_mb()
    database.unlink()
    return {"events": n_events, "contacts": contacts, "load_s": load_seconds, "parse_s": parse_seconds,
            "build_s": build_seconds, "new_events": new_events, "daily_s": daily_seconds,
            "peak_mb": peak_mb, "floor_s": floor_seconds, **rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, action="append",
                        help="events to generate (repeatable); default 1,000,000")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--raw-database", type=Path, default=None,
                        help="a DuckDB file whose raw schema is already loaded (copied, not generated)")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lead_scoring_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    print("| events | contacts | load (s) | dbt parse (s) | dbt build (s) | new events | daily build (s) "
          "| daily / full | peak RSS dbt (MB) | floor (s) | build / floor | lead_scores | contributions "
          "| quarantine |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n_events in ([0] if args.raw_database else args.events or [1_000_000]):
        r = bench(n_events, workdir, args.raw_database)
        print(f"| {r['events']:,} | {r['contacts']:,} | {r['load_s']:.1f} | {r['parse_s']:.1f} | {r['build_s']:.1f} "
              f"| {r['new_events']:,} | {r['daily_s']:.1f} | {r['daily_s'] / r['build_s']:.0%} "
              f"| {r['peak_mb']:,.0f} | {r['floor_s']:.2f} | {r['build_s'] / r['floor_s']:.1f}x "
              f"| {r['lead_scores']:,} | {r['lead_score_contributions']:,} "
              f"| {r['lead_score_quarantine']:,} |", flush=True)


if __name__ == "__main__":
    main()
