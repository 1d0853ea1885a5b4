"""The weight suggestion: its pieces on hand-made numbers, then the command on
the demo (learnt on the first cut-off, judged on the second)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np

from conftest import AS_OF, ROOT, SCORE_DATES, query
from lead_scoring_tools.suggest_weights import (below_cap, merge_fit_values, points_learnt,
                                                 suggested_config, top_decile_lift)


def test_top_decile_lift_lets_ties_share_the_decile():
    # 20 leads: three tie at the top score 9 (fewer than 2 = a tenth above them:
    # decile 1), the next (8) has 3 above: not. 2 of the 3 converted; base 4/20.
    scores = np.array([9, 9, 9, 8] + [1] * 16, dtype=float)
    labels = np.array([1, 1, 0, 1] + [1] + [0] * 15)
    assert top_decile_lift(scores, labels) == (2 / 3) / (4 / 20)


def test_fit_rules_sharing_points_on_one_attribute_become_one_in_rule():
    rows = [
        {"model_id": "m", "rule_id": "f1", "attribute": "country", "operator": "in", "value": "fr|de",
         "points": "10", "description": "core"},
        {"model_id": "m", "rule_id": "f2", "attribute": "country", "operator": "equals", "value": "nl",
         "points": "10", "description": "benelux"},
        {"model_id": "m", "rule_id": "f3", "attribute": "country", "operator": "equals", "value": "es",
         "points": "5", "description": "south"},
        {"model_id": "m", "rule_id": "f4", "attribute": "country", "operator": "is_null", "value": "",
         "points": "10", "description": "none"},
        {"model_id": "n", "rule_id": "f1", "attribute": "country", "operator": "equals", "value": "it",
         "points": "10", "description": "other model"},
    ]
    merged = merge_fit_values(rows)
    assert [(r["model_id"], r["rule_id"], r["operator"], r["value"]) for r in merged] == [
        ("m", "f1", "in", "fr|de|nl"), ("m", "f3", "equals", "es"), ("m", "f4", "is_null", ""),
        ("n", "f1", "equals", "it")]
    assert merged[0]["description"] == "core / benelux"
    assert rows[0]["value"] == "fr|de"   # the input is left as it was


def test_suggested_seeds_scale_a_rule_whole_and_keep_penalties_subtracted():
    config = {
        "lead_scoring_behavior_rules": [{"model_id": "m", "rule_id": "b1", "points": "10", "repeat_points": "4"},
                                        {"model_id": "m", "rule_id": "b2", "points": "0", "repeat_points": ""}],
        "lead_scoring_sequence_rules": [{"model_id": "m", "sequence_id": "s1", "points": "20"}],
        "lead_scoring_inactivity_steps": [{"model_id": "m", "inactive_days": "30", "penalty_points": "15"},
                                          {"model_id": "m", "inactive_days": "60", "penalty_points": "30"}],
        "lead_scoring_fit_rules": [{"model_id": "m", "rule_id": "f1", "attribute": "title", "operator": "contains",
                                    "value": "vp", "points": "20", "description": "vp"}],
        "lead_scoring_models": [{"model_id": "m", "mql_threshold": "60"}],
    }
    suggested = {"m": {("behavior", "b1"): 15.0, ("sequence", "s1"): 12.34, ("inactivity", "inactive_30_days"): -7.5,
                       ("inactivity", "inactive_60_days"): 2.0, ("fit", "f1"): 24.6}}
    out = suggested_config(config, suggested, {"m": 71.25})
    # b1 x 1.5: its repeat points too; b2 (worth 0, not learnt) unchanged
    assert [(r["points"], r["repeat_points"]) for r in out["lead_scoring_behavior_rules"]] == [("15", "6"), ("0", "")]
    assert out["lead_scoring_sequence_rules"][0]["points"] == "12.3"
    assert [r["penalty_points"] for r in out["lead_scoring_inactivity_steps"]] == ["7.5", "0"]
    assert out["lead_scoring_fit_rules"][0]["points"] == "25"
    assert out["lead_scoring_models"][0]["mql_threshold"] == "71.2"
    assert config["lead_scoring_behavior_rules"][0]["points"] == "10"


def test_learnt_points_move_a_wrong_weight_and_keep_an_unseen_one():
    """Leads drawn from a logistic model where rule 1 is worth 1.5 times rule 0
    (30 and 20 points at 0.1 log-odds per point), configured at 10 and 20;
    rule 2 (5 points) earned by nobody. The ratio is learnt; the scale is the
    regression's, anchored on today's points, so rule 2 keeps its 5."""
    rng = np.random.default_rng(0)
    x = np.column_stack([rng.integers(0, 3, 20_000), rng.integers(0, 3, 20_000), np.zeros(20_000)])
    true_points = np.array([20.0, 30.0, 5.0])
    y = rng.random(20_000) < 1 / (1 + np.exp(-(x @ true_points * 0.1 - 4)))
    points = points_learnt(x.astype(float), np.array([20.0, 10.0, 5.0]), y.astype(int))
    assert abs(points[1] / points[0] - 1.5) < 0.1 and points[0] > 0, points
    assert points[2] == 5.0


def test_suggested_points_reach_the_cap_no_more_often_than_today():
    current = np.array([120.0, 100, 90, 50, 0])      # 2 leads at the cap (100)
    suggested = np.array([300.0, 250, 200, 80, -10])  # 3 would be
    factor = below_cap(current, suggested, 100)
    # halved: 150 and 125 at the cap, 200 x 0.5 just below it
    assert abs(factor - 0.5) < 1e-6 and ((suggested * factor) >= 100).sum() == 2
    assert below_cap(current, np.array([150.0, 90, 80, 70, 0]), 100) == 1.0   # 1 at the cap: as is


def read_seed(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_suggestion_on_the_demo_is_learnt_before_and_judged_after(demo, tmp_path):
    first, second = SCORE_DATES[0], SCORE_DATES[1]   # the two backtest cut-offs
    out = tmp_path / "suggested"
    completed = subprocess.run(
        [sys.executable, "-m", "lead_scoring_tools.suggest_weights", "--database", str(demo["database"]),
         "--as-of", AS_OF.isoformat(), "--from", first.isoformat(), "--to", second.isoformat(),
         "--every-days", str((second - first).days), "--out", str(out)],
        cwd=ROOT, text=True, capture_output=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"Learnt on the cut-offs {first}; judged on {second} (never the same)." in completed.stdout

    # the same files, columns and rule ids as the package's seeds (fit rules may merge)
    for seed in ("lead_scoring_models", "lead_scoring_behavior_rules", "lead_scoring_sequence_rules",
                 "lead_scoring_inactivity_steps", "lead_scoring_fit_rules"):
        current, suggested = read_seed(ROOT / "seeds" / f"{seed}.csv"), read_seed(out / f"{seed}.csv")
        assert list(suggested[0]) == list(current[0]), seed
        ids = [tuple(v for k, v in row.items() if k in ("model_id", "rule_id", "sequence_id", "inactive_days"))
               for row in suggested]
        current_ids = [tuple(v for k, v in row.items()
                             if k in ("model_id", "rule_id", "sequence_id", "inactive_days")) for row in current]
        assert (set(ids) <= set(current_ids)) if seed == "lead_scoring_fit_rules" else ids == current_ids, seed

    comparison = json.loads((out / "comparison.json").read_text())
    assert comparison["learnt_on"] == [first.isoformat()] and comparison["judged_on"] == [second.isoformat()]
    rows = {(r["model_id"], r["configuration"]): r for r in comparison["rows"]}
    assert {r["cutoff_date"] for r in comparison["rows"]} == {second.isoformat()}
    models = {model for model, in query(demo["database"], "select model_id from main_lead_scoring.lead_scores group by 1")}
    assert set(rows) == {(m, c) for m in models for c in ("champion", "challenger", "logistic_regression")}
    # the champion is the demo's own backtest of that cut-off; the challenger
    # judged the same leads
    for model, leads, conversions, auc, lift in query(demo["database"], f"""
            select model_id, leads, conversions, auc, top_decile_lift from main_lead_scoring.lead_score_backtest
            where cutoff_date = '{second}'"""):
        champion, challenger = rows[(model, "champion")], rows[(model, "challenger")]
        assert (champion["leads"], champion["conversions"]) == (leads, conversions)
        assert abs(champion["auc"] - auc) < 1e-12 and abs(champion["top_decile_lift"] - lift) < 1e-12
        assert (challenger["leads"], challenger["conversions"]) == (leads, conversions)
        assert 0.5 < challenger["auc"] <= 1
    assert {(r["model_id"], r["kind"]) for r in comparison["rules"]} >= {
        (m, k) for m in models for k in ("behavior", "sequence", "inactivity", "fit")}
