"""The demo on Spark (dbt-spark, session mode, local pyspark), replayed day
by day as tests/test_postgres.py does (tests/replay.py): a full build two
days before AS_OF, where every model, seed, unit test and data test passes,
then two daily incremental runs; after the last, the marts equal DuckDB's
replay of the same input row by row (PRODUCT.md §5: the same marts to the
cent).

Needs Java (pyspark starts a JVM): when Spark cannot start, the load fails
and so does the test. Several minutes: one small demo, one Spark build, two
daily runs (each dbt invocation starts its own Spark session).
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from conftest import AS_OF, build
from replay import DEMO_MARTS, REPLAY_DAYS, REPLAY_SCORE_DATES, compare_marts, day_vars
from lead_scoring_tools.dbt import run_dbt
from lead_scoring_tools.generate import generate
from lead_scoring_tools.spark import load_spark_in_child, run_sql_in_child

SPARK_EVENTS = 5_000
SCHEMA = "main_lead_scoring"
# the daily runs build the models only: the full build ran every test
DAILY_ARGS = ["run"]
# marts that are views: copied to parquet tables after the last run
VIEWS = {"lead_score_contributions"}


def spark_table_files(spark_dir: Path, schema: str, table: str) -> str:
    """The parquet files of a Spark table (a managed table of the profile's
    warehouse directory), for DuckDB to read once the Spark session is over."""
    return (spark_dir / "warehouse" / f"{schema}.db" / table / "*.parquet").as_posix()


def copy_views_in_child(spark_dir: Path, schema: str, views: set[str]) -> None:
    """Copy each view into a parquet table `<view>__copy`, in a Spark session
    of a child process (which releases the metastore when it ends)."""
    run_sql_in_child([statement for view in sorted(views) for statement in (
        f"drop table if exists {schema}.{view}__copy",
        f"create table {schema}.{view}__copy using parquet as select * from {schema}.{view}",
    )], spark_dir)


def dbt_on_spark(args: list[str], spark_dir: Path, dbt_vars: dict, target_path: Path) -> str:
    return run_dbt([*args, "--target", "spark"], spark_dir / "unused.duckdb", dbt_vars,
                   target_path=target_path, quiet=True, env={"LEAD_SCORING_SPARK_DIR": str(spark_dir)})


@pytest.fixture(scope="module")
def spark_replay(tmp_path_factory) -> dict:
    """One demo input replayed on DuckDB and on Spark: a full build on the
    first day of REPLAY_DAYS, then a daily run on each of the next."""
    folder = tmp_path_factory.mktemp("spark")
    csv_dir = folder / "csv"
    generate(csv_dir, SPARK_EVENTS, seed=11, as_of=AS_OF)
    first_day, *next_days = REPLAY_DAYS
    # seeds and models only: the DuckDB suite runs the tests
    duckdb_file = build(csv_dir, folder / "demo.duckdb", as_of=first_day, score_dates=REPLAY_SCORE_DATES,
                        args=["build", "--resource-type", "seed", "--resource-type", "model"])
    for day in next_days:
        run_dbt(DAILY_ARGS, duckdb_file, day_vars(day), target_path=folder / "target", quiet=True)

    spark_dir = folder / "spark"
    load_spark_in_child(csv_dir, spark_dir)
    target_path = folder / "target_spark"
    output = dbt_on_spark(["build"], spark_dir, day_vars(first_day), target_path)
    daily_outputs = [dbt_on_spark(DAILY_ARGS, spark_dir, day_vars(day), target_path) for day in next_days]
    copy_views_in_child(spark_dir, SCHEMA, VIEWS)
    return {"duckdb": duckdb_file, "spark_dir": spark_dir, "output": output, "daily_outputs": daily_outputs}


def spark_rows(spark_dir: Path):
    """read_rows for compare_marts: a mart's columns from its parquet files."""
    def read_rows(mart: str, columns: list[str]) -> list[tuple]:
        table = f"{mart}__copy" if mart in VIEWS else mart
        with duckdb.connect() as con:
            return con.execute(f"select {', '.join(columns)} "
                               f"from read_parquet('{spark_table_files(spark_dir, SCHEMA, table)}')").fetchall()
    return read_rows


def test_demo_builds_and_runs_daily_on_spark(spark_replay):
    """The full build passes every node; each daily run runs the incremental
    models on top of the tables the day before left, without an error."""
    # run_dbt raises when a node fails; a build that ran nothing would not
    done = re.search(r"Done\. PASS=(\d+) WARN=\d+ ERROR=(\d+) SKIP=(\d+)", spark_replay["output"])
    assert done, spark_replay["output"][-2000:]
    passed, errors, skipped = map(int, done.groups())
    assert (errors, skipped) == (0, 0)
    assert passed > 300  # seeds, models, unit and data tests
    for daily in spark_replay["daily_outputs"]:
        assert "Completed successfully" in daily and re.search(r"ERROR=0 SKIP=0", daily), daily[-2000:]
        assert re.search(r"\d+ incremental models?", daily), daily[-2000:]


@pytest.mark.parametrize("mart", sorted(DEMO_MARTS))
def test_marts_equal_duckdb_row_by_row(spark_replay, mart):
    """After the last daily run, the same rows on both engines: ids, reasons,
    text, flags and dates equal, scores to the cent, double-precision points
    to 1e-9."""
    compare_marts(spark_replay["duckdb"], spark_rows(spark_replay["spark_dir"]), mart, DEMO_MARTS[mart],
                  "Spark")
