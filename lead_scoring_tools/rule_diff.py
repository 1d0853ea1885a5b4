"""Rule-change diff: which leads change routing, grade or MQL flag with new rules.

    python -m lead_scoring_tools.rule_diff [--base REF_OR_DIR] [--head DIR]
        [--database PATH] [--as-of YYYY-MM-DD] [--limit N] [--csv FILE] [--work-dir DIR]

Builds lead_scores (and what it reads) twice on the same raw data and the
same scoring date: once with the base configuration (a git ref, default
`main`: the seeds as committed there; or a folder of configuration CSV
files) and once with the head configuration (a folder, default the working
copy's seeds/). A configuration file absent from a folder (or from the ref)
is the package's seed. Then it lists the leads whose routing, grade or MQL
flag differs: a count per kind of change and model, and the leads, largest
behaviour-score change first (--csv: all of them, with the fit scores).
The scoring date defaults to that of the database's lead_scores.

The database (default $LEAD_SCORING_DUCKDB_PATH, else
target/lead_scoring.duckdb, which `make demo` fills) is not modified: it
is copied twice into a scratch folder, each configuration is loaded there
as tables of schema rule_diff_config, and the package's config vars
(lead_scoring__models, lead_scoring__behavior_rules, ...) point at them.
Each build runs the package's configuration checks first, so a bad
configuration fails with the package's own message naming the seed row.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb

from lead_scoring_tools.dbt import PROJECT_DIR, run_dbt

# The configuration seeds, each read through the var of the same name
# (lead_scoring_<name>.csv -> var lead_scoring__<name>, dbt_project.yml).
CONFIG_SEEDS = [
    "lead_scoring_models",
    "lead_scoring_behavior_rules",
    "lead_scoring_inactivity_steps",
    "lead_scoring_page_categories",
    "lead_scoring_event_types",
    "lead_scoring_reference_lists",
    "lead_scoring_fit_rules",
    "lead_scoring_grade_bands",
    "lead_scoring_sequence_rules",
]
CONFIG_SCHEMA = "rule_diff_config"
MARTS_SCHEMA = "main_lead_scoring"

# lead_scores and its upstream models, and the checks of the configuration
# (the tests of the config staging models: they name the bad row); no unit
# tests, none of the other data tests (the diff needs the scores, not a
# second audit of the raw data). A full refresh, so that both builds start
# from the raw data alone, whatever earlier builds left in the database.
# (No --fail-fast: dbt-duckdb then ends with a traceback instead of the
# failing test's message.)
DBT_BUILD = ["build", "--full-refresh", "--no-use-colors",
             "--select", "+lead_scores", "resource_type:test,path:models/staging/config",
             "--exclude", "test_type:unit", "--indirect-selection", "empty"]

DIFF_SQL = f"""
with

base as (

    select * from base_build.{MARTS_SCHEMA}.lead_scores

),

head as (

    select * from head_build.{MARTS_SCHEMA}.lead_scores

),

compared as (

    select
        coalesce(head.contact_id, base.contact_id) as contact_id,
        coalesce(head.email, base.email) as email,
        coalesce(head.model_id, base.model_id) as model_id,
        base.behavior_score as score_before,
        head.behavior_score as score_after,
        base.fit_score as fit_score_before,
        head.fit_score as fit_score_after,
        base.grade as grade_before,
        head.grade as grade_after,
        base.routing as routing_before,
        head.routing as routing_after,
        base.is_mql as is_mql_before,
        head.is_mql as is_mql_after

    from base
    full outer join head
        on
            base.contact_id = head.contact_id
            and base.model_id = head.model_id

)

select * from compared
where
    routing_before is distinct from routing_after
    or grade_before is distinct from grade_after
    or is_mql_before is distinct from is_mql_after
order by
    abs(coalesce(score_after, 0) - coalesce(score_before, 0)) desc,
    abs(coalesce(fit_score_after, 0) - coalesce(fit_score_before, 0)) desc,
    model_id,
    contact_id
