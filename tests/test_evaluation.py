"""Metrics of ``scamshield.evaluation`` on small hand-made cases."""

from __future__ import annotations

import math

import pytest

from scamshield.evaluation import (
    EvalRecord,
    calibration_table,
    confusion,
    percentiles,
    pr_curve,
    roc_auc,
    summarise,
)


@pytest.mark.parametrize(
    "labels, preds, expected",
    [
        # tp fp tn fn
        ([1, 1, 0, 0], [1, 0, 1, 0], (1, 1, 1, 1)),
        ([1, 1, 1, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 1], (2, 1, 3, 1)),
        ([0, 0], [0, 0], (0, 0, 2, 0)),
        ([1], [0], (0, 0, 0, 1)),
    ],
)
def test_confusion_counts(labels, preds, expected):
    cm = confusion(labels, preds)
    assert (cm.tp, cm.fp, cm.tn, cm.fn) == expected


def test_precision_recall_f1_fpr():
    cm = confusion([1, 1, 1, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 1])  # tp2 fp1 tn3 fn1
    assert cm.precision == pytest.approx(2 / 3)
    assert cm.recall == pytest.approx(2 / 3)
    assert cm.f1 == pytest.approx(2 / 3)
    assert cm.fpr == pytest.approx(1 / 4)
    assert cm.accuracy == pytest.approx(5 / 7)


def test_undefined_ratios_are_none():
    cm = confusion([0, 0], [0, 0])
    assert cm.precision is None and cm.recall is None and cm.f1 is None
    assert cm.fpr == 0.0
    cm = confusion([1, 1], [1, 0])
    assert cm.fpr is None and cm.recall == 0.5


@pytest.mark.parametrize(
    "labels, scores, expected",
    [
        ([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], 1.0),
        ([0, 0, 1, 1], [0.9, 0.8, 0.2, 0.1], 0.0),
        ([0, 1], [0.5, 0.5], 0.5),
        # pairs (pos, neg): (0.35 > 0.1) (0.35 < 0.4) (0.8 > 0.1) (0.8 > 0.4) -> 3/4
        ([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.75),
        # one tie counts 1/2: pos 0.4 vs neg 0.4 -> (1 + 0.5 + 1 + 1) / 4
        ([0, 0, 1, 1], [0.4, 0.1, 0.4, 0.9], 0.875),
    ],
)
def test_roc_auc(labels, scores, expected):
    assert roc_auc(labels, scores) == pytest.approx(expected)


def test_roc_auc_matches_pairwise_definition():
    labels = [1, 0, 1, 1, 0, 0, 1, 0, 0, 1]
    scores = [70, 20, 55, 55, 60, 5, 90, 55, 30, 10]
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    pairs = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    assert roc_auc(labels, scores) == pytest.approx(pairs / (len(pos) * len(neg)))


def test_roc_auc_single_class_is_none():
    assert roc_auc([1, 1], [0.2, 0.3]) is None


def test_percentiles():
    p = percentiles([float(i) for i in range(1, 101)])
    assert p["p50"] == 50.0
    assert p["p99"] == 99.0
    assert p["max"] == 100.0
    assert p["mean"] == pytest.approx(50.5)
    assert percentiles([]) == {}


def test_calibration_table_bands():
    labels = [0, 0, 1, 1, 1, 0]
    scores = [10, 20, 30, 80, 95, 96]
    rows = {r["band"]: r for r in calibration_table(labels, scores)}
    assert rows["0-25"]["rows"] == 2 and rows["0-25"]["fraud_rate"] == 0.0
    assert rows["25-50"]["rows"] == 1 and rows["25-50"]["fraud_rate"] == 1.0
    assert rows["50-75"]["rows"] == 0 and rows["50-75"]["fraud_rate"] is None
    assert rows["90-100"]["rows"] == 2 and rows["90-100"]["fraud_rate"] == 0.5
    assert rows["90-100"]["mean_score"] == pytest.approx(95.5)


def test_pr_curve_thresholds():
    curve = pr_curve([1, 1, 0, 0], [90, 60, 70, 10], [50, 80])
    assert curve[0] == {"threshold": 50, "precision": round(2 / 3, 4), "recall": 1.0, "f1": 0.8, "fpr": 0.5}
    assert curve[1]["precision"] == 1.0 and curve[1]["recall"] == 0.5 and curve[1]["fpr"] == 0.0


def test_summarise_orders_worst_errors():
    recs = [
        EvalRecord(0, 90, True, 0.1, "legit but scored 90"),
        EvalRecord(0, 60, True, 0.2, "legit but scored 60"),
        EvalRecord(0, 5, False, 0.1, "fine"),
        EvalRecord(1, 2, False, 0.3, "scam scored 2"),
        EvalRecord(1, 40, False, 0.1, "scam scored 40"),
        EvalRecord(1, 99, True, 0.4, "caught"),
    ]
    s = summarise(recs, worst=2)
    assert s["confusion"] == {"tp": 1, "fp": 2, "tn": 1, "fn": 2}
    assert [r["text"] for r in s["worst_false_positives"]] == ["legit but scored 90", "legit but scored 60"]
    assert [r["text"] for r in s["worst_false_negatives"]] == ["scam scored 2", "scam scored 40"]
    assert s["precision"] == round(1 / 3, 4) and s["recall"] == round(1 / 3, 4)
    assert s["latency_ms"]["max"] == 0.4
    assert not math.isnan(s["roc_auc"])
