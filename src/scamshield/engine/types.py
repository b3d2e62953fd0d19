"""Value types shared by every detector: signals, thresholds and the assessment they add up to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

RISK_LEVELS = ("low", "medium", "high", "critical")


@dataclass(frozen=True, slots=True)
class Signal:
    """One explained contribution to a score.

    ``code`` is stable (clients and dashboards key on it), ``weight`` is the number of points it adds
    (negative weights lower the risk), ``evidence`` holds what was matched (text, brand, distance...).
    ``fraud_type`` names the taxonomy entry it points at, if any.
    """

    code: str
    weight: float
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    fraud_type: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "weight": round(float(self.weight), 2),
            "message": self.message,
            "evidence": self.evidence,
            "fraud_type": self.fraud_type,
        }


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score thresholds: ``medium`` <= score < ``high`` is medium, and so on. ``is_safe`` = score < ``high``."""

    medium: int = 25
    high: int = 50
    critical: int = 75

    def __post_init__(self) -> None:
        if not (0 < self.medium < self.high < self.critical <= 100):
            raise ValueError("thresholds must satisfy 0 < medium < high < critical <= 100")

    def level(self, score: int) -> str:
        if score >= self.critical:
            return "critical"
        if score >= self.high:
            return "high"
        if score >= self.medium:
            return "medium"
        return "low"

    def is_safe(self, score: int) -> bool:
        return score < self.high


DEFAULT_THRESHOLDS = Thresholds()


def combine(signals: Iterable[Signal]) -> int:
    """Score = sum of signal weights, clamped to 0..100 (so every point is explained by a signal)."""
    total = sum(float(s.weight) for s in signals)
    if total != total:  # NaN guard
        total = 0.0
    return int(max(0, min(100, round(total))))


@dataclass(slots=True)
class Assessment:
    """The result of one analysis. ``extracted`` carries kind-specific parsed fields (urls, upi ids, ...)."""

    kind: str
    signals: list[Signal]
    recommendations: list[str] = field(default_factory=list)
    extracted: dict[str, Any] = field(default_factory=dict)
    thresholds: Thresholds = DEFAULT_THRESHOLDS

    @property
    def risk_score(self) -> int:
        return combine(self.signals)

    @property
    def risk_level(self) -> str:
        return self.thresholds.level(self.risk_score)

    @property
    def is_safe(self) -> bool:
        return self.thresholds.is_safe(self.risk_score)

    @property
    def detected_fraud_types(self) -> list[str]:
        seen: dict[str, None] = {}
        for s in self.signals:
            if s.fraud_type and s.weight > 0:
                seen.setdefault(s.fraud_type, None)
        return list(seen)

    @property
    def fraud_indicators(self) -> list[str]:
        return [s.message for s in self.signals if s.weight > 0]

    def with_thresholds(self, thresholds: Thresholds) -> "Assessment":
        return Assessment(self.kind, list(self.signals), list(self.recommendations), dict(self.extracted), thresholds)

    def add(self, *signals: Signal) -> "Assessment":
        return Assessment(self.kind, [*self.signals, *signals], list(self.recommendations), dict(self.extracted), self.thresholds)

    def as_dict(self) -> dict[str, Any]:
        score = self.risk_score
        return {
            "kind": self.kind,
            "risk_score": score,
            "risk_level": self.thresholds.level(score),
            "is_safe": self.thresholds.is_safe(score),
            "signals": [s.as_dict() for s in self.signals],
            "fraud_indicators": self.fraud_indicators,
            "detected_fraud_types": self.detected_fraud_types,
            "recommendations": list(self.recommendations),
            **self.extracted,
        }
