"""The backtest marts and the calibration agree with scikit-learn and with a
brute-force count on the demo."""

from __future__ import annotations

import math
from collections import defaultdict

from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import f1_score, roc_auc_score

from conftest import query


def backtest_leads(demo) -> dict[tuple, list[tuple[float, bool, bool]]]:
    leads = defaultdict(list)
    for cutoff, model, score, converted, is_mql in query(demo["database"], """
            select cutoff_date, model_id, behavior_score, has_converted, is_mql
            from main_lead_scoring_internal.int_lead_scoring__backtest_leads"""):
        leads[(cutoff, model)].append((float(score), converted, is_mql))
    return leads


def summaries(demo) -> dict[tuple, tuple]:
    return {(cutoff, model): rest for cutoff, model, *rest in query(demo["database"], """
        select cutoff_date, model_id, auc, best_f1_threshold, best_f1, mql_f1
        from main_lead_scoring.lead_score_backtest""")}


def test_auc_equals_scikit_learn(demo):
    leads, summary = backtest_leads(demo), summaries(demo)
    assert summary.keys() == leads.keys() and len(leads) >= 2
    for key, rows in leads.items():
        labels = [converted for _, converted, _ in rows]
        assert 0 < sum(labels) < len(labels), key
        expected = roc_auc_score(labels, [score for score, _, _ in rows])
        assert abs(summary[key][0] - expected) < 1e-9, (key, summary[key][0], expected)


def test_best_f1_threshold_and_mql_f1_by_brute_force(demo):
    leads, summary = backtest_leads(demo), summaries(demo)
    for key, rows in leads.items():
        labels = [converted for _, converted, _ in rows]
        # every distinct score as "score >= threshold"; ties between thresholds: the higher one
        best = max((f1_score(labels, [score >= threshold for score, _, _ in rows]), threshold)
                   for threshold in {score for score, _, _ in rows})
        _, threshold, f1, mql_f1 = summary[key]
        assert (float(threshold), round(f1, 12)) == (best[1], round(best[0], 12)), key
        assert abs(mql_f1 - f1_score(labels, [is_mql for _, _, is_mql in rows])) < 1e-12, key


def test_calibration_is_scikit_learn_isotonic_regression_over_score_bands(demo):
    """Ten bands per model, the backtest's leads pooled over the cut-offs, fitted
    with sklearn's IsotonicRegression weighted by leads; lead_scores reads it."""
    models = {model: (float(low), float(high)) for model, low, high in query(demo["database"], """
        select model_id, score_floor, score_cap from main_lead_scoring_internal.int_lead_scoring__config_models""")}
    bands = defaultdict(lambda: [0, 0])
    for model, score, converted in query(demo["database"], """
            select model_id, behavior_score, has_converted
            from main_lead_scoring_internal.int_lead_scoring__backtest_leads"""):
        low, high = models[model]
        band = min(math.floor((float(score) - low) * 10 / (high - low)), 9)
        bands[(model, band)][0] += 1
        bands[(model, band)][1] += converted
    calibration = {(model, start): p for model, start, p in query(demo["database"], """
        select model_id, band_index_from, conversion_probability
        from main_lead_scoring_internal.int_lead_scoring__conversion_calibration""")}
    for model in models:
        fitted = sorted(band for (m, band) in bands if m == model)
        expected = IsotonicRegression().fit(
            fitted, [bands[(model, band)][1] / bands[(model, band)][0] for band in fitted],
            sample_weight=[bands[(model, band)][0] for band in fitted]).predict(fitted)
        got = [calibration[(model, 0 if band == fitted[0] else band)] for band in fitted]
        assert max(abs(a - b) for a, b in zip(got, expected)) < 1e-12, model
        assert got == sorted(got), model
    unscored = query(demo["database"], """
        select count(*) from main_lead_scoring.lead_scores where conversion_probability is null""")[0][0]
    assert unscored == 0


def test_new_mqls_per_week_and_capacity_threshold_by_brute_force(demo):
    target = 25   # var lead_scoring__backtest_target_mqls_per_week
    rows = defaultdict(list)
    for cutoff, model, score, before, is_mql, was_mql in query(demo["database"], """
            select cutoff_date, model_id, behavior_score, behavior_score_week_before, is_mql, was_mql_week_before
            from main_lead_scoring_internal.int_lead_scoring__backtest_leads"""):
        rows[(cutoff, model)].append((score, before, is_mql, was_mql))
    summary = {(cutoff, model): rest for cutoff, model, *rest in query(demo["database"], """
        select cutoff_date, model_id, new_mqls_week, capacity_threshold, capacity_threshold_new_mqls_week
        from main_lead_scoring.lead_score_backtest""")}
    assert rows.keys() == summary.keys()
    for key, leads in rows.items():
        def crossing(threshold):   # over it now, not (or not there) a week before
            return sum(score >= threshold and (before is None or before < threshold) for score, before, _, _ in leads)
        # from the top down, while no threshold so far lets more than the target through
        fits, most = [], 0
        for threshold in sorted({score for score, _, _, _ in leads}, reverse=True):
            most = max(most, crossing(threshold))
            if most <= target:
                fits.append(threshold)
        expected = (sum(is_mql and not was for _, _, is_mql, was in leads),
                    fits[-1] if fits else None, crossing(fits[-1]) if fits else None)
        assert tuple(summary[key]) == expected, key
