"""Alert delivery: store first, then publish to the owner's channel; replay, ack and responses.

Delivery through the hub is best effort and at most once per device; the database is the record. A device that
missed a publication (offline, slow, instance died) gets it on reconnect: ``since=<seq>`` replays every alert with a
higher ``seq``; no ``since`` replays unacked alerts of the last ``alert_replay_hours``.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any, Iterable

from scamshield.engine.taxonomy import FRAUD_TYPES, advice_for
from scamshield.errors import Conflict, Forbidden, NotFound
from scamshield.hub.hub import Hub
from scamshield.hub.messages import AlertAcked, FraudAlert
from scamshield.metrics import Metrics
from scamshield.settings import Settings
from scamshield.store import alerts as alert_store
from scamshield.store import calls as call_store
from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.models import Alert
from scamshield.store.session import Database

log = logging.getLogger("scamshield.alerts")


def alert_payload(alert: Alert, *, replayed: bool = False) -> dict[str, Any]:
    """The ``fraud_alert`` message for the alert's owner."""
    return FraudAlert(
        alert_id=alert.id, seq=alert.seq, call_sid=alert.call_sid, fraud_type=alert.fraud_type,
        risk_score=alert.risk_score, risk_level=alert.risk_level, reasons=list(alert.reasons or []),
        advice=alert.advice or advice_for(alert.fraud_type), created_at=alert.created_at.isoformat(),
        test=bool(alert.is_test), replayed=replayed,
    ).model_dump()


def redacted_payload(alert: Alert) -> dict[str, Any]:
    """Broadcast form (``SCAMSHIELD_UNROUTED_ALERTS=broadcast`` only): no call id, no reasons, no seq."""
    return FraudAlert(
        alert_id=alert.id, seq=None, call_sid=None, fraud_type=alert.fraud_type, risk_score=alert.risk_score,
        risk_level=alert.risk_level, reasons=[], advice=advice_for(alert.fraud_type),
        created_at=alert.created_at.isoformat(), test=bool(alert.is_test), redacted=True,
    ).model_dump()


class AlertService:
    def __init__(self, db: Database, hub: Hub, metrics: Metrics, settings: Settings) -> None:
        self._db = db
        self._hub = hub
        self._metrics = metrics
        self._settings = settings

    async def refresh_held_gauge(self) -> None:
        """The held-alert gauge is read from the database (holds and associations may happen on other instances);
        refreshed at start-up and whenever this instance holds or assigns alerts (rare events)."""
        async with self._db.session() as session:
            self._metrics.held_alerts.set(await alert_store.count_held(session))

    # -- delivery ---------------------------------------------------------------------------------------------------
    async def publish(self, alerts: Iterable[Alert], *, new: bool = True) -> None:
        """Publish stored alerts (call after the transaction that stored them committed)."""
        held = False
        for alert in alerts:
            if new:
                self._metrics.alerts.labels(alert.fraud_type if alert.fraud_type in FRAUD_TYPES else "other").inc()
            if alert.user_id is not None:
                await self._hub.publish_user(alert.user_id, alert_payload(alert))
            else:
                held = True
                if self._settings.unrouted_alerts == "broadcast":
                    await self._hub.publish_broadcast(redacted_payload(alert))
        if held:
            await self.refresh_held_gauge()

    async def publish_assigned(self, alerts: list[Alert]) -> None:
        """Held alerts that just got an owner (association)."""
        if alerts:
            await self.publish(alerts, new=False)
            await self.refresh_held_gauge()

    # -- reconnect replay -------------------------------------------------------------------------------------------
    async def last_seq(self, user_id: str) -> int:
        async with self._db.session() as session:
            return await alert_store.current_seq(session, user_id)

    async def replay(self, user_id: str, since: int | None, *, limit: int = alert_store.REPLAY_LIMIT
                     ) -> list[dict[str, Any]]:
        """At most ``limit`` alerts in seq order: with ``since``, the next ones after it (page on with the last
        seq); without, the newest unacked ones of the replay window."""
        async with self._db.session() as session:
            if since is not None:
                rows = await alert_store.alerts_since(session, user_id, since, limit=limit)
            else:
                window = utcnow() - timedelta(hours=self._settings.alert_replay_hours)
                rows = await alert_store.unacked_since(session, user_id, window, limit=limit)
        return [alert_payload(a, replayed=True) for a in rows]

    # -- client answers ---------------------------------------------------------------------------------------------
    async def ack(self, user_id: str, alert_id: str) -> bool:
        async with self._db.transaction() as session:
            changed = await alert_store.ack(session, user_id, alert_id)
        if changed:  # let the user's other devices dismiss it
            await self._hub.publish_user(user_id, AlertAcked(alert_id=alert_id).model_dump())
        return changed

    async def respond(self, user_id: str, alert_id: str, action: str) -> None:
        async with self._db.transaction() as session:
            await alert_store.record_response(session, user_id, alert_id, action)
        await self._hub.publish_user(user_id, AlertAcked(alert_id=alert_id).model_dump())

    # -- test alerts ------------------------------------------------------------------------------------------------
    async def simulate(self, user_id: str, call_sid: str | None = None,
                       fraud_type: str = "BANK_KYC_IMPERSONATION") -> Alert:
        """A ``test: true`` alert through the real path (stored, seq, published, replayable, ackable).

        ``call_sid``: a call ``user_id`` owns (``NotFound`` ``call_not_found`` for an unknown call, ``Forbidden``
        ``call_not_associated`` for one nobody owns yet, ``Conflict`` ``call_owned`` for someone else's): a test
        alert may not attach itself to a call of another user, whose answers to it would otherwise be stored
        against that call."""
        async with self._db.transaction() as session:
            if await user_store.get_user(session, user_id) is None:
                raise NotFound("unknown user: it must have connected or called the API once", code="user_not_found")
            if call_sid:
                call = await call_store.get_call(session, call_sid)
                if call is None:
                    raise NotFound("no such call", code="call_not_found")
                if call.user_id is None:
                    raise Forbidden("nobody has associated this call yet: associate it first",
                                    code="call_not_associated")
                if call.user_id != user_id:
                    raise Conflict("this call is associated with another user", code="call_owned")
            alert = await alert_store.create_alert(
                session, user_id=user_id, call_sid=call_sid, fraud_type=fraud_type, risk_score=90,
                risk_level="critical", reasons=["This is a test alert: no real call was analysed"],
                advice=advice_for(fraud_type), is_test=True)
        await self.publish([alert])
        return alert
