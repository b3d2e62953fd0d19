"""The merged payment query returns exactly what the per-part store functions return (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal as D

from scamshield.services.ledger import flagged_call, payment_snapshot
from scamshield.store import payees as payee_store
from scamshield.store.base import utcnow
from scamshield.store.models import Call

VPAS = ("shop@okicici", "b@ybl", "trusted.only@okaxis", "never@ybl")


def _sorted(x):
    return replace(x, recent_amounts=tuple(sorted(x.recent_amounts))) if x is not None else None


async def _seed(db, now, rnd: random.Random) -> None:
    used: set[int] = set()
    async with db.transaction() as s:
        # alice: history with several payees, recent and old payments of every status; bob: nothing completed;
        # carol: only a trusted mark (a payee row with no payment).
        for _ in range(60):
            secs = rnd.randrange(1, 3 * 86400)
            while secs in used:
                secs += 1
            used.add(secs)
            await payee_store.record_payment(
                s, "alice", rnd.choice(VPAS[:2]), D(rnd.randrange(1, 500000)) / 100,
                rnd.choice(("completed", "completed", "failed", "blocked")), occurred_at=now - timedelta(seconds=secs))
        await payee_store.record_payment(s, "bob", "b@ybl", D("10"), "failed", occurred_at=now)
        await payee_store.set_trusted(s, "carol", VPAS[2], True)
        await payee_store.set_trusted(s, "alice", VPAS[0], True)
        s.add_all([
            Call(call_sid="CA-a-old", user_id="alice", status="ended", fraud_type="TECH_SUPPORT",
                 flagged_at=now - timedelta(hours=30), ended_at=now - timedelta(hours=29)),
            Call(call_sid="CA-a-ended", user_id="alice", status="ended", fraud_type="BANK_KYC_IMPERSONATION",
                 flagged_at=now - timedelta(minutes=20), ended_at=now - timedelta(minutes=5)),
            Call(call_sid="CA-a-unflagged", user_id="alice", status="live"),
            Call(call_sid="CA-b-live", user_id="bob", status="live", fraud_type="DIGITAL_ARREST",
                 flagged_at=now - timedelta(hours=3)),
        ])


async def test_snapshot_equals_the_separate_queries(db):
    now = utcnow()
    await _seed(db, now, random.Random(7))
    checked = 0
    async with db.session() as s:
        for uid in ("alice", "bob", "carol", "r0"):
            want_call = await flagged_call(s, uid, now)
            for vpa in VPAS:
                want_payee = await payee_store.payee_history(s, uid, vpa, now)
                want_stats = await payee_store.user_payment_stats(s, uid, now)
                for payee_history, call_protection in ((True, True), (True, False), (False, True)):
                    got = await payment_snapshot(s, uid, vpa, now, payee_history=payee_history,
                                                 call_protection=call_protection)
                    assert got.call == (want_call if call_protection else None), (uid, vpa)
                    if payee_history:
                        assert _sorted(got.payee) == _sorted(want_payee), (uid, vpa)
                        assert _sorted(got.stats) == _sorted(want_stats), (uid, vpa)
                    else:
                        assert got.payee is None
                    checked += 1
    # The data really exercised the interesting cases.
    async with db.session() as s:
        alice = await payment_snapshot(s, "alice", VPAS[0], now, payee_history=True, call_protection=True)
        carol = await payment_snapshot(s, "carol", VPAS[2], now, payee_history=True, call_protection=True)
        bob = await payment_snapshot(s, "bob", "b@ybl", now, payee_history=True, call_protection=True)
    assert alice.payee.transaction_count > 5 and alice.payee.is_trusted and alice.stats.completed_count > 10
    assert alice.payee.recent_amounts and alice.stats.payments_last_hour >= 0
    assert alice.call.call_sid == "CA-a-ended" and alice.call.ended_at is not None
    assert carol.payee.is_trusted and carol.payee.transaction_count == 0 and carol.stats.completed_count == 0
    assert bob.call.status == "live" and bob.call.ended_at is None and bob.stats.recent_amounts == ()
    assert checked == 4 * 4 * 3
