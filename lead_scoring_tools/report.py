"""Write the backtest as one static HTML page a marketer can read.

    python -m lead_scoring_tools.report [--database PATH] [--comparison FILE] [--out FILE]

Reads the backtest marts of schema main_lead_scoring (docs/scoring.md §14)
read-only, and per scoring model shows the summary per cut-off, the score
distribution, lift by decile, conversion by grade x score band, the
threshold trade-off and each rule's current vs suggested points; with
--comparison (the JSON file of `python -m lead_scoring_tools.suggest_weights`),
champion vs challenger. Plotly's JavaScript is inlined once: the page opens
offline. The MQL threshold, score range and rule descriptions come from the
typed configuration views when they exist (the marts do not carry them).
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import defaultdict
from decimal import Decimal
from html import escape
from pathlib import Path

import duckdb
import plotly.graph_objects as go
from plotly.colors import sample_colorscale
from plotly.offline import get_plotlyjs
from plotly.subplots import make_subplots

MARTS = "main_lead_scoring"
INTERNAL = "main_lead_scoring_internal"
TABLES = ["lead_score_backtest", "lead_score_backtest_deciles", "lead_score_backtest_grades",
          "lead_score_backtest_thresholds", "lead_score_backtest_rules"]
GREY, BLUE, ORANGE, GREEN, RED = "#9aa5b1", "#2563eb", "#ea580c", "#16a34a", "#dc2626"
CONFIGURATIONS = {"champion": "Champion: the current points",
                  "challenger": "Challenger: the suggested points",
                  "logistic_regression": "Logistic regression (benchmark)"}


# ---------------------------------------------------------------- data

def read_rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    """Rows as dicts; decimals as floats."""
    cursor = con.execute(sql)
    names = [column[0] for column in cursor.description]
    return [{name: float(value) if isinstance(value, Decimal) else value
             for name, value in zip(names, row)} for row in cursor.fetchall()]


def read_optional(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    """The same, or no rows when the relation is not there (e.g. installed as a package)."""
    try:
        return read_rows(con, sql)
    except (duckdb.CatalogException, duckdb.BinderException):
        return []


def load(database: Path) -> dict:
    """Everything the page shows, read from the DuckDB file without writing to it."""
    if not database.exists():
        raise SystemExit(f"report: no database at {database}; run `make demo` or dbt build first "
                         "(or pass --database, or set LEAD_SCORING_DUCKDB_PATH)")
    try:
        con = duckdb.connect(str(database), read_only=True)
    except duckdb.IOException as error:  # e.g. dbt is writing to it
        raise SystemExit(f"report: cannot open {database} read-only: {error}") from error
    with con:
        try:
            data = {table: read_rows(con, f"select * from {MARTS}.{table} order by all")
                    for table in TABLES}
            data["scores"] = read_rows(con, f"""
                select model_id, product_id, behavior_score, as_of_date
                from {MARTS}.lead_scores""")
        except duckdb.CatalogException as error:
            raise SystemExit(f"report: {database} lacks the backtest marts ({error}); "
                             "build the project with dbt first") from error
        data["models"] = {row["model_id"]: row for row in read_optional(con, f"""
            select model_id, product_id, model_description, mql_threshold, score_floor, score_cap
            from {INTERNAL}.int_lead_scoring__config_models""")}
        data["labels"] = {(row["model_id"], row["rule_id"]): row["label"]
                          for row in read_optional(con, f"""
            select model_id, rule_id, rule_description as label
            from {INTERNAL}.int_lead_scoring__config_behavior_rules
            union all
            select model_id, sequence_id, sequence_description
            from {INTERNAL}.int_lead_scoring__config_sequence_rules
            union all
            select model_id, rule_id, rule_description
            from {INTERNAL}.int_lead_scoring__config_fit_rules""") if row["label"]}
    return data


def group(rows: list[dict], key: str = "model_id") -> dict:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.get(key)].append(row)
    return grouped


# ---------------------------------------------------------------- formatting

def pct(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{100 * value:.{digits}f}%"


def number(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def auc_words(auc: float | None) -> str:
    if auc is None:
        return "not measurable"
    for bound, words in ((0.9, "excellent"), (0.8, "strong"), (0.7, "good"), (0.6, "fair")):
        if auc >= bound:
            return words
    return "weak"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "model"


def rule_label(labels: dict, model_id: str, rule_id: str) -> str:
    label = labels.get((model_id, rule_id))
    return f"{label} ({rule_id})" if label else rule_id


def table(headers: list[str], rows: list[list[str]], css_class: str = "") -> str:
    """An HTML table; every cell is escaped here, except those wrapped in Markup."""
    def cell(value) -> str:
        return value.html if isinstance(value, Markup) else escape(str(value))
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell(value)}</td>" for value in row) + "</tr>"
                   for row in rows)
    return (f'<table class="{escape(css_class)}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table>')


class Markup:
    """Cell content that is already HTML (built from escaped parts)."""

    def __init__(self, html: str):
        self.html = html


def chart(fig: go.Figure, div_id: str, height: int) -> str:
    fig.update_layout(
        template="plotly_white", height=height, title=None,
        margin={"l": 60, "r": 30, "t": 40, "b": 50},
        font={"family": "system-ui, -apple-system, Segoe UI, sans-serif", "size": 13},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id,
                       config={"displaylogo": False, "responsive": True})


# ---------------------------------------------------------------- sections

def intro(data: dict) -> str:
    horizon = next((row["horizon_days"] for row in data["lead_score_backtest"]), None)
    as_of = next((row["as_of_date"] for row in data["scores"]), None)
    cutoffs = sorted({row["cutoff_date"] for row in data["lead_score_backtest"]})
    facts = [f"Scores as of <b>{escape(str(as_of))}</b>" if as_of else "No scores yet"]
    if cutoffs:
        facts.append("cut-offs " + ", ".join(f"<b>{escape(str(day))}</b>" for day in cutoffs))
        facts.append(f"horizon <b>{horizon} days</b>")
    days = f"{horizon} days" if horizon else "a number of days (the horizon)"
    return f"""
