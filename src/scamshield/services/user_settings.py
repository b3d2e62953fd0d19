"""A user's settings: risk thresholds, feature toggles, notification preferences — validated, and applied.

Stored in ``users.settings`` (JSON). Who applies what:
- ``risk_thresholds``: ``AnalysisService`` (``thresholds_from_settings``) for every later analysis's level/is_safe;
- ``features``: the ledger enricher (``services.ledger``) switches each kind of personal signal on or off;
- ``notifications``: read through :func:`notification_preferences` by whoever delivers alerts;
- ``timezone``: the dashboard's "today".

``AnalysisService`` and the ledger enricher read the stored settings through per-instance caches: ``PUT /settings``
calls ``AnalysisService.user_changed`` after committing, which drops the copy here and, through the hub's ``control``
channel, on every other instance (fallback bound while the broker is down: ``SCAMSHIELD_USER_CACHE_TTL_SECONDS``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal
from zoneinfo import available_timezones

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from scamshield.engine.types import Thresholds


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones()) | {"UTC"}


class RiskThresholds(BaseModel):
    """``medium <= score < high`` is medium, and so on; ``is_safe`` is ``score < high``."""

    model_config = ConfigDict(extra="forbid")

    medium: int = Field(25, ge=1, le=98)
    high: int = Field(50, ge=2, le=99)
    critical: int = Field(75, ge=3, le=100)

    @model_validator(mode="after")
    def _ordered(self) -> "RiskThresholds":
        if not (0 < self.medium < self.high < self.critical <= 100):
            raise ValueError("thresholds must satisfy 0 < medium < high < critical <= 100")
        return self

    def as_thresholds(self) -> Thresholds:
        return Thresholds(self.medium, self.high, self.critical)


class Features(BaseModel):
    """Which personal context is added to the user's analyses."""

    model_config = ConfigDict(extra="forbid")

    payee_history: bool = Field(True, description="New payee, amount anomaly, trusted payee, velocity signals")
    call_protection: bool = Field(True, description="Raise payments made during/just after a call flagged as a scam")
    community_reports: bool = Field(True, description="Signal entities reported by enough distinct users")
    personal_lists: bool = Field(True, description="Apply your own fraud/safe feedback (user_blocklist, user_marked_safe)")


class Notifications(BaseModel):
    model_config = ConfigDict(extra="forbid")

    call_alerts: bool = Field(True, description="Real-time alerts during calls")
    min_alert_level: Literal["medium", "high", "critical"] = Field(
        "high", description="Deliver alerts at or above this level")
    push: bool = True
    sms: bool = False


class UserSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    risk_thresholds: RiskThresholds = Field(default_factory=RiskThresholds)
    features: Features = Field(default_factory=Features)
    notifications: Notifications = Field(default_factory=Notifications)
    timezone: str = Field("UTC", max_length=64, description="IANA time zone for 'today' on the dashboard")

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        # Checked against the list, never by opening a file named by the input ("Asia" is a directory...).
        if v not in _zones():
            raise ValueError("unknown IANA time zone")
        return v


def _defaults_for(default_thresholds: Thresholds | None) -> dict[str, Any]:
    base = UserSettings().model_dump()
    if default_thresholds is not None:
        base["risk_thresholds"] = {"medium": default_thresholds.medium, "high": default_thresholds.high,
                                   "critical": default_thresholds.critical}
    return base


def load(stored: dict[str, Any] | None, default_thresholds: Thresholds | None = None) -> UserSettings:
    """The effective settings: stored values over defaults; a corrupt stored group falls back to its default."""
    merged = _defaults_for(default_thresholds)
    for key, value in (stored or {}).items():
        if key not in merged:
            continue
        if isinstance(merged[key], dict) and isinstance(value, dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    try:
        return UserSettings.model_validate(merged)
    except ValidationError:
        safe = _defaults_for(default_thresholds)
        for key in safe:
            candidate = {**safe, key: merged[key]}
            try:
                UserSettings.model_validate(candidate)
                safe[key] = merged[key]
            except ValidationError:
                pass
        return UserSettings.model_validate(safe)


def apply_update(stored: dict[str, Any] | None, update: dict[str, Any],
                 default_thresholds: Thresholds | None = None) -> tuple[dict[str, Any], UserSettings]:
    """Apply a partial update (groups merge field by field). Returns what to store and the effective settings.

    Only what the user set is stored, so a changed server default still reaches users who never chose; thresholds
    are stored as a whole (medium, high, critical) once any of them is set, so they always stay consistent.
    Raises ``ValidationError`` on bad values (nothing is stored then).
    """
    new: dict[str, Any] = {k: (dict(v) if isinstance(v, dict) else v) for k, v in (stored or {}).items()
                           if k in UserSettings.model_fields}
    for key, value in update.items():
        if isinstance(new.get(key), dict) and isinstance(value, dict):
            new[key] = {**new[key], **value}
        else:
            new[key] = value
    data = _defaults_for(default_thresholds)
    for key, value in new.items():
        data[key] = {**data[key], **value} if isinstance(data.get(key), dict) and isinstance(value, dict) else value
    effective = UserSettings.model_validate(data)
    if "risk_thresholds" in new:
        new["risk_thresholds"] = effective.risk_thresholds.model_dump()
    return new, effective


def features(stored: dict[str, Any] | None) -> Features:
    return load(stored).features


def notification_preferences(stored: dict[str, Any] | None) -> Notifications:
    """For the alert deliverer: pass ``users.settings``."""
    return load(stored).notifications
