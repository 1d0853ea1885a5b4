"""The backtest report (lead_scoring_tools/report.py) renders in a real browser:
headless Chromium from Debian, driven by playwright, with the network closed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

from conftest import ROOT, query
from lead_scoring_tools.report import write_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "target" / "test_artifacts" / "backtest_report.png"
# summary aside: distribution, deciles, grade x band, threshold trade-off, rule weights
CHARTS_PER_MODEL = 5

COMPARISON = {
    "learnt_on": ["2026-01-31"], "judged_on": ["2026-04-01"],
    "rows": [{"model_id": model, "configuration": configuration, "cutoff_date": "2026-04-01",
              "leads": 2401, "conversions": 37, "auc": auc, "top_decile_lift": lift, "mqls_per_week": mqls}
             for model in ("flow_v1", "insight_v1")
             for configuration, auc, lift, mqls in (("champion", 0.905, 8.1, 12.0),
                                                    ("challenger", 0.921, 8.6, 14.5),
                                                    ("logistic_regression", 0.93, 8.9, 15.0))],
    "rules": [{"model_id": "flow_v1", "rule_id": "b01_demo_request", "kind": "behavior",
               "current_points": 30, "suggested_points": 42},
              {"model_id": "flow_v1", "rule_id": "x<script>alert(1)</script>", "kind": "fit",
               "current_points": 5, "suggested_points": -3}],
}

# per plotly chart: its size, the size of its plot area (the drag surface over the
# axes) and the marks drawn in it (bars and histogram bins: g.point paths, lines:
# path.js-line, a heatmap: an image), as plotly.js 3 lays them out
CHARTS = """() => [...document.querySelectorAll('.plotly-graph-div')].map(div => {
    const box = element => { const r = element ? element.getBoundingClientRect() : null;
                             return r ? [r.width, r.height] : [0, 0]; };
    const marks = div.querySelectorAll('.overplot g.point path, .overplot path.js-line, .overplot .hm image');
    return {id: div.id, svgs: div.querySelectorAll('.main-svg').length,
            svg: box(div.querySelector('.main-svg')), plot: box(div.querySelector('.draglayer .nsewdrag')),
            marks: [...marks].filter(mark => Math.max(...box(mark)) > 0).length};
})"""


def open_in_chromium(html_file: Path, screenshot: Path | None = None) -> tuple[list[dict], list[str], list[int]]:
    """Load the page offline; return its charts, its errors and the comparison tables' row counts."""
    assert CHROMIUM.exists(), (
        f"{CHROMIUM} is missing: install Debian's chromium "
        "(apt-get install -y chromium; .ci/run does it in CI)")
    errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda message: message.type == "error" and errors.append(
                f"console: {message.text}"))
            page.on("pageerror", lambda error: errors.append(f"page error: {error}"))

            def offline(route):  # the page must need nothing but itself
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    errors.append(f"network request: {route.request.url}")
                    route.abort()

            page.route("**/*", offline)
            page.goto(html_file.as_uri(), wait_until="load")
            try:  # plotly draws asynchronously: wait until every chart shows marks, then check them
                page.wait_for_function(f"() => ({CHARTS})().every(chart => chart.marks > 0)", timeout=30_000)
            except PlaywrightTimeoutError:
                pass  # the assertions below say which chart is blank
            charts = page.evaluate(CHARTS)
            comparison_rows = page.evaluate(
                "() => [...document.querySelectorAll('table.comparison')].map(t => t.tBodies[0].rows.length)")
            if screenshot:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return charts, errors, comparison_rows


def test_report_renders_every_chart_in_chromium(demo, tmp_path):
    comparison = tmp_path / "comparison.json"
    comparison.write_text(json.dumps(COMPARISON), encoding="utf-8")
    report = write_report(demo["database"], tmp_path / "report.html", comparison)
    html = report.read_text(encoding="utf-8")
    assert html.count("* plotly.js v") == 1, "plotly.js inlined once"
    assert not re.search(r"<script[^>]*\bsrc=|<link\b", html), "nothing loaded from elsewhere"
    assert "x&lt;script&gt;alert(1)&lt;/script&gt;" in html and "x<script>" not in html

    models = [model for (model,) in query(demo["database"], """
        select distinct model_id from main_lead_scoring.lead_score_backtest order by 1""")]
    assert len(models) == 2

    charts, errors, comparison_rows = open_in_chromium(report, SCREENSHOT)
    assert errors == []
    assert len(charts) == CHARTS_PER_MODEL * len(models), [chart["id"] for chart in charts]
    for chart in charts:
        assert chart["svgs"] >= 1, chart
        assert min(chart["svg"]) > 100 and min(chart["plot"]) > 50, chart
        assert chart["marks"] > 0, chart
    # one champion / challenger table per model, a row per configuration and cut-off
    assert comparison_rows == [3, 3]
    assert SCREENSHOT.stat().st_size > 50_000


def test_report_without_comparison_says_how_to_get_it(demo, tmp_path):
    html = write_report(demo["database"], tmp_path / "report.html").read_text(encoding="utf-8")
    assert "python -m lead_scoring_tools.suggest_weights" in html
    assert 'class="comparison"' not in html


def test_empty_backtest_renders_a_message_not_charts(demo, tmp_path):
    """Built without score dates: the marts exist but are empty."""
    database = tmp_path / "empty.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute(f"attach '{demo['database']}' as demo (read_only)")
        con.execute("create schema main_lead_scoring")
        for table in ("lead_score_backtest", "lead_score_backtest_deciles", "lead_score_backtest_grades",
                      "lead_score_backtest_thresholds", "lead_score_backtest_rules"):
            con.execute(f"create table main_lead_scoring.{table} as "
                        f"select * from demo.main_lead_scoring.{table} limit 0")
        con.execute("create table main_lead_scoring.lead_scores as "
                    "select * from demo.main_lead_scoring.lead_scores")
    html = write_report(database, tmp_path / "report.html").read_text(encoding="utf-8")
    assert "No backtest yet" in html and "lead_scoring__score_dates" in html
    assert "plotly-graph-div" not in html and "<script>" not in html