"""


class RuleDiffError(Exception):
    """A failure to report as a message (no traceback), e.g. dbt's output."""


def read_config(source: str, ref: str | None = None) -> dict[str, str]:
    """The text of every configuration CSV: from the folder `source`, or from
    git ref `ref`; a file absent there is the working copy's seed."""
    files = {}
    for seed in CONFIG_SEEDS:
        if ref is not None:
            shown = subprocess.run(["git", "show", f"{ref}:seeds/{seed}.csv"], cwd=PROJECT_DIR,
                                   capture_output=True, text=True)
            if shown.returncode == 0:
                files[seed] = shown.stdout
                continue
        elif (Path(source) / f"{seed}.csv").is_file():
            files[seed] = (Path(source) / f"{seed}.csv").read_text(encoding="utf-8")
            continue
        files[seed] = (PROJECT_DIR / "seeds" / f"{seed}.csv").read_text(encoding="utf-8")
    return files


def resolve_base(base: str) -> tuple[str, dict[str, str]]:
    """(label, configuration files) of --base: a folder, or else a git ref."""
    if Path(base).is_dir():
        warn_unknown_files(Path(base))
        return f"{base} (folder)", read_config(base)
    checked = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"],
                             cwd=PROJECT_DIR, capture_output=True, text=True)
    if checked.returncode != 0:
        raise RuleDiffError(f"--base {base!r} is neither a folder nor a git ref of {PROJECT_DIR}")
    return f"{base} (git {checked.stdout.strip()[:10]})", read_config(base, ref=base)


def warn_unknown_files(folder: Path) -> None:
    for path in sorted(folder.glob("*.csv")):
        if path.stem not in CONFIG_SEEDS:
            print(f"warning: {path} is not a configuration seed"
                  f" ({', '.join(CONFIG_SEEDS)}); ignored", file=sys.stderr)


def load_config(database: Path, files: dict[str, str]) -> None:
    """Each configuration CSV as a table of text columns (empty cell = null,
    as dbt seeds them) in schema rule_diff_config of `database`."""
    with duckdb.connect(str(database)) as con:
        con.execute(f"create or replace schema {CONFIG_SCHEMA}")
        for seed, text in files.items():
            rows = [row for row in csv.reader(io.StringIO(text)) if row]
            if not rows:
                raise RuleDiffError(f"{seed}.csv is empty: it needs at least its header row")
            header, body = rows[0], rows[1:]
            for number, row in enumerate(body, start=2):
                if len(row) != len(header):
                    raise RuleDiffError(f"{seed}.csv line {number}: {len(row)} cells,"
                                        f" the header has {len(header)}")
            columns = ", ".join(f'"{name.strip()}" varchar' for name in header)
            con.execute(f"create table {CONFIG_SCHEMA}.{seed} ({columns})")
            if body:
                placeholders = ", ".join("?" for _ in header)
                con.executemany(f"insert into {CONFIG_SCHEMA}.{seed} values ({placeholders})",
                                [[cell if cell != "" else None for cell in row] for row in body])


def copy_database(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    wal = source.with_name(source.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + ".wal"))


def scoring_date(database: Path) -> date:
    """The scoring date of the database's current lead_scores, else today (UTC)."""
    with duckdb.connect(str(database), read_only=True) as con:
        found = con.execute(
            "select count(*) from information_schema.tables"
            f" where table_schema = '{MARTS_SCHEMA}' and table_name = 'lead_scores'"
        ).fetchone()[0]
        if found:
            as_of = con.execute(
                f"select max(as_of_date) from {MARTS_SCHEMA}.lead_scores").fetchone()[0]
            if as_of is not None:
                return as_of
    return datetime.now(timezone.utc).date()


def config_vars() -> dict[str, str]:
    """The package's config vars pointed at the tables load_config writes."""
    return {"lead_scoring__" + seed.removeprefix("lead_scoring_"): f"{CONFIG_SCHEMA}.{seed}"
            for seed in CONFIG_SEEDS}


