"""The demo replayed day by day on DuckDB and on another engine, and the
marts compared row by row (tests/test_postgres.py, tests/test_spark.py): a
full build two days before AS_OF, then the daily incremental runs of the
next two days, which take in the events that became visible."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import duckdb

from conftest import AS_OF, SCORE_DATES

REPLAY_DAYS = [AS_OF - timedelta(days=2), AS_OF - timedelta(days=1), AS_OF]
# the backtest's cut-offs; the replay scores no date after its first day
REPLAY_SCORE_DATES = SCORE_DATES[:-1]
MARTS = {
    # mart: the columns that identify a row (the sort key before comparing)
    "lead_scores": ["contact_id", "model_id"],
    "lead_score_contributions": ["event_id", "model_id", "rule_id"],
    "lead_score_quarantine": ["event_id", "reason", "occurred_at"],
}
# and, on the demo replayed day by day, every other mart the demo fills (its
# contacts and accounts are clean: test_postgres.py's
# test_dirty_inputs_end_as_on_duckdb compares their quarantines)
DEMO_MARTS = {
    **MARTS,
    "lead_score_accounts": ["account_id", "model_id"],
    "lead_score_crm_sync": ["sync_id"],
    "lead_score_history": ["score_date", "contact_id", "model_id"],
    "lead_score_mql_transitions": ["transition_date", "contact_id", "model_id", "transition"],
    "lead_scores_point_in_time": ["score_date", "contact_id", "model_id"],
    "lead_score_backtest": ["cutoff_date", "model_id"],
    "lead_score_backtest_deciles": ["cutoff_date", "model_id", "score_decile"],
    "lead_score_backtest_grades": ["cutoff_date", "model_id", "grade", "score_band_from"],
    "lead_score_backtest_rules": ["cutoff_date", "model_id", "rule_kind", "rule_id"],
    "lead_score_backtest_thresholds": ["cutoff_date", "model_id", "threshold"],
}
# when each engine's run wrote a row: not data
RUN_TIME_COLUMNS = {"score_updated_at"}


def day_vars(day: date) -> dict:
    """The vars of the replay's run on that day."""
    return {"lead_scoring__as_of": day.isoformat(), "lead_scoring__exhaustive_tests": True,
            "lead_scoring__score_dates": [score_date.isoformat() for score_date in REPLAY_SCORE_DATES]}


def normalized(value):
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, Decimal):
        return value.normalize() if value else Decimal(0)
    return value


def compare_marts(duckdb_file: Path, read_rows: Callable[[str, list[str]], list[tuple]], mart: str,
                  key: list[str], engine: str) -> None:
    """The mart's rows equal on DuckDB and on the engine, whose rows
    read_rows(mart, columns) returns: floats to 1e-9, everything else exactly."""
    with duckdb.connect(str(duckdb_file), read_only=True) as con:
        columns = [name for name, *_ in con.execute(f"describe main_lead_scoring.{mart}").fetchall()
                   if name not in RUN_TIME_COLUMNS]
        expected = con.execute(f"select {', '.join(columns)} from main_lead_scoring.{mart}").fetchall()
    actual = read_rows(mart, columns)
    assert expected, f"{mart} is empty on DuckDB: nothing compared"
    assert len(actual) == len(expected), f"{mart}: {len(actual)} rows on {engine}, {len(expected)} on DuckDB"
    expected = mart_rows(expected, columns, key)
    actual = mart_rows(actual, columns, key)
    differences = [
        (columns[i], left, right, dict(zip(columns, expected_row)))
        for expected_row, actual_row in zip(expected, actual)
        for i, (left, right) in enumerate(zip(expected_row, actual_row))
        if not same_value(left, right)
    ]
    assert not differences, (f"{mart}: {len(differences)} values differ (column, DuckDB, {engine}, "
                             f"DuckDB row); the first: {differences[:5]}")


def mart_rows(rows: list[tuple], columns: list[str], key: list[str]) -> list[tuple]:
    """Rows sorted by their key (nulls first), then by every other value."""
    positions = [columns.index(name) for name in key]
    rows = [tuple(normalized(value) for value in row) for row in rows]

    def sort_key(row):
        return ([(row[i] is not None, str(row[i])) for i in positions]
                + [(value is not None, str(value)) for value in row])
    return sorted(rows, key=sort_key)


def same_value(left, right) -> bool:
    if isinstance(left, float) and isinstance(right, float):
        return math.isclose(left, right, rel_tol=1e-9, abs_tol=1e-9)
    return left == right
