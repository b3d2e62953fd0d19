"""Typed results of the ScamShield API. Every object keeps the server's JSON in ``raw``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _dt(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Signal:
    """One reason behind a score: a stable ``code``, its ``weight`` in points and a readable ``message``."""

    code: str
    weight: float
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    fraud_type: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Signal":
        return cls(code=str(d.get("code", "")), weight=float(d.get("weight", 0)), message=str(d.get("message", "")),
                   evidence=dict(d.get("evidence") or {}), fraud_type=d.get("fraud_type"))


@dataclass(frozen=True, slots=True)
class Assessment:
    """The result of ``/analyze/*``: score 0-100, level, verdict and the signals that explain it.

    Kind-specific extracted fields (``extracted_urls``, ``upi``, ``host``...) are in ``raw``.
    """

    analysis_id: str
    kind: str
    risk_score: int
    risk_level: str
    is_safe: bool
    signals: list[Signal]
    fraud_indicators: list[str]
    detected_fraud_types: list[str]
    recommendations: list[str]
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Assessment":
        return cls(analysis_id=str(d.get("analysis_id", "")), kind=str(d.get("kind", "")),
                   risk_score=int(d.get("risk_score", 0)), risk_level=str(d.get("risk_level", "")),
                   is_safe=bool(d.get("is_safe", False)), signals=[Signal.from_dict(s) for s in d.get("signals") or []],
                   fraud_indicators=list(d.get("fraud_indicators") or []),
                   detected_fraud_types=list(d.get("detected_fraud_types") or []),
                   recommendations=list(d.get("recommendations") or []), raw=d)

    def signal(self, code: str) -> Signal | None:
        """The signal with this code, if present."""
        return next((s for s in self.signals if s.code == code), None)

    @property
    def signal_codes(self) -> list[str]:
        return [s.code for s in self.signals]


@dataclass(frozen=True, slots=True)
class PayeeInfo:
    payee_upi: str
    is_new_payee: bool
    is_trusted: bool
    payee_name: str | None = None
    first_transaction_date: datetime | None = None
    last_transaction_date: datetime | None = None
    transaction_count: int = 0
    total_amount: Decimal = Decimal("0.00")
    average_amount: Decimal | None = None
    max_amount: Decimal | None = None
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PayeeInfo":
        return cls(payee_upi=str(d.get("payee_upi", "")), is_new_payee=bool(d.get("is_new_payee")),
                   is_trusted=bool(d.get("is_trusted")), payee_name=d.get("payee_name"),
                   first_transaction_date=_dt(d.get("first_transaction_date")),
                   last_transaction_date=_dt(d.get("last_transaction_date")),
                   transaction_count=int(d.get("transaction_count") or 0),
                   total_amount=_dec(d.get("total_amount")) or Decimal("0.00"),
                   average_amount=_dec(d.get("average_amount")), max_amount=_dec(d.get("max_amount")), raw=d)


@dataclass(frozen=True, slots=True)
class Payment:
    transaction_id: str
    payee_upi: str
    amount: Decimal
    status: str
    payee_name: str | None = None
    note: str | None = None
    reference: str | None = None
    occurred_at: datetime | None = None
    created_at: datetime | None = None
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Payment":
        return cls(transaction_id=str(d.get("transaction_id", "")), payee_upi=str(d.get("payee_upi", "")),
                   amount=_dec(d.get("amount")) or Decimal("0"), status=str(d.get("status", "")),
                   payee_name=d.get("payee_name"), note=d.get("note"), reference=d.get("reference"),
                   occurred_at=_dt(d.get("occurred_at")), created_at=_dt(d.get("created_at")), raw=d)


@dataclass(frozen=True, slots=True)
class PaymentRecorded:
    duplicate: bool
    transaction: Payment
    payee: PayeeInfo

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PaymentRecorded":
        return cls(duplicate=bool(d.get("duplicate")), transaction=Payment.from_dict(d.get("transaction") or {}),
                   payee=PayeeInfo.from_dict(d.get("payee") or {}))


@dataclass(frozen=True, slots=True)
class PaymentPage:
    items: list[Payment]
    next_cursor: str | None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "PaymentPage":
        return cls(items=[Payment.from_dict(x) for x in d.get("items") or []], next_cursor=d.get("next_cursor"))


@dataclass(frozen=True, slots=True)
class LedgerStatistics:
    total_payees: int
    trusted_payees: int
    total_transactions: int
    total_amount: Decimal
    average_amount: Decimal
    blocked_transactions: int
    failed_transactions: int = 0
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "LedgerStatistics":
        return cls(total_payees=int(d.get("total_payees") or 0), trusted_payees=int(d.get("trusted_payees") or 0),
                   total_transactions=int(d.get("total_transactions") or 0),
                   total_amount=_dec(d.get("total_amount")) or Decimal("0"),
                   average_amount=_dec(d.get("average_amount")) or Decimal("0"),
                   blocked_transactions=int(d.get("blocked_transactions") or 0),
                   failed_transactions=int(d.get("failed_transactions") or 0), raw=d)


@dataclass(frozen=True, slots=True)
class Alert:
    """A ``fraud_alert`` from the server. ``test`` is true for simulated alerts."""

    alert_id: str
    seq: int | None
    call_sid: str | None
    fraud_type: str
    risk_score: int
    risk_level: str
    reasons: list[str]
    advice: str
    created_at: datetime | None
    test: bool
    replayed: bool = False
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Alert":
        seq = d.get("seq")
        return cls(alert_id=str(d["alert_id"]), seq=int(seq) if isinstance(seq, int) else None,
                   call_sid=d.get("call_sid"), fraud_type=str(d.get("fraud_type") or ""),
                   risk_score=int(d.get("risk_score") or 0), risk_level=str(d.get("risk_level") or ""),
                   reasons=[str(r) for r in d.get("reasons") or []], advice=str(d.get("advice") or ""),
                   created_at=_dt(d.get("created_at")), test=bool(d.get("test")), replayed=bool(d.get("replayed")),
                   raw=d)


@dataclass(frozen=True, slots=True)
class CallAssociation:
    call_sid: str
    already_associated: bool
    held_alerts: int
    via: str  # "ws" or "http"


@dataclass(frozen=True, slots=True)
class TranscriptResult:
    call_sid: str
    duplicate: bool
    risk_score: int | None
    risk_level: str | None
    via: str  # "ws" or "http"
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