<section class="intro">
  <p class="facts">{' · '.join(facts)}</p>
  <h2>How to read this report</h2>
  <p>A backtest asks: <em>had we trusted the score in the past, would it have pointed sales at the
  right leads?</em></p>
  <ul>
    <li>A <b>cut-off</b> is a past date on which every lead was scored again with only what was
    known that day. We then look at what happened next.</li>
    <li>The <b>horizon</b> is how long we wait after a cut-off: a lead <em>converted</em> if it
    became a customer of the product within {days}.</li>
    <li><b>AUC</b>: take one lead that converted and one that did not; the AUC is how often the one
    that converted had the higher score. 0.5 is a coin flip, 1.0 is always; above 0.8 the score
    ranks leads well.</li>
    <li><b>Lift</b> compares a group's conversion rate with the average lead's. The <em>top
    decile</em> is the 10% of leads with the highest scores: a top-decile lift of 5 means they
    converted 5 times as often as the average lead.</li>
    <li><b>MQL precision</b> is the share of the MQLs (leads passed to sales) that converted;
    <b>recall</b> is the share of all conversions that sales had received as MQLs. A higher
    threshold usually means better precision, lower recall and fewer MQLs per week.</li>
  </ul>
</section>"""


def empty_backtest() -> str:
    return """
<section class="notice">
  <h2>No backtest yet</h2>
  <p>The database holds no backtest cut-offs, so there is nothing to chart. A backtest needs past
  scoring dates whose horizon has ended, and conversions. Set var
  <code>lead_scoring__score_dates</code> and build again, for example:</p>
  <pre>dbt build --vars '{lead_scoring__score_dates: {from: "2026-01-01", to: "2026-04-01", every_days: 30}}'</pre>
  <p>then run <code>python -m lead_scoring_tools.report</code> again.</p>
