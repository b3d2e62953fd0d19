"""Alerts: stored before delivery; a per-user ``seq`` assigned atomically; held, replayed, acked, answered.

``seq`` comes from ``UPDATE users SET alert_seq = alert_seq + 1 ... RETURNING``: the row lock (PostgreSQL) or the
write lock (SQLite) makes it gap-free and unique per user, and ``uq_alerts_user_seq`` enforces it. An alert for a
call nobody owns yet is stored with ``user_id`` and ``seq`` NULL (held) and gets both when the call is associated.

The hot-path functions (``take_seq``, ``give_back_seq``, ``create_alert``) are Core statements that accept an
``AsyncConnection`` or an ``AsyncSession``; ``create_alert`` returns a detached ``Alert`` built from what it inserted
(no flush, no reload). ``take_seq_sync``, ``give_back_seq_sync`` and ``create_alert_sync`` are their twins on a
synchronous ``Connection`` (the ingestion transaction, see ``store.calls``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Sequence

from sqlalchemy import Connection, Integer, String, and_, bindparam, func, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from scamshield.errors import InvalidInput, NotFound
from scamshield.store.base import new_id, utcnow
from scamshield.store.models import Alert, User

ALERT_ACTIONS = ("hang_up", "continue", "not_scam")
REPLAY_LIMIT = 500

Executor = AsyncSession | AsyncConnection
_users = User.__table__
_alerts = Alert.__table__
# Textual statements, built and compiled once (see ``store.calls``: building constructs per call dominated the cost).
_TAKE_SEQ_SQL = text(
    "UPDATE users SET alert_seq = alert_seq + 1 WHERE id = :user_id RETURNING alert_seq, settings"
).bindparams(bindparam("user_id", type_=String)).columns(_users.c.alert_seq, _users.c.settings)
_GIVE_BACK_SEQ_SQL = text(
    "UPDATE users SET alert_seq = :seq - 1 WHERE id = :user_id AND alert_seq = :seq"
).bindparams(bindparam("user_id", type_=String), bindparam("seq", type_=Integer))
_INSERT_ALERT_SQL = text(
    "INSERT INTO alerts (id, user_id, seq, call_sid, fraud_type, risk_score, risk_level, reasons, advice, is_test, "
    "created_at) VALUES (:id, :user_id, :seq, :call_sid, :fraud_type, :risk_score, :risk_level, :reasons, :advice, "
    ":is_test, :created_at)"
).bindparams(*(bindparam(c.name, type_=c.type) for c in (
    _alerts.c.id, _alerts.c.user_id, _alerts.c.seq, _alerts.c.call_sid, _alerts.c.fraud_type, _alerts.c.risk_score,
    _alerts.c.risk_level, _alerts.c.reasons, _alerts.c.advice, _alerts.c.is_test, _alerts.c.created_at)))


async def next_seq(session: Executor, user_id: str) -> int:
    return (await take_seq(session, user_id))[0]


async def take_seq(session: Executor, user_id: str) -> tuple[int, dict[str, Any] | None]:
    """The user's next ``seq`` and, in the same statement, their stored settings (whoever raises the alert checks
    the notification preferences with them, and calls ``give_back_seq`` if the alert is not to be raised)."""
    return _seq_row((await session.execute(_TAKE_SEQ_SQL, {"user_id": user_id})).first())


def take_seq_sync(conn: Connection, user_id: str) -> tuple[int, dict[str, Any] | None]:
    """``take_seq`` on a synchronous connection."""
    return _seq_row(conn.execute(_TAKE_SEQ_SQL, {"user_id": user_id}).first())


def _seq_row(row: Any) -> tuple[int, dict[str, Any] | None]:
    if row is None:
        raise NotFound("unknown user", code="user_not_found")
    return int(row[0]), row[1]


async def give_back_seq(session: Executor, user_id: str, seq: int) -> None:
    """Undo ``take_seq`` in the same transaction (the user row is still locked by it: no one took a later seq)."""
    await session.execute(_GIVE_BACK_SEQ_SQL, {"user_id": user_id, "seq": seq})


def give_back_seq_sync(conn: Connection, user_id: str, seq: int) -> None:
    conn.execute(_GIVE_BACK_SEQ_SQL, {"user_id": user_id, "seq": seq})


async def current_seq(session: AsyncSession, user_id: str) -> int:
    value = (await session.execute(select(User.alert_seq).where(User.id == user_id))).scalar_one_or_none()
    return int(value or 0)


async def create_alert(session: Executor, *, user_id: str | None, call_sid: str | None, fraud_type: str,
                       risk_score: int, risk_level: str, reasons: list[str], advice: str,
                       is_test: bool = False, seq: int | None = None) -> Alert:
    """Insert an alert; with ``user_id`` it gets the user's next ``seq`` (or ``seq``, already taken with
    ``take_seq`` in this transaction), without it is held. Returns a detached ``Alert`` with what was stored."""
    if user_id and seq is None:
        seq = await next_seq(session, user_id)
    values = _alert_values(user_id, call_sid, fraud_type, risk_score, risk_level, reasons, advice, is_test, seq)
    await session.execute(_INSERT_ALERT_SQL, values)
    return Alert(**values)


def create_alert_sync(conn: Connection, *, user_id: str | None, call_sid: str | None, fraud_type: str,
                      risk_score: int, risk_level: str, reasons: list[str], advice: str, seq: int | None,
                      is_test: bool = False) -> Alert:
    """``create_alert`` on a synchronous connection; an owned alert's ``seq`` must come from ``take_seq_sync``."""
    if user_id and seq is None:
        raise ValueError("an owned alert needs the seq taken in this transaction")
    values = _alert_values(user_id, call_sid, fraud_type, risk_score, risk_level, reasons, advice, is_test, seq)
    conn.execute(_INSERT_ALERT_SQL, values)
    return Alert(**values)


