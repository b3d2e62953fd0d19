"""analyse_and_record: run an engine analyser, add the user's own context, apply their thresholds, keep history.

User context comes from *enrichers*: async callables registered at start-up (feedback blocklist, community reports,
payee history, active suspicious call...). Each receives the session, the principal and the analysis and returns
extra signals, so every point of the final score is still explained by a signal.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.auth import Principal
from scamshield.engine.types import DEFAULT_THRESHOLDS, Assessment, Signal, Thresholds
from scamshield.metrics import Metrics
from scamshield.store import users as user_store
from scamshield.store.base import new_id, utcnow
from scamshield.store.models import Analysis
from scamshield.store.session import Database

# Inputs above this many characters are analysed in a worker thread so the event loop never stalls.
INLINE_INPUT_CHARS = 4096


@dataclass(slots=True)
class AnalysisInput:
    """What an enricher may look at: the kind, the engine result and the entities named in the input."""

    kind: str
    assessment: Assessment
    entities: dict[str, list[str]] = field(default_factory=dict)  # entity_type -> ids (url, domain, upi_id...)
    raw: dict[str, Any] = field(default_factory=dict)  # kind-specific parsed request (e.g. transaction amount)


class Enricher(Protocol):
    async def __call__(self, session: AsyncSession, principal: Principal, item: AnalysisInput) -> list[Signal]: ...


def thresholds_from_settings(user_settings: dict[str, Any], default: Thresholds = DEFAULT_THRESHOLDS) -> Thresholds:
    t = user_settings.get("risk_thresholds") or {}
    try:
        return Thresholds(int(t.get("medium", default.medium)), int(t.get("high", default.high)),
                          int(t.get("critical", default.critical)))
    except (TypeError, ValueError):
        return default


class AnalysisService:
    def __init__(self, db: Database, metrics: Metrics, default_thresholds: Thresholds = DEFAULT_THRESHOLDS) -> None:
        self._db = db
        self._metrics = metrics
        self._default = default_thresholds
        self.enrichers: list[Enricher] = []

    async def compute(self, fn: Callable[[], Assessment], input_chars: int) -> Assessment:
        """Run a pure analyser: inline when the input is small (sub-millisecond), else in a worker thread."""
        if input_chars > INLINE_INPUT_CHARS:
            return await asyncio.to_thread(fn)
        return fn()

    async def analyse_and_record(
        self,
        principal: Principal,
        kind: str,
        assessment: Assessment,
        *,
        subject: str | None,
        entities: dict[str, list[str]] | None = None,
        raw: dict[str, Any] | None = None,
    ) -> tuple[str, Assessment]:
        item = AnalysisInput(kind, assessment, entities or {}, raw or {})
        async with self._db.transaction() as session:
            user_settings = await user_store.get_settings(session, principal.user_id)
            extra: list[Signal] = []
            for enricher in self.enrichers:
                extra.extend(await enricher(session, principal, item))
            final = assessment.add(*extra).with_thresholds(thresholds_from_settings(user_settings, self._default))
            analysis_id = new_id()
            session.add(Analysis(
                id=analysis_id, user_id=principal.user_id, kind=kind, subject=(subject or "")[:256] or None,
                risk_score=final.risk_score, risk_level=final.risk_level, is_safe=final.is_safe,
                fraud_types=final.detected_fraud_types, signal_codes=[s.code for s in final.signals][:50],
                created_at=utcnow(),
            ))
        self._metrics.verdicts.labels(kind, final.risk_level).inc()
        return analysis_id, final


EnricherFn = Callable[[AsyncSession, Principal, AnalysisInput], Awaitable[list[Signal]]]