</section>"""


def summary(model_id: str, backtest: list[dict], settings: dict) -> str:
    latest = backtest[-1]
    threshold = settings.get("mql_threshold")
    takeaway = (
        f"On the latest cut-off ({escape(str(latest['cutoff_date']))}), the score's ranking of the "
        f"leads was <b>{auc_words(latest['auc'])}</b> (AUC {number(latest['auc'], 2)}): the top 10% "
        f"converted <b>{number(latest['top_decile_lift'], 1)}×</b> as often as the average lead "
        f"({pct(latest['conversion_rate'])}). MQL routing"
        + (f" (threshold {number(threshold)})" if threshold is not None else "")
        + f" caught <b>{pct(latest['mql_recall'], 0)}</b> of the conversions, and "
        f"<b>{pct(latest['mql_precision'], 0)}</b> of its MQLs converted.")
    rows = [[str(row["cutoff_date"]), number(row["leads"]),
             f"{number(row['conversions'])} ({pct(row['conversion_rate'])})",
             f"{number(row['auc'], 2)} ({auc_words(row['auc'])})",
             f"{number(row['top_decile_lift'], 1)}×",
             number(row["mql_leads"]), pct(row["mql_precision"], 0), pct(row["mql_recall"], 0),
             number(row["new_mqls_week"]),
             f"{number(row['best_f1_threshold'], 1)} (F1 {number(row['best_f1'], 2)})",
             f"{number(row['capacity_threshold'], 1)} "
             f"({number(row['capacity_threshold_new_mqls_week'])}/week)"]
            for row in backtest]
    headers = ["Cut-off", "Leads", f"Converted in {latest['horizon_days']} days", "AUC",
               "Top-decile lift", "MQLs", "MQL precision", "MQL recall", "New MQLs that week",
               "Best-F1 threshold", "Capacity threshold"]
    return f"""
<p class="takeaway">{takeaway}</p>
{table(headers, rows, "summary")}
<p class="note">Best-F1 threshold: the score that best balances precision and recall. Capacity
threshold: the lowest score that would have sent sales no more new MQLs in a week than they can
take.</p>"""


def score_distribution(model_id: str, scores: list[dict], settings: dict) -> str:
    values = [row["behavior_score"] for row in scores]
    floor = settings.get("score_floor", min(values, default=0))
    cap = settings.get("score_cap", max(values, default=100))
    threshold = settings.get("mql_threshold")
    above_floor = [value for value in values if value > floor]
    at_floor = len(values) - len(above_floor)
    size = (cap - floor) / 20 or 1
    bins = {"start": floor, "end": cap + size, "size": size}
    fig = go.Figure()
    below = [value for value in above_floor if threshold is None or value < threshold]
    above = [value for value in above_floor if threshold is not None and value >= threshold]
    for name, color, part in (("below the MQL threshold", GREY, below),
                              ("at or above the MQL threshold", BLUE, above)):
        fig.add_histogram(x=part, xbins=bins, name=name, marker_color=color,
                          hovertemplate="score %{x}<br>%{y} leads<extra></extra>")
    fig.update_layout(barmode="stack", bargap=0.05, xaxis_title="Behaviour score today",
                      yaxis_title="Leads")
    if threshold is not None:
        fig.add_vline(x=threshold, line_color=RED, line_dash="dash",
                      annotation_text=f"MQL threshold {threshold:g}", annotation_position="top right")
    return f"""
