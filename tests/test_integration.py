"""The package installed the way a user installs it: integration_tests/.

A dbt project of its own that depends on the package (packages.yml:
local: ../), keeps its inputs under other schema and table names, reaches
them only through the documented vars, and has models named like the
package's models once were. It builds two configurations end to end, each
with its own data tests on the outputs.
"""

from __future__ import annotations

import shutil

import duckdb
import pytest
import yaml

from conftest import ROOT
from lead_scoring_tools.dbt import run_dbt

PROJECT = ROOT / "integration_tests"
SHOP_VARS = yaml.safe_load((PROJECT / "scenarios" / "shop.yml").read_text())


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """The integration project with the package installed by `dbt deps`."""
    folder = tmp_path_factory.mktemp("integration")
    run_dbt(["deps"], folder / "deps.duckdb", project_dir=PROJECT, quiet=True)
    return {"folder": folder}


def build(installed: dict, name: str, dbt_vars: dict | None = None, project=PROJECT) -> tuple[str, str]:
    database = installed["folder"] / f"{name}.duckdb"
    output = run_dbt(["build"], database, dbt_vars, target_path=installed["folder"] / f"target_{name}",
                     quiet=True, project_dir=project)
    return output, str(database)


def test_shipped_rules_build_on_contract_only_inputs(installed):
    """Scenario b2b: the shipped configuration, contacts with only the eight
    contract columns; the integration project's data tests check the stories."""
    output, database = build(installed, "b2b")
    assert "Completed successfully" in output
    # the extra contact columns the default fit rules use are missing: null, one warning
    assert ("has no column department, phone, first_name, last_name, listed in var "
            "lead_scoring__fit_contact_attributes") in output
    with duckdb.connect(database, read_only=True) as con:
        columns = {c for (c,) in con.execute("""
            select column_name from information_schema.columns
            where table_schema = 'main_crm' and table_name = 'crm_people'""").fetchall()}
        assert columns == {"contact_id", "account_id", "email", "job_title", "country", "created_at",
                           "updated_at", "crm_id"}
        # the package builds in schemas of its own; the user's models stay in theirs
        schemas = {s for (s,) in con.execute("""
            select distinct table_schema from information_schema.tables
            where table_name in ('lead_scores', 'account_scores', 'int_fit_scores',
                                 'int_lead_scoring__fit_scores', 'stg_lead_scoring__events')""").fetchall()}
        assert schemas == {"main", "main_lead_scoring", "main_lead_scoring_internal"}


def test_an_ecommerce_configuration_from_the_user_project(installed):
    """Scenario shop: the shop's own rules (seeds of the user project, pointed at
    by the config vars), no fit rules, no grade gate, no accounts."""
    output, database = build(installed, "shop", SHOP_VARS)
    assert "Completed successfully" in output
    with duckdb.connect(database, read_only=True) as con:
        assert con.execute("select distinct model_id from main_lead_scoring.lead_scores").fetchall() == [("shop_v1",)]


def test_the_package_stays_out_of_the_user_graph(installed):
    """No exposures of the package, and no sources once every input is pointed elsewhere."""
    listed = run_dbt(["--quiet", "ls", "--resource-type", "source", "--resource-type", "exposure"],
                     installed["folder"] / "ls.duckdb", project_dir=PROJECT, quiet=True)
    assert "lead_scoring" not in listed
    # the same listing in the standalone project shows them: the check can fail
    standalone = run_dbt(["--quiet", "ls", "--resource-type", "source", "--resource-type", "exposure"],
                         installed["folder"] / "ls_standalone.duckdb", quiet=True)
    assert "source:lead_scoring.lead_scoring.events" in standalone and "exposure:lead_scoring.crm_score_sync" in standalone


def test_a_bad_row_in_the_user_config_names_the_row(installed, tmp_path):
    """A config seed replaced by the user's own relation: its bad rows fail the
    build with a message naming that relation and the row."""
    project = tmp_path / "project"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns("dbt_packages", "target", "logs"))
    (project / "packages.yml").write_text(f"packages:\n  - local: {ROOT}\n")
    rules = project / "seeds" / "shop_config" / "shop_behavior_rules.csv"
    rules.write_text(rules.read_text().replace("shop_v1,r05_sale_page,page_viewed,sale,,3,",
                                               "shop_v1,r05_sale_page,page_viewed,sale,,three,"))
    run_dbt(["deps"], tmp_path / "deps.duckdb", project_dir=project, quiet=True)
    with pytest.raises(RuntimeError) as failure:
        build({"folder": tmp_path}, "bad_shop", SHOP_VARS, project=project)
    assert "shop_behavior_rules row shop_v1/r05_sale_page: points must be a number" in str(failure.value)
