"""Fill lead_score_history and lead_score_mql_transitions for past dates.

    python -m lead_scoring_tools.backfill --from 2026-05-01 --to 2026-06-30 [--duckdb path]

Runs the models they depend on once per day, in order, with that day as the
scoring date (docs/scoring.md §12): each day sees only the events and
contacts that existed by then. The CRM sync is left out, so that it does
not record past scores as changes. Run the usual daily job afterwards: it
reads the events again from the lookback before the backfill's last day.
"""

from __future__ import annotations

import argparse
import os
from datetime import date, timedelta

from lead_scoring_tools.dbt import run_dbt


def backfill(first: date, last: date, duckdb_path: str, dbt_vars: dict | None = None) -> None:
    day = first
    while day <= last:
        print(f"scoring {day}", flush=True)
        run_dbt(["run", "--select", "+lead_score_mql_transitions"], duckdb_path,
                {**(dbt_vars or {}), "lead_scoring__as_of": day.isoformat()}, quiet=True)
        day += timedelta(days=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", required=True, type=date.fromisoformat)
    parser.add_argument("--to", dest="last", required=True, type=date.fromisoformat)
    parser.add_argument(
        "--duckdb",
        default=os.environ.get("LEAD_SCORING_DUCKDB_PATH", "target/lead_scoring.duckdb"),
    )
    args = parser.parse_args()
    backfill(args.first, args.last, args.duckdb)


if __name__ == "__main__":
    main()