def build(side: str, database: Path, as_of: date, work_dir: Path) -> float:
    """dbt build of lead_scores with the configuration loaded in `database`;
    the seconds it took. A failure raises RuleDiffError with dbt's output."""
    dbt_vars = {"lead_scoring__as_of": as_of.isoformat(), **config_vars()}
    started = time.perf_counter()
    try:
        run_dbt([*DBT_BUILD, "--log-path", str(work_dir / f"{side}_logs")], database, dbt_vars,
                target_path=work_dir / f"{side}_target", quiet=True)
    except RuntimeError as error:
        raise RuleDiffError(f"The {side} configuration does not build:\n{dbt_errors(str(error))}")
    return time.perf_counter() - started


def dbt_errors(output: str) -> str:
    """dbt's output from its summary of errors on (the whole output if none)."""
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if "Completed with" in line and "error" in line:
            return "\n".join(lines[i:])
    return output


def diff(base_db: Path, head_db: Path) -> tuple[list[dict], int]:
    """The changed leads (dicts, in report order) and the number of leads compared."""
    with duckdb.connect() as con:
        con.execute(f"attach '{base_db.as_posix()}' as base_build (read_only)")
        con.execute(f"attach '{head_db.as_posix()}' as head_build (read_only)")
        cursor = con.execute(DIFF_SQL)
        names = [column[0] for column in cursor.description]
        changed = [dict(zip(names, row)) for row in cursor.fetchall()]
        leads = con.execute(
            f"select count(*) from (select contact_id, model_id from base_build.{MARTS_SCHEMA}"
            f".lead_scores union select contact_id, model_id from head_build.{MARTS_SCHEMA}"
            ".lead_scores)").fetchone()[0]
    return changed, leads


def change_counts(changed: list[dict]) -> list[tuple[str, str, str, str, int]]:
    """(model, kind, before, after, leads) per kind of change, sorted."""
    counts: dict[tuple, int] = {}
    for lead in changed:
        for kind, before, after in (
            ("routing", show(lead["routing_before"]), show(lead["routing_after"])),
            ("grade", show(lead["grade_before"]), show(lead["grade_after"])),
            ("MQL", yes_no(lead["is_mql_before"]), yes_no(lead["is_mql_after"])),
        ):
            if before != after:
                key = (lead["model_id"], kind, before, after)
                counts[key] = counts.get(key, 0) + 1
    kinds = {"routing": 0, "grade": 1, "MQL": 2}
    return sorted(((*key, n) for key, n in counts.items()),
                  key=lambda row: (row[0], kinds[row[1]], -row[4], row[2], row[3]))


def show(value) -> str:
    return "-" if value is None else str(value)


def yes_no(value) -> str:
    return "-" if value is None else ("yes" if value else "no")


def print_report(changed: list[dict], leads: int, limit: int) -> None:
    if not changed:
        print(f"No lead changes routing, grade or MQL flag ({leads:,} leads compared).")
        return
    print(f"{len(changed):,} of {leads:,} leads change routing, grade or MQL flag.\n")
    print("Changes per model:")
    counts = change_counts(changed)
    print_table([(model_id, kind, f"{before} -> {after}", f"{leads:,}")
                 for model_id, kind, before, after, leads in counts], counts_last=True)
    shown = changed[:limit]
    print(f"\nChanged leads, largest score change first"
          f"{f' (the first {len(shown):,})' if len(shown) < len(changed) else ''}:")
    table = [("contact_id", "email", "model", "score", "grade", "routing", "MQL")]
    for lead in shown:
        table.append((
            lead["contact_id"], lead["email"] or "", lead["model_id"],
            f"{show(lead['score_before'])} -> {show(lead['score_after'])}",
            f"{show(lead['grade_before'])} -> {show(lead['grade_after'])}",
            f"{show(lead['routing_before'])} -> {show(lead['routing_after'])}",
            f"{yes_no(lead['is_mql_before'])} -> {yes_no(lead['is_mql_after'])}",
        ))
    print_table(table)


