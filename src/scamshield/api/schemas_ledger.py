"""Request/response models of the user's protection data: ledger, feedback, reports, history, settings."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from scamshield.engine.taxonomy import FRAUD_TYPES
from scamshield.errors import InvalidInput
from scamshield.services.user_settings import Features, Notifications, RiskThresholds

EntityType = Literal["url", "domain", "sms_sender", "upi_id", "phone_number"]
PaymentStatus = Literal["completed", "failed", "blocked"]
RiskLevel = Literal["low", "medium", "high", "critical"]
FraudCategory = Literal[tuple(FRAUD_TYPES)]  # type: ignore[valid-type]
Money = Decimal
MAX_PAGE = 100

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(None, description="Pass as ?cursor= for the next (older) page; null at the end")


# --- cursors: opaque (time, id) of the last row of a page ----------------------------------------------------------
def encode_cursor(when: datetime, row_id: str) -> str:
    raw = json.dumps([when.isoformat(), row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[datetime, str] | None:
    if not cursor:
        return None
    try:
        if len(cursor) > 200:
            raise ValueError("too long")
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        when, row_id = json.loads(raw)
        t = datetime.fromisoformat(when)
        if t.tzinfo is None or not isinstance(row_id, str) or len(row_id) > 64:
            raise ValueError("bad cursor")
        return t, row_id
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput("invalid cursor", code="invalid_cursor") from None


# --- ledger ---------------------------------------------------------------------------------------------------------
class PaymentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    payee_upi: str = Field(min_length=3, max_length=256, examples=["ramesh123@okicici"])
    payee_name: str | None = Field(None, max_length=128)
    amount: Money = Field(gt=0, le=Decimal("1000000000"), max_digits=14, decimal_places=2, examples=["2500.00"],
                          description="Rupees, at most two decimals")
    note: str | None = Field(None, max_length=256)
    status: PaymentStatus = "completed"
    occurred_at: datetime | None = Field(None, description="When the payment happened (default: now); timezone-aware")
    reference: str | None = Field(None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$",
                                  description="The app's id for the payment (e.g. UPI reference): a retry with the "
                                              "same reference is recorded once")


class PaymentOut(BaseModel):
    transaction_id: str
    payee_upi: str
    payee_name: str | None
    amount: Money
    note: str | None
    status: PaymentStatus
    reference: str | None
    occurred_at: datetime
    created_at: datetime


class PayeeInfo(BaseModel):
    payee_upi: str
    is_new_payee: bool = Field(description="True until a completed payment to this payee is recorded")
    is_trusted: bool
    payee_name: str | None = None
    first_transaction_date: datetime | None = None
    last_transaction_date: datetime | None = None
    transaction_count: int = 0
    total_amount: Money = Decimal("0.00")
    average_amount: Money | None = None
    max_amount: Money | None = None


class PaymentRecorded(BaseModel):
    duplicate: bool = Field(description="True when this reference was already recorded (nothing changed)")
    transaction: PaymentOut
    payee: PayeeInfo


class LedgerStatistics(BaseModel):
    total_payees: int
    trusted_payees: int
    total_transactions: int = Field(description="Completed payments")
    total_amount: Money
    average_amount: Money
    blocked_transactions: int
    failed_transactions: int


# --- feedback -------------------------------------------------------------------------------------------------------
class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity_type: EntityType
    entity_id: str = Field(min_length=1, max_length=4096)
    verdict: Literal["safe", "fraud", "unsure"]
    analysis_id: str | None = Field(None, min_length=1, max_length=32, pattern=r"^[0-9a-f]{1,32}$")
    comment: str | None = Field(None, max_length=1000)


class FeedbackOut(BaseModel):
    feedback_id: str
    entity_type: EntityType
    entity_id: str
    verdict: Literal["safe", "fraud", "unsure"]
    analysis_id: str | None
    created_at: datetime
    updated_at: datetime


class UserLearning(BaseModel):
    feedback: dict[str, int]
    feedback_total: int
    reports_submitted: int
    analyses: int
    alert_responses: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Your answers to live-call alerts per fraud_type: {hang_up, continue, not_scam}")


class KindPrecisionOut(BaseModel):
    kind: str
    flagged_fraud: int
    flagged_safe: int
    passed_fraud: int
    passed_safe: int
    precision: float | None = Field(description="flagged & confirmed fraud / flagged with a verdict")
    recall: float | None = Field(description="flagged & confirmed fraud / all confirmed fraud")


class GlobalLearning(BaseModel):
    feedback_total: int
    by_verdict: dict[str, int]
    by_kind: list[KindPrecisionOut]
    alert_responses: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="Users' answers to live-call alerts per fraud_type (not_scam = false alarm)")


class LearningMetrics(BaseModel):
    user: UserLearning
    global_: GlobalLearning | None = Field(None, alias="global", description="Admins only")

    model_config = ConfigDict(populate_by_name=True)


# --- reports --------------------------------------------------------------------------------------------------------
class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entity_type: EntityType
    entity_id: str = Field(min_length=1, max_length=4096)
    category: FraudCategory | None = None  # type: ignore[valid-type]
    description: str | None = Field(None, max_length=1000)


class ReportOut(BaseModel):
    report_id: str
    entity_type: EntityType
    entity_id: str
    category: str | None
    description: str | None
    report_count: int = Field(description="How many times you reported it (counts once toward the community)")
    created_at: datetime
    last_reported_at: datetime


class ReportAccepted(ReportOut):
    first_report: bool
    official_entity: bool = Field(description="A verified official entity: kept, but never blocked for others")


class ConfirmedEntity(BaseModel):
    entity_type: str
    entity_id: str
    distinct_reporters: int


class ReportStatistics(BaseModel):
    window_days: int
    min_reporters: int
    total_reports: int = Field(description="Distinct (reporter, entity) pairs")
    reported_entities: int
    reports_in_window: int
    by_entity_type: dict[str, int]
    by_category: dict[str, int]
    confirmed_entities: list[ConfirmedEntity] = Field(
        description="Entities with at least min_reporters distinct reporters in the window (official ones excluded)")


# --- the user's views -----------------------------------------------------------------------------------------------
class HistoryItem(BaseModel):
    analysis_id: str
    analysis_type: str
    subject: str | None
    risk_score: int
    risk_level: str
    is_safe: bool
    fraud_types: list[str]
    signal_codes: list[str]
    created_at: datetime


class AlertSummary(BaseModel):
    alert_id: str
    call_sid: str | None
    fraud_type: str
    risk_score: int
    risk_level: str
    created_at: datetime
    acknowledged: bool
    response: str | None


class Dashboard(BaseModel):
    total_analyses: int
    analyses_today: int
    blocked_threats: int = Field(description="Analyses that were not safe (at or above your 'high' threshold)")
    active_alerts: int = Field(description="Unacknowledged alerts of the last 24 hours")
    risk_distribution: dict[str, int]
    analysis_by_type: dict[str, int]
    recent_alerts: list[AlertSummary]
    blocked_payments: int


class SettingsOut(BaseModel):
    risk_thresholds: RiskThresholds
    features: Features
    notifications: Notifications
    timezone: str


class ThresholdsPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    medium: int | None = Field(None, ge=1, le=100)
    high: int | None = Field(None, ge=1, le=100)
    critical: int | None = Field(None, ge=1, le=100)


class FeaturesPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    payee_history: bool | None = None
    call_protection: bool | None = None
    community_reports: bool | None = None
    personal_lists: bool | None = None


class NotificationsPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    call_alerts: bool | None = None
    min_alert_level: Literal["medium", "high", "critical"] | None = None
    push: bool | None = None
    sms: bool | None = None


class SettingsIn(BaseModel):
    """Fields left out keep their current value."""

    model_config = ConfigDict(extra="forbid")

    risk_thresholds: ThresholdsPatch | None = None
    features: FeaturesPatch | None = None
    notifications: NotificationsPatch | None = None
    timezone: str | None = Field(None, max_length=64)

    def as_update(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)


class Me(BaseModel):
    user_id: str
    phone_number: str | None = Field(description="Masked")
    roles: list[str]
    created_at: datetime | None
