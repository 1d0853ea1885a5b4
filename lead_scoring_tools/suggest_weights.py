"""Suggest rule weights learnt from the backtest, write them as ready seeds and
judge them against the current ones (champion vs challenger).

    python -m lead_scoring_tools.suggest_weights [--database PATH] [--as-of YYYY-MM-DD]
        [--from YYYY-MM-DD --to YYYY-MM-DD --every-days 30] [--judge-from YYYY-MM-DD]
        [--config-dir seeds] [--out target/suggested_config]

The database holds the raw inputs (`make demo` fills one); it is not
modified. The command builds the project on a copy of it with the cut-offs as
score dates, reads what each lead had earned per rule on each cut-off
(int_lead_scoring__backtest_rules_earned) and, per model, learns on the
EARLIER cut-offs only, with scikit-learn's L2-regularised logistic regression
(penalty chosen by cross-validated log-loss): the behaviour score's rules
jointly (behaviour rules keep their shape: repeat points, cap, window and
decay are scaled together; sequences; inactivity penalties), written as
points on today's scale, below the cap, with the floor lowered under the
stalest lead so that the score ranks as the regression does; then the fit
rules next to the behaviour score, shrunk toward their current points so
that the grade bands keep their meaning. Fit rules on the same
attribute by value (`equals`, `in`) that end up with the same whole points are
merged into one `in` rule. The MQL threshold becomes the median, over the
earlier cut-offs, of the lowest threshold within sales capacity (var
lead_scoring__backtest_target_mqls_per_week). The suggested seeds are then
backtested on the LATER cut-offs only, beside the current ones and a plain
logistic regression on the same features, and comparison.json is written for
the report (python -m lead_scoring_tools.report --comparison ...).
Details: docs/scoring.md §14.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import duckdb
import numpy as np
from sklearn.linear_model import LogisticRegressionCV
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from lead_scoring_tools.dbt import PROJECT_DIR, run_dbt
from lead_scoring_tools.rule_diff import config_vars, copy_database, load_config, read_config

# the configuration a suggestion rewrites (the other seeds are kept)
SUGGESTED_SEEDS = ["lead_scoring_models", "lead_scoring_behavior_rules", "lead_scoring_sequence_rules",
                   "lead_scoring_inactivity_steps", "lead_scoring_fit_rules"]


# --------------------------------------------------------------------------- builds
def build(raw_database: Path, database: Path, dbt_vars: dict, target_path: Path,
          config_files: dict[str, str]) -> Path:
    """Copy the raw inputs to `database` and build the project there with the
    configuration CSV texts `config_files`, loaded as tables as the rule diff
    does (a bad row fails with the package's message naming it)."""
    copy_database(raw_database, database)
    load_config(database, config_files)
    run_dbt(["build", "--exclude", "resource_type:unit_test"], database, {**dbt_vars, **config_vars()},
            target_path=target_path, quiet=True)
    return database


def backtest_summary(database: Path, cutoffs: list[date]) -> dict[tuple, dict]:
    """(model, cut-off) -> the lead_score_backtest row, for the given cut-offs."""
    with duckdb.connect(str(database), read_only=True) as con:
        rows = con.execute("""
            select model_id, cutoff_date, leads, conversions, auc, top_decile_lift,
                new_mqls_week, capacity_threshold
            from main_lead_scoring.lead_score_backtest""").fetchall()
    names = ("leads", "conversions", "auc", "top_decile_lift", "mqls_per_week", "capacity_threshold")
    return {(model, cutoff): dict(zip(names, rest)) for model, cutoff, *rest in rows if cutoff in cutoffs}


# --------------------------------------------------------------------------- features
def write_csv(path: Path, rows: list[dict], columns: list[str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def number(text: str | None) -> float:
    return float(text) if text not in (None, "") else 0.0


def feature_units(config: dict[str, list[dict]]) -> dict[str, dict[tuple, float]]:
    """Per model, the features the weights are learnt on: (kind, rule id) ->
    the current points of one unit. A behaviour rule's unit is its first
    occurrence (earned points / its points: repeats and decay keep their
    shape), a sequence's its bonus, an inactivity step's being reached (minus
    its penalty), a fit rule's a match. Behaviour rules and sequences worth 0
    are left out: they cannot be scaled."""
    units = defaultdict(dict)
    for row in config["lead_scoring_behavior_rules"]:
        if number(row["points"]):
            units[row["model_id"]][("behavior", row["rule_id"])] = number(row["points"])
    for row in config["lead_scoring_sequence_rules"]:
        if number(row["points"]):
            units[row["model_id"]][("sequence", row["sequence_id"])] = number(row["points"])
    for row in config["lead_scoring_inactivity_steps"]:
        units[row["model_id"]][("inactivity", step_id(row))] = -number(row["penalty_points"])
    for row in config["lead_scoring_fit_rules"]:
        units[row["model_id"]][("fit", row["rule_id"])] = number(row["points"])
    return units


def step_id(row: dict) -> str:
    """An inactivity step's name in the backtest (macro inactivity_step_id)."""
    return f"inactive_{int(number(row['inactive_days']))}_days"


def read_features(database: Path, units: dict[str, dict[tuple, float]]) -> dict[str, dict]:
    """Per model: the leads of every cut-off with their features and outcome."""
    with duckdb.connect(str(database), read_only=True) as con:
        leads = con.execute("""
            select model_id, cutoff_date, contact_key, has_converted
            from main_lead_scoring_internal.int_lead_scoring__backtest_leads
            order by model_id, cutoff_date, contact_key""").fetchall()
        earned = con.execute("""
            select model_id, cutoff_date, contact_key, rule_kind, rule_id, earned_points
            from main_lead_scoring_internal.int_lead_scoring__backtest_rules_earned""").fetchall()
    data = {}
    for model, features in units.items():
        rows = [(cutoff, key, converted) for m, cutoff, key, converted in leads if m == model]
        data[model] = {"features": list(features), "cutoffs": np.array([r[0] for r in rows]),
                       "y": np.array([r[2] for r in rows], dtype=int),
                       "x": np.zeros((len(rows), len(features))),
                       "index": {(r[0], r[1]): i for i, r in enumerate(rows)}}
    columns = {model: {f: j for j, f in enumerate(d["features"])} for model, d in data.items()}
    for model, cutoff, key, kind, rule_id, points in earned:
        j = columns.get(model, {}).get((kind, rule_id))
        i = data[model]["index"].get((cutoff, key)) if model in data else None
        if j is not None and i is not None:
            is_scaled = kind in ("behavior", "sequence")
            data[model]["x"][i, j] = points / units[model][(kind, rule_id)] if is_scaled else 1.0
    for model, d in data.items():
        d["units"] = np.array([units[model][feature] for feature in d["features"]])
    return data


# --------------------------------------------------------------------------- learning
# the current scores enter the regression multiplied by this, so that the
# penalty barely touches their coefficient: only the changes are shrunk
ANCHOR_WEIGHT = 10.0
# points per unit of log-odds when the current scores do not rank at all
# (the per-rule lift's default, var lead_scoring__backtest_points_per_log_odds)
POINTS_PER_LOG_ODDS = 10.0


def learn(x: np.ndarray, y: np.ndarray) -> LogisticRegressionCV:
    """One L2-regularised logistic regression, its penalty chosen by 5-fold log-loss."""
    return LogisticRegressionCV(Cs=np.logspace(-4, 2, 13), cv=StratifiedKFold(5, shuffle=True, random_state=0),
                                scoring="neg_log_loss", l1_ratios=(0,), use_legacy_attributes=False,
                                max_iter=5000).fit(x, y)


def points_learnt(x: np.ndarray, units: np.ndarray, y: np.ndarray, covariate: np.ndarray) -> np.ndarray:
    """Suggested points per unit for the fit rules (columns of x, of current
    points `units`) next to the behaviour score `covariate`, by a logistic
    regression shrunk toward the current weights rather than toward zero: its
    inputs are each lead's current fit points (barely penalised), the
    behaviour score and every rule's units (penalised). A rule keeps its
    points unless the data move it: a rare rule moves little, a rule nobody
    matched not at all. The current points' coefficient is the
    configuration's log-odds per point, which turns the changes back into
    points on today's scale, so that the grade bands keep their meaning."""
    coefficients = learn(np.column_stack([x @ units * ANCHOR_WEIGHT, covariate * ANCHOR_WEIGHT, x]), y).coef_[0]
    per_point, changes = coefficients[0] * ANCHOR_WEIGHT, coefficients[2:]
    learnt = units + changes / per_point if per_point > 0 else POINTS_PER_LOG_ODDS * changes
    return np.where((x != 0).any(axis=0), learnt, units)


def log_odds_per_point(scores: np.ndarray, y: np.ndarray) -> float:
    """What one point of today's score is worth in log-odds (a logistic
    regression on it alone): the scale that turns coefficients into points."""
    per_point = learn(scores[:, None], y).coef_[0][0]
    return per_point if per_point > 0 else 1 / POINTS_PER_LOG_ODDS


def below_cap(x: np.ndarray, points: np.ndarray, cap: float) -> np.ndarray:
    """The points to the hundredth, scaled down if need be (never up) so that
    no lead of x reaches the score cap: leads tied at the cap cannot be
    ranked, nor sent to sales at a capacity."""
    factor = 1.0
    while True:
        rounded = np.round(points * factor, 2) + 0.0
        highest = (x @ rounded).max(initial=0)
        if highest < cap:
            return rounded
        factor *= cap / highest * 0.999


def lowest_floor(scores: np.ndarray, floor: float) -> float:
    """The score floor, lowered to the whole number under the lowest score of
    the earlier cut-offs: a floor ties stale leads with contacts who never
    engaged, whom the weights tell apart."""
    return min(floor, float(np.floor(scores.min(initial=floor))))


def suggest(data: dict, learn_cutoffs: list[date], regressions: dict, models: dict[str, dict]) -> dict:
    """Per model: (kind, rule id) -> suggested points per unit, learnt on the
    earlier cut-offs, and the suggested score floor. The behaviour score
    (rules, sequences, inactivity) ranks leads alone: its points are the
    plain regression's coefficients on its features (the joint fit, L2
    shrunk toward zero, so that a rare rule's few lucky conversions weigh
    little), on today's scale (log_odds_per_point), kept below the cap
    (below_cap), a penalty never negative, a rule nobody earned kept as is.
    The fit rules are learnt next to the current behaviour score
    (points_learnt), so that their weights hold what behaviour does not
    already say."""
    suggested = {}
    for model, d in data.items():
        rows = np.isin(d["cutoffs"], learn_cutoffs)
        x, y, units = d["x"][rows], d["y"][rows], d["units"]
        behaviour = behaviour_columns(d)
        xb, current = x[:, behaviour], x[:, behaviour] @ units[behaviour]
        points = np.zeros(len(units))
        learnt = regressions[model].coef_[0] / log_odds_per_point(current, y)
        is_penalty = np.array([kind == "inactivity" for kind, _ in d["features"]])[behaviour]
        learnt = np.where(is_penalty, np.minimum(learnt, 0), learnt)
        points[behaviour] = np.where((xb != 0).any(axis=0), learnt, units[behaviour])
        floor, cap = (number(models[model][name]) for name in ("score_floor", "score_cap"))
        points[behaviour] = below_cap(xb, points[behaviour], cap)
        if (~behaviour).any():
            points[~behaviour] = points_learnt(x[:, ~behaviour], units[~behaviour], y, covariate=current)
        suggested[model] = {"points": dict(zip(d["features"], points)),
                            "score_floor": lowest_floor(xb @ points[behaviour], floor)}
    return suggested


def plain_regressions(data: dict, learn_cutoffs: list[date]) -> dict:
    """Per model: a plain L2 logistic regression on the features the behaviour
    score is made of (behaviour rules, sequences, inactivity), on the earlier
    cut-offs: the suggested behaviour points, and the bar they must reach on
    the later ones once written as seeds and built."""
    regressions = {}
    for model, d in data.items():
        rows = np.isin(d["cutoffs"], learn_cutoffs)
        regressions[model] = learn(d["x"][rows][:, behaviour_columns(d)], d["y"][rows])
    return regressions


def behaviour_columns(d: dict) -> np.ndarray:
    return np.array([kind != "fit" for kind, _ in d["features"]])


# --------------------------------------------------------------------------- seeds
def points_text(value: float) -> str:
    """Points to the hundredth, as scores are (12, 7.5, 3.25)."""
    return f"{round(value, 2) + 0.0:g}"   # + 0.0: no "-0"


def suggested_config(config: dict[str, list[dict]], suggested: dict, thresholds: dict) -> dict:
    """The seeds with the suggested points, floors and thresholds, same columns,
    same rule ids; fit rules merged into `in` lists where they share points."""
    out = {seed: [dict(row) for row in rows] for seed, rows in config.items()}
    points = {model: s["points"] for model, s in suggested.items()}
    for row in out["lead_scoring_behavior_rules"]:
        per_unit = points.get(row["model_id"], {}).get(("behavior", row["rule_id"]))
        if per_unit is not None:
            factor = per_unit / number(row["points"])
            row["points"] = points_text(per_unit)
            if row["repeat_points"]:
                row["repeat_points"] = points_text(number(row["repeat_points"]) * factor)
    for row in out["lead_scoring_sequence_rules"]:
        per_unit = points.get(row["model_id"], {}).get(("sequence", row["sequence_id"]))
        if per_unit is not None:
            row["points"] = points_text(per_unit)
    for row in out["lead_scoring_inactivity_steps"]:
        per_unit = points.get(row["model_id"], {}).get(("inactivity", step_id(row)))
        if per_unit is not None:   # a penalty is subtracted: never below 0
            row["penalty_points"] = points_text(max(-per_unit, 0))
    for row in out["lead_scoring_fit_rules"]:
        per_unit = points.get(row["model_id"], {}).get(("fit", row["rule_id"]))
        if per_unit is not None:   # whole points: a profile is scored coarsely
            row["points"] = str(round(per_unit))
    out["lead_scoring_fit_rules"] = merge_fit_values(out["lead_scoring_fit_rules"])
    for row in out["lead_scoring_models"]:
        if row["model_id"] in suggested:
            row["score_floor"] = points_text(suggested[row["model_id"]]["score_floor"])
        if row["model_id"] in thresholds:
            row["mql_threshold"] = points_text(thresholds[row["model_id"]])
    return out


def merge_fit_values(rows: list[dict]) -> list[dict]:
    """Fit rules of a model on the same attribute, by value (`equals`, `in`),
    with the same points become one `in` rule under the first one's id."""
    merged, first_of = [], {}
    for row in rows:
        if row["operator"].lower() not in ("equals", "in"):
            merged.append(row)
            continue
        key = (row["model_id"], row["attribute"].lower(), number(row["points"]))
        if key not in first_of:
            first_of[key] = dict(row)
            merged.append(first_of[key])
            continue
        first = first_of[key]
        values = first["value"].split("|") + [v for v in row["value"].split("|") if v not in first["value"].split("|")]
        first.update(operator="in", value="|".join(values),
                     description=f"{first['description']} / {row['description']}")
    return merged


def capacity_thresholds(summary: dict, learn_cutoffs: list[date]) -> dict[str, float]:
    """Per model: the median over the earlier cut-offs of the lowest threshold
    within sales capacity (none when no cut-off has one)."""
    per_model = defaultdict(list)
    for (model, cutoff), row in summary.items():
        if cutoff in learn_cutoffs and row["capacity_threshold"] is not None:
            per_model[model].append(float(row["capacity_threshold"]))
    return {model: statistics.median(values) for model, values in per_model.items()}


# --------------------------------------------------------------------------- judging
def top_decile_lift(scores: np.ndarray, labels: np.ndarray) -> float | None:
    """As lead_score_backtest: decile 1 = leads fewer than a tenth of whom
    score strictly higher (ties share a decile); its rate over the base rate."""
    higher = len(scores) - np.searchsorted(np.sort(scores), scores, side="right")
    top = np.floor(10 * higher / len(scores)) == 0
    return float(labels[top].mean() / labels.mean()) if labels.sum() else None


def regression_rows(data: dict, regressions: dict, judge_cutoffs: list[date]) -> dict[tuple, dict]:
    """The plain logistic regression (unrounded, unclamped) on the later cut-offs."""
    rows = {}
    for model, d in data.items():
        for cutoff in judge_cutoffs:
            mask = d["cutoffs"] == cutoff
            y = d["y"][mask]
            if not mask.any() or y.min() == y.max():
                continue
            scores = regressions[model].predict_proba(d["x"][mask][:, behaviour_columns(d)])[:, 1]
            rows[(model, cutoff)] = {"leads": int(mask.sum()), "conversions": int(y.sum()),
                                     "auc": float(roc_auc_score(y, scores)),
                                     "top_decile_lift": top_decile_lift(scores, y), "mqls_per_week": None}
    return rows


def comparison_rows(judged: dict[str, dict]) -> list[dict]:
    rows = []
    for configuration, summary in judged.items():
        for (model, cutoff), row in sorted(summary.items()):
            rows.append({"model_id": model, "configuration": configuration, "cutoff_date": cutoff.isoformat(),
                         **{name: (float(row[name]) if row[name] is not None and name in ("auc", "top_decile_lift")
                                   else row[name])
                            for name in ("leads", "conversions", "auc", "top_decile_lift", "mqls_per_week")}})
    return rows


def print_comparison(rows: list[dict], learn_cutoffs: list[date], judge_cutoffs: list[date]) -> None:
    print(f"\nLearnt on the cut-offs {', '.join(map(str, learn_cutoffs))}; "
          f"judged on {', '.join(map(str, judge_cutoffs))} (never the same).")
    print(f"{'model':<12} {'cut-off':<11} {'configuration':<20} {'leads':>7} {'conv.':>6} "
          f"{'AUC':>6} {'top-decile lift':>16} {'MQLs/week':>10}")

    def shown(value, fmt):
        return format(value, fmt) if value is not None else "-"
    for row in sorted(rows, key=lambda r: (r["model_id"], r["cutoff_date"])):
        print(f"{row['model_id']:<12} {row['cutoff_date']:<11} {row['configuration']:<20} {row['leads']:>7,} "
              f"{row['conversions']:>6,} {shown(row['auc'], '.3f'):>6} {shown(row['top_decile_lift'], '.2f'):>16} "
              f"{shown(row['mqls_per_week'], 'd'):>10}")


def rule_rows(config: dict, suggestion: dict, units: dict) -> list[dict]:
    """Current and suggested points per rule (first occurrence, bonus, minus
    the penalty, or fit points; a fit rule merged into another: none)."""
    suggested_points = {}
    for row in suggestion["lead_scoring_behavior_rules"]:
        suggested_points[(row["model_id"], "behavior", row["rule_id"])] = number(row["points"])
    for row in suggestion["lead_scoring_sequence_rules"]:
        suggested_points[(row["model_id"], "sequence", row["sequence_id"])] = number(row["points"])
    for row in suggestion["lead_scoring_inactivity_steps"]:
        suggested_points[(row["model_id"], "inactivity", step_id(row))] = -number(row["penalty_points"])
    for row in suggestion["lead_scoring_fit_rules"]:
        suggested_points[(row["model_id"], "fit", row["rule_id"])] = number(row["points"])
    return [{"model_id": model, "kind": kind, "rule_id": rule_id, "current_points": current,
             "suggested_points": suggested_points.get((model, kind, rule_id))}
            for model, features in sorted(units.items()) for (kind, rule_id), current in features.items()]


# --------------------------------------------------------------------------- command
def cutoff_dates(first: date, last: date, every_days: int) -> list[date]:
    return [first + timedelta(days=d) for d in range(0, (last - first).days + 1, every_days)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=Path(os.environ.get(
        "LEAD_SCORING_DUCKDB_PATH", PROJECT_DIR / "target" / "lead_scoring.duckdb")))
    parser.add_argument("--as-of", type=date.fromisoformat, required=True)
    parser.add_argument("--from", dest="first", type=date.fromisoformat, required=True)
    parser.add_argument("--to", dest="last", type=date.fromisoformat, required=True)
    parser.add_argument("--every-days", type=int, default=30)
    parser.add_argument("--judge-from", type=date.fromisoformat,
                        help="the first cut-off judged on (default: the last 40%% of the cut-offs)")
    parser.add_argument("--config-dir", type=Path, default=PROJECT_DIR / "seeds",
                        help="the current configuration: a folder of configuration CSV files (one absent: the package's seed)")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "target" / "suggested_config")
    args = parser.parse_args()

    cutoffs = cutoff_dates(args.first, args.last, args.every_days)
    judge_from = args.judge_from or cutoffs[len(cutoffs) - max(1, round(len(cutoffs) * 0.4))]
    learn_cutoffs = [c for c in cutoffs if c < judge_from]
    judge_cutoffs = [c for c in cutoffs if c >= judge_from]
    if not learn_cutoffs or not judge_cutoffs:
        parser.error(f"need cut-offs both before and from {judge_from} (cut-offs: {cutoffs})")
    work = args.out / "work"
    work.mkdir(parents=True, exist_ok=True)
    dbt_vars = {"lead_scoring__as_of": args.as_of.isoformat(),
                "lead_scoring__score_dates": [c.isoformat() for c in cutoffs]}

    print(f"Backtesting the current configuration on {len(cutoffs)} cut-offs")
    config_files = read_config(str(args.config_dir))
    champion = build(args.database, work / "champion.duckdb", dbt_vars, work / "target", config_files)
    config = {seed: list(csv.DictReader(io.StringIO(config_files[seed]))) for seed in SUGGESTED_SEEDS}
    units = feature_units(config)
    data = read_features(champion, units)
    missing = [c for c in cutoffs if not any((d["cutoffs"] == c).any() for d in data.values())]
    if missing:
        raise SystemExit(f"no backtest leads on {missing}: is each cut-off + the horizon on or before --as-of?")
    regressions = plain_regressions(data, learn_cutoffs)
    models = {row["model_id"]: row for row in config["lead_scoring_models"]}
    suggested = suggest(data, learn_cutoffs, regressions, models)

    print("Backtesting the suggested weights")

    def write_and_build(thresholds: dict) -> tuple[dict, Path]:
        suggestion = suggested_config(config, suggested, thresholds)
        for seed, rows in suggestion.items():
            write_csv(args.out / f"{seed}.csv", rows, list(config[seed][0]))
        files = {**config_files, **{seed: (args.out / f"{seed}.csv").read_text(encoding="utf-8")
                                    for seed in SUGGESTED_SEEDS}}
        return suggestion, build(args.database, work / "challenger.duckdb", dbt_vars, work / "target", files)
    suggestion, challenger = write_and_build({})
    # the capacity threshold does not depend on the MQL threshold: built again with it
    thresholds = capacity_thresholds(backtest_summary(challenger, learn_cutoffs), learn_cutoffs)
    if thresholds:
        suggestion, challenger = write_and_build(thresholds)

    rows = comparison_rows({"champion": backtest_summary(champion, judge_cutoffs),
                            "challenger": backtest_summary(challenger, judge_cutoffs),
                            "logistic_regression": regression_rows(data, regressions, judge_cutoffs)})
    rules = rule_rows(config, suggestion, units)
    (args.out / "comparison.json").write_text(json.dumps(
        {"learnt_on": [c.isoformat() for c in learn_cutoffs], "judged_on": [c.isoformat() for c in judge_cutoffs],
         "rows": rows, "rules": rules}, indent=1))
    print(f"Suggested seeds written to {args.out}: {', '.join(f'{s}.csv' for s in SUGGESTED_SEEDS)}")
    for model, threshold in sorted(thresholds.items()):
        print(f"  {model}: MQL threshold {points_text(threshold)} (within sales capacity on the earlier cut-offs)")
    for model, row in sorted(models.items()):
        if suggested[model]["score_floor"] < number(row["score_floor"]):
            print(f"  {model}: score floor {points_text(suggested[model]['score_floor'])} (was {row['score_floor']}): "
                  "stale leads rank below contacts who never engaged")
    print_comparison(rows, learn_cutoffs, judge_cutoffs)


if __name__ == "__main__":
    main()