def alert_values(user_id: str | None, call_sid: str | None, fraud_type: str, risk_score: int, risk_level: str,
                 reasons: list[str], advice: str, *, is_test: bool = False, seq: int | None = None) -> dict[str, Any]:
    """The row of a new alert (id and ``created_at`` set now), as ``create_alert`` stores it: ``Alert(**values)``
    is the detached alert. For statements that insert it themselves (``store.calls.save_detection_with_alert_pg``)."""
    return _alert_values(user_id, call_sid, fraud_type, risk_score, risk_level, reasons, advice, is_test, seq)


def _alert_values(user_id: str | None, call_sid: str | None, fraud_type: str, risk_score: int, risk_level: str,
                  reasons: list[str], advice: str, is_test: bool, seq: int | None) -> dict[str, Any]:
    return dict(id=new_id(), user_id=user_id or None, seq=seq if user_id else None, call_sid=call_sid,
                fraud_type=fraud_type, risk_score=int(risk_score), risk_level=risk_level,
                reasons=list(reasons)[:10], advice=advice, is_test=is_test, created_at=utcnow())


async def assign_held(session: AsyncSession, call_sid: str, user_id: str,
                      keep: Callable[[Alert], bool] | None = None) -> list[Alert]:
    """Give the held alerts of ``call_sid`` to ``user_id`` (in creation order) and return them.

    Held alerts ``keep`` rejects (e.g. below the new owner's notification level) are deleted instead: the owner
    asked not to get them, exactly as if the call had been theirs when they were raised."""
    q = (select(Alert).where(and_(Alert.call_sid == call_sid, Alert.user_id.is_(None)))
         .order_by(Alert.created_at, Alert.id))
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        q = q.with_for_update()
    held = []
    for alert in (await session.execute(q)).scalars().all():
        if keep is not None and not keep(alert):
            await session.delete(alert)
            continue
        alert.seq = await next_seq(session, user_id)
        alert.user_id = user_id
        held.append(alert)
    await session.flush()
    return held


async def count_held(session: AsyncSession) -> int:
    return int((await session.execute(select(func.count()).select_from(Alert).where(Alert.user_id.is_(None)))).scalar_one())


async def alerts_since(session: AsyncSession, user_id: str, since: int, *, limit: int = REPLAY_LIMIT) -> Sequence[Alert]:
    """The user's alerts with ``seq`` > ``since``, in ``seq`` order (acked ones too: the client asked by offset)."""
    q = (select(Alert).where(and_(Alert.user_id == user_id, Alert.seq > since))
         .order_by(Alert.seq).limit(limit))
    return (await session.execute(q)).scalars().all()


async def unacked_since(session: AsyncSession, user_id: str, since_time: datetime, *,
                        limit: int = REPLAY_LIMIT) -> Sequence[Alert]:
    """The user's **newest** ``limit`` alerts not acked yet, created at or after ``since_time``, in ``seq`` order.

    (With more unacked alerts than ``limit``, the oldest are left out: a device coming back wants the latest.)"""
    q = (select(Alert).where(and_(Alert.user_id == user_id, Alert.acked_at.is_(None), Alert.seq.is_not(None),
                                  Alert.created_at >= since_time))
         .order_by(Alert.seq.desc()).limit(limit))
    return list(reversed((await session.execute(q)).scalars().all()))


async def get_owned(session: AsyncSession, user_id: str, alert_id: str) -> Alert:
    alert = await session.get(Alert, alert_id)
    if alert is None or alert.user_id != user_id:  # someone else's alert is indistinguishable from none
        raise NotFound("alert not found", code="alert_not_found")
    return alert


async def ack(session: AsyncSession, user_id: str, alert_id: str) -> bool:
    """Mark acked. ``True`` if this call acked it, ``False`` if it was already acked."""
    await get_owned(session, user_id, alert_id)
    res = await session.execute(update(Alert).where(and_(Alert.id == alert_id, Alert.user_id == user_id,
                                                         Alert.acked_at.is_(None)))
                                .values(acked_at=utcnow()).returning(Alert.id))
    return res.scalar_one_or_none() is not None


async def record_response(session: AsyncSession, user_id: str, alert_id: str, action: str) -> Alert:
    """Record the user's answer (hang_up / continue / not_scam). Answering also acks."""
    if action not in ALERT_ACTIONS:
        raise InvalidInput(f"action must be one of {', '.join(ALERT_ACTIONS)}", code="invalid_action")
    alert = await get_owned(session, user_id, alert_id)
    now = utcnow()
    await session.execute(update(Alert).where(Alert.id == alert_id)
                          .values(response=action, responded_at=now, acked_at=alert.acked_at or now))
    alert.response, alert.responded_at = action, now
    return alert


async def response_counts(session: AsyncSession, user_id: str | None = None) -> dict[str, dict[str, int]]:
    """Answers to alerts (``alert_response``) per fraud type: ``{fraud_type: {hang_up, continue, not_scam}}``.

    The detector's feedback from live calls (``not_scam`` = a false alarm as the user saw it); with ``user_id``,
    only that user's answers (their history). Test alerts are left out."""
    q = (select(Alert.fraud_type, Alert.response, func.count())
         .where(and_(Alert.response.is_not(None), Alert.is_test.is_(False))))
    if user_id is not None:
        q = q.where(Alert.user_id == user_id)
    out: dict[str, dict[str, int]] = {}
    for ftype, response, n in (await session.execute(q.group_by(Alert.fraud_type, Alert.response))).all():
        if response in ALERT_ACTIONS:
            out.setdefault(ftype, dict.fromkeys(ALERT_ACTIONS, 0))[response] += int(n)
    return out
