"""Generate demo data, build the project on DuckDB, print who sales should call.

Per product: the ten hottest leads, the leads routed to sales now with their
reasons, and how many leads each routing value holds; then how well the
score predicted conversion on past cut-offs (every 30 days from 180 to 60
days before the scoring date, horizon 60 days), also written as the HTML
backtest report.

    python -m lead_scoring_tools.demo [--events 200000] [--as-of YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb

from lead_scoring_tools.dbt import PROJECT_DIR, run_dbt
from lead_scoring_tools.generate import generate
from lead_scoring_tools.load import load_duckdb
from lead_scoring_tools.report import write_report

HOTTEST_LEADS = """
    select model_id, behavior_score, contact_id, email, top_reasons
    from (
        select
            *,
            row_number() over (
                partition by model_id
                order by behavior_score desc, contribution_points desc, contact_id
            ) as hotness_rank
        from main_lead_scoring.lead_scores
    )
    where hotness_rank <= 10
    order by model_id, hotness_rank
"""

SALES_NOW = """
    select model_id, behavior_score, grade, contact_id, email, top_reasons
    from main_lead_scoring.lead_scores
    where routing = 'sales_now'
    order by model_id, behavior_score desc, fit_score desc, contact_id
"""

ROUTING_COUNTS = """
    select model_id, routing, count(*) as leads
    from main_lead_scoring.lead_scores
    group by model_id, routing
    order by model_id, leads desc, routing
"""

QUARANTINE_REASONS = """
    select reason, count(*) as events
    from main_lead_scoring.lead_score_quarantine
    group by reason
    order by events desc, reason
"""


BACKTEST = """
    select model_id, cutoff_date, leads, conversions, auc, top_decile_lift, new_mqls_week, capacity_threshold
    from main_lead_scoring.lead_score_backtest
    order by model_id, cutoff_date
"""


def print_backtest(database: str | Path) -> None:
    print("\nBacktest: scored as of each cut-off, converted within the next 60 days")
    print(f"  {'model':<12} {'cut-off':<11} {'leads':>7} {'conv.':>6} {'AUC':>6} {'top-decile lift':>16} "
          f"{'new MQLs/week':>14} {'threshold for 25/week':>22}")
    with duckdb.connect(str(database), read_only=True) as con:
        for model_id, cutoff, leads, conversions, auc, lift, mqls, capacity in con.execute(BACKTEST).fetchall():
            print(f"  {model_id:<12} {cutoff!s:<11} {leads:>7,} {conversions:>6,} {auc or 0:>6.3f} "
                  f"{lift or 0:>16.2f} {mqls:>14,} {capacity if capacity is not None else '-':>22}")


def print_report(database: str | Path) -> None:
    with duckdb.connect(str(database), read_only=True) as con:
        current_model = None
        for model_id, score, contact_id, email, reasons in con.execute(HOTTEST_LEADS).fetchall():
            if model_id != current_model:
                current_model = model_id
                print(f"\nTen hottest leads for {model_id}:")
            print(f"  {score:>6}  {contact_id:<10} {email or '':<36} {reasons or ''}")
        sales_now = con.execute(SALES_NOW).fetchall()
        for model_id in sorted({row[0] for row in sales_now}):
            leads = [row for row in sales_now if row[0] == model_id]
            print(f"\nRouted to sales now for {model_id} ({len(leads):,}; the first 15):")
            for _, score, grade, contact_id, email, reasons in leads[:15]:
                print(f"  {score:>6} {grade}  {contact_id:<10} {email or '':<36} {reasons or ''}")
        print("\nLeads per routing value:")
        for model_id, routing, leads in con.execute(ROUTING_COUNTS).fetchall():
            print(f"  {model_id:<12} {routing:<13} {leads:>8,}")
        raw, quarantined = con.execute(
            "select (select count(*) from raw.events), (select count(*) from main_lead_scoring.lead_score_quarantine)"
        ).fetchone()
        print(f"\nQuarantine: {quarantined:,} of {raw:,} raw events")
        for reason, events in con.execute(QUARANTINE_REASONS).fetchall():
            print(f"  {events:>8,}  {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--as-of", type=date.fromisoformat,
                        default=datetime.now(timezone.utc).date())
    args = parser.parse_args()

    database = Path(os.environ.get("LEAD_SCORING_DUCKDB_PATH",
                                   PROJECT_DIR / "target" / "lead_scoring.duckdb"))
    csv_dir = PROJECT_DIR / "target" / "demo_csv"
    database.parent.mkdir(parents=True, exist_ok=True)
    print(f"Generating {args.events:,} demo events as of {args.as_of} into {csv_dir}")
    generate(csv_dir, args.events, seed=args.seed, as_of=args.as_of)
    for table, count in load_duckdb(csv_dir, database).items():
        print(f"  loaded raw.{table}: {count:,} rows")
    print(f"Running dbt build on {database}")
    score_dates = {"from": (args.as_of - timedelta(days=180)).isoformat(),
                   "to": (args.as_of - timedelta(days=60)).isoformat(), "every_days": 30}
    run_dbt(["build"], database, {"lead_scoring__as_of": args.as_of.isoformat(),
                                  "lead_scoring__score_dates": score_dates})
    print_report(database)
    print_backtest(database)
    report = write_report(database, PROJECT_DIR / "target" / "lead_score_backtest_report.html")
    print(f"\nBacktest report: {report}")


if __name__ == "__main__":
    main()
