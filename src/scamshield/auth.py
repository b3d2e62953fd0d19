"""JWT verification (HS256 secret, RS256 PEM key or JWKS) and token minting. No web framework imports."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
import phonenumbers

from scamshield.errors import AuthError, ConfigError
from scamshield.settings import Settings

KNOWN_ROLES = frozenset({"admin", "service"})
_USER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@|-]{0,127}$")
_TTL = re.compile(r"^(\d+)\s*([smhd]?)$")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: ``user_id`` from ``sub``, optional E.164 phone and roles from the token."""

    user_id: str
    phone_number: str | None = None
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    @property
    def is_service(self) -> bool:
        return "service" in self.roles

    @property
    def is_privileged(self) -> bool:
        return bool(self.roles & KNOWN_ROLES)


def normalise_phone(raw: str | None, default_region: str = "IN") -> str | None:
    """E.164 or None when the input is not a valid number."""
    if not raw:
        return None
    raw = raw.strip()
    if len(raw) > 32:
        return None
    try:
        num = phonenumbers.parse(raw, None if raw.startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def parse_ttl(text: str) -> int:
    m = _TTL.match(text.strip().lower())
    if not m:
        raise ValueError(f"bad duration {text!r}: use e.g. 30m, 1h, 7d")
    n, unit = int(m.group(1)), m.group(2) or "s"
    return n * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]


class TokenVerifier:
    """Verifies bearer tokens locally. Built once from settings."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._secret = settings.jwt_secret_value
        self._public_key = settings.jwt_public_key_pem
        self._jwks = jwt.PyJWKClient(settings.jwks_url, cache_keys=True, lifespan=3600) if settings.jwks_url else None
        if not (self._secret or self._public_key or self._jwks):
            raise ConfigError("no JWT verification key configured (SCAMSHIELD_JWT_SECRET, _JWT_PUBLIC_KEY or _JWKS_URL)")

    def _key_and_algs(self, token: str) -> tuple[Any, list[str]]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError("malformed token", code="invalid_token") from exc
        alg = header.get("alg")
        if alg == "HS256" and self._secret:
            return self._secret, ["HS256"]
        if alg in ("RS256", "ES256") and self._public_key:
            return self._public_key, [alg]
        if alg in ("RS256", "ES256") and self._jwks:
            try:
                return self._jwks.get_signing_key_from_jwt(token).key, [alg]
            except jwt.PyJWTError as exc:
                raise AuthError("token signing key not found", code="invalid_token") from exc
        raise AuthError("token algorithm not accepted", code="invalid_token")

    def verify(self, token: str) -> Principal:
        if not token or len(token) > 8192:
            raise AuthError("missing or oversized token", code="invalid_token")
        key, algs = self._key_and_algs(token)
        options = {"require": ["sub", "exp"]}
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=algs,
                audience=self._settings.jwt_audience,
                issuer=self._settings.jwt_issuer,
                leeway=self._settings.jwt_leeway_seconds,
                options={**options, "verify_aud": bool(self._settings.jwt_audience)},
            )
        except jwt.ExpiredSignatureError as exc:
            raise AuthError("token expired", code="token_expired") from exc
        except jwt.PyJWTError as exc:
            raise AuthError("invalid token", code="invalid_token") from exc
        return principal_from_claims(claims)


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    sub = claims.get("sub")
    if not isinstance(sub, str) or not _USER_ID.match(sub):
        raise AuthError("token subject is not a valid user id", code="invalid_token")
    phone = claims.get("phone_number")
    e164 = None
    if phone is not None:
        e164 = normalise_phone(str(phone)) if isinstance(phone, str) else None
        if e164 is None:
            raise AuthError("token phone_number is not a valid E.164 number", code="invalid_token")
    roles_raw = claims.get("roles") or []
    if isinstance(roles_raw, str):
        roles_raw = roles_raw.split()
    roles = frozenset(r for r in roles_raw if isinstance(r, str) and r in KNOWN_ROLES)
    return Principal(user_id=sub, phone_number=e164, roles=roles)


def mint_token(settings: Settings, user_id: str, *, phone: str | None = None, roles: list[str] | None = None,
               ttl_seconds: int = 3600) -> str:
    """Sign an HS256 token with the configured secret (development tooling, tests, service integrations)."""
    secret = settings.jwt_secret_value
    if not secret:
        raise ConfigError("no SCAMSHIELD_JWT_SECRET configured: cannot mint tokens (RS256/JWKS tokens come from your IdP)")
    if not _USER_ID.match(user_id):
        raise ValueError("user id must be 1-128 characters of letters, digits and _.:@|-")
    now = int(time.time())
    claims: dict[str, Any] = {"sub": user_id, "iat": now, "exp": now + ttl_seconds}
    if phone:
        e164 = normalise_phone(phone)
        if not e164:
            raise ValueError("phone must be a valid number, e.g. +919876543210")
        claims["phone_number"] = e164
    if roles:
        bad = set(roles) - KNOWN_ROLES
        if bad:
            raise ValueError(f"unknown roles: {sorted(bad)}")
        claims["roles"] = sorted(set(roles))
    if settings.jwt_audience:
        claims["aud"] = settings.jwt_audience
    if settings.jwt_issuer:
        claims["iss"] = settings.jwt_issuer
    return jwt.encode(claims, secret, algorithm="HS256")