<h3>Score distribution</h3>
<p>How today's {len(values):,} leads spread over the score. Leads at the floor ({floor:g}), with no recent
activity, are left out of the chart: <b>{at_floor:,}</b> of {len(values):,}
({pct(at_floor / len(values) if values else None, 0)}).</p>
{chart(fig, f"chart-{slug(model_id)}-distribution", 340)}"""


def decile_lift(model_id: str, deciles: list[dict]) -> str:
    fig = go.Figure()
    by_cutoff = sorted(group(deciles, "cutoff_date").items())
    colors = sample_colorscale("Blues", len(by_cutoff), low=0.4, high=0.9)  # the latest darkest
    for (cutoff, rows), color in zip(by_cutoff, colors):
        fig.add_bar(
            x=[f"decile {row['score_decile']}" for row in rows], y=[row["lift"] for row in rows],
            name=f"cut-off {cutoff}", marker_color=color,
            customdata=[[number(row["min_behavior_score"], 1), number(row["max_behavior_score"], 1),
                         row["leads"], row["conversions"], pct(row["conversion_rate"])] for row in rows],
            hovertemplate=("lift %{y:.1f}×<br>scores %{customdata[0]}–%{customdata[1]}<br>"
                           "%{customdata[3]} of %{customdata[2]} leads converted (%{customdata[4]})"
                           "<extra></extra>"))
    fig.add_hline(y=1, line_color=RED, line_dash="dash", annotation_text="average lead (lift 1)",
                  annotation_position="top right")
    fig.update_layout(barmode="group", xaxis_title="Score decile (1 = the 10% highest scores)",
                      yaxis_title="Lift (× the average lead)")
    return f"""
<h3>Lift by decile</h3>
<p>Leads sorted by their score on each cut-off and cut into ten groups of equal size; leads with
the same score share a group, so the many leads at the floor make the last groups one. A good
score puts a tall bar on decile 1 and short bars after it.</p>
{chart(fig, f"chart-{slug(model_id)}-deciles", 360)}"""


def grade_heatmap(model_id: str, grades: list[dict]) -> str:
    cells = defaultdict(lambda: [0, 0])  # (grade, band) -> leads, conversions over the cut-offs
    bands = {}
    for row in grades:
        band = row["score_band_from"]
        bands[band] = f"{row['score_band_from']:g}–{row['score_band_to']:g}"
        cells[(row["grade"] or "no grade", band)][0] += row["leads"]
        cells[(row["grade"] or "no grade", band)][1] += row["conversions"]
    grade_names = sorted({grade for grade, _ in cells}, reverse=True)  # D at the bottom, A on top
    band_keys = sorted(bands)
    rate = [[cells[(g, b)][1] / cells[(g, b)][0] if cells[(g, b)][0] else None for b in band_keys]
            for g in grade_names]
    text = [[f"{pct(rate[i][j], 0)}<br>{cells[(g, b)][1]} of {cells[(g, b)][0]}" if cells[(g, b)][0] else ""
             for j, b in enumerate(band_keys)] for i, g in enumerate(grade_names)]
    fig = go.Figure(go.Heatmap(
        z=rate, x=[bands[b] for b in band_keys], y=[escape(g) for g in grade_names], text=text,
        texttemplate="%{text}", colorscale="Blues", zmin=0, colorbar={"title": "converted", "tickformat": ".0%"},
        hovertemplate="grade %{y}, score %{x}<br>%{text}<extra></extra>", xgap=2, ygap=2))
    fig.update_layout(xaxis_title="Behaviour score on the cut-off", yaxis_title="Fit grade",
                      xaxis_showgrid=False, yaxis_showgrid=False)
    return f"""
