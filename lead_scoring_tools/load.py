"""Load the demo CSV files into the raw schema of a DuckDB file.

    python -m lead_scoring_tools.load --csv-dir target/demo --duckdb target/lead_scoring.duckdb

Columns of the public input contract (PRODUCT.md §1) get their contract
types; extra columns (first_name, phone ...) are loaded as text.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import duckdb

CONTRACT_TYPES = {
    "contacts": {
        "contact_id": "VARCHAR", "account_id": "VARCHAR", "email": "VARCHAR",
        "job_title": "VARCHAR", "country": "VARCHAR", "created_at": "TIMESTAMP",
        "updated_at": "TIMESTAMP", "crm_id": "VARCHAR",
    },
    "accounts": {
        "account_id": "VARCHAR", "domain": "VARCHAR", "name": "VARCHAR",
        "industry": "VARCHAR", "employee_count": "INTEGER",
        "annual_revenue": "DECIMAL(18,2)", "country": "VARCHAR", "crm_id": "VARCHAR",
    },
    "events": {
        "event_id": "VARCHAR", "contact_id": "VARCHAR", "anonymous_id": "VARCHAR",
        "event_type": "VARCHAR", "occurred_at": "TIMESTAMP", "url": "VARCHAR",
        "product_id": "VARCHAR", "campaign_id": "VARCHAR",
        "duration_seconds": "INTEGER", "user_agent": "VARCHAR", "ip": "VARCHAR",
        "email_sent_at": "TIMESTAMP",
    },
    "identities": {
        "anonymous_id": "VARCHAR", "contact_id": "VARCHAR", "identified_at": "TIMESTAMP",
    },
    "conversions": {
        "conversion_id": "VARCHAR", "contact_id": "VARCHAR", "product_id": "VARCHAR",
        "converted_at": "TIMESTAMP", "amount": "DECIMAL(18,2)",
    },
    # not part of the contract: which story each demo contact was generated from
    "demo_archetypes": {"contact_id": "VARCHAR", "archetype": "VARCHAR"},
}


def csv_inputs(csv_dir: str | Path):
    """(table, CSV path, {column: contract type, VARCHAR for extra columns})
    for each input whose CSV file is in csv_dir, columns in the file's order."""
    for table, types in CONTRACT_TYPES.items():
        path = Path(csv_dir) / f"{table}.csv"
        if path.exists():
            header = path.open(encoding="utf-8").readline().strip().split(",")
            yield table, path, {name: types.get(name, "VARCHAR") for name in header}


def load_duckdb(csv_dir: str | Path, database: str | Path, schema: str = "raw") -> dict[str, int]:
    """(Re)create one table per CSV file in `schema`; return row counts."""
    counts = {}
    with duckdb.connect(str(database)) as con:
        con.execute(f"create schema if not exists {schema}")
        for table, path, columns in csv_inputs(csv_dir):
            columns_sql = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
            con.execute(
                f"create or replace table {schema}.{table} as "
                f"select * from read_csv('{path.as_posix()}', header = true, "
                f"columns = {columns_sql}, quote = '\"', escape = '\"')"
            )
            counts[table] = con.execute(f"select count(*) from {schema}.{table}").fetchone()[0]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv-dir", required=True)
    parser.add_argument(
        "--duckdb",
        default=os.environ.get("LEAD_SCORING_DUCKDB_PATH", "target/lead_scoring.duckdb"),
    )
    parser.add_argument("--schema", default="raw")
    args = parser.parse_args()
    Path(args.duckdb).parent.mkdir(parents=True, exist_ok=True)
    for table, count in load_duckdb(args.csv_dir, args.duckdb, args.schema).items():
        print(f"loaded {args.schema}.{table}: {count:,} rows")


if __name__ == "__main__":
    main()
