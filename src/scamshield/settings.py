"""One settings object (env prefix ``SCAMSHIELD_``), built once at start-up and passed down; never read at import."""

from __future__ import annotations

import os
import secrets
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from scamshield.errors import ConfigError

_DEFAULT_SECRETS = {"", "changeme", "change-me", "secret", "dev", "development", "scamshield", "test"}
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCAMSHIELD_", env_file=None, extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("./var")
    database_url: str | None = None
    redis_url: str | None = None
    gc_thresholds: str = Field(default="700,10,1000", pattern=r"^(|\d{1,9},\d{1,9},\d{1,9})$",
                               description="gc.set_threshold(T0,T1,T2) applied at start-up; empty keeps Python's "
                               "700,10,10. Higher values make full collections (which stall the event loop for ~1 s "
                               "with 10k open sockets) rare")
    detect_processes: int = Field(default=0, ge=0, le=64,
                                  description="Run the call detector in this many worker processes instead of on the "
                                  "event loop (0: on the loop). Pays only with idle cores; each worker holds its own "
                                  "copy of the models")
    db_pool_size: int = Field(default=10, ge=1, le=1000, description="PostgreSQL: connections kept open per instance")
    db_max_overflow: int = Field(default=20, ge=0, le=1000,
                                 description="PostgreSQL: extra connections opened under load beyond db_pool_size")
    db_pool_timeout: float = Field(default=10.0, gt=0, le=300,
                                   description="PostgreSQL: seconds to wait for a free connection before answering "
                                   "503 storage_unavailable (HTTP) or closing with 4003 (WebSocket)")
    public_url: str | None = Field(default=None, description="External base URL (as Twilio sees it), e.g. https://shield.example.com")
    log_level: str = "INFO"

    # --- auth -----------------------------------------------------------------------------------------------
    jwt_secret: SecretStr | None = None
    jwt_public_key: str | None = Field(default=None, description="PEM text or a path to a PEM file (RS256)")
    jwks_url: str | None = None
    jwt_audience: str | None = None
    jwt_issuer: str | None = None
    jwt_leeway_seconds: int = 30
    jwt_roles_claim: str = Field(default="roles", description="Claim holding the roles (a dotted path such as "
                                 "realm_access.roles is followed when no claim has that exact name)")
    require_verified_phone: bool = Field(default=True, description="Use a token's phone_number for call association "
                                         "only when phone_number_verified is true")
    dev_tokens: bool = Field(default=False, description="Enable POST /console/dev-token (development, loopback only)")
    metrics_token: SecretStr | None = Field(default=None, description="When set, /metrics needs Authorization: Bearer <it>")

    # --- HTTP -------------------------------------------------------------------------------------------------
    max_body_bytes: int = 64 * 1024
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list, description="Peers whose X-Forwarded-For is believed")
    rate_limit_user: str = "120/minute"
    rate_limit_ip: str = "600/minute"
    rate_limit_service: str = "6000/minute"

    # --- detection --------------------------------------------------------------------------------------------
    threshold_medium: int = 25
    threshold_high: int = 50
    threshold_critical: int = 75
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_seconds: float = 3.0

    # --- real time --------------------------------------------------------------------------------------------
    twilio_auth_token: SecretStr | None = None
    twilio_require_stir_a: bool = Field(default=False, description="Auto-associate a Twilio call by its From number "
                                        "only when StirVerstat is TN-Validation-Passed-A")
    twilio_partial_results: bool = Field(default=False, description="Ask Twilio Real-Time Transcription for "
                                         "interim results (partialResults=true): the detector scores them and can "
                                         "alert a few words earlier, at the cost of several webhooks per utterance")
    stt_engine: str | None = Field(default=None, description="Speech-to-text engine name for Twilio Media Streams")
    unrouted_alerts: Literal["hold", "broadcast"] = "hold"
    alert_replay_hours: int = 24
    ws_max_message_bytes: int = 64 * 1024
    ws_send_queue_size: int = 256
    ws_heartbeat_seconds: float = 25.0
    ws_max_connections_per_user: int = Field(default=10, ge=1, description="WebSocket connections one user may "
                                             "hold on one instance; one more is closed with 4409")
    suspicious_call_window_minutes: int = 30
    user_cache_ttl_seconds: float = Field(default=10.0, ge=0, le=86_400,
                                          description="Per-instance caches of a user's settings and feedback verdicts: "
                                          "the staleness bound when a change notice from another instance is lost "
                                          "(broker down); with the broker up changes apply everywhere at once")

    # --- community / privacy ------------------------------------------------------------------------------------
    community_min_reporters: int = 5
    community_window_days: int = 30
    retention_days: int = 90
    call_scrub_hours: int = Field(default=24, description="Hours after a call ends before the retention job strips "
                                  "transcript context from its detector state (0: keep until retention_days)")

    @field_validator("cors_origins", "trusted_proxies", mode="before")
    @classmethod
    def _split_origins(cls, v: object) -> object:
        if isinstance(v, str):
            if v.strip().startswith("["):
                import json

                return json.loads(v)
            return [o.strip() for o in v.split(",") if o.strip()]
        return v

    # ------------------------------------------------------------------------------------------------------------
    @property
    def is_production(self) -> bool:
        return self.env == "production"

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'scamshield.db').resolve()}"

    @cached_property
    def jwt_secret_value(self) -> str | None:
        """The HS256 secret. In development a random one is generated once and kept under the data dir."""
        if self.jwt_secret is not None and self.jwt_secret.get_secret_value():
            return self.jwt_secret.get_secret_value()
        if self.is_production or self.jwt_public_key or self.jwks_url:
            return None
        path = self.data_dir / "jwt_secret"
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(value)
        os.replace(tmp, path)
        return value

    @property
    def jwt_public_key_pem(self) -> str | None:
        key = self.jwt_public_key
        if not key:
            return None
        if "BEGIN" in key:
            return key
        return Path(key).read_text()

    @property
    def dev_tokens_enabled(self) -> bool:
        """``POST /console/dev-token`` may answer at all (it still checks the client is this machine)."""
        return self.dev_tokens and self.env == "development"

    def validate_for_start(self, *, bind_host: str | None = None) -> None:
        """Refuse to start in production on missing or default secrets (and dev tokens on a public interface)."""
        if not (self.threshold_medium < self.threshold_high < self.threshold_critical <= 100):
            raise ConfigError("thresholds must satisfy medium < high < critical <= 100")
        if not self.jwt_roles_claim.strip():
            raise ConfigError("SCAMSHIELD_JWT_ROLES_CLAIM must name a claim")
        if self.dev_tokens and self.env == "production":
            raise ConfigError("SCAMSHIELD_DEV_TOKENS must not be set in production")
        if self.dev_tokens_enabled and bind_host is not None and not is_loopback_bind(bind_host):
            raise ConfigError(f"SCAMSHIELD_DEV_TOKENS=1 mints admin tokens: serve it on 127.0.0.1 only, not {bind_host!r}")
        if not self.is_production:
            return
        problems = []
        if self.jwt_public_key or self.jwks_url:
            if not self.jwt_audience:
                problems.append("SCAMSHIELD_JWT_AUDIENCE must be set with an RS256 key or JWKS (tokens your identity "
                                "provider issues for other applications would be accepted)")
            if not self.jwt_issuer:
                problems.append("SCAMSHIELD_JWT_ISSUER must be set with an RS256 key or JWKS")
        metrics_token = self.metrics_token.get_secret_value() if self.metrics_token else ""
        if metrics_token and (metrics_token.lower() in _DEFAULT_SECRETS or len(metrics_token) < 16):
            problems.append("SCAMSHIELD_METRICS_TOKEN must be a random value of >= 16 characters")
        secret = self.jwt_secret.get_secret_value() if self.jwt_secret else ""
        if not (self.jwt_public_key or self.jwks_url):
            if secret.lower() in _DEFAULT_SECRETS or len(secret) < MIN_SECRET_LENGTH:
                problems.append(f"SCAMSHIELD_JWT_SECRET must be set to a random value of >= {MIN_SECRET_LENGTH} characters")
        token = self.twilio_auth_token.get_secret_value() if self.twilio_auth_token else ""
        if token and token.lower() in _DEFAULT_SECRETS:
            problems.append("SCAMSHIELD_TWILIO_AUTH_TOKEN is a default value")
        if token and not self.public_url:
            problems.append("SCAMSHIELD_PUBLIC_URL is required to validate Twilio signatures")
        if not self.database_url:
            problems.append("SCAMSHIELD_DATABASE_URL must be set explicitly in production")
        if problems:
            raise ConfigError("refusing to start in production: " + "; ".join(problems))


def is_loopback_bind(host: str) -> bool:
    """``127.0.0.1``, ``::1`` or ``localhost``: an interface only this machine reaches."""
    import ipaddress

    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
