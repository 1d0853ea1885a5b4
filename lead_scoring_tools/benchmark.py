"""Benchmark a full `dbt build` against the least work any implementation must do.

    python -m lead_scoring_tools.benchmark --events 1000000 [--events 10000000 ...]
        [--engine duckdb|postgres|spark] [--raw-database prepared.duckdb]

For each size: generate the demo data (streamed to CSV files, not timed),
add the next day's events (a copy of every hundredth event, moved to the day
after the scoring date), load it (timed apart), time `dbt parse` and then a
full `dbt build` of the scoring date (models and data tests; unit tests
excluded, as in production; reusing that parse as dbt does from one run to
the next) with dbt's peak memory (on PostgreSQL the server's is not
counted), count the mart rows, then time the floor on the same database:
one statement that reads the events and writes one row per event with its
decayed points (a ledger-shaped table), plus one that sums it per (contact,
product). On DuckDB it also times copying every table the build stored,
one after the other: what writing them costs, which no query plan can
save. Then the daily run: an incremental `dbt build` of the next day, whose
events (1%) have become visible. The project is parsed again first,
timed apart: the scoring date is a var here, and a new var value makes dbt
parse again, which a daily run with the default date (today) does not.

Each size runs in a process of its own, so that each row's peak memory is
its own. Not a test: numbers go to the README.

For 100M events, generating in Python takes most of an hour: instead,
--prepare-raw-database generates N events once into a DuckDB file and, with
--tile K, copies that world K times in SQL with prefixed ids (contacts,
accounts, events, identities, conversions; e-mail addresses, domains and
campaigns kept), N x K events; --raw-database then runs a DuckDB row on a
copy of that file:

    python -m lead_scoring_tools.benchmark --events 10000000 --tile 10 --prepare-raw-database raw100.duckdb
    python -m lead_scoring_tools.benchmark --raw-database raw100.duckdb
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

from lead_scoring_tools.dbt import run_dbt
from lead_scoring_tools.generate import EVENT_COLUMNS, generate
from lead_scoring_tools.load import load_duckdb

AS_OF = date(2026, 6, 30)
NEXT_DAY = AS_OF + timedelta(days=1)
MARTS = ("lead_scores", "lead_score_contributions", "lead_score_quarantine")
# the generated events, then the next day's copies (add_next_day_events)
COUNTS = {
    "contacts": "select count(*) from raw.contacts",
    "events": "select count(*) from raw.events where coalesce(right(event_id, 5), '') <> '_next'",
    "new_events": "select count(*) from raw.events where right(event_id, 5) = '_next'",
    **{mart: f"select count(*) from main_lead_scoring.{mart}" for mart in MARTS},
}

# The floor, in each engine's SQL: a ledger-shaped row per event, then a sum
# per (contact, product).
FLOOR = {
    "duckdb": (
        f"""create or replace table floor_ledger as
            select event_id, contact_id, product_id,
                10 * pow(0.5, date_diff('day', cast(occurred_at as date), date '{AS_OF}') / 30.0)
                    as final_points
            from raw.events""",
        """create or replace table floor_scores as
            select contact_id, product_id, sum(final_points) as points
            from floor_ledger group by contact_id, product_id""",
    ),
    "postgres": (
        f"""create table floor_ledger as
            select event_id, contact_id, product_id,
                10 * power(0.5, (date '{AS_OF}' - cast(occurred_at as date)) / 30.0) as final_points
            from raw.events""",
        """create table floor_scores as
            select contact_id, product_id, sum(final_points) as points
            from floor_ledger group by contact_id, product_id""",
    ),
    "spark": (
        f"""create table floor_ledger using parquet as
            select event_id, contact_id, product_id,
                10 * pow(0.5, datediff(date '{AS_OF}', cast(occurred_at as date)) / 30.0)
                    as final_points
            from raw.events""",
        """create table floor_scores using parquet as
            select contact_id, product_id, sum(final_points) as points
            from floor_ledger group by contact_id, product_id""",
    ),
}


def add_next_day_events(csv_dir: Path) -> int:
    """Append to events.csv a copy of every hundredth event that occurred by
    AS_OF, moved to NEXT_DAY (same time of day, e-mail send moved alike), with
    a new id; returns how many. DuckDB streams the file: no rows in Python."""
    events = (csv_dir / "events.csv").as_posix()
    shift = f"to_days(date_diff('day', cast(occurred_at as date), date '{NEXT_DAY}'))"
    moved = {"event_id": "event_id || '_next'", "occurred_at": f"occurred_at + {shift}",
             "email_sent_at": f"email_sent_at + {shift}"}
    columns = ", ".join(f"{moved.get(c, c)} as {c}" for c in EVENT_COLUMNS)
    copies = csv_dir / "next_day_events.csv"
    with duckdb.connect() as con:
        added = con.execute(f"""
            copy (
                select {columns}
                from (
                    select * replace (
                        cast(occurred_at as timestamp) as occurred_at,
                        cast(email_sent_at as timestamp) as email_sent_at
                    )
                    from read_csv('{events}', header = true, all_varchar = true)
                )
                where hash(event_id) % 100 = 0 and occurred_at < date '{NEXT_DAY}'
            ) to '{copies.as_posix()}' (header false, timestampformat '%Y-%m-%d %H:%M:%S')
        """).fetchone()[0]
    with open(events, "ab") as target, open(copies, "rb") as source:
        shutil.copyfileobj(source, target, 1 << 20)
    copies.unlink()
    return added


def prepare_csv(n_events: int, csv_dir: Path) -> None:
    generate(csv_dir, n_events, seed=42, as_of=AS_OF)
    add_next_day_events(csv_dir)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def timed_statements(execute, statements) -> float:
    return timed(lambda: [execute(statement) for statement in statements])


def copy_stored_tables(con) -> float:
    """Seconds to copy, one by one, every table of the package's schemas."""
    tables = con.execute("select schema_name, table_name from duckdb_tables() "
                         "where schema_name like 'main_lead_scoring%'").fetchall()
    seconds = 0.0
    for schema, table in tables:
        seconds += timed(lambda: con.execute(f'create table bench_copy as select * from "{schema}"."{table}"'))
        con.execute("drop table bench_copy")
    return seconds


