"""Calls, their owners, their transcript segments and the detector state persisted on the call row.

Ownership is decided by the database, never by process memory: a call is claimed with a conditional
``UPDATE ... WHERE user_id IS NULL`` (or inserted already owned), so two instances associating the same call at the
same time cannot both win. Segment idempotency rests on the unique ``dedup_key``.

Lock order (PostgreSQL): every transaction that touches both takes the call row first (``lock_call``), then the
user row (``ensure_user``, ``next_seq``), so association and ingestion cannot deadlock each other.

The hot path (one transcript segment) is written as Core statements on the tables, callable with an
``AsyncConnection`` or an ``AsyncSession``: no identity map, no ORM flush, no SELECT after an INSERT/UPDATE
(``RETURNING`` instead). ``lock_call`` is one upsert that takes the lock and returns the row; ``save_detection`` one
UPDATE. Each has a ``*_sync`` twin on a synchronous ``Connection`` — the same statement and parameters — which the
ingestion transaction uses (``Database.write``: one worker-thread hop per transaction on SQLite, ``run_sync`` on
PostgreSQL).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, Row, String, Text, and_, bindparam, column, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from scamshield.errors import Conflict
from scamshield.store.base import UTCDateTime, utcnow
from scamshield.store.models import Alert, Call, TranscriptSegment, User
from scamshield.store.upsert import insert_for

Executor = AsyncSession | AsyncConnection
_calls = Call.__table__
_segments = TranscriptSegment.__table__


@dataclass(frozen=True, slots=True)
class Claim:
    call_sid: str
    user_id: str
    newly_associated: bool  # False: the caller already owned it (idempotent repeat)


@dataclass(frozen=True, slots=True)
class FlaggedCall:
    call_sid: str
    fraud_type: str | None
    flagged_at: datetime
    status: str
    risk_score: int
    risk_level: str


# The statements of the hot path are textual, built once: SQLAlchemy 2.0 never caches the compiled form of the
# dialect ``insert(...).on_conflict_*`` constructs (``inherit_cache = False``), so as constructs the two upserts were
# compiled again on every segment (~0.3-0.5 ms of CPU each), and building any construct per call (``.values()``,
# cache key) costs more than the statement's execution on SQLite. The SQL is the same on SQLite (>= 3.35) and
# PostgreSQL; typed bind parameters and result columns keep JSON and UTC datetimes handled as in the ORM.
#
# ``lock_call``: the call's columns the services read, plus ``not_scam`` (the call's owner answered ``not_scam`` to
# one of their alerts of this call: it raises no more), in the statement that takes the lock. Only the owner's answer
# counts: an alert of another user that carries the same call id (a test alert, a call id reused) says nothing about
# this call, and an unowned call is never quiet (``alerts.user_id = <owner>`` is not true for a NULL owner).
_NOT_SCAM_SQL = ("EXISTS (SELECT 1 FROM alerts WHERE alerts.call_sid = :call_sid AND alerts.response = 'not_scam' "
                 "AND alerts.user_id = {owner}) AS not_scam")
_LOCK_SQL = text(
    "INSERT INTO calls (call_sid, user_id, source, status, risk_score, risk_level, created_at, updated_at, "
    "associated_at) VALUES (:call_sid, :owner, :source, 'live', 0, 'low', :now, :now, :associated_at) "
    "ON CONFLICT (call_sid) DO UPDATE SET updated_at = excluded.updated_at "
    "RETURNING call_sid, user_id, source, from_number, status, detector_state, risk_score, risk_level, fraud_type, "
    "flagged_at, " + _NOT_SCAM_SQL.format(owner="calls.user_id")
).bindparams(
    bindparam("call_sid", type_=String), bindparam("owner", type_=String), bindparam("source", type_=String),
    bindparam("now", type_=UTCDateTime), bindparam("associated_at", type_=UTCDateTime),
).columns(
    _calls.c.call_sid, _calls.c.user_id, _calls.c.source, _calls.c.from_number, _calls.c.status,
    _calls.c.detector_state, _calls.c.risk_score, _calls.c.risk_level, _calls.c.fraud_type, _calls.c.flagged_at,
    column("not_scam", Boolean),
)
_SEGMENT_SQL = text(
    "INSERT INTO transcript_segments (call_sid, dedup_key, speaker, text, final, created_at) "
    "VALUES (:call_sid, :dedup_key, :speaker, :text, :final, :now) ON CONFLICT (dedup_key) DO NOTHING RETURNING id"
).bindparams(
    bindparam("call_sid", type_=String), bindparam("dedup_key", type_=String), bindparam("speaker", type_=String),
    bindparam("text", type_=Text), bindparam("final", type_=Boolean), bindparam("now", type_=UTCDateTime),
)
_SEGMENT_NO_KEY_SQL = text(  # no idempotency key (a device that sends no sequence numbers): always stored
    "INSERT INTO transcript_segments (call_sid, dedup_key, speaker, text, final, created_at) "
    "VALUES (:call_sid, :dedup_key, :speaker, :text, :final, :now)"
).bindparams(
    bindparam("call_sid", type_=String), bindparam("dedup_key", type_=String), bindparam("speaker", type_=String),
    bindparam("text", type_=Text), bindparam("final", type_=Boolean), bindparam("now", type_=UTCDateTime),
)
# ``save_detection``: a fraud type only replaces the stored one when given; ``flagged_at`` keeps the first flag time.
_SAVE_DETECTION_SQL = text(
    "UPDATE calls SET detector_state = :state, risk_score = :risk_score, risk_level = :risk_level, "
    "fraud_type = COALESCE(:fraud_type, fraud_type), flagged_at = COALESCE(flagged_at, :flagged_at), "
    "updated_at = :now WHERE call_sid = :call_sid"
).bindparams(
    bindparam("state", type_=_calls.c.detector_state.type), bindparam("risk_score", type_=Integer),
    bindparam("risk_level", type_=String), bindparam("fraud_type", type_=String),
    bindparam("flagged_at", type_=UTCDateTime), bindparam("now", type_=UTCDateTime),
    bindparam("call_sid", type_=String),
)


# --- PostgreSQL: the hot transaction in fewer round trips -----------------------------------------------------------
# PostgreSQL runs data-modifying CTEs, so the ingestion transaction is two statements there instead of five (plus
# BEGIN/COMMIT): ``lock_and_add_segment_pg`` (the ``_LOCK_SQL`` upsert + the segment insert) and
# ``save_detection_with_alert_pg`` (the ``_SAVE_DETECTION_SQL`` update + next seq with the owner's settings + the
# alert insert). Same rows, same locks in the same order (call row, then user row), same results; each round trip
# saved is ~0.1-0.3 ms of the loop's CPU plus the database backend's work on this 2-core machine. SQLite has no DML in
# CTEs and keeps the separate statements (they are cheap in process). The segment is inserted only when ``store``
# (a final segment) and the writer may write (a service, or the call's owner — the caller raises ``Forbidden``
# otherwise and the transaction rolls back either way); ``stored`` counts the inserted rows (0: a duplicate).
_CALL_COLUMNS = ("call_sid, user_id, source, from_number, status, detector_state, risk_score, risk_level, fraud_type, "
                 "flagged_at")
_LOCK_AND_SEGMENT_PG_SQL = text(
    "WITH c AS (INSERT INTO calls (call_sid, user_id, source, status, risk_score, risk_level, created_at, updated_at, "
    "associated_at) VALUES (:call_sid, :owner, :source, 'live', 0, 'low', :now, :now, :associated_at) "
    f"ON CONFLICT (call_sid) DO UPDATE SET updated_at = excluded.updated_at RETURNING {_CALL_COLUMNS}), "
    "s AS (INSERT INTO transcript_segments (call_sid, dedup_key, speaker, text, final, created_at) "
    "SELECT c.call_sid, :dedup_key, :speaker, :text, :final, :now FROM c "
    "WHERE :store AND (:service OR c.user_id = :owner) ON CONFLICT (dedup_key) DO NOTHING RETURNING id) "
    f"SELECT {_CALL_COLUMNS}, {_NOT_SCAM_SQL.format(owner='c.user_id')}, (SELECT count(*) FROM s) AS stored FROM c"
).bindparams(
    bindparam("call_sid", type_=String), bindparam("owner", type_=String), bindparam("source", type_=String),
    bindparam("now", type_=UTCDateTime), bindparam("associated_at", type_=UTCDateTime),
    bindparam("dedup_key", type_=String), bindparam("speaker", type_=String), bindparam("text", type_=Text),
    bindparam("final", type_=Boolean), bindparam("store", type_=Boolean), bindparam("service", type_=Boolean),
).columns(
    _calls.c.call_sid, _calls.c.user_id, _calls.c.source, _calls.c.from_number, _calls.c.status,
    _calls.c.detector_state, _calls.c.risk_score, _calls.c.risk_level, _calls.c.fraud_type, _calls.c.flagged_at,
    column("not_scam", Boolean), column("stored", Integer),
)
_SAVE_SET = ("detector_state = :state, risk_score = :risk_score, risk_level = :risk_level, "
             "fraud_type = COALESCE(:fraud_type, fraud_type), flagged_at = COALESCE(flagged_at, :flagged_at), "
             "updated_at = :now")
_ALERT_COLUMNS = "id, user_id, seq, call_sid, fraud_type, risk_score, risk_level, reasons, advice, is_test, created_at"


def _alert_binds() -> list:
    t = Alert.__table__
    return [bindparam("a_" + c.name, type_=c.type) for c in (
        t.c.id, t.c.user_id, t.c.call_sid, t.c.fraud_type, t.c.risk_score, t.c.risk_level, t.c.reasons, t.c.advice,
        t.c.is_test, t.c.created_at)]


_DETECTION_BINDS = (
    bindparam("state", type_=_calls.c.detector_state.type), bindparam("risk_score", type_=Integer),
    bindparam("risk_level", type_=String), bindparam("fraud_type", type_=String),
    bindparam("flagged_at", type_=UTCDateTime), bindparam("now", type_=UTCDateTime),
    bindparam("call_sid", type_=String),
)
# Owned call: the detection, the owner's next seq (with their settings, read fresh), the alert with that seq.
_SAVE_AND_OWNED_ALERT_PG_SQL = text(
    f"WITH u AS (UPDATE calls SET {_SAVE_SET} WHERE call_sid = :call_sid), "
    "q AS (UPDATE users SET alert_seq = alert_seq + 1 WHERE id = :a_user_id RETURNING alert_seq, settings), "
    f"a AS (INSERT INTO alerts ({_ALERT_COLUMNS}) SELECT :a_id, :a_user_id, q.alert_seq, :a_call_sid, :a_fraud_type, "
    ":a_risk_score, :a_risk_level, :a_reasons, :a_advice, :a_is_test, :a_created_at FROM q) "
    "SELECT alert_seq, settings FROM q"
).bindparams(*_DETECTION_BINDS, *_alert_binds()).columns(User.__table__.c.alert_seq, User.__table__.c.settings)
# Unowned call: the detection and a held alert (no user, no seq).
_SAVE_AND_HELD_ALERT_PG_SQL = text(
    f"WITH u AS (UPDATE calls SET {_SAVE_SET} WHERE call_sid = :call_sid) "
    f"INSERT INTO alerts ({_ALERT_COLUMNS}) VALUES (:a_id, :a_user_id, NULL, :a_call_sid, :a_fraud_type, :a_risk_score, "
    ":a_risk_level, :a_reasons, :a_advice, :a_is_test, :a_created_at)"
).bindparams(*_DETECTION_BINDS, *_alert_binds())
# The owner's preferences did not want that alert: remove it and give the seq back (same transaction, the user row
# is still locked by the seq update: nobody took a later seq).
_UNDO_OWNED_ALERT_PG_SQL = text(
    "WITH d AS (DELETE FROM alerts WHERE id = :id) "
    "UPDATE users SET alert_seq = :seq - 1 WHERE id = :user_id AND alert_seq = :seq"
).bindparams(bindparam("id", type_=String), bindparam("user_id", type_=String), bindparam("seq", type_=Integer))


def lock_and_add_segment_pg(conn: Connection, call_sid: str, *, source: str, owner: str | None, service: bool,
                            text: str, speaker: str | None, final: bool, dedup_key: str | None) -> tuple[Row, bool]:
    """PostgreSQL: ``lock_call_sync`` and ``add_segment_sync`` in one statement -> (call row, stored).

    The segment is inserted only for a final segment written by a service or by the call's owner; ``stored`` is
    True for a non-final segment (never stored, always analysed), for a segment without ``dedup_key`` and for a
    new one; False for a duplicate (or a refused writer: the caller checks ownership on the row and raises)."""
    params = _lock_params(call_sid, source, owner)
    params.update(dedup_key=dedup_key, speaker=speaker, text=text, final=final, store=final is not False,
                  service=service)
    row = conn.execute(_LOCK_AND_SEGMENT_PG_SQL, params).one()
    stored = final is False or (row.stored > 0 and (service or row.user_id == owner))
    return row, stored


def save_detection_with_alert_pg(conn: Connection, call_sid: str, *, state: dict[str, Any], risk_score: int,
                                 risk_level: str, fraud_type: str | None, flagged: bool,
                                 alert: dict[str, Any]) -> dict[str, Any] | None:
    """PostgreSQL: ``save_detection_sync`` + (owned call) ``take_seq_sync`` + ``create_alert_sync`` in one statement.

    ``alert``: the values of ``store.alerts.alert_values`` (``seq`` ignored: an owned alert takes the owner's next
    seq here). Returns the owner's stored settings (None for a held alert), and sets ``alert["seq"]``; an owner
    that does not exist raises ``NotFound`` as ``take_seq`` does. If the settings say the alert is not wanted, call
    ``undo_owned_alert_pg`` in the same transaction."""
    params = _detection_params(call_sid, state, risk_score, risk_level, fraud_type, flagged)
    for key in ("id", "user_id", "call_sid", "fraud_type", "risk_score", "risk_level", "reasons", "advice", "is_test",
                "created_at"):
        params["a_" + key] = alert[key]
    if alert["user_id"] is None:
        conn.execute(_SAVE_AND_HELD_ALERT_PG_SQL, params)
        alert["seq"] = None
        return None
    row = conn.execute(_SAVE_AND_OWNED_ALERT_PG_SQL, params).first()
    if row is None:
        from scamshield.errors import NotFound

        raise NotFound("unknown user", code="user_not_found")
    alert["seq"] = int(row[0])
    return row[1]


def undo_owned_alert_pg(conn: Connection, alert: dict[str, Any]) -> None:
    conn.execute(_UNDO_OWNED_ALERT_PG_SQL, {"id": alert["id"], "user_id": alert["user_id"], "seq": alert["seq"]})


async def get_call(session: AsyncSession, call_sid: str) -> Call | None:
    return await session.get(Call, call_sid)


async def ensure_call(session: AsyncSession, call_sid: str, *, source: str, from_number: str | None = None) -> None:
    """Create the call row (unowned) if it does not exist yet."""
    now = utcnow()
    stmt = insert_for(session, Call).values(call_sid=call_sid, user_id=None, from_number=from_number, source=source,
                                            status="live", risk_score=0, risk_level="low", created_at=now,
                                            updated_at=now)
    await session.execute(stmt.on_conflict_do_nothing(index_elements=[Call.call_sid]))


async def claim_call(session: AsyncSession, call_sid: str, user_id: str, *, source: str,
                     from_number: str | None = None) -> Claim:
    """Make ``user_id`` the owner of ``call_sid``. Idempotent for the owner; ``Conflict`` if someone else owns it.

    Atomic on both backends: an INSERT that already carries the owner, else an UPDATE guarded by
    ``user_id IS NULL``; only one concurrent claimer can change the row.
    """
    now = utcnow()
    ins = insert_for(session, Call).values(call_sid=call_sid, user_id=user_id, from_number=from_number, source=source,
                                           status="live", risk_score=0, risk_level="low", created_at=now,
                                           updated_at=now, associated_at=now)
    inserted = await session.execute(ins.on_conflict_do_nothing(index_elements=[Call.call_sid]).returning(Call.call_sid))
    if inserted.scalar_one_or_none() is not None:
        return Claim(call_sid, user_id, True)
    upd = (update(Call).where(and_(Call.call_sid == call_sid, Call.user_id.is_(None)))
           .values(user_id=user_id, associated_at=now, updated_at=now).returning(Call.call_sid))
    if (await session.execute(upd)).scalar_one_or_none() is not None:
        return Claim(call_sid, user_id, True)
    owner = (await session.execute(select(Call.user_id).where(Call.call_sid == call_sid))).scalar_one_or_none()
    if owner == user_id:
        return Claim(call_sid, user_id, False)
    raise Conflict("this call is already associated with another user", code="call_owned")


async def lock_call(session: Executor, call_sid: str, *, source: str, owner: str | None = None) -> Row:
    """Create the call if needed, take its write lock for the rest of the transaction and return the row — one
    statement (``INSERT … ON CONFLICT DO UPDATE … RETURNING``).

    Writing first is what serialises concurrent segments of one call across instances: PostgreSQL holds the row
    lock until commit (a concurrent upsert of the same call waits, then returns the row as the other transaction
    left it), SQLite the database write lock. The returned state is therefore current.

    ``owner``: a call created by this statement is created owned by them (a device's own new call id); an existing
    call keeps its owner (check ``.user_id``). The row has ``call_sid, user_id, source, from_number, status,
    detector_state, risk_score, risk_level, fraud_type, flagged_at`` and ``not_scam``."""
    return (await session.execute(_LOCK_SQL, _lock_params(call_sid, source, owner))).one()


def lock_call_sync(conn: Connection, call_sid: str, *, source: str, owner: str | None = None) -> Row:
    """``lock_call`` on a synchronous connection."""
    return conn.execute(_LOCK_SQL, _lock_params(call_sid, source, owner)).one()


# Plain sqlite3 (``Database.read_now``): the stored JSON text of the state, whether the key is already stored, and
# the call's owner.
PEEK_SQLITE_SQL = ("SELECT detector_state, EXISTS (SELECT 1 FROM transcript_segments WHERE dedup_key = ?), user_id "
                   "FROM calls WHERE call_sid = ?")


@dataclass(frozen=True, slots=True)
class Peek:
    """A call as last committed, read without a lock (``PEEK_SQLITE_SQL``)."""

    exists: bool
    state: dict[str, Any] | None  # the stored detector state
    seen: bool  # the segment's key is already stored
    owner: str | None


def peek_detector_state_sqlite(row: tuple | None) -> Peek:
    """A ``PEEK_SQLITE_SQL`` row -> ``Peek``. A guess for running the detector before the write transaction —
    whoever uses it compares the state with the locked row's. The owner is final once set (a call never changes
    owner), so a writer it refuses is refused by the locked row too."""
    if row is None:
        return Peek(False, None, False, None)
    raw = row[0]
    try:
        state = json.loads(raw) if isinstance(raw, (str, bytes)) else raw
    except ValueError:
        state = {"unreadable": True}  # never equal to the locked row's state: the locked path decides
    return Peek(True, state, bool(row[1]), row[2])


def _lock_params(call_sid: str, source: str, owner: str | None) -> dict[str, Any]:
    now = utcnow()
    return {"call_sid": call_sid, "owner": owner, "source": source, "now": now,
            "associated_at": now if owner is not None else None}


async def save_detection(session: Executor, call_sid: str, *, state: dict[str, Any], risk_score: int,
                         risk_level: str, fraud_type: str | None, flagged: bool) -> None:
    """The detector's new state and verdict on the call row, one UPDATE (the first flag time is kept)."""
    await session.execute(_SAVE_DETECTION_SQL, _detection_params(call_sid, state, risk_score, risk_level, fraud_type,
                                                                 flagged))


