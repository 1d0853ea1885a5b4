"""Daily incremental runs give the marts of a full refresh over the same events.

Thirty days of generated events arrive in daily batches, as a warehouse
receives them: most on the day they occur, some up to the lookback late,
some twice (a copy a few days after the original), rows without a valid
time on any day. Contacts and identities are loaded whole at the start:
the scoring date alone decides which exist, so anonymous visits are
stitched days after they were first seen. Midway, the behaviour rules
change (a weight, and a time-on-page gate, which changes the rule events
match). After every batch an incremental `dbt run`; on some days a full
refresh of a copy of the same database, compared with it row by row.
"""

from __future__ import annotations

import csv
import random
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

from conftest import AS_OF, ROOT, read_csv
from lead_scoring_tools.dbt import run_dbt
from lead_scoring_tools.generate import generate
from lead_scoring_tools.load import load_duckdb

DAYS = 30
LOOKBACK = 3
FIRST_DAY = AS_OF - timedelta(days=DAYS - 1)
CONFIG_CHANGE_DAY = FIRST_DAY + timedelta(days=15)
COMPARED_DAYS = {FIRST_DAY + timedelta(days=9), CONFIG_CHANGE_DAY, AS_OF}
EXIT_MARGIN = 10   # var lead_scoring__mql_exit_margin
MARTS = ("lead_scores", "lead_score_contributions", "lead_score_quarantine",
         "lead_score_contact_quarantine", "lead_score_account_quarantine", "lead_score_accounts")


def arrival_days(events: list[dict], rng: random.Random) -> list[tuple[date, dict]]:
    """(day the row reaches the warehouse, row), late rows and later copies included."""
    arrivals = []
    for row in events:
        try:
            occurred = datetime.fromisoformat(row["occurred_at"]).date()
        except (TypeError, ValueError):
            occurred = None
        if occurred is None or occurred > AS_OF:   # no valid time, or not yet visible
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        else:   # on its day, or up to the lookback later; the history before in the first load
            late = rng.randint(1, LOOKBACK) if rng.random() < 0.05 else 0
            day = max(occurred + timedelta(days=late), FIRST_DAY)
        arrivals.append((day, row))
        if occurred is not None and FIRST_DAY <= occurred <= AS_OF and rng.random() < 0.02:
            arrivals.append((occurred + timedelta(days=rng.randint(1, LOOKBACK)), dict(row)))
    return arrivals


def insert_events(database: Path, rows: list[dict], columns: list[str]) -> None:
    with duckdb.connect(str(database)) as con:
        con.executemany(
            f"insert into raw.events ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
            [[row[column] for column in columns] for row in rows])


def run(database: Path, day: date, *args: str) -> None:
    run_dbt(list(args) or ["run"], database,
            {"lead_scoring__as_of": day.isoformat(), "lead_scoring__lookback_days": LOOKBACK,
             "lead_scoring__mql_exit_margin": EXIT_MARGIN,
             "lead_scoring__behavior_rules": "raw.behavior_rules"},
            target_path=database.parent / "target", quiet=True)


def differences(incremental: Path, full: Path) -> dict[str, int]:
    with duckdb.connect(str(incremental)) as con:
        con.execute(f"attach '{full}' as full_refresh (read_only)")
        counts = {}
        for mart in MARTS:
            a = f"main_lead_scoring.{mart}"
            b = f"full_refresh.main_lead_scoring.{mart}"
            counts[mart] = con.execute(f"""
                select (select count(*) from (select * from {a} except all select * from {b}))
                     + (select count(*) from (select * from {b} except all select * from {a}))""").fetchone()[0]
        return counts


def test_daily_incremental_runs_equal_full_refresh(tmp_path):
    csv_dir = tmp_path / "csv"
    generate(csv_dir, 30_000, seed=23, as_of=AS_OF)
    database = tmp_path / "replay.duckdb"
    load_duckdb(csv_dir, database)
    events = read_csv(csv_dir / "events.csv")
    columns = list(events[0])
    by_day: dict[date, list[dict]] = {}
    for day, row in arrival_days(events, random.Random(5)):
        by_day.setdefault(min(day, AS_OF), []).append(row)
    late_copies = sum(len(rows) for rows in by_day.values()) - len(events)
    assert late_copies > 50

    with duckdb.connect(str(database)) as con:
        con.execute("delete from raw.events")
        rules = ROOT / "seeds" / "lead_scoring_behavior_rules.csv"
        con.execute(f"create table raw.behavior_rules as select * from read_csv('{rules}', all_varchar = true)")

    day = FIRST_DAY
    insert_events(database, [row for d, rows in by_day.items() if d <= day for row in rows], columns)
    run(database, day, "seed")
    run(database, day)
    while day < AS_OF:
        day += timedelta(days=1)
        insert_events(database, by_day.get(day, []), columns)
        if day == CONFIG_CHANGE_DAY:
            with duckdb.connect(str(database)) as con:
                con.execute("update raw.behavior_rules set points = '12' where rule_id = 'b03_pricing'")
                con.execute("""update raw.behavior_rules set min_duration_seconds = '45'
                               where rule_id = 'b02_pricing_long'""")
        run(database, day)
        if day in COMPARED_DAYS:
            full = tmp_path / f"full-{day}.duckdb"
            shutil.copy(database, full)
            run(full, day, "run", "--full-refresh")
            assert differences(database, full) == dict.fromkeys(MARTS, 0), day

    with duckdb.connect(str(database)) as con:
        rows, keys, runs = con.execute("""
            select count(*), count(distinct row_key), count(distinct loaded_at)
            from main_lead_scoring_internal.int_lead_scoring__events_checked""").fetchone()
        raw_rows = con.execute("select count(*) from raw.events").fetchone()[0]
    assert rows == keys == raw_rows
    assert runs > 1   # the last runs did not rewrite every event
    assert_transitions_replay_history(database)


def assert_transitions_replay_history(database: Path) -> None:
    """The MQL transitions are what the daily history gives with hysteresis
    (docs/scoring.md §12), replayed here day by day."""
    thresholds = {row["model_id"]: float(row["mql_threshold"])
                  for row in read_csv(ROOT / "seeds" / "lead_scoring_models.csv")}
    with duckdb.connect(str(database), read_only=True) as con:
        history = con.execute("""
            select score_date, contact_id, model_id, behavior_score, routing
            from main_lead_scoring.lead_score_history""").fetchall()
        transitions = set(con.execute("""
            select transition_date, contact_id, model_id, transition, routing_before, routing_after
            from main_lead_scoring.lead_score_mql_transitions""").fetchall())
    days = sorted({row[0] for row in history})
    assert days == [FIRST_DAY + timedelta(days=i) for i in range(DAYS)]
    by_day = {day: {} for day in days}
    for day, contact, model, score, routing in history:
        by_day[day][(contact, model)] = (float(score), routing)
    expected, ready, previous = set(), set(), {}
    for day in days:
        for lead in ready | set(by_day[day]):
            score, routing = by_day[day].get(lead, (0.0, None))   # absent: at most the floor
            if routing in ("mql", "sales_now"):
                now_ready = True
            elif lead not in ready or routing in ("review", "disqualified", None):
                now_ready = False
            else:
                now_ready = score >= thresholds[lead[1]] - EXIT_MARGIN
            if now_ready != (lead in ready):
                expected.add((day, *lead, "entered" if now_ready else "left",
                              previous.get(lead), routing))
                (ready.add if now_ready else ready.discard)(lead)
        previous = {lead: routing for lead, (_, routing) in by_day[day].items()}
    assert transitions == expected
    assert any(row[3] == "left" for row in transitions)
