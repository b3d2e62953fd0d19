"""Scoring one SMS in table tests (the batch / review test files share these)."""

from __future__ import annotations

from scamshield.engine.sms import analyze_sms


def score(text: str, sender: str | None = None) -> int:
    return analyze_sms(text, sender=sender).risk_score


def codes(text: str, sender: str | None = None) -> set[str]:
    return {s.code for s in analyze_sms(text, sender=sender).signals}
