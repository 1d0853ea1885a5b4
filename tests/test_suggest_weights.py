"""The weight suggestion: its pieces on hand-made numbers, then the command on
the demo (learnt on the first cut-off, judged on the second)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np

from conftest import AS_OF, ROOT, SCORE_DATES, query
from lead_scoring_tools.suggest_weights import (below_cap, lowest_floor, merge_fit_values, plain_regressions,
                                                 points_learnt, suggest, suggested_config, top_decile_lift)


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
        "lead_scoring_models": [{"model_id": "m", "mql_threshold": "60", "score_floor": "0"}],
    }
    suggested = {"m": {"points": {("behavior", "b1"): 15.0, ("sequence", "s1"): 12.345,
                                  ("inactivity", "inactive_30_days"): -7.5, ("inactivity", "inactive_60_days"): 2.0,
                                  ("fit", "f1"): 24.6},
                       "score_floor": -13.0}}
    out = suggested_config(config, suggested, {"m": 71.25})
    # b1 x 1.5: its repeat points too; b2 (worth 0, not learnt) unchanged
    assert [(r["points"], r["repeat_points"]) for r in out["lead_scoring_behavior_rules"]] == [("15", "6"), ("0", "")]
    assert out["lead_scoring_sequence_rules"][0]["points"] == "12.35"
    assert [r["penalty_points"] for r in out["lead_scoring_inactivity_steps"]] == ["7.5", "0"]
    assert out["lead_scoring_fit_rules"][0]["points"] == "25"
    assert [(r["mql_threshold"], r["score_floor"]) for r in out["lead_scoring_models"]] == [("71.25", "-13")]
    assert config["lead_scoring_behavior_rules"][0]["points"] == "10"


def synthetic_leads(n: int = 20_000) -> dict:
    """Leads drawn from a logistic model where rule b1 is worth 1.5 times b0
    (30 and 20 points at 0.1 log-odds per point) and being inactive 30 days
    costs 15, configured at 20, 10 and 15; rule b2 (5 points) earned by
    nobody; fit rule f1 (10 points) matched by nobody."""
    rng = np.random.default_rng(0)
    x = np.column_stack([rng.integers(0, 3, n), rng.integers(0, 3, n), np.zeros(n), rng.integers(0, 2, n),
                         np.zeros(n)]).astype(float)
    y = (rng.random(n) < 1 / (1 + np.exp(-(x[:, :2] @ [20.0, 30.0] * 0.1 - x[:, 3] * 1.5 - 4)))).astype(int)
    features = [("behavior", "b0"), ("behavior", "b1"), ("behavior", "b2"), ("inactivity", "inactive_30_days"),
                ("fit", "f1")]
    return {"m": {"features": features, "x": x, "y": y, "cutoffs": np.zeros(n),
                  "units": np.array([20.0, 10.0, 5.0, -15.0, 10.0])}}


def test_behaviour_points_rank_as_the_joint_regression_does():
    data = synthetic_leads()
    regressions = plain_regressions(data, [0])
    suggestion = suggest(data, [0], regressions, {"m": {"score_floor": "0", "score_cap": "100"}})["m"]
    points = np.array([suggestion["points"][f] for f in data["m"]["features"]])
    assert abs(points[1] / points[0] - 1.5) < 0.1 and points[0] > 0, points   # the wrong weight moved
    assert points[4] == 10.0                                                    # the unseen fit rule kept
    uncapped = suggest(data, [0], regressions, {"m": {"score_floor": "0", "score_cap": "1000"}})["m"]["points"]
    assert uncapped[("behavior", "b2")] == 5.0                                  # the unseen rule kept,
    assert points[2] == round(5.0 * points[0] / uncapped[("behavior", "b0")], 2)  # scaled with the others
    scores = data["m"]["x"][:, :4] @ points[:4]
    assert scores.max() < 100 and scores.min() < 0                              # below the cap
    assert suggestion["score_floor"] == np.floor(scores.min())                  # the stalest lead above the floor
    # so the score ranks the leads as the regression does
    regression_scores = regressions["m"].decision_function(data["m"]["x"][:, :4])
    assert np.array_equal(np.argsort(scores, kind="stable"), np.argsort(regression_scores, kind="stable"))


def test_fit_points_move_from_todays_and_keep_an_unseen_one():
    """Fit rule 1 truly worth 1.5 times rule 0, configured at 20 and 10; rule 2
    (5 points) matched by nobody keeps its points."""
    rng = np.random.default_rng(0)
    x = np.column_stack([rng.integers(0, 2, 20_000), rng.integers(0, 2, 20_000), np.zeros(20_000)])
    behaviour = rng.integers(0, 50, 20_000).astype(float)
    y = rng.random(20_000) < 1 / (1 + np.exp(-((x @ [20.0, 30.0, 5.0] + behaviour) * 0.1 - 5)))
    points = points_learnt(x.astype(float), np.array([20.0, 10.0, 5.0]), y.astype(int), covariate=behaviour)
    assert abs(points[1] / points[0] - 1.5) < 0.15 and points[0] > 0, points
    assert points[2] == 5.0


def test_suggested_points_stay_below_the_cap_and_the_floor_under_the_stalest_lead():
    x = np.array([[3.0, 0], [0, 2], [1, 1], [0, 0]])                 # leads' units of two rules
    points = below_cap(x, np.array([100.0, 123.456]), 100)          # 300 and 246.9 would reach it
    assert (x @ points).max() < 100 and (x @ points).max() > 99     # scaled by about a third,
    assert abs(points[1] / points[0] - 1.23456) < 1e-3              # both rules alike,
    assert (points == np.round(points, 2)).all()                    # to the hundredth
    assert list(below_cap(x, np.array([30.0, -12.344]), 100)) == [30.0, -12.34]   # all below: as is
    assert lowest_floor(np.array([-12.5, 3]), 0) == -13             # lowered to the whole number under
    assert lowest_floor(np.array([3.0, 40]), 0) == 0                # nobody below: kept
    assert lowest_floor(np.array([-3.0]), -20) == -20               # never raised


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
