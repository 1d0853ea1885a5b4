"""The backtest marts agree with scikit-learn and with a brute-force count on the demo."""

from __future__ import annotations

from collections import defaultdict

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
