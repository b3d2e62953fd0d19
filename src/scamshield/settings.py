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
    public_url: str | None = Field(default=None, description="External base URL (as Twilio sees it), e.g. https://shield.example.com")
    log_level: str = "INFO"

    # --- auth -----------------------------------------------------------------------------------------------
    jwt_secret: SecretStr | None = None
    jwt_public_key: str | None = Field(default=None, description="PEM text or a path to a PEM file (RS256)")
    jwks_url: str | None = None
    jwt_audience: str | None = None
    jwt_issuer: str | None = None
    jwt_leeway_seconds: int = 30

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
    stt_engine: str | None = Field(default=None, description="Speech-to-text engine name for Twilio Media Streams")
    unrouted_alerts: Literal["hold", "broadcast"] = "hold"
    alert_replay_hours: int = 24
    ws_max_message_bytes: int = 64 * 1024
    ws_send_queue_size: int = 256
    ws_heartbeat_seconds: float = 25.0
    suspicious_call_window_minutes: int = 30

    # --- community / privacy ------------------------------------------------------------------------------------
    community_min_reporters: int = 5
    community_window_days: int = 30
    retention_days: int = 90

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

    def validate_for_start(self) -> None:
        """Refuse to start in production on missing or default secrets."""
        if not (self.threshold_medium < self.threshold_high < self.threshold_critical <= 100):
            raise ConfigError("thresholds must satisfy medium < high < critical <= 100")
        if not self.is_production:
            return
        problems = []
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


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
