"""Shared fixtures: build the dbt project into throwaway DuckDB files."""

from __future__ import annotations

import csv
import sys
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lead_scoring_tools.dbt import run_dbt  # noqa: E402
from lead_scoring_tools.generate import generate  # noqa: E402
from lead_scoring_tools.load import load_duckdb  # noqa: E402

AS_OF = date(2026, 6, 30)
DEMO_EVENTS = 30_000
# past dates that the reference comparisons also score (lead_scores_point_in_time);
# the first two, whose 60-day horizon has ended, are the backtest's cut-offs
SCORE_DATES = [AS_OF - timedelta(days=days) for days in (150, 90, 31, 1)]


# `make test` gives each of two workers a file at a time, in collection
# order: the longest files start first, so that none is left to run alone
# at the end.
LONGEST_FILES_FIRST = ("test_spark.py", "test_incremental.py", "test_postgres.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def place(item: pytest.Item) -> int:
        name = item.path.name
        return LONGEST_FILES_FIRST.index(name) if name in LONGEST_FILES_FIRST else len(LONGEST_FILES_FIRST)

    items.sort(key=place)  # stable: the order within a file is kept


def build(csv_dir: Path, database: Path, as_of: date = AS_OF, args: list[str] | None = None,
          score_dates: list[date] | None = None) -> Path:
    """Load the CSV files of csv_dir as the raw schema and `dbt build` on them."""
    load_duckdb(csv_dir, database)
    run_dbt(args or ["build"], database,
            {"lead_scoring__as_of": as_of.isoformat(), "lead_scoring__exhaustive_tests": True,
             "lead_scoring__score_dates": [day.isoformat() for day in score_dates or []]},
            target_path=database.parent / "target", quiet=True)
    return database


def query(database: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql).fetchall()


def read_csv(path: Path) -> list[dict]:
    """A CSV file as dicts, empty cells as None (as the loader reads them)."""
    with open(path, newline="", encoding="utf-8") as f:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(f)]


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> dict:
    """The demo data set, generated and built once (unit and data tests included)."""
    folder = tmp_path_factory.mktemp("demo")
    csv_dir = folder / "csv"
    generate(csv_dir, DEMO_EVENTS, seed=7, as_of=AS_OF)
    database = build(csv_dir, folder / "demo.duckdb", score_dates=SCORE_DATES)
    return {"csv_dir": csv_dir, "database": database, "folder": folder}
