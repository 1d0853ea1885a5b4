"""The rule-change diff (lead_scoring_tools.rule_diff) on the demo data set.

Each diff builds lead_scores twice on copies of the demo database. The
expected changes are computed from the demo build's own lead_scores (built
with the package's seeds, the diff's base here) and the seed files, not
from the diff's output.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import AS_OF, ROOT, query, read_csv
from lead_scoring_tools import rule_diff

SEEDS = ROOT / "seeds"
COUNT_LINE = re.compile(r"^\s+(\S+)\s+(routing|grade|MQL)\s+(\S+) -> (\S+)\s+([\d,]+)$")


def write_seed(folder: Path, seed: str, rows: list[dict]) -> None:
    """rows (as read_csv reads them) as folder/<seed>.csv, columns in the seed's order."""
    folder.mkdir(parents=True, exist_ok=True)
    header = next(csv.reader(open(SEEDS / f"{seed}.csv", encoding="utf-8")))
    with open(folder / f"{seed}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)


def run_diff(demo: dict, tmp_path: Path, head: Path, capsys) -> tuple[int, str, list[dict]]:
    """rule_diff with the package's seeds as base (an empty folder) and `head`;
    (exit code, printed report, the changed leads of --csv)."""
    base = tmp_path / "base"
    base.mkdir(exist_ok=True)
    head.mkdir(parents=True, exist_ok=True)
    changed_csv = tmp_path / "changed.csv"
    code = rule_diff.main([
        "--base", str(base), "--head", str(head), "--database", str(demo["database"]),
        "--as-of", AS_OF.isoformat(), "--csv", str(changed_csv), "--limit", "5",
        "--work-dir", str(tmp_path / "work"),
    ])
    out = capsys.readouterr().out
    return code, out, read_csv(changed_csv)


def reported_counts(out: str) -> Counter:
    """(model, kind, before, after) -> leads, from the report's count lines."""
    counts = Counter()
    for line in out.split("Changes per model:")[-1].split("Changed leads")[0].splitlines():
        if match := COUNT_LINE.match(line):
            model_id, kind, before, after, leads = match.groups()
            counts[(model_id, kind, before, after)] = int(leads.replace(",", ""))
    return counts


def base_leads(demo: dict) -> dict[tuple[str, str], dict]:
    rows = query(demo["database"], """
        select contact_id, model_id, cast(behavior_score as double), cast(fit_score as double),
            grade, routing, is_mql, disqualification_reason
        from main_lead_scoring.lead_scores
    """)
    names = ["contact_id", "model_id", "behavior_score", "fit_score", "grade", "routing",
             "is_mql", "disqualification_reason"]
    return {(row[0], row[1]): dict(zip(names, row)) for row in rows}


def test_identical_configurations_change_nothing(demo, tmp_path, capsys):
    # the head folder holds every seed, unchanged; the base folder none (= the seeds)
    for seed in rule_diff.CONFIG_SEEDS:
        write_seed(tmp_path / "head", seed, read_csv(SEEDS / f"{seed}.csv"))
    code, out, changed = run_diff(demo, tmp_path, tmp_path / "head", capsys)
    assert code == 0
    assert changed == []
    assert "No lead changes routing, grade or MQL flag" in out
    assert f"({len(base_leads(demo)):,} leads compared)" in out


def test_higher_mql_threshold(demo, tmp_path, capsys):
    models = read_csv(SEEDS / "lead_scoring_models.csv")
    flow = next(row for row in models if row["model_id"] == "flow_v1")
    old, new = float(flow["mql_threshold"]), float(flow["mql_threshold"]) + 10
    flow["mql_threshold"] = str(new)
    write_seed(tmp_path / "head", "lead_scoring_models", models)

    code, out, changed = run_diff(demo, tmp_path, tmp_path / "head", capsys)
    assert code == 0

    # Over the old threshold but not the new one: an MQL (not fast-tracked)
    # drops to nurture, a lead in review (grade too low) to monitor.
    expected = {}
    for (contact_id, model_id), lead in base_leads(demo).items():
        if model_id == "flow_v1" and old <= lead["behavior_score"] < new:
            if lead["routing"] == "mql":
                expected[contact_id] = ("mql", "nurture")
            elif lead["routing"] == "review":
                expected[contact_id] = ("review", "monitor")
    assert any(after == "nurture" for _, after in expected.values())  # the test means something

    assert {row["model_id"] for row in changed} == {"flow_v1"}
    assert {row["contact_id"]: (row["routing_before"], row["routing_after"]) for row in changed} \
        == expected
    lost_mql = {c for c, (before, _) in expected.items() if before == "mql"}
    assert {row["contact_id"] for row in changed
            if row["is_mql_before"] == "True" and row["is_mql_after"] == "False"} == lost_mql
    assert all(row["is_mql_after"] == "False" for row in changed)
    assert all(row["grade_before"] == row["grade_after"] for row in changed)
    assert all(row["score_before"] == row["score_after"] for row in changed)

    expected_counts = Counter(("flow_v1", "routing", before, after)
                              for before, after in expected.values())
    expected_counts[("flow_v1", "MQL", "yes", "no")] = len(lost_mql)
    assert reported_counts(out) == expected_counts


def grade_of(fit_score: float, bands: list[dict]) -> str:
    """The grade whose band holds fit_score (bands of one model, from the seed)."""
    for band in sorted((b for b in bands if b["min_fit_score"] is not None),
                       key=lambda b: -float(b["min_fit_score"])):
        if fit_score >= float(band["min_fit_score"]):
            return band["grade"]
    return next(b["grade"] for b in bands if b["min_fit_score"] is None)


def test_fit_rule_points_move_grades(demo, tmp_path, capsys):
    # flow_v1's "phone given" rule: 2 points -> 12, so every flow_v1 contact
    # with a phone gains 10 fit points
    rules = read_csv(SEEDS / "lead_scoring_fit_rules.csv")
    rule = next(r for r in rules
                if r["model_id"] == "flow_v1" and r["rule_id"] == "f29_phone_given")
    assert (rule["attribute"], rule["operator"]) == ("phone", "is_not_null")
    delta = 10.0
    rule["points"] = str(float(rule["points"]) + delta)
    write_seed(tmp_path / "head", "lead_scoring_fit_rules", rules)

    code, out, changed = run_diff(demo, tmp_path, tmp_path / "head", capsys)
    assert code == 0

    with_phone = {row[0] for row in query(demo["database"], """
        select trim(contact_id) from raw.contacts where nullif(trim(phone), '') is not null
    """)}
    bands = [band for band in read_csv(SEEDS / "lead_scoring_grade_bands.csv")
             if band["model_id"] == "flow_v1"]
    expected = {}
    for (contact_id, model_id), lead in base_leads(demo).items():
        if model_id != "flow_v1" or contact_id not in with_phone:
            continue
        if grade_of(lead["fit_score"], bands) != lead["grade"]:
            # graded D whatever the points: competitors and internal contacts
            assert lead["grade"] == "D", lead
            continue
        after = grade_of(lead["fit_score"] + delta, bands)
        if after != lead["grade"]:
            expected[contact_id] = (lead["grade"], after)
    assert len(expected) > 10

    # scores and thresholds are unchanged: a routing changes only with the grade
    assert {row["model_id"] for row in changed} == {"flow_v1"}
    assert {row["contact_id"]: (row["grade_before"], row["grade_after"]) for row in changed} \
        == expected
    assert all(row["score_before"] == row["score_after"] for row in changed)
    grade_counts = {key: n for key, n in reported_counts(out).items() if key[1] == "grade"}
    assert grade_counts == Counter(("flow_v1", "grade", before, after)
                                   for before, after in expected.values())


def test_invalid_head_configuration_fails_naming_the_row(demo, tmp_path):
    rules = read_csv(SEEDS / "lead_scoring_behavior_rules.csv")
    rule = next(r for r in rules if r["model_id"] == "flow_v1" and r["rule_id"] == "b03_pricing")
    rule["half_life_days"] = "-5"
    write_seed(tmp_path / "head", "lead_scoring_behavior_rules", rules)
    (tmp_path / "base").mkdir()

    completed = subprocess.run(
        [sys.executable, "-m", "lead_scoring_tools.rule_diff", "--base", str(tmp_path / "base"),
         "--head", str(tmp_path / "head"), "--database", str(demo["database"]),
         "--as-of", AS_OF.isoformat(), "--work-dir", str(tmp_path / "work")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert completed.returncode != 0
    assert "The head configuration does not build" in completed.stderr
    assert "The base configuration" not in completed.stderr
    assert ("lead_scoring_behavior_rules row flow_v1/b03_pricing: half_life_days must be"
            in completed.stderr)
    assert "Traceback" not in completed.stderr + completed.stdout


def test_base_from_a_git_ref(tmp_path):
    label, files = rule_diff.resolve_base("HEAD")
    assert label.startswith("HEAD (git ")
    shown = subprocess.run(["git", "show", "HEAD:seeds/lead_scoring_models.csv"], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout
    assert files["lead_scoring_models"] == shown
    with pytest.raises(rule_diff.RuleDiffError, match="neither a folder nor a git ref"):
        rule_diff.resolve_base("no-such-ref-or-folder")


def test_every_configuration_seed_has_its_var():
    assert set(rule_diff.CONFIG_SEEDS) == {path.stem for path in SEEDS.glob("*.csv")}
    project = (ROOT / "dbt_project.yml").read_text(encoding="utf-8")
    for seed in rule_diff.CONFIG_SEEDS:
        var_name = "lead_scoring__" + seed.removeprefix("lead_scoring_")
        assert f"{var_name}: \"{{{{ ref('{seed}') }}}}\"" in project