<h3>Conversion by grade and score</h3>
<p>Each cell: the share of leads of that fit grade and score band that converted, with the count
(all cut-offs together). Routing reads this matrix: the cells that convert should be those sent
to sales.</p>
{chart(fig, f"chart-{slug(model_id)}-grades", 340)}"""


def threshold_tradeoff(model_id: str, thresholds: list[dict], latest: dict, settings: dict) -> str:
    rows = [row for row in thresholds if row["cutoff_date"] == latest["cutoff_date"]]
    x = [row["threshold"] for row in rows]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for name, key, color in (("precision", "precision_at_threshold", BLUE),
                             ("recall", "recall_at_threshold", ORANGE)):
        fig.add_scatter(x=x, y=[row[key] for row in rows], name=name, line_color=color, line_shape="hv",
                        hovertemplate=f"threshold %{{x}}<br>{name} %{{y:.0%}}<extra></extra>",
                        secondary_y=False)
    fig.add_scatter(x=x, y=[row["new_mqls_week"] for row in rows], name="new MQLs per week",
                    line_color=GREEN, line_shape="hv", secondary_y=True,
                    hovertemplate="threshold %{x}<br>%{y} new MQLs in the week<extra></extra>")
    marks = [("best F1", latest["best_f1_threshold"], "dot", "bottom right"),
             ("capacity", latest["capacity_threshold"], "dot", "bottom left"),
             ("current", settings.get("mql_threshold"), "dash", "top right")]
    for name, value, dash, position in marks:
        if value is not None:
            fig.add_vline(x=value, line_dash=dash, line_color=RED if name == "current" else GREY,
                          annotation_text=f"{name} {value:g}", annotation_position=position)
    fig.update_yaxes(title_text="Precision / recall", tickformat=".0%", range=[0, 1.05], secondary_y=False)
    fig.update_yaxes(title_text="New MQLs per week", rangemode="tozero", showgrid=False, secondary_y=True)
    fig.update_layout(xaxis_title="MQL threshold (behaviour score)", hovermode="x unified")
    return f"""
<h3>Choosing the MQL threshold</h3>
<p>For every possible threshold on the latest cut-off ({escape(str(latest['cutoff_date']))}): the share of the leads above it that
converted (precision), the share of the conversions it would have caught (recall), and how many
new MQLs it would have sent in a week. Move right for fewer, better MQLs.</p>
{chart(fig, f"chart-{slug(model_id)}-thresholds", 420)}"""


def rule_weights(model_id: str, rules: list[dict], labels: dict) -> str:
    latest = max(row["cutoff_date"] for row in rules)
    rows = sorted((row for row in rules if row["cutoff_date"] == latest),
                  key=lambda row: (row["suggested_points"] is None, row["suggested_points"] or 0))
    names = [escape(rule_label(labels, model_id, row["rule_id"])) for row in rows]
    fig = go.Figure()
    for name, key, color in (("current points", "current_points", GREY),
                             ("suggested points", "suggested_points", BLUE)):
        fig.add_bar(y=names, x=[row[key] for row in rows], name=name, orientation="h", marker_color=color,
                    hovertemplate=f"%{{y}}<br>{name} %{{x}}<extra></extra>")
    fig.update_layout(barmode="group", xaxis_title="Points", yaxis={"automargin": True}, bargap=0.25)
    details = table(
        ["Rule", "Kind", "Leads with it", "Converted with it", "Converted without it", "Lift",
         "Current points", "Suggested points"],
        [[rule_label(labels, model_id, row["rule_id"]), row.get("rule_kind") or "",
          number(row["leads_with_rule"]), pct(row["conversion_rate_with_rule"]),
          pct(row["conversion_rate_without_rule"]), number(row["lift"], 1),
          number(row["current_points"], 1), number(row["suggested_points"], 1)] for row in reversed(rows)],
        "rules")
    return f"""
<h3>Which rules predict conversion</h3>
<p>For each rule, how much more often the leads that had earned it by the latest cut-off
({escape(str(latest))}) converted,
turned into points (the suggested weight; rare rules are pulled toward 0). Rules are judged one
at a time and overlap, so read these as hints, not as a new configuration: the champion vs
challenger section tests suggested points together.</p>
{chart(fig, f"chart-{slug(model_id)}-rules", 140 + 26 * len(rows))}
<details><summary>The numbers behind the chart</summary>{details}</details>"""


def change(rule: dict) -> float | None:
    """Suggested minus current points; None when no weight was suggested."""
    if rule.get("suggested_points") is None:
        return None
    return rule["suggested_points"] - (rule.get("current_points") or 0)


def comparison_section(comparison: dict | None, labels: dict) -> str:
    if comparison is None:
        return """
