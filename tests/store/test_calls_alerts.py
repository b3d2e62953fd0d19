"""Call ownership, segments, per-user alert seqs, held alerts and replay queries on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from scamshield.errors import Conflict, NotFound
from scamshield.store import alerts as alert_store
from scamshield.store import calls as call_store
from scamshield.store import users as user_store
from scamshield.store.base import utcnow
from scamshield.store.migrate import upgrade_async
from scamshield.store.session import Database


@pytest.fixture
async def db(db_url):
    await upgrade_async(db_url)
    database = Database(db_url)
    async with database.transaction() as s:
        for u in ("alice", "bob", "carol"):
            await user_store.ensure_user(s, u, None)
    yield database
    await database.dispose()


async def new_alert(db, user, call_sid="CA1", **kw):
    async with db.transaction() as s:
        return await alert_store.create_alert(s, user_id=user, call_sid=call_sid, fraud_type="OTP_THEFT", risk_score=80,
                                              risk_level="critical", reasons=["r"], advice="a", **kw)


async def test_claim_is_idempotent_and_exclusive(db):
    async with db.transaction() as s:
        assert (await call_store.claim_call(s, "CA1", "alice", source="api")).newly_associated
    async with db.transaction() as s:
        assert not (await call_store.claim_call(s, "CA1", "alice", source="api")).newly_associated
    with pytest.raises(Conflict):
        async with db.transaction() as s:
            await call_store.claim_call(s, "CA1", "bob", source="api")
    async with db.transaction() as s:  # an unowned call is claimed by the first comer
        await call_store.ensure_call(s, "CA2", source="twilio")
        assert (await call_store.claim_call(s, "CA2", "bob", source="api")).newly_associated


async def test_concurrent_claims_one_winner(db):
    async def claim(user):
        try:
            async with db.transaction() as s:
                await call_store.claim_call(s, "CA-race", user, source="api")
            return user
        except Conflict:
            return None

    async with db.transaction() as s:
        await call_store.ensure_call(s, "CA-race", source="twilio")
    winners = [w for w in await asyncio.gather(*(claim(u) for u in ("alice", "bob", "carol") * 3)) if w]
    assert len(set(winners)) == 1
    async with db.session() as s:
        assert (await call_store.get_call(s, "CA-race")).user_id == winners[0]


async def test_seq_is_per_user_gap_free_under_concurrency(db):
    created = await asyncio.gather(*(new_alert(db, u) for u in ("alice", "bob") * 10))
    for user in ("alice", "bob"):
        assert sorted(a.seq for a in created if a.user_id == user) == list(range(1, 11))
    with pytest.raises(NotFound):
        await new_alert(db, "nobody")


async def test_held_alerts_get_seqs_on_association(db):
    await new_alert(db, "alice", call_sid="CA-x")  # alice already has seq 1
    async with db.transaction() as s:
        await call_store.ensure_call(s, "CA-held", source="twilio")
    h1 = await new_alert(db, None, call_sid="CA-held")
    h2 = await new_alert(db, None, call_sid="CA-held")
    assert h1.seq is None and h1.user_id is None
    async with db.session() as s:
        assert await alert_store.count_held(s) == 2
    async with db.transaction() as s:
        await call_store.claim_call(s, "CA-held", "alice", source="api")
        assigned = await alert_store.assign_held(s, "CA-held", "alice")
    assert [(a.id, a.seq) for a in assigned] == [(h1.id, 2), (h2.id, 3)]
    async with db.session() as s:
        assert await alert_store.count_held(s) == 0
        assert [a.seq for a in await alert_store.alerts_since(s, "alice", 1)] == [2, 3]


async def test_replay_ack_and_response(db):
    a1, a2, a3 = [await new_alert(db, "alice") for _ in range(3)]
    await new_alert(db, "bob")
    async with db.transaction() as s:
        assert await alert_store.ack(s, "alice", a1.id) is True
        assert await alert_store.ack(s, "alice", a1.id) is False
        await alert_store.record_response(s, "alice", a2.id, "hang_up")
    async with db.session() as s:
        window = utcnow() - timedelta(hours=24)
        assert [a.id for a in await alert_store.unacked_since(s, "alice", window)] == [a3.id]
        assert [a.id for a in await alert_store.alerts_since(s, "alice", 0)] == [a1.id, a2.id, a3.id]
        assert await alert_store.unacked_since(s, "alice", utcnow() + timedelta(seconds=5)) == []
        assert (await s.get(type(a2), a2.id)).response == "hang_up"
    with pytest.raises(NotFound):  # bob cannot ack alice's alert
        async with db.transaction() as s:
            await alert_store.ack(s, "bob", a3.id)


async def test_segments_deduplicate_and_state_persists(db):
    async with db.transaction() as s:
        call = await call_store.lock_call(s, "CA-seg", source="twilio")
        assert call.user_id is None and call.detector_state is None
        assert await call_store.add_segment(s, "CA-seg", text="hi", speaker="inbound", final=True, dedup_key="tw:GT1:1:in")
        assert not await call_store.add_segment(s, "CA-seg", text="hi", speaker="inbound", final=True,
                                                dedup_key="tw:GT1:1:in")
        assert await call_store.add_segment(s, "CA-seg", text="hi", speaker=None, final=True, dedup_key=None)
        assert await call_store.add_segment(s, "CA-seg", text="hi", speaker=None, final=True, dedup_key=None)
        await call_store.save_detection(s, "CA-seg", state={"segments": 2}, risk_score=60, risk_level="high",
                                        fraud_type="OTP_THEFT", flagged=True)
    async with db.session() as s:
        call = await call_store.get_call(s, "CA-seg")
        assert call.detector_state == {"segments": 2} and call.flagged_at is not None and call.fraud_type == "OTP_THEFT"


async def test_latest_flagged_call(db):
    since = utcnow() - timedelta(minutes=30)
    async with db.transaction() as s:
        assert await call_store.latest_flagged_call(s, "alice", since) is None
        await call_store.claim_call(s, "CA-f1", "alice", source="api")
        await call_store.claim_call(s, "CA-f2", "alice", source="api")
        await call_store.claim_call(s, "CA-b", "bob", source="api")
        await call_store.save_detection(s, "CA-f1", state={}, risk_score=90, risk_level="critical",
                                        fraud_type="REMOTE_ACCESS", flagged=True)
        await call_store.save_detection(s, "CA-b", state={}, risk_score=90, risk_level="critical",
                                        fraud_type="OTP_THEFT", flagged=True)
        await call_store.save_detection(s, "CA-f2", state={}, risk_score=10, risk_level="low", fraud_type=None,
                                        flagged=False)
        await call_store.end_call(s, "CA-f1")
    async with db.session() as s:
        hit = await call_store.latest_flagged_call(s, "alice", since)
        assert hit is not None and hit.call_sid == "CA-f1" and hit.fraud_type == "REMOTE_ACCESS"
        assert hit.status == "ended" and hit.flagged_at >= since
        assert await call_store.latest_flagged_call(s, "alice", utcnow() + timedelta(minutes=1)) is None
        assert await call_store.latest_flagged_call(s, "carol", since) is None
        assert await call_store.live_call_owners(s, ["alice", "bob"]) == {"CA-f2": "alice", "CA-b": "bob"}
