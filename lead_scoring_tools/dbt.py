"""Run dbt on this project, in a child process against one DuckDB file.

A child process releases the DuckDB file when it ends (so the caller can
open it next) and lets the benchmark read dbt's own peak memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DBT = Path(sys.executable).parent / "dbt"


def run_dbt(args: list[str], duckdb_path: str | Path, dbt_vars: dict | None = None,
            target_path: str | Path | None = None, quiet: bool = False,
            project_dir: str | Path = PROJECT_DIR, env: dict | None = None) -> str:
    """Run `dbt <args>`; return its output, raise RuntimeError with it on failure.
    env: extra environment variables for dbt (e.g. TZ)."""
    project_dir = Path(project_dir)
    cli = [str(DBT), *args, "--project-dir", str(project_dir),
           "--profiles-dir", str(project_dir / "profiles")]
    if dbt_vars:
        cli += ["--vars", json.dumps(dbt_vars)]
    if target_path:
        cli += ["--target-path", str(target_path)]
    env = {**os.environ, **(env or {}), "LEAD_SCORING_DUCKDB_PATH": str(duckdb_path)}
    completed = subprocess.run(cli, env=env, cwd=project_dir, text=True,
                               stdout=subprocess.PIPE if quiet else None,
                               stderr=subprocess.STDOUT if quiet else None)
    if completed.returncode != 0:
        raise RuntimeError(f"dbt {' '.join(args)} failed:\n{completed.stdout or ''}")
    return completed.stdout or ""
