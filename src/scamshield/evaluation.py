"""Detection-quality metrics over (label, score, prediction) triples. Pure Python + numpy; no sklearn needed.

``label`` 1 = fraud. ``score`` is the 0..100 risk score (or a probability: any monotone "higher = more fraud"
number works for ROC-AUC); ``pred`` is the product's verdict (flagged = not is_safe).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np


@dataclass(slots=True)
class Confusion:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d and self.tp + self.fn else None

    @property
    def fpr(self) -> float | None:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else None

    @property
    def accuracy(self) -> float | None:
        n = self.tp + self.fp + self.tn + self.fn
        return (self.tp + self.tn) / n if n else None

    def as_dict(self) -> dict[str, int]:
        return {"tp": self.tp, "fp": self.fp, "tn": self.tn, "fn": self.fn}


def confusion(labels: Sequence[int], preds: Sequence[bool | int]) -> Confusion:
    c = Confusion()
    for y, p in zip(labels, preds):
        if y:
            if p:
                c.tp += 1
            else:
                c.fn += 1
        elif p:
            c.fp += 1
        else:
            c.tn += 1
    return c


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float | None:
    """Area under the ROC curve = P(score of a random fraud > score of a random legit), ties counting 1/2
    (Mann-Whitney U with average ranks). None when one class is absent."""
    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    npos = int(y.sum())
    nneg = int(y.size - npos)
    if npos == 0 or nneg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(s.size, dtype=np.float64)
    sorted_s = s[order]
    i = 0
    while i < s.size:
        j = i
        while j + 1 < s.size and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    u = ranks[y == 1].sum() - npos * (npos + 1) / 2.0
    return float(u / (npos * nneg))


def percentiles(values_ms: Sequence[float], qs: Sequence[float] = (50, 90, 99, 100)) -> dict[str, float]:
    if not values_ms:
        return {}
    arr = np.asarray(values_ms, dtype=np.float64)
    out = {}
    for q in qs:
        key = "max" if q == 100 else f"p{q:g}"
        out[key] = round(float(np.percentile(arr, q, method="inverted_cdf")), 4)
    out["mean"] = round(float(arr.mean()), 4)
    return out


def calibration_table(labels: Sequence[int], scores: Sequence[float],
                      bands: Sequence[tuple[float, float]] = ((0, 25), (25, 50), (50, 75), (75, 90), (90, 101))
                      ) -> list[dict[str, Any]]:
    """Per score band: rows, observed fraud rate, mean score. Well-calibrated 0..100 scores have
    fraud_rate ≈ mean_score / 100 (only meaningful where the test set's class mix resembles deployment)."""
    rows = []
    y = np.asarray(labels, dtype=np.float64)
    s = np.asarray(scores, dtype=np.float64)
    for lo, hi in bands:
        m = (s >= lo) & (s < hi)
        n = int(m.sum())
        rows.append({
            "band": f"{lo:g}-{min(hi, 100):g}",
            "rows": n,
            "fraud_rate": round(float(y[m].mean()), 4) if n else None,
            "mean_score": round(float(s[m].mean()), 2) if n else None,
        })
    return rows


def pr_curve(labels: Sequence[int], scores: Sequence[float], cuts: Sequence[float]) -> list[dict[str, Any]]:
    """Precision / recall / F1 / FPR if one flagged at ``score >= cut`` for each cut."""
    out = []
    for c in cuts:
        cm = confusion(labels, [s >= c for s in scores])
        out.append({"threshold": c, "precision": _r(cm.precision), "recall": _r(cm.recall), "f1": _r(cm.f1),
                    "fpr": _r(cm.fpr)})
    return out


def _r(x: float | None, nd: int = 4) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else round(x, nd)


@dataclass(slots=True)
class EvalRecord:
    label: int
    score: float
    flagged: bool
    latency_ms: float
    text: str
    extra: dict[str, Any] = field(default_factory=dict)


def summarise(records: Sequence[EvalRecord], worst: int = 5, text_chars: int = 160) -> dict[str, Any]:
    """Every figure ``scamshield eval`` prints, as a JSON-able dict."""
    labels = [r.label for r in records]
    scores = [r.score for r in records]
    cm = confusion(labels, [r.flagged for r in records])
    fps = sorted((r for r in records if not r.label and r.flagged), key=lambda r: -r.score)[:worst]
    fns = sorted((r for r in records if r.label and not r.flagged), key=lambda r: r.score)[:worst]

    def brief(r: EvalRecord) -> dict[str, Any]:
        t = r.text.replace("\n", " ")
        return {"score": round(r.score, 2), "text": t[:text_chars] + ("…" if len(t) > text_chars else ""),
                **r.extra}

    return {
        "rows": len(records),
        "fraud": sum(labels),
        "legit": len(labels) - sum(labels),
        "precision": _r(cm.precision),
        "recall": _r(cm.recall),
        "f1": _r(cm.f1),
        "fpr": _r(cm.fpr),
        "accuracy": _r(cm.accuracy),
        "roc_auc": _r(roc_auc(labels, scores)),
        "confusion": cm.as_dict(),
        "latency_ms": percentiles([r.latency_ms for r in records]),
        "calibration": calibration_table(labels, scores),
        "worst_false_positives": [brief(r) for r in fps],
        "worst_false_negatives": [brief(r) for r in fns],
    }


def asr_segments(text: str, rng: random.Random) -> list[str]:
    """A transcript cut the way streaming speech-to-text delivers it: each line a final, long lines in 10-20-word
    chunks (``rng`` picks the chunk sizes, so a seeded run is reproducible)."""
    out: list[str] = []
    for line in text.splitlines():
        words = line.split()
        i = 0
        while i < len(words):
            if len(words) - i <= 20:
                out.append(" ".join(words[i:]))
                break
            n = rng.randint(10, 20)
            out.append(" ".join(words[i:i + n]))
            i += n
    return out
