"""The demo on Spark (dbt-spark, session mode, local pyspark): every model,
seed, unit test and data test passes, and lead_scores equals, row by row, a
DuckDB build of the same input (PRODUCT.md §5: the same marts to the cent).

Needs Java (pyspark starts a JVM): when Spark cannot start, the load fails
and so does the test. A few minutes: one small demo, one Spark build.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb

from conftest import AS_OF
from lead_scoring_tools.dbt import run_dbt
from lead_scoring_tools.generate import generate
from lead_scoring_tools.load import load_duckdb
from lead_scoring_tools.spark import load_spark_in_child

SPARK_EVENTS = 5_000
DBT_VARS = {"lead_scoring__as_of": AS_OF.isoformat()}


def spark_table_files(spark_dir: Path, schema: str, table: str) -> str:
    """The parquet files of a Spark table (a managed table of the profile's
    warehouse directory), for DuckDB to read once the Spark session is over."""
    return (spark_dir / "warehouse" / f"{schema}.db" / table / "*.parquet").as_posix()


def test_demo_builds_on_spark_like_duckdb(tmp_path):
    csv_dir = tmp_path / "csv"
    generate(csv_dir, SPARK_EVENTS, seed=11, as_of=date(2026, 6, 30))

    spark_dir = tmp_path / "spark"
    load_spark_in_child(csv_dir, spark_dir)
    output = run_dbt(["build", "--target", "spark"], tmp_path / "unused.duckdb", DBT_VARS,
                     target_path=tmp_path / "spark_target", quiet=True,
                     env={"LEAD_SCORING_SPARK_DIR": str(spark_dir)})
    # run_dbt raises when a node fails; a build that ran nothing would not
    done = re.search(r"Done\. PASS=(\d+) WARN=\d+ ERROR=(\d+) SKIP=(\d+)", output)
    assert done, output[-2000:]
    passed, errors, skipped = map(int, done.groups())
    assert (errors, skipped) == (0, 0)
    assert passed > 300  # seeds, models, unit and data tests

    database = tmp_path / "duckdb.duckdb"
    load_duckdb(csv_dir, database)
    for args in (["seed"], ["run", "--select", "+lead_scores"]):
        run_dbt(args, database, DBT_VARS, target_path=tmp_path / "duckdb_target", quiet=True)

    with duckdb.connect(str(database), read_only=True) as con:
        columns = [row[0] for row in con.execute("describe main_lead_scoring.lead_scores").fetchall()]
        spark_sql = f"select {', '.join(columns)} from read_parquet('{spark_table_files(spark_dir, 'main_lead_scoring', 'lead_scores')}')"
        duckdb_sql = f"select {', '.join(columns)} from main_lead_scoring.lead_scores"
        order = " order by contact_id, model_id"
        spark_rows = con.execute(spark_sql + order).fetchall()
        duckdb_rows = con.execute(duckdb_sql + order).fetchall()

    assert len(duckdb_rows) > 100
    assert any(row[columns.index("behavior_score")] > 0 for row in duckdb_rows)
    differences = [(d, s) for d, s in zip(duckdb_rows, spark_rows) if d != s]
    assert len(spark_rows) == len(duckdb_rows)
    assert differences == [], differences[:3]
