"""Retention of calls (store/retention.py): the transcript text kept in ``calls.detector_state`` and the caller's
number go at the retention horizon, and the transcript text is blanked a day (SCAMSHIELD_CALL_SCRUB_HOURS) after the
call ends. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from scamshield.engine.conversation import CallState
from scamshield.store import calls as call_store
from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.migrate import upgrade_async
from scamshield.store.models import Call
from scamshield.store.retention import purge_expired, purge_in_batches, scrub_state
from scamshield.store.session import Database

SECRET_WORDS = "share the OTP 482913 with me now"
CALLER = "+919876501234"


def _state() -> dict:
    return {"v": 1, "segments": 4, "context": f"Caller: {SECRET_WORDS}", "tail": SECRET_WORDS,
            "last_speaker": "caller", "hits": {"otp_request": [2, 1.0, "share the OTP 482913"]},
            "alerted": ["high"], "first_alert_segment": 3,
            "model_signal": {"code": "model", "weight": 20, "message": "m", "evidence": {"text": SECRET_WORDS}},
            "last_final_digest": "abc"}


@pytest.fixture
async def db(db_url):
    await upgrade_async(db_url)
    database = Database(db_url)
    async with database.transaction() as s:
        await user_store.ensure_user(s, "alice", None)
    yield database
    await database.dispose()


async def _add(db: Database, sid: str, *, ended_ago: timedelta | None, updated_ago: timedelta, state=None,
               from_number: str | None = CALLER) -> None:
    now = utcnow()
    async with db.transaction() as s:
        s.add(Call(call_sid=sid, user_id="alice", from_number=from_number, source="twilio",
                   status="ended" if ended_ago is not None else "live", detector_state=state or _state(),
                   risk_score=80, risk_level="critical", fraud_type="BANK_IMPERSONATION",
                   flagged_at=now - updated_ago, created_at=now - updated_ago - timedelta(minutes=5),
                   updated_at=now - updated_ago, ended_at=(now - ended_ago) if ended_ago is not None else None))


async def _call(db: Database, sid: str) -> Call:
    async with db.session() as s:
        return (await s.execute(select(Call).where(Call.call_sid == sid))).scalar_one()


def _has_text(state) -> bool:
    return state is not None and ("482913" in repr(state) or "OTP" in repr(state))


async def test_calls_lose_state_and_caller_at_the_horizon_and_text_after_the_grace(db):
    await _add(db, "CA-old-ended", ended_ago=timedelta(days=91), updated_ago=timedelta(days=91))
    await _add(db, "CA-old-live", ended_ago=None, updated_ago=timedelta(days=100))     # never ended, idle
    await _add(db, "CA-ended-2d", ended_ago=timedelta(days=2), updated_ago=timedelta(days=2))
    await _add(db, "CA-ended-1h", ended_ago=timedelta(hours=1), updated_ago=timedelta(hours=1))
    await _add(db, "CA-live", ended_ago=None, updated_ago=timedelta(days=3))            # live: never scrubbed early
    before = {sid: (await _call(db, sid)).updated_at for sid in ("CA-old-ended", "CA-ended-2d")}

    async with db.session() as s:
        dry = await purge_expired(s, utcnow(), 90, dry_run=True)
    assert dry["calls_expired"] == 2 and dry["calls_scrubbed"] == 1
    totals = await purge_in_batches(db, 90, scrub_after_hours=24, batch_size=1)
    assert totals["calls_expired"] == 2 and totals["calls_scrubbed"] == 1

    for sid in ("CA-old-ended", "CA-old-live"):
        c = await _call(db, sid)
        assert c.detector_state is None and c.from_number is None, sid
        assert c.risk_score == 80 and c.flagged_at is not None, "the call itself (ledger context) is kept"
    old = await _call(db, "CA-old-ended")
    assert old.updated_at == before["CA-old-ended"], "the horizon clock is not reset by the purge"

    scrubbed = await _call(db, "CA-ended-2d")
    assert not _has_text(scrubbed.detector_state), scrubbed.detector_state
    assert scrubbed.from_number == CALLER, "the number goes at the horizon, not at the end of the call"
    assert scrubbed.detector_state["hits"]["otp_request"][:2] == [2, 1.0], "what was found is kept"
    assert scrubbed.detector_state["alerted"] == ["high"]
    assert scrubbed.updated_at == before["CA-ended-2d"]
    restored = CallState.from_dict(scrubbed.detector_state)  # the detector can still resume from it
    assert restored.segments == 4 and restored.context == "" and "otp_request" in restored.hits

    for sid in ("CA-ended-1h", "CA-live"):
        assert _has_text((await _call(db, sid)).detector_state), f"{sid} is within its grace period / live"

    # idempotent: nothing left to do, and no more counts
    assert await purge_in_batches(db, 90, scrub_after_hours=24) == {"analyses": 0, "transcript_segments": 0,
                                                                    "alerts": 0}


async def test_scrub_can_be_disabled_and_retention_zero_keeps_everything(db):
    await _add(db, "CA-e", ended_ago=timedelta(days=5), updated_ago=timedelta(days=5))
    async with db.transaction() as s:
        assert "calls_scrubbed" not in await purge_expired(s, utcnow(), 90, scrub_after_hours=0)
        assert "calls_scrubbed" not in await purge_expired(s, utcnow(), 0)
    assert _has_text((await _call(db, "CA-e")).detector_state)


async def test_default_grace_is_a_day_and_the_server_task_scrubs(db):
    """The server's hourly task (RetentionTask -> purge_in_batches -> purge_expired) scrubs with the default grace."""

    await _add(db, "CA-25h", ended_ago=timedelta(hours=25), updated_ago=timedelta(hours=25))
    await _add(db, "CA-23h", ended_ago=timedelta(hours=23), updated_ago=timedelta(hours=23))
    totals = await purge_in_batches(db, 90)
    assert totals.get("calls_scrubbed") == 1
    assert not _has_text((await _call(db, "CA-25h")).detector_state)
    assert _has_text((await _call(db, "CA-23h")).detector_state)


async def test_a_late_segment_is_scrubbed_again(db):
    """A segment stored after the scrub (the detector rewrites the whole state) brings text back; the next run, by
    the call's end time, blanks it again."""
    await _add(db, "CA-late", ended_ago=timedelta(days=2), updated_ago=timedelta(days=2))
    assert (await purge_in_batches(db, 90)).get("calls_scrubbed") == 1
    async with db.transaction() as s:
        await call_store.save_detection(s, "CA-late", state={**_state(), "segments": 5}, risk_score=80,
                                        risk_level="critical", fraud_type=None, flagged=False)
    assert _has_text((await _call(db, "CA-late")).detector_state)
    assert (await purge_in_batches(db, 90)).get("calls_scrubbed") == 1
    c = await _call(db, "CA-late")
    assert not _has_text(c.detector_state) and c.detector_state["segments"] == 5


@pytest.mark.parametrize("state", [None, {}, {"context": "x"}, {"hits": {"a": [1, 2.0, "secret"]}, "tail": "t"},
                                   {"hits": {"a": "junk"}, "model_signal": {"evidence": {"text": "y"}}}])
def test_scrub_state_shapes(state):
    out = scrub_state(state)
    if not isinstance(state, dict):
        assert out is None
        return
    assert out["context"] == "" and out["tail"] == "" and out["scrubbed"] is True
    assert "secret" not in repr(out) and "'y'" not in repr(out)