class DuckDBEngine:
    name, target = "duckdb", "duckdb"

    def __init__(self, workdir: Path, n_events: int):
        self.database = workdir / f"bench_{n_events}.duckdb"
        self.env = {}

    def load(self, csv_dir: Path) -> None:
        load_duckdb(csv_dir, self.database)

    def copy_raw(self, raw_database: Path) -> None:
        shutil.copyfile(raw_database, self.database)

    def measure(self) -> dict:
        with duckdb.connect(str(self.database)) as con:
            con.execute("set threads = 2; set memory_limit = '3GB'; set preserve_insertion_order = false")
            counts = {name: con.execute(sql).fetchone()[0] for name, sql in COUNTS.items()}
            counts["floor_s"] = timed_statements(con.execute, FLOOR["duckdb"])
            con.execute("drop table floor_ledger; drop table floor_scores")
            counts["stored_copy_s"] = copy_stored_tables(con)
        return counts

    def close(self) -> None:
        self.database.unlink(missing_ok=True)


class PostgresEngine:
    name, target = "postgres", "postgres"

    def __init__(self, workdir: Path, n_events: int):
        from lead_scoring_tools.postgres import LocalCluster
        self.cluster = LocalCluster().start()
        self.env = self.cluster.env()

    def load(self, csv_dir: Path) -> None:
        from lead_scoring_tools.postgres import load_postgres
        with self.cluster.connect() as connection:
            load_postgres(csv_dir, connection)

    def measure(self) -> dict:
        with self.cluster.connect() as connection, connection.cursor() as cur:
            def value(sql):
                cur.execute(sql)
                return cur.fetchone()[0]
            counts = {name: value(sql) for name, sql in COUNTS.items()}
            counts["floor_s"] = timed_statements(cur.execute, FLOOR["postgres"])
            connection.rollback()
        return counts

    def close(self) -> None:
        self.cluster.stop()


class SparkEngine:
    name, target = "spark", "spark"

    def __init__(self, workdir: Path, n_events: int):
        self.spark_dir = workdir / f"spark_{n_events}"
        self.env = {"LEAD_SCORING_SPARK_DIR": str(self.spark_dir)}

    def load(self, csv_dir: Path) -> None:
        from lead_scoring_tools.spark import load_spark_in_child
        load_spark_in_child(csv_dir, self.spark_dir)

    def measure(self) -> dict:
        from lead_scoring_tools.spark import run_sql_in_child
        results = run_sql_in_child([*COUNTS.values(), *FLOOR["spark"]], self.spark_dir)
        counts = {name: value for name, (_, value) in zip(COUNTS, results)}
        counts["floor_s"] = sum(seconds for seconds, _ in results[len(COUNTS):])
        return counts

    def close(self) -> None:
        shutil.rmtree(self.spark_dir, ignore_errors=True)


ENGINES = {engine.name: engine for engine in (DuckDBEngine, PostgresEngine, SparkEngine)}


