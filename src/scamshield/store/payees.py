"""The payee ledger: confirmed payments per user, their per-payee aggregates, and trust marks.

Only payments the app records (``record_payment``) form history; analyses never touch these tables.
Aggregates are updated with one ``INSERT ... ON CONFLICT DO UPDATE SET total = total + :amount`` statement, so
concurrent payments to the same payee never lose an update (PostgreSQL takes the row lock for the whole upsert;
SQLite serialises writers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from scamshield.engine.payee_history import PayeeHistory, UserPaymentStats
from scamshield.errors import Conflict
from scamshield.store.base import new_id, utcnow
from scamshield.store.models import Payee, PayeeTransaction
from scamshield.store.upsert import insert_for

STATUSES = ("completed", "failed", "blocked")
AMOUNT_SAMPLE = 100  # recent confirmed amounts kept for the robust statistics
ZERO = Decimal("0")


@dataclass(frozen=True, slots=True)
class Recorded:
    transaction: PayeeTransaction
    created: bool  # False when a payment with the same reference was already recorded


async def record_payment(
    session: AsyncSession,
    user_id: str,
    vpa: str,
    amount: Decimal,
    status: str,
    *,
    payee_name: str | None = None,
    note: str | None = None,
    occurred_at: datetime | None = None,
    reference: str | None = None,
) -> Recorded:
    """Record one payment; a completed one updates the payee's aggregates atomically. Idempotent on ``reference``:
    the same reference again for the same payment (payee, amount, status) returns the stored one (``created``
    False); for a different payment it is an idempotency-key conflict (``Conflict`` ``reference_conflict``, nothing
    recorded) — reporting it as a duplicate would silently drop a payment the app believes recorded."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    now = utcnow()
    when = occurred_at or now
    tx_id = new_id()
    values = dict(id=tx_id, user_id=user_id, vpa=vpa, payee_name=payee_name, amount=amount, note=note, status=status,
                  reference=reference, occurred_at=when, created_at=now)
    stmt = insert_for(session, PayeeTransaction).values(**values)
    if reference is not None:
        stmt = stmt.on_conflict_do_nothing(index_elements=[PayeeTransaction.user_id, PayeeTransaction.reference])
    result = await session.execute(stmt.returning(PayeeTransaction.id))
    if result.scalar_one_or_none() is None:
        existing = (await session.execute(select(PayeeTransaction).where(
            PayeeTransaction.user_id == user_id, PayeeTransaction.reference == reference))).scalar_one()
        if existing.vpa != vpa or Decimal(existing.amount) != Decimal(amount) or existing.status != status:
            raise Conflict("this reference was already used for a different payment (payee, amount or status)",
                           code="reference_conflict")
        return Recorded(existing, False)
    if status == "completed":
        await _add_to_aggregate(session, user_id, vpa, amount, when, payee_name)
    return Recorded(PayeeTransaction(**values), True)


async def _add_to_aggregate(session: AsyncSession, user_id: str, vpa: str, amount: Decimal, when: datetime,
                            payee_name: str | None) -> None:
    p = Payee.__table__.c
    ins = insert_for(session, Payee).values(
        user_id=user_id, vpa=vpa, payee_name=payee_name, first_transaction_at=when, last_transaction_at=when,
        transaction_count=1, total_amount=amount, max_amount=amount, is_trusted=False)
    x = ins.excluded
    await session.execute(ins.on_conflict_do_update(
        index_elements=[Payee.user_id, Payee.vpa],
        set_={
            "transaction_count": p.transaction_count + 1,
            "total_amount": p.total_amount + x.total_amount,
            "max_amount": case((x.max_amount > p.max_amount, x.max_amount), else_=p.max_amount),
            "first_transaction_at": case(
                (or_(p.first_transaction_at.is_(None), x.first_transaction_at < p.first_transaction_at),
                 x.first_transaction_at), else_=p.first_transaction_at),
            "last_transaction_at": case(
                (or_(p.last_transaction_at.is_(None), x.last_transaction_at >= p.last_transaction_at),
                 x.last_transaction_at), else_=p.last_transaction_at),
            # The latest name the app saw for the VPA (kept when this payment carries none).
            "payee_name": case((x.payee_name.is_(None), p.payee_name), else_=x.payee_name),
        },
    ))


async def set_trusted(session: AsyncSession, user_id: str, vpa: str, trusted: bool) -> Payee:
    ins = insert_for(session, Payee).values(user_id=user_id, vpa=vpa, transaction_count=0, total_amount=ZERO,
                                            max_amount=ZERO, is_trusted=trusted)
    await session.execute(ins.on_conflict_do_update(index_elements=[Payee.user_id, Payee.vpa],
                                                    set_={"is_trusted": trusted}))
    row = await get_payee(session, user_id, vpa)
    assert row is not None
    return row