def print_table(rows: list[tuple[str, ...]], counts_last: bool = False) -> None:
    """Rows of text cells in aligned columns; counts_last: the last column right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)]
        if counts_last:
            cells[-1] = row[-1].rjust(widths[-1])
        print("  " + "  ".join(cells).rstrip())


def write_csv(changed: list[dict], path: Path) -> None:
    columns = ["contact_id", "email", "model_id", "score_before", "score_after",
               "fit_score_before", "fit_score_after", "grade_before", "grade_after",
               "routing_before", "routing_after", "is_mql_before", "is_mql_after"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        writer.writerows(changed)


def rule_diff(base: str, head: Path, database: Path, as_of: date | None, limit: int,
              csv_path: Path | None, work_dir: Path) -> int:
    base_label, base_files = resolve_base(base)
    if not head.is_dir():
        raise RuleDiffError(f"--head {head} is not a folder")
    warn_unknown_files(head)
    head_files = read_config(str(head))
    if not database.is_file():
        raise RuleDiffError(f"no database at {database} (run `make demo`, or pass --database)")

    databases = {"base": work_dir / "base.duckdb", "head": work_dir / "head.duckdb"}
    for side, files in (("base", base_files), ("head", head_files)):
        copy_database(database, databases[side])
        load_config(databases[side], files)
    as_of = as_of or scoring_date(databases["head"])
    changed_files = [seed for seed in CONFIG_SEEDS if base_files[seed] != head_files[seed]]
    print(f"base: {base_label}\nhead: {head} (folder)\n"
          f"configuration files that differ: {', '.join(changed_files) or 'none'}\n"
          f"building lead_scores as of {as_of} on copies of {database} ...", flush=True)

    # the two builds use two files, so they can run at the same time
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {side: pool.submit(build, side, databases[side], as_of, work_dir)
                   for side in ("base", "head")}
        errors, seconds = [], {}
        for side, future in futures.items():
            try:
                seconds[side] = future.result()
            except RuleDiffError as error:
                errors.append(str(error))
    if errors:
        raise RuleDiffError("\n\n".join(errors))
    print(f"built in {seconds['base']:.0f} s (base) and {seconds['head']:.0f} s (head)\n")

    changed, leads = diff(databases["base"], databases["head"])
    print_report(changed, leads, limit)
    if csv_path:
        write_csv(changed, csv_path)
        print(f"\n{len(changed):,} changed leads written to {csv_path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main",
                        help="git ref (its seeds/) or folder of configuration CSVs (default: main)")
    parser.add_argument("--head", type=Path, default=PROJECT_DIR / "seeds",
                        help="folder of configuration CSVs (default: the working copy's seeds/)")
    default_database = os.environ.get("LEAD_SCORING_DUCKDB_PATH",
                                      PROJECT_DIR / "target" / "lead_scoring.duckdb")
    parser.add_argument("--database", type=Path, default=Path(default_database),
                        help="DuckDB file with the raw inputs (not modified)")
    parser.add_argument("--as-of", type=date.fromisoformat,
                        help="scoring date (default: the database's lead_scores', else today)")
    parser.add_argument("--limit", type=int, default=50, help="changed leads to print (default 50)")
    parser.add_argument("--csv", type=Path, help="write every changed lead to this CSV file")
    parser.add_argument("--work-dir", type=Path,
                        help="keep the two builds in this folder (default: a temporary folder)")
    args = parser.parse_args(argv)
    try:
        if args.work_dir:
            args.work_dir.mkdir(parents=True, exist_ok=True)
            return rule_diff(args.base, args.head, args.database, args.as_of, args.limit,
                             args.csv, args.work_dir)
        with tempfile.TemporaryDirectory(prefix="rule_diff_") as work_dir:
            return rule_diff(args.base, args.head, args.database, args.as_of, args.limit,
                             args.csv, Path(work_dir))
    except RuleDiffError as error:
        print(error, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
