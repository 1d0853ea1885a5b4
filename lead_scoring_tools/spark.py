"""Load the demo CSV files into the raw database of the local Spark target.

    python -m lead_scoring_tools.spark --csv-dir target/demo [--spark-dir target/spark]
    python -m lead_scoring_tools.spark --sql "select count(*) from raw.events"

The session is configured from the `spark` target of profiles/profiles.yml
(the same Derby metastore and warehouse directory as dbt, the same UTC time
zone), so the tables written here are the ones dbt reads. Derby admits one
process at a time: run this before dbt, not beside it. Columns get the types
of load.CONTRACT_TYPES; extra columns are loaded as text. Tables are parquet.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import jinja2
import yaml

from lead_scoring_tools.load import csv_inputs

PROJECT_DIR = Path(__file__).resolve().parent.parent
SPARK_TYPES = {"VARCHAR": "string", "TIMESTAMP": "timestamp", "INTEGER": "int",
               "DECIMAL(18,2)": "decimal(18,2)"}


def session_parameters(spark_dir: str | Path | None = None) -> dict[str, str]:
    """The `server_side_parameters` of the spark target, rendered as dbt would
    (env_var), with LEAD_SCORING_SPARK_DIR = spark_dir when given."""
    env = dict(os.environ)
    if spark_dir is not None:
        env["LEAD_SCORING_SPARK_DIR"] = str(spark_dir)

    def env_var(name, default=None):
        if name in env:
            return env[name]
        if default is None:
            raise KeyError(f"environment variable {name} is not set")
        return default

    text = (PROJECT_DIR / "profiles" / "profiles.yml").read_text(encoding="utf-8")
    environment = jinja2.Environment()
    environment.filters["as_number"] = lambda value: value   # dbt's filter, used by other targets
    rendered = environment.from_string(text).render(env_var=env_var)
    target = yaml.safe_load(rendered)["lead_scoring"]["outputs"]["spark"]
    return {k: str(v) for k, v in target["server_side_parameters"].items()}


def spark_session(spark_dir: str | Path | None = None, app_name: str = "lead_scoring"):
    """A session configured as the profile's spark target (same metastore and warehouse)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.enableHiveSupport().appName(app_name)
    for key, value in session_parameters(spark_dir).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def load_spark(csv_dir: str | Path, spark_dir: str | Path | None = None,
               schema: str = "raw") -> dict[str, int]:
    """(Re)create one parquet table per CSV file in database `schema`; return row counts.
    Runs in this process: the JVM keeps the Derby metastore until the process
    ends, so call it from a process of its own (see load_spark_in_child)."""
    spark = spark_session(spark_dir, "lead_scoring_load")
    csv_dir = Path(csv_dir)
    counts = {}
    try:
        spark.sql(f"create database if not exists {schema}")
        for table, path, types in csv_inputs(csv_dir):
            header = list(types)
            # every column read as text, then cast: the CSV reader never guesses
            text = spark.read.csv(
                str(path.resolve()), header=True, quote='"', escape='"', multiLine=True,
                schema=", ".join(f"`{name}` string" for name in header),
            )
            typed = text.selectExpr(*(
                f"cast(`{name}` as {SPARK_TYPES[types[name]]}) as `{name}`"
                for name in header
            ))
            spark.sql(f"drop table if exists {schema}.{table}")
            typed.write.format("parquet").mode("overwrite").saveAsTable(f"{schema}.{table}")
            counts[table] = spark.table(f"{schema}.{table}").count()
    finally:
        spark.stop()
    return counts


def load_spark_in_child(csv_dir: str | Path, spark_dir: str | Path | None = None,
                        schema: str = "raw") -> str:
    """load_spark in a child process, which releases the metastore when it ends
    (dbt opens it next); returns its output, raises RuntimeError on failure."""
    cli = [sys.executable, "-m", "lead_scoring_tools.spark", "--csv-dir", str(csv_dir),
           "--schema", schema]
    if spark_dir is not None:
        cli += ["--spark-dir", str(spark_dir)]
    completed = subprocess.run(cli, cwd=PROJECT_DIR, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if completed.returncode != 0:
        raise RuntimeError(f"loading {csv_dir} into Spark failed:\n{completed.stdout}")
    return completed.stdout


def run_sql(statements: list[str], spark_dir: str | Path | None = None) -> list[tuple[float, object]]:
    """Run each statement; return (seconds, first value of its first row or None) for each."""
    spark = spark_session(spark_dir, "lead_scoring_sql")
    results = []
    try:
        for statement in statements:
            start = time.perf_counter()
            rows = spark.sql(statement).collect()
            results.append((time.perf_counter() - start, rows[0][0] if rows else None))
    finally:
        spark.stop()
    return results


def run_sql_in_child(statements: list[str], spark_dir: str | Path | None = None) -> list[tuple[float, object]]:
    """run_sql in a child process (which releases the metastore when it ends)."""
    cli = [sys.executable, "-m", "lead_scoring_tools.spark", "--json"]
    for statement in statements:
        cli += ["--sql", statement]
    if spark_dir is not None:
        cli += ["--spark-dir", str(spark_dir)]
    completed = subprocess.run(cli, cwd=PROJECT_DIR, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if completed.returncode != 0:
        raise RuntimeError(f"Spark SQL failed:\n{completed.stderr[-4000:]}")
    return [tuple(result) for result in json.loads(completed.stdout.strip().splitlines()[-1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv-dir")
    parser.add_argument("--sql", action="append", help="run these statements instead of loading")
    parser.add_argument("--json", action="store_true", help="print --sql results as one JSON line")
    parser.add_argument("--spark-dir", default=None,
                        help="metastore and warehouse directory (default: $LEAD_SCORING_SPARK_DIR "
                             "or target/spark)")
    parser.add_argument("--schema", default="raw")
    args = parser.parse_args()
    if args.sql:
        results = run_sql(args.sql, args.spark_dir)
        print(json.dumps(results, default=str) if args.json else results)
        return
    if not args.csv_dir:
        parser.error("--csv-dir or --sql is required")
    for table, count in load_spark(args.csv_dir, args.spark_dir, args.schema).items():
        print(f"loaded {args.schema}.{table}: {count:,} rows")


if __name__ == "__main__":
    main()