async def get_payee(session: AsyncSession, user_id: str, vpa: str) -> Payee | None:
    return (await session.execute(
        select(Payee).where(Payee.user_id == user_id, Payee.vpa == vpa).execution_options(populate_existing=True)
    )).scalar_one_or_none()


async def list_transactions(session: AsyncSession, user_id: str, *, vpa: str | None = None, limit: int = 50,
                            before: tuple[datetime, str] | None = None) -> list[PayeeTransaction]:
    """Newest first; ``before`` is the (occurred_at, id) of the last row of the previous page."""
    q = select(PayeeTransaction).where(PayeeTransaction.user_id == user_id)
    if vpa is not None:
        q = q.where(PayeeTransaction.vpa == vpa)
    if before is not None:
        t, i = before
        q = q.where(or_(PayeeTransaction.occurred_at < t, and_(PayeeTransaction.occurred_at == t, PayeeTransaction.id < i)))
    q = q.order_by(PayeeTransaction.occurred_at.desc(), PayeeTransaction.id.desc()).limit(limit)
    return list((await session.execute(q)).scalars().all())


@dataclass(frozen=True, slots=True)
class LedgerStatistics:
    total_payees: int
    trusted_payees: int
    total_transactions: int  # completed
    total_amount: Decimal
    average_amount: Decimal
    blocked_transactions: int
    failed_transactions: int


async def statistics(session: AsyncSession, user_id: str) -> LedgerStatistics:
    payees = (await session.execute(select(
        func.count().filter(Payee.transaction_count > 0),
        func.count().filter(Payee.is_trusted.is_(True)),
        func.coalesce(func.sum(Payee.transaction_count), 0),
        func.sum(Payee.total_amount),
    ).where(Payee.user_id == user_id))).one()
    by_status = dict((await session.execute(
        select(PayeeTransaction.status, func.count()).where(PayeeTransaction.user_id == user_id)
        .group_by(PayeeTransaction.status))).all())
    count = int(payees[2] or 0)
    total = payees[3] if payees[3] is not None else ZERO
    average = (total / count).quantize(Decimal("0.01")) if count else ZERO
    return LedgerStatistics(int(payees[0] or 0), int(payees[1] or 0), count, total, average,
                            int(by_status.get("blocked", 0)), int(by_status.get("failed", 0)))


# --- snapshots for the analysis (engine.payee_history) ---------------------------------------------------------------
async def payee_history(session: AsyncSession, user_id: str, vpa: str, now: datetime,
                        short_window: timedelta = timedelta(hours=1)) -> PayeeHistory:
    row = await get_payee(session, user_id, vpa)
    completed = and_(PayeeTransaction.user_id == user_id, PayeeTransaction.vpa == vpa,
                     PayeeTransaction.status == "completed")
    amounts: tuple[Decimal, ...] = ()
    recent = 0
    if row is not None and row.transaction_count > 0:
        amounts = tuple((await session.execute(
            select(PayeeTransaction.amount).where(completed)
            .order_by(PayeeTransaction.occurred_at.desc()).limit(AMOUNT_SAMPLE))).scalars().all())
        recent = int((await session.execute(select(func.count()).select_from(PayeeTransaction).where(
            completed, PayeeTransaction.occurred_at >= now - short_window))).scalar_one())
    if row is None:
        return PayeeHistory(vpa=vpa)
    return PayeeHistory(
        vpa=vpa, payee_name=row.payee_name, transaction_count=row.transaction_count, total_amount=row.total_amount,
        max_amount=row.max_amount, first_transaction_at=row.first_transaction_at,
        last_transaction_at=row.last_transaction_at, is_trusted=row.is_trusted, recent_amounts=amounts,
        payments_last_hour=recent)


async def user_payment_stats(session: AsyncSession, user_id: str, now: datetime,
                             short_window: timedelta = timedelta(hours=1),
                             day_window: timedelta = timedelta(days=1)) -> UserPaymentStats:
    completed = and_(PayeeTransaction.user_id == user_id, PayeeTransaction.status == "completed")
    amounts = tuple((await session.execute(
        select(PayeeTransaction.amount).where(completed)
        .order_by(PayeeTransaction.occurred_at.desc()).limit(AMOUNT_SAMPLE))).scalars().all())
    if not amounts:
        return UserPaymentStats()
    count = int((await session.execute(
        select(func.coalesce(func.sum(Payee.transaction_count), 0)).where(Payee.user_id == user_id))).scalar_one())
    new_payees = int((await session.execute(select(func.count()).select_from(Payee).where(
        Payee.user_id == user_id, Payee.transaction_count > 0,
        Payee.first_transaction_at >= now - day_window))).scalar_one())
    recent = int((await session.execute(select(func.count()).select_from(PayeeTransaction).where(
        completed, PayeeTransaction.occurred_at >= now - short_window))).scalar_one())
    return UserPaymentStats(completed_count=count, recent_amounts=amounts, new_payees_last_day=new_payees,
                            payments_last_hour=recent)
