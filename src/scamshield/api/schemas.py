"""Request/response models shared across routes (the analysis API keeps the seed's field names)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Str256 = Field(max_length=256)


class SignalOut(BaseModel):
    code: str
    weight: float
    message: str
    evidence: dict[str, Any] = Field(default_factory=dict)
    fraud_type: str | None = None


class AssessmentOut(BaseModel):
    """Every analysis: score 0-100, level, verdict, and the signals that explain each point."""

    model_config = ConfigDict(extra="allow")

    analysis_id: str
    kind: str
    risk_score: int = Field(ge=0, le=100)
    risk_level: Literal["low", "medium", "high", "critical"]
    is_safe: bool
    signals: list[SignalOut]
    fraud_indicators: list[str]
    detected_fraud_types: list[str]
    recommendations: list[str]


class EchoOut(BaseModel):
    """``POST /api/debug/echo`` (development only): the body was authenticated and validated; nothing analysed."""

    accepted: bool
    chars: int


class UrlRequest(BaseModel):
    url: str = Field(min_length=1, max_length=16384, examples=["https://paytm.com.account-verify.info/login"])
    domain_details: dict[str, Any] | None = Field(default=None, description="Optional page facts: creation_date, registrar...")
    html_content: str | None = Field(default=None, max_length=60000)
    redirect_chain: list[str] | None = Field(default=None, max_length=30)


class SmsRequest(BaseModel):
    message: str = Field(min_length=1, max_length=60000, examples=["Your KYC is pending. Update now: bit.ly/kyc123"])
    sender: str | None = Field(default=None, max_length=64, examples=["VK-HDFCBK"])
    device_info: dict[str, Any] | None = None
    upi_intent: str | None = Field(default=None, max_length=4096)


class QrRequest(BaseModel):
    qr_data: str = Field(min_length=1, max_length=8192, examples=["upi://pay?pa=merchant@hdfcbank&pn=City%20Mart&am=120.00"])


class TransactionDetails(BaseModel):
    amount: Decimal = Field(gt=0, le=Decimal("1000000000"), max_digits=14, decimal_places=2, examples=["2500.00"])
    recipient_upi: str = Field(min_length=3, max_length=256, examples=["ramesh123@okicici"])
    recipient_name: str | None = Field(default=None, max_length=256)
    transaction_note: str | None = Field(default=None, max_length=1024)
    app_name: str | None = Field(default=None, max_length=64)


class TransactionRequest(BaseModel):
    transaction: TransactionDetails
    device_info: dict[str, Any] | None = None