<section id="champion-challenger"><h2>Champion vs challenger</h2>
<p class="notice">No comparison given. <code>python -m lead_scoring_tools.suggest_weights</code>
learns weights on some cut-offs, judges them on later ones against the current points, and writes
a JSON file: pass it with <code>--comparison FILE</code> to see the result here.</p></section>"""
    learnt = ", ".join(map(str, comparison.get("learnt_on", []))) or "–"
    judged = ", ".join(map(str, comparison.get("judged_on", []))) or "–"
    parts = [f"""
<section id="champion-challenger"><h2>Champion vs challenger</h2>
<p>The <b>champion</b> is today's configuration; the <b>challenger</b> the same rules with suggested
points, learnt on the cut-offs <b>{escape(learnt)}</b> and judged on <b>{escape(judged)}</b>, which
it had not seen. Keep the challenger only if it does better on those (higher AUC and lift, for a
number of MQLs sales can take). The best AUC of each cut-off is in bold.</p>"""]
    rows_by_model = group(comparison.get("rows", []), "model_id")
    rules_by_model = group(comparison.get("rules", []), "model_id")
    for model_id in sorted(set(rows_by_model) | set(rules_by_model)):
        order = list(CONFIGURATIONS)
        rows = sorted(rows_by_model.get(model_id, []), key=lambda r: (
            str(r.get("cutoff_date")), order.index(r["configuration"]) if r.get("configuration") in order
            else len(order), str(r.get("configuration"))))
        best = {}
        for row in rows:
            if row.get("auc") is not None:
                best[row.get("cutoff_date")] = max(best.get(row.get("cutoff_date"), 0), row["auc"])
        body = [[str(row.get("cutoff_date", "")),
                 CONFIGURATIONS.get(row.get("configuration"), str(row.get("configuration", ""))),
                 number(row.get("leads")), number(row.get("conversions")),
                 Markup(f"<b>{number(row['auc'], 3)}</b>") if row.get("auc") is not None
                 and row["auc"] == best.get(row.get("cutoff_date")) else number(row.get("auc"), 3),
                 f"{number(row.get('top_decile_lift'), 1)}×", number(row.get("mqls_per_week"), 1)]
                for row in rows]
        parts.append(f"<h3>{escape(model_id)}</h3>" + table(
            ["Cut-off", "Configuration", "Leads", "Conversions", "AUC", "Top-decile lift",
             "MQLs per week"], body, "comparison"))
        rules = sorted(rules_by_model.get(model_id, []), key=lambda r: -abs(change(r) or 0))
        if rules:
            parts.append("<details><summary>Points per rule: current vs suggested</summary>" + table(
                ["Rule", "Kind", "Current points", "Suggested points", "Change"],
                [[rule_label(labels, model_id, str(r.get("rule_id", ""))), str(r.get("kind", "")),
                  number(r.get("current_points"), 1), number(r.get("suggested_points"), 1),
                  number(change(r), 1)]
                 for r in rules], "comparison-rules") + "</details>")
    return "\n".join(parts) + "</section>"


def model_section(model_id: str, data: dict) -> str:
    settings = data["models"].get(model_id, {})
    backtest = group(data["lead_score_backtest"]).get(model_id, [])
    scores = [row for row in data["scores"] if row["model_id"] == model_id]
    product = settings.get("product_id") or next((row["product_id"] for row in scores), "")
    heading = f"{escape(model_id)} <span class=\"product\">product {escape(product or '–')}</span>"
    about = f"<p>{escape(settings['model_description'])}</p>" if settings.get("model_description") else ""
    if not backtest:
        return (f'<section class="model" id="model-{slug(model_id)}"><h2>{heading}</h2>{about}'
                '<p class="notice">No backtest for this model: no cut-off had leads and conversions '
                'of its product.</p></section>')
    parts = [summary(model_id, backtest, settings),
             score_distribution(model_id, scores, settings),
             decile_lift(model_id, group(data["lead_score_backtest_deciles"]).get(model_id, [])),
             grade_heatmap(model_id, group(data["lead_score_backtest_grades"]).get(model_id, [])),
             threshold_tradeoff(model_id, group(data["lead_score_backtest_thresholds"]).get(model_id, []),
                                backtest[-1], settings)]
    rules = group(data["lead_score_backtest_rules"]).get(model_id, [])
    parts.append(rule_weights(model_id, rules, data["labels"]) if rules else
                 "<h3>Which rules predict conversion</h3><p>No rule was earned by the cut-offs.</p>")
    return f'<section class="model" id="model-{slug(model_id)}"><h2>{heading}</h2>{about}{"".join(parts)}</section>'


STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; margin: 0;
       background: #f5f7fa; line-height: 1.5; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
h1 { margin: 0 0 4px; font-size: 28px; } h2 { margin-top: 40px; border-bottom: 2px solid #e4e7eb;
padding-bottom: 6px; } h3 { margin-top: 32px; color: #323f4b; }
.product { font-size: 15px; font-weight: normal; color: #616e7c; margin-left: 8px; }
.facts { color: #52606d; } .note { color: #616e7c; font-size: 14px; }
.takeaway { background: #eff6ff; border-left: 4px solid #2563eb; padding: 10px 14px; }
.notice { background: #fffbeb; border-left: 4px solid #d97706; padding: 10px 14px; }
nav a { margin-right: 16px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 12px 0; }
th, td { padding: 6px 8px; border-bottom: 1px solid #e4e7eb; text-align: right; }
th { background: #f5f7fa; font-weight: 600; } th:first-child, td:first-child,
table.rules :is(th, td):nth-child(2), table.comparison :is(th, td):nth-child(2),
table.comparison-rules :is(th, td):nth-child(2) { text-align: left; }
td:first-child { white-space: nowrap; }
code, pre { background: #f5f7fa; padding: 1px 4px; border-radius: 3px; } pre { padding: 10px; overflow-x: auto; }
details { margin: 8px 0 16px; } summary { cursor: pointer; color: #2563eb; }
"""


