"""A throwaway local PostgreSQL cluster, and the demo CSV files loaded into it.

    python -m lead_scoring_tools.postgres --csv-dir target/demo_csv   # load into $LEAD_SCORING_POSTGRES_*

`LocalCluster` runs `initdb` into a temporary directory and `pg_ctl start`
on a free local port (trust authentication, listening on 127.0.0.1 only);
`stop()` removes it. PostgreSQL refuses to run as root: as root, the
server runs as the `postgres` system user (created when missing), which
owns the data directory. `load_postgres` creates the same relations as
`load.load_duckdb` (schema `raw`, contract types, extra columns as text)
with COPY.
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

from lead_scoring_tools.load import csv_inputs

# DuckDB type names of load.CONTRACT_TYPES -> PostgreSQL
POSTGRES_TYPES = {"VARCHAR": "text", "TIMESTAMP": "timestamp", "INTEGER": "integer",
                  "DECIMAL(18,2)": "numeric(18,2)"}
SERVER_USER = "postgres"


def find_bin_dir() -> Path:
    """The directory of initdb / pg_ctl: on PATH (links followed), else the newest Debian install."""
    initdb = shutil.which("initdb")
    if initdb and (Path(initdb).resolve().parent / "pg_ctl").exists():
        return Path(initdb).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not candidates:
        raise RuntimeError(
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in "
            "/usr/lib/postgresql/*/bin: install them, e.g. "
            "`apt-get install -y --no-install-recommends postgresql`")
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalCluster:
    """initdb + pg_ctl start into a temporary directory; stop() removes it."""

    def __init__(self, user: str = "lead_scoring", database: str = "lead_scoring"):
        self.bin_dir = find_bin_dir()
        self.user = user
        self.database = database
        self.host = "127.0.0.1"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="lead_scoring_pg_"))
        self.data_dir = self.folder / "data"
        self.started = False

    def _run(self, *args: str) -> None:
        cli = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            cli = ["runuser", "-u", SERVER_USER, "--", *cli]
        done = subprocess.run(cli, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            log = self.folder / "server.log"
            server_log = f"\nserver log:\n{log.read_text()}" if log.exists() else ""
            raise RuntimeError(f"{' '.join(cli)} failed:\n{done.stdout}{server_log}")

    def start(self) -> "LocalCluster":
        if self.as_root:
            try:
                pwd.getpwnam(SERVER_USER)
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", SERVER_USER], check=True)
            shutil.chown(self.folder, SERVER_USER, SERVER_USER)
        self._run("initdb", "-D", str(self.data_dir), "-U", self.user, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8" if Path("/usr/lib/locale/C.utf8").exists()
                  else "--locale=C")
        options = (f"-p {self.port} -c listen_addresses={self.host} "
                   f"-c unix_socket_directories={self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        try:
            self._run("pg_ctl", "start", "-w", "-D", str(self.data_dir), "-l",
                      str(self.folder / "server.log"), "-o", options)
            self.started = True
            self.create_database(self.database)
        except BaseException:
            self.stop()
            raise
        return self

    def create_database(self, name: str) -> None:
        import psycopg2
        connection = psycopg2.connect(host=self.host, port=self.port, user=self.user, dbname="postgres")
        connection.autocommit = True  # create database runs outside a transaction
        with connection.cursor() as cur:
            cur.execute(f'create database "{name}"')
        connection.close()

    def stop(self) -> None:
        try:
            if self.started:
                self._run("pg_ctl", "stop", "-w", "-m", "fast", "-D", str(self.data_dir))
                self.started = False
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def env(self) -> dict[str, str]:
        """The environment variables that point profiles/profiles.yml's postgres target here."""
        return {"LEAD_SCORING_POSTGRES_HOST": self.host, "LEAD_SCORING_POSTGRES_PORT": str(self.port),
                "LEAD_SCORING_POSTGRES_USER": self.user, "LEAD_SCORING_POSTGRES_PASSWORD": "",
                "LEAD_SCORING_POSTGRES_DATABASE": self.database}

    def connect(self, database: str | None = None):
        import psycopg2
        return psycopg2.connect(host=self.host, port=self.port, user=self.user,
                                dbname=database or self.database)

    def __enter__(self) -> "LocalCluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def connect_from_env():
    """A connection to the server the postgres target of profiles/profiles.yml points at."""
    import psycopg2
    return psycopg2.connect(
        host=os.environ.get("LEAD_SCORING_POSTGRES_HOST", "localhost"),
        port=int(os.environ.get("LEAD_SCORING_POSTGRES_PORT", "5432")),
        user=os.environ.get("LEAD_SCORING_POSTGRES_USER", "postgres"),
        password=os.environ.get("LEAD_SCORING_POSTGRES_PASSWORD", ""),
        dbname=os.environ.get("LEAD_SCORING_POSTGRES_DATABASE", "lead_scoring"))


def load_postgres(csv_dir: str | Path, connection, schema: str = "raw") -> dict[str, int]:
    """(Re)create one table per CSV file in `schema` with COPY; return row counts.
    Empty cells, quoted or not, are null (as DuckDB's read_csv reads them)."""
    counts = {}
    with connection.cursor() as cur:
        cur.execute(f'create schema if not exists "{schema}"')
        for table, path, types in csv_inputs(csv_dir):
            columns = ", ".join(f'"{name}" {POSTGRES_TYPES[type_name]}' for name, type_name in types.items())
            quoted = ", ".join(f'"{name}"' for name in types)
            cur.execute(f'drop table if exists "{schema}"."{table}" cascade')
            cur.execute(f'create table "{schema}"."{table}" ({columns})')
            with path.open(encoding="utf-8") as f:
                cur.copy_expert(
                    f'copy "{schema}"."{table}" ({quoted}) from stdin with '
                    f"(format csv, header true, quote '\"', escape '\"', force_null ({quoted}))", f)
            cur.execute(f'select count(*) from "{schema}"."{table}"')
            counts[table] = cur.fetchone()[0]
    connection.commit()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description="Load the demo CSV files into PostgreSQL "
                                     "(the server of the LEAD_SCORING_POSTGRES_* variables)")
    parser.add_argument("--csv-dir", required=True)
    parser.add_argument("--schema", default="raw")
    args = parser.parse_args()
    with connect_from_env() as connection:
        for table, count in load_postgres(args.csv_dir, connection, args.schema).items():
            print(f"loaded {args.schema}.{table}: {count:,} rows")


if __name__ == "__main__":
    main()
