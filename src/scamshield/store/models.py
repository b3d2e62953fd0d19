"""Tables. One section per concept; every query the API makes has an index here."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from scamshield.store.base import Base, UTCDateTime, new_id, utcnow

_CENT = Decimal("0.01")


class Money(TypeDecorator):
    """Rupees as :class:`Decimal`, exact on every backend.

    PostgreSQL: ``NUMERIC(18, 2)``. SQLite has no decimal type (a NUMERIC column would hold binary floats), so there
    the same column holds whole paise as integers: ``total = total + :amount`` and ``SUM`` stay exact.
    """

    impl = Numeric(18, 2)
    cache_ok = True

    def bind_processor(self, dialect):  # type: ignore[override]
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def to_paise(value):
            if value is None:
                return None
            return int((Decimal(str(value)) * 100).to_integral_value(ROUND_HALF_EVEN))

        return to_paise

    def result_processor(self, dialect, coltype):  # type: ignore[override]
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)

        def from_paise(value):
            if value is None:
                return None
            return (Decimal(str(value)) / 100).quantize(_CENT)

        return from_paise


MONEY = Money()


# --- users ----------------------------------------------------------------------------------------------------------
class User(Base):
    """A protected person, identified by the token's ``sub``. Created on first authenticated contact."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    phone_number: Mapped[str | None] = mapped_column(String(20), index=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    alert_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# --- calls and transcripts -----------------------------------------------------------------------------------------
class Call(Base):
    """A phone call being protected. ``user_id`` is its owner (null until associated)."""

    __tablename__ = "calls"

    call_sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    from_number: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(16), default="api")  # api|ws|twilio|media|service (services.calls)
    status: Mapped[str] = mapped_column(String(16), default="live")  # live|ended
    detector_state: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    risk_score: Mapped[int] = mapped_column(Integer, default=0)
    risk_level: Mapped[str] = mapped_column(String(16), default="low")
    fraud_type: Mapped[str | None] = mapped_column(String(48))
    flagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    associated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_calls_user_flagged", "user_id", "flagged_at"),)


class TranscriptSegment(Base):
    """One utterance of a call. ``dedup_key`` makes webhook retries idempotent."""

    __tablename__ = "transcript_segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    call_sid: Mapped[str] = mapped_column(ForeignKey("calls.call_sid", ondelete="CASCADE"), index=True)
    dedup_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    speaker: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    final: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


# --- alerts ---------------------------------------------------------------------------------------------------------
class Alert(Base):
    """A fraud alert. Stored before delivery. ``seq`` is per user and set when the alert gets an owner."""

    __tablename__ = "alerts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    seq: Mapped[int | None] = mapped_column(Integer)
    call_sid: Mapped[str | None] = mapped_column(String(64), index=True)
    fraud_type: Mapped[str] = mapped_column(String(48))
    risk_score: Mapped[int] = mapped_column(Integer)
    risk_level: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    advice: Mapped[str] = mapped_column(Text, default="")
    is_test: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    response: Mapped[str | None] = mapped_column(String(16))
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("user_id", "seq", name="uq_alerts_user_seq"),
        Index("ix_alerts_user_seq", "user_id", "seq"),
    )


# --- analyses (the user's history) --------------------------------------------------------------------------------
class Analysis(Base):
    """One analysis a user asked for. History only: analyses never make a payee known."""

    __tablename__ = "analyses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    subject: Mapped[str | None] = mapped_column(String(256))  # host, sender, VPA: never a full message text
    risk_score: Mapped[int] = mapped_column(Integer)
    risk_level: Mapped[str] = mapped_column(String(16))
    is_safe: Mapped[bool] = mapped_column(Boolean)
    fraud_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    signal_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_analyses_user_created", "user_id", "created_at"),
        Index("ix_analyses_user_kind_created", "user_id", "kind", "created_at"),  # GET /history?analysis_type=
        Index("ix_analyses_created", "created_at"),  # retention purge
    )


# --- payee ledger -------------------------------------------------------------------------------------------------
class Payee(Base):
    """Per-user aggregate of confirmed payments to one VPA."""

    __tablename__ = "payees"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    vpa: Mapped[str] = mapped_column(String(128), primary_key=True)
    payee_name: Mapped[str | None] = mapped_column(String(128))
    first_transaction_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_transaction_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    transaction_count: Mapped[int] = mapped_column(Integer, default=0)
    total_amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    max_amount: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    is_trusted: Mapped[bool] = mapped_column(Boolean, default=False)


class PayeeTransaction(Base):
    """A payment the app confirms (completed, failed or blocked)."""

    __tablename__ = "payee_transactions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    vpa: Mapped[str] = mapped_column(String(128))
    payee_name: Mapped[str | None] = mapped_column(String(128))
    amount: Mapped[Decimal] = mapped_column(MONEY)
    note: Mapped[str | None] = mapped_column(String(256))
    status: Mapped[str] = mapped_column(String(16))
    # The app's own id for the payment (UPI reference); a retried POST with the same reference is recorded once.
    reference: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("user_id", "reference", name="uq_payee_tx_user_reference"),
        Index("ix_payee_tx_user_vpa_time", "user_id", "vpa", "occurred_at"),
        Index("ix_payee_tx_user_time", "user_id", "occurred_at"),
    )


# --- feedback and community reports --------------------------------------------------------------------------------
class Feedback(Base):
    """A user's own verdict on an entity: affects only that user's later analyses."""

    __tablename__ = "feedback"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    entity_type: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(256))
    verdict: Mapped[str] = mapped_column(String(8))
    analysis_id: Mapped[str | None] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("user_id", "entity_type", "entity_id", name="uq_feedback_user_entity"),)


class FraudReport(Base):
    """A community report: one row per (reporter, entity), so one account reporting 60 times is one reporter.

    Counts toward other users only with N distinct reporters whose latest report is within the window.
    """

    __tablename__ = "fraud_reports"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    reporter_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    entity_type: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(256))
    category: Mapped[str | None] = mapped_column(String(48))
    description: Mapped[str | None] = mapped_column(String(1000))
    report_count: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_reported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("reporter_id", "entity_type", "entity_id", name="uq_fraud_reports_reporter_entity"),
        Index("ix_reports_entity_last", "entity_type", "entity_id", "last_reported_at"),
        Index("ix_reports_reporter_last", "reporter_id", "last_reported_at"),
    )