def bench(engine_name: str, n_events: int, workdir: Path, raw_database: Path | None = None) -> dict:
    engine = ENGINES[engine_name](workdir, n_events)
    try:
        if raw_database:
            load_seconds = timed(lambda: engine.copy_raw(raw_database))
        else:
            csv_dir = workdir / f"csv_{n_events}"
            prepare_csv(n_events, csv_dir)
            load_seconds = timed(lambda: engine.load(csv_dir))
            shutil.rmtree(csv_dir)
        target = workdir / f"target_{engine_name}_{raw_database.stem if raw_database else n_events}"

        def dbt(args, day):
            run_dbt([*args, "--target", engine.target], getattr(engine, "database", workdir / "unused.duckdb"),
                    {"lead_scoring__as_of": day.isoformat()}, target_path=target, quiet=True, env=engine.env)

        build = ["build", "--exclude-resource-type", "unit_test"]
        parse_seconds = timed(lambda: dbt(["parse"], AS_OF))
        build_seconds = timed(lambda: dbt(build, AS_OF))
        # dbt's own timings per node, kept beside the daily run's run_results.json
        shutil.copyfile(target / "run_results.json", target / "run_results_full_build.json")
        measured = engine.measure()
        dbt(["parse"], NEXT_DAY)
        daily_seconds = timed(lambda: dbt(build, NEXT_DAY))
    finally:
        engine.close()
    return {"engine": engine_name, "load_s": load_seconds, "parse_s": parse_seconds,
            "build_s": build_seconds, "daily_s": daily_seconds,
            "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, **measured}


def bench_in_own_process(*args) -> dict:
    """bench() in a fresh process: RUSAGE_CHILDREN then holds this size's dbt runs only."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply(bench, args)


# the ids of each raw table that a tile prefixes, so that tiles never meet
TILED_IDS = {
    "accounts": ("account_id", "crm_id"),
    "contacts": ("contact_id", "account_id", "crm_id"),
    "events": ("event_id", "contact_id", "anonymous_id"),
    "identities": ("anonymous_id", "contact_id"),
    "conversions": ("conversion_id", "contact_id"),
    "demo_archetypes": ("contact_id",),
}


def prepare_raw_duckdb(n_events: int, database: Path, workdir: Path) -> None:
    """Generate n_events (with the next day's events) and load them into database's raw schema."""
    csv_dir = workdir / f"csv_{n_events}"
    prepare_csv(n_events, csv_dir)
    load_duckdb(csv_dir, database)
    shutil.rmtree(csv_dir)


def tile_raw_duckdb(database: Path, tiles: int) -> None:
    """Repeat every raw table of database `tiles` times, ids prefixed by the
    tile's number (tile 0 keeps the generated ids)."""
    with duckdb.connect(str(database)) as con:
        con.execute("set preserve_insertion_order = false; set enable_progress_bar = false")
        for table, ids in TILED_IDS.items():
            prefixed = ", ".join(
                f"case when tile = 0 then {table}.{c} else 't' || tile || '~' || {table}.{c} end as {c}"
                for c in ids)
            con.execute(f"create or replace table raw.{table} as "
                        f"select {table}.* replace ({prefixed}) "
                        f"from raw.{table} cross join range({tiles}) as tiles(tile)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, action="append",
                        help="events to generate (repeatable); default 1,000,000")
    parser.add_argument("--engine", choices=sorted(ENGINES), action="append",
                        help="engines to run (repeatable); default duckdb")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--raw-database", type=Path, action="append",
                        help="a DuckDB file --prepare-raw-database wrote (copied, not generated; repeatable)")
    parser.add_argument("--prepare-raw-database", type=Path, default=None,
                        help="only generate --events and load them into this DuckDB file")
    parser.add_argument("--tile", type=int, default=1,
                        help="with --prepare-raw-database: repeat the generated world this many times")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="lead_scoring_bench_"))
    workdir.mkdir(parents=True, exist_ok=True)
    if args.prepare_raw_database:
        prepare_raw_duckdb(args.events[0], args.prepare_raw_database, workdir)
        if args.tile > 1:
            tile_raw_duckdb(args.prepare_raw_database, args.tile)
        return
    print("| engine | events | contacts | load (s) | dbt parse (s) | dbt build (s) | floor (s) | build / floor "
          "| copy of stored tables (s) | copy / floor | peak RSS dbt (MB) | new events | daily build (s) | daily / full "
          "| lead_scores | contributions | quarantine |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)  # before the forks
    default_events = [] if args.raw_database else [1_000_000]
    runs = [("duckdb", 0, raw) for raw in args.raw_database or []] + [
        (engine_name, n_events, None)
        for engine_name in args.engine or ["duckdb"] for n_events in args.events or default_events]
    for engine_name, n_events, raw_database in runs:
        r = bench_in_own_process(engine_name, n_events, workdir, raw_database)
        copy = r.get("stored_copy_s")  # DuckDB only
        copy_cells = f"{copy:.1f} | {copy / r['floor_s']:.1f}x" if copy else "- | -"
        print(f"| {r['engine']} | {r['events']:,} | {r['contacts']:,} | {r['load_s']:.1f} | {r['parse_s']:.1f} "
              f"| {r['build_s']:.1f} | {r['floor_s']:.2f} | {r['build_s'] / r['floor_s']:.1f}x | {copy_cells} "
              f"| {r['peak_mb']:,.0f} | {r['new_events']:,} | {r['daily_s']:.1f} | {r['daily_s'] / r['build_s']:.0%} "
              f"| {r['lead_scores']:,} | {r['lead_score_contributions']:,} "
              f"| {r['lead_score_quarantine']:,} |", flush=True)


if __name__ == "__main__":
    main()
