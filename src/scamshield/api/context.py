"""Everything a request needs, built once per app in the lifespan and reached via ``request.app.state.ctx``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scamshield.auth import TokenVerifier
from scamshield.metrics import Metrics
from scamshield.settings import Settings
from scamshield.store.session import Database


@dataclass
class AppContext:
    settings: Settings
    db: Database
    verifier: TokenVerifier
    metrics: Metrics
    # Optional parts plugged in by their own modules during start-up (hub, rate limiter, services...).
    extras: dict[str, Any] = field(default_factory=dict)