def save_detection_sync(conn: Connection, call_sid: str, *, state: dict[str, Any], risk_score: int,
                        risk_level: str, fraud_type: str | None, flagged: bool) -> None:
    """``save_detection`` on a synchronous connection."""
    conn.execute(_SAVE_DETECTION_SQL, _detection_params(call_sid, state, risk_score, risk_level, fraud_type, flagged))


def _detection_params(call_sid: str, state: dict[str, Any], risk_score: int, risk_level: str, fraud_type: str | None,
                      flagged: bool) -> dict[str, Any]:
    now = utcnow()
    return {"state": state, "risk_score": int(risk_score), "risk_level": risk_level, "fraud_type": fraud_type or None,
            "flagged_at": now if flagged else None, "now": now, "call_sid": call_sid}


async def end_call(session: AsyncSession, call_sid: str) -> None:
    await session.execute(update(Call).where(and_(Call.call_sid == call_sid, Call.status != "ended"))
                          .values(status="ended", ended_at=utcnow(), updated_at=utcnow()))


async def add_segment(session: Executor, call_sid: str, *, text: str, speaker: str | None, final: bool,
                      dedup_key: str | None) -> bool:
    """Store one segment. ``False`` when ``dedup_key`` was seen before (a retried delivery): do nothing more."""
    stmt, params = _segment_statement(call_sid, text, speaker, final, dedup_key)
    result = await session.execute(stmt, params)
    return dedup_key is None or result.first() is not None