def render(data: dict, comparison: dict | None = None) -> str:
    """The whole page as a string."""
    has_backtest = bool(data["lead_score_backtest"])
    model_ids = sorted({row["model_id"] for row in data["lead_score_backtest"]}
                       | {row["model_id"] for row in data["scores"]})
    nav = " ".join(f'<a href="#model-{slug(m)}">{escape(m)}</a>' for m in model_ids) if has_backtest else ""
    body = [intro(data)]
    if has_backtest:
        body += [f"<nav>{nav}<a href=\"#champion-challenger\">champion vs challenger</a></nav>"]
        body += [model_section(model_id, data) for model_id in model_ids]
    else:
        body.append(empty_backtest())
    body.append(comparison_section(comparison, data["labels"]))
    script = f"<script>{get_plotlyjs()}</script>" if has_backtest else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Lead scoring backtest</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{STYLE}</style>{script}</head>
<body><main><h1>Lead scoring backtest</h1>{''.join(body)}</main></body></html>
"""


def write_report(database: Path, out: Path, comparison_path: Path | None = None) -> Path:
    comparison = None
    if comparison_path is not None:
        try:
            comparison = json.loads(Path(comparison_path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise SystemExit(f"report: cannot read the comparison {comparison_path}: {error}") from error
    html = render(load(Path(database)), comparison)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=Path(
        os.environ.get("LEAD_SCORING_DUCKDB_PATH", "target/lead_scoring.duckdb")))
    parser.add_argument("--comparison", type=Path, help="JSON file of lead_scoring_tools.suggest_weights")
    parser.add_argument("--out", type=Path, default=Path("target/lead_score_backtest_report.html"))
    args = parser.parse_args()
    print(write_report(args.database, args.out, args.comparison))


if __name__ == "__main__":
    main()
