"""Ledger, feedback, reports, history and retention repositories on SQLite and PostgreSQL (db_url fixture)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from decimal import Decimal as D

import pytest
from sqlalchemy import func, select

from scamshield.errors import Conflict
from scamshield.store import feedback as feedback_store
from scamshield.store import history as history_store
from scamshield.store import payees as payee_store
from scamshield.store import reports as report_store
from scamshield.store import users as user_store
from scamshield.store.base import new_id, utcnow
from scamshield.store.migrate import upgrade_async
from scamshield.store.models import Alert, Analysis, Call, PayeeTransaction, TranscriptSegment
from scamshield.store.retention import purge_expired
from scamshield.store.session import Database

VPA = "shop@okicici"


@pytest.fixture
async def db(db_url):
    await upgrade_async(db_url)
    database = Database(db_url)
    async with database.transaction() as s:
        for uid in ("alice", "bob", *(f"u{i}" for i in range(70))):
            await user_store.ensure_user(s, uid, None)
    yield database
    await database.dispose()


async def test_completed_payments_build_exact_aggregates(db):
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    async with db.transaction() as s:
        for i, amount in enumerate(["0.10", "0.20", "999999.99", "0.01"]):
            await payee_store.record_payment(s, "alice", VPA, D(amount), "completed", payee_name=f"Shop {i}",
                                             occurred_at=t0 + timedelta(days=i))
        await payee_store.record_payment(s, "alice", VPA, D("5000"), "failed", occurred_at=t0 + timedelta(days=9))
        await payee_store.record_payment(s, "alice", VPA, D("7000"), "blocked")
        await payee_store.record_payment(s, "alice", VPA, D("1.00"), "completed", payee_name=None,
                                         occurred_at=t0 - timedelta(days=1))  # late, older record
    async with db.session() as s:
        p = await payee_store.get_payee(s, "alice", VPA)
        stats = await payee_store.statistics(s, "alice")
    assert p.transaction_count == 5
    assert p.total_amount == D("1000001.30")
    assert p.max_amount == D("999999.99")
    assert p.first_transaction_at == t0 - timedelta(days=1)
    assert p.last_transaction_at == t0 + timedelta(days=3)
    assert p.payee_name == "Shop 3"  # a payment without a name keeps the last one
    assert (stats.total_payees, stats.total_transactions, stats.blocked_transactions, stats.failed_transactions) == (
        1, 5, 1, 1)
    assert stats.total_amount == D("1000001.30") and stats.average_amount == D("200000.26")


async def test_only_completed_payments_make_a_payee_known(db):
    async with db.transaction() as s:
        await payee_store.record_payment(s, "alice", VPA, D("10"), "failed")
        await payee_store.record_payment(s, "alice", VPA, D("10"), "blocked")
    async with db.session() as s:
        h = await payee_store.payee_history(s, "alice", VPA, utcnow())
    assert h.is_new


async def test_reference_makes_recording_idempotent(db):
    async with db.transaction() as s:
        first = await payee_store.record_payment(s, "alice", VPA, D("10"), "completed", reference="UPI123")
    async with db.transaction() as s:
        again = await payee_store.record_payment(s, "alice", VPA, D("10"), "completed", reference="UPI123")
        other_user = await payee_store.record_payment(s, "bob", VPA, D("10"), "completed", reference="UPI123")
    assert first.created and not again.created and other_user.created
    assert again.transaction.id == first.transaction.id
    async with db.session() as s:
        assert (await payee_store.get_payee(s, "alice", VPA)).transaction_count == 1


@pytest.mark.parametrize("change", [{"vpa": "other@okaxis"}, {"amount": D("10.01")}, {"status": "failed"}])
async def test_a_reference_reused_for_a_different_payment_is_a_conflict(db, change):
    """An idempotency key names one payment: reused with another payee, amount or status it is refused (409
    ``reference_conflict``), not reported as a duplicate of a payment it is not; the first payment is untouched."""
    async with db.transaction() as s:
        await payee_store.record_payment(s, "alice", VPA, D("10"), "completed", reference="UPI-K")
    args = {"vpa": VPA, "amount": D("10"), "status": "completed", **change}
    with pytest.raises(Conflict) as exc:
        async with db.transaction() as s:
            await payee_store.record_payment(s, "alice", args["vpa"], args["amount"], args["status"],
                                             reference="UPI-K")
    assert exc.value.code == "reference_conflict"
    async with db.transaction() as s:  # the same payment again (name and note are not part of it): a duplicate
        again = await payee_store.record_payment(s, "alice", VPA, D("10.00"), "completed", reference="UPI-K",
                                                 payee_name="Shop", note="retry")
    assert not again.created
    async with db.session() as s:
        assert (await payee_store.get_payee(s, "alice", VPA)).transaction_count == 1
        assert await payee_store.get_payee(s, "alice", "other@okaxis") is None


async def test_concurrent_payments_lose_no_update(db):
    n = 40

    async def pay(i: int) -> None:
        async with db.transaction() as s:
            await payee_store.record_payment(s, "alice", VPA, D("10.01"), "completed",
                                             occurred_at=utcnow() - timedelta(seconds=i))

    await asyncio.gather(*(pay(i) for i in range(n)))
    async with db.session() as s:
        p = await payee_store.get_payee(s, "alice", VPA)
        rows = (await s.execute(select(func.count()).select_from(PayeeTransaction))).scalar_one()
    assert rows == n
    assert p.transaction_count == n
    assert p.total_amount == D("10.01") * n


async def test_trust_is_per_user_and_does_not_make_payee_known(db):
    async with db.transaction() as s:
        p = await payee_store.set_trusted(s, "alice", VPA, True)
    assert p.is_trusted and p.transaction_count == 0
    async with db.session() as s:
        assert (await payee_store.get_payee(s, "bob", VPA)) is None
        assert (await payee_store.payee_history(s, "alice", VPA, utcnow())).is_new
    async with db.transaction() as s:
        assert not (await payee_store.set_trusted(s, "alice", VPA, False)).is_trusted


async def test_list_transactions_pages_newest_first_and_scoped(db):
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    async with db.transaction() as s:
        for i in range(7):
            await payee_store.record_payment(s, "alice", VPA if i % 2 else "b@ybl", D(i + 1), "completed",
                                             occurred_at=t0 + timedelta(hours=i))
        await payee_store.record_payment(s, "bob", VPA, D("1"), "completed")
    seen, before = [], None
    async with db.session() as s:
        while True:
            page = await payee_store.list_transactions(s, "alice", limit=3, before=before)
            if not page:
                break
            seen.extend(page)
            before = (page[-1].occurred_at, page[-1].id)
        only = await payee_store.list_transactions(s, "alice", vpa=VPA)
    assert [r.amount for r in seen] == [D(7 - i) for i in range(7)]
    assert {r.user_id for r in seen} == {"alice"}
    assert [r.amount for r in only] == [D(6), D(4), D(2)]


async def test_payment_snapshots(db):
    now = utcnow()
    async with db.transaction() as s:
        for i in range(3):
            await payee_store.record_payment(s, "alice", f"new{i}@ybl", D("100"), "completed",
                                             occurred_at=now - timedelta(hours=2 + i))
        await payee_store.record_payment(s, "alice", "old@ybl", D("50"), "completed",
                                         occurred_at=now - timedelta(days=5))
        for i in range(2):
            await payee_store.record_payment(s, "alice", "old@ybl", D("70"), "completed",
                                             occurred_at=now - timedelta(minutes=10 + i))
    async with db.session() as s:
        stats = await payee_store.user_payment_stats(s, "alice", now)
        old = await payee_store.payee_history(s, "alice", "old@ybl", now)
        empty = await payee_store.user_payment_stats(s, "bob", now)
    assert stats.completed_count == 6 and stats.new_payees_last_day == 3 and stats.payments_last_hour == 2
    assert sorted(stats.recent_amounts) == [D(50), D(70), D(70), D(100), D(100), D(100)]
    assert old.transaction_count == 3 and old.payments_last_hour == 2 and sorted(old.recent_amounts) == [D(50), D(70), D(70)]
    assert empty.completed_count == 0 and empty.recent_amounts == ()


async def test_reports_count_distinct_reporters_in_window(db):
    now = utcnow()
    async with db.transaction() as s:
        for _ in range(60):
            sub = await report_store.submit(s, "alice", "upi_id", "x@ybl", category="PAYMENT_FRAUD")
        for i in range(3):
            await report_store.submit(s, f"u{i}", "upi_id", "x@ybl", category="BANK_KYC_IMPERSONATION")
        await report_store.submit(s, "u9", "upi_id", "other@ybl")
    assert sub.report.report_count == 60 and not sub.first_time
    async with db.session() as s:
        counts = await report_store.distinct_reporters(s, [("upi_id", "x@ybl"), ("upi_id", "none@ybl")],
                                                       now - timedelta(days=30))
        later = await report_store.distinct_reporters(s, [("upi_id", "x@ybl")], now + timedelta(seconds=5))
        mine = await report_store.history(s, "alice")
        stats = await report_store.statistics(s, now - timedelta(days=30), 4)
    assert counts == {("upi_id", "x@ybl"): (4, "BANK_KYC_IMPERSONATION")}
    assert later == {}  # outside the window
    assert [r.entity_id for r in mine] == ["x@ybl"]
    assert stats.total_reports == 5 and stats.reported_entities == 2
    assert stats.confirmed_entities == [("upi_id", "x@ybl", 4)]  # other@ybl (1 reporter) is never named


async def test_feedback_latest_verdict_wins_per_user(db):
    async with db.transaction() as s:
        await feedback_store.put_feedback(s, "alice", "domain", "evil.com", "fraud")
        await feedback_store.put_feedback(s, "alice", "domain", "evil.com", "safe", comment="my bank")
        await feedback_store.put_feedback(s, "bob", "domain", "evil.com", "fraud")
    async with db.session() as s:
        a = await feedback_store.verdicts_for(s, "alice", [("domain", "evil.com"), ("url", "x")])
        counts = await feedback_store.user_counts(s, "alice")
    assert a == {("domain", "evil.com"): "safe"}
    assert counts == {"safe": 1, "fraud": 0, "unsure": 0}


async def _analysis(s, uid: str, when: datetime, kind="url", level="low") -> str:
    aid = new_id()
    s.add(Analysis(id=aid, user_id=uid, kind=kind, subject="x", risk_score=10, risk_level=level,
                   is_safe=level in ("low", "medium"), fraud_types=[], signal_codes=[], created_at=when))
    return aid


async def test_history_filters_pages_and_scopes(db):
    now = utcnow()
    async with db.transaction() as s:
        for i in range(5):
            await _analysis(s, "alice", now - timedelta(minutes=i), kind="url" if i % 2 else "sms",
                            level="high" if i == 0 else "low")
        await _analysis(s, "bob", now)
    async with db.session() as s:
        all_rows = await history_store.list_analyses(s, "alice")
        sms = await history_store.list_analyses(s, "alice", kind="sms")
        high = await history_store.list_analyses(s, "alice", risk_level="high")
        page2 = await history_store.list_analyses(s, "alice", limit=2,
                                                  before=(all_rows[1].created_at, all_rows[1].id))
        d = await history_store.dashboard(s, "alice", day_start=now - timedelta(hours=1),
                                          alerts_since=now - timedelta(days=1))
    assert len(all_rows) == 5 and all(r.user_id == "alice" for r in all_rows)
    assert [r.created_at for r in all_rows] == sorted((r.created_at for r in all_rows), reverse=True)
    assert len(sms) == 3 and len(high) == 1
    assert [r.id for r in page2] == [r.id for r in all_rows[2:4]]
    assert d.total_analyses == 5 and d.blocked_threats == 1 and d.analysis_by_type == {"sms": 3, "url": 2}


async def test_purge_expired_removes_only_old_personal_data(db):
    now = utcnow()
    old = now - timedelta(days=91)
    async with db.transaction() as s:
        await _analysis(s, "alice", old)
        keep = await _analysis(s, "alice", now - timedelta(days=89))
        s.add(Call(call_sid="CA1", user_id="alice", status="ended", created_at=old, updated_at=old))
        await s.flush()
        s.add(TranscriptSegment(call_sid="CA1", text="old words", created_at=old))
        s.add(TranscriptSegment(call_sid="CA1", text="new words", created_at=now))
        s.add(Alert(id=new_id(), user_id="alice", fraud_type="GENERIC_SCAM", risk_score=80, risk_level="critical",
                    created_at=old))
        await payee_store.record_payment(s, "alice", VPA, D("1"), "completed", occurred_at=old)
    async with db.session() as s:
        dry = await purge_expired(s, now, 90, dry_run=True)
    assert dry == {"analyses": 1, "transcript_segments": 1, "alerts": 1}
    async with db.transaction() as s:
        assert await purge_expired(s, now, 0) == {"analyses": 0, "transcript_segments": 0, "alerts": 0}
        done = await purge_expired(s, now, 90, batch_size=10)
    assert done == dry
    async with db.session() as s:
        assert [a.id for a in (await s.execute(select(Analysis))).scalars()] == [keep]
        assert [t.text for t in (await s.execute(select(TranscriptSegment))).scalars()] == ["new words"]
        assert (await s.execute(select(func.count()).select_from(Alert))).scalar_one() == 0
        assert (await payee_store.get_payee(s, "alice", VPA)).transaction_count == 1  # the ledger is kept