def add_segment_sync(conn: Connection, call_sid: str, *, text: str, speaker: str | None, final: bool,
                     dedup_key: str | None) -> bool:
    """``add_segment`` on a synchronous connection."""
    stmt, params = _segment_statement(call_sid, text, speaker, final, dedup_key)
    result = conn.execute(stmt, params)
    return dedup_key is None or result.first() is not None


def _segment_statement(call_sid: str, text: str, speaker: str | None, final: bool, dedup_key: str | None
                       ) -> tuple[Any, dict[str, Any]]:
    params = {"call_sid": call_sid, "dedup_key": dedup_key, "speaker": speaker, "text": text, "final": final,
              "now": utcnow()}
    return (_SEGMENT_SQL if dedup_key is not None else _SEGMENT_NO_KEY_SQL), params


async def latest_flagged_call(session: AsyncSession, user_id: str, since: datetime) -> FlaggedCall | None:
    """The user's most recently flagged call (live or ended) flagged at or after ``since``, if any.

    Used by the payee ledger: a payment right after a scam call is the classic "safe account" transfer.
    """
    q = (select(Call.call_sid, Call.fraud_type, Call.flagged_at, Call.status, Call.risk_score, Call.risk_level)
         .where(and_(Call.user_id == user_id, Call.flagged_at.is_not(None), Call.flagged_at >= since))
         .order_by(Call.flagged_at.desc()).limit(1))
    row = (await session.execute(q)).first()
    if row is None:
        return None
    return FlaggedCall(row.call_sid, row.fraud_type, row.flagged_at, row.status, row.risk_score, row.risk_level)


async def live_call_owners(session: AsyncSession, user_ids: list[str] | None = None, *,
                           limit: int = 1000) -> dict[str, str]:
    """``{call_sid: user_id}`` of live, owned calls (optionally only those of ``user_ids``), newest first."""
    q = select(Call.call_sid, Call.user_id).where(and_(Call.status == "live", Call.user_id.is_not(None)))
    if user_ids is not None:
        if not user_ids:
            return {}
        q = q.where(Call.user_id.in_(user_ids[:1000]))
    q = q.order_by(Call.updated_at.desc()).limit(limit)
    return {r.call_sid: r.user_id for r in (await session.execute(q)).all()}
