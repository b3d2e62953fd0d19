"""JWT verification (HS256 secret, RS256 PEM key or JWKS) and token minting. No web framework imports."""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import jwt
import phonenumbers

from scamshield.errors import AuthError, ConfigError
from scamshield.settings import Settings

log = logging.getLogger("scamshield.auth")

KNOWN_ROLES = frozenset({"admin", "service"})
_USER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:@|-]{0,127}$")
_TTL = re.compile(r"^(\d+)\s*([smhd]?)$")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: ``user_id`` from ``sub``, optional E.164 phone and roles from the token.

    ``phone_number`` is the number calls may be associated by: it is ``None`` when the token's ``phone_number`` claim
    is not marked ``phone_number_verified: true`` (unless ``SCAMSHIELD_REQUIRE_VERIFIED_PHONE=0``), because an
    identity provider that lets users type any number would otherwise let them receive someone else's call alerts.
    """

    user_id: str
    phone_number: str | None = None
    roles: frozenset[str] = field(default_factory=frozenset)
    phone_verified: bool = False

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


STIR_FULL_ATTESTATION = "TN-Validation-Passed-A"


def caller_for_association(raw_from: str | None, stir_verstat: str | None, *, require_attestation_a: bool) -> str | None:
    """The E.164 caller number a Twilio call may be auto-associated by, or ``None``.

    Caller ID is spoofable: Twilio's ``From`` is whatever the originating network sent. Twilio passes the
    STIR/SHAKEN verdict as ``StirVerstat``; with ``SCAMSHIELD_TWILIO_REQUIRE_STIR_A=1`` only fully attested numbers
    (``TN-Validation-Passed-A``: the carrier vouches the caller may use that number) are used to find the owner.
    """
    e164 = normalise_phone(raw_from)
    if e164 is None:
        return None
    if require_attestation_a and (stir_verstat or "").strip() != STIR_FULL_ATTESTATION:
        return None
    return e164


def parse_ttl(text: str) -> int:
    m = _TTL.match(text.strip().lower())
    if not m:
        raise ValueError(f"bad duration {text!r}: use e.g. 30m, 1h, 7d")
    n, unit = int(m.group(1)), m.group(2) or "s"
    return n * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]


JWKS_CACHE_SECONDS = 3600.0      # keys are re-fetched after this long (on the async path)
JWKS_RETRY_SECONDS = 30.0        # at most one fetch per this long for unknown kids or after a failure
JWKS_FETCH_TIMEOUT_SECONDS = 5.0
JWKS_MAX_BYTES = 512 * 1024
_ASYMMETRIC = ("RS256", "ES256")


class JwksFetchRequired(AuthError):
    """The token's signing key is not cached: only :meth:`TokenVerifier.verify_async` may fetch it."""

    code = "invalid_token"


def fetch_jwks(url: str, timeout: float = JWKS_FETCH_TIMEOUT_SECONDS) -> dict[str, Any]:
    """Blocking: GET the JWKS document (run it in a thread). ``{kid: PyJWK}`` of the usable signing keys."""
    import json
    import urllib.request

    req = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "scamshield-jwks"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - operator-configured URL
        body = resp.read(JWKS_MAX_BYTES + 1)
    if len(body) > JWKS_MAX_BYTES:
        raise ValueError("JWKS document too large")
    data = json.loads(body)
    keys: dict[str, Any] = {}
    for raw in (data.get("keys") or []) if isinstance(data, dict) else []:
        if not isinstance(raw, dict) or raw.get("use", "sig") != "sig":
            continue
        try:
            jwk = jwt.PyJWK.from_dict(raw)
        except jwt.PyJWTError:
            continue  # a key type or algorithm this build does not support
        keys[str(raw.get("kid") or "")] = jwk
    return keys


class _JwksCache:
    """Signing keys from a JWKS URL: fetched in a thread, one fetch at a time, last good set kept on errors."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.keys: dict[str, Any] = {}
        self.fetched_at = float("-inf")   # monotonic time of the last successful fetch
        self.attempted_at = float("-inf")  # ... of the last attempt, successful or not
        self.fetches = 0
        self._locks: dict[int, asyncio.Lock] = {}

    def _lock(self) -> asyncio.Lock:
        loop_id = id(asyncio.get_running_loop())
        lock = self._locks.get(loop_id)
        if lock is None:
            if len(self._locks) > 8:
                self._locks.clear()
            lock = self._locks[loop_id] = asyncio.Lock()
        return lock

    def lookup(self, kid: str | None) -> Any | None:
        if kid is not None:
            return self.keys.get(kid)
        return next(iter(self.keys.values())) if len(self.keys) == 1 else None  # no kid: only when unambiguous

    def fresh(self) -> bool:
        return time.monotonic() - self.fetched_at < JWKS_CACHE_SECONDS

    async def key_for(self, kid: str | None) -> Any | None:
        key = self.lookup(kid)
        if key is not None and self.fresh():
            return key
        async with self._lock():  # single flight: waiters find the keys the first caller fetched
            key = self.lookup(kid)
            if key is not None and self.fresh():
                return key
            if time.monotonic() - self.attempted_at < JWKS_RETRY_SECONDS:
                return key  # fetched (or failed) moments ago: a flood of unknown kids cannot force fetches
            self.attempted_at = time.monotonic()
            try:
                keys = await asyncio.to_thread(fetch_jwks, self.url)
            except Exception as exc:  # network error, bad JSON: keep the last good keys (stale on error)
                log.warning("JWKS fetch failed (%s); %s", type(exc).__name__,
                            "using the cached keys" if self.keys else "no keys cached")
                return self.lookup(kid)
            self.fetches += 1
            if keys:
                self.keys = keys
                self.fetched_at = time.monotonic()
            else:
                log.warning("JWKS document has no usable signing keys; keeping the cached ones")
            return self.lookup(kid)


VERIFIED_CACHE_SIZE = 50_000


class TokenVerifier:
    """Verifies bearer tokens locally. Built once from settings.

    HS256 and PEM keys verify synchronously. With a JWKS URL, :meth:`verify_async` fetches missing or expired keys in
    a thread (never on the event loop); :meth:`verify` uses cached keys only and raises :class:`JwksFetchRequired`
    when a fetch would be needed.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._secret = settings.jwt_secret_value
        self._public_key = settings.jwt_public_key_pem
        self._jwks = _JwksCache(settings.jwks_url) if settings.jwks_url else None
        # Tokens already verified, until they expire: a device sends the same token on every request, and a
        # signature check costs more than the rest of a cheap request. Bounded LRU; keyed by the whole token.
        self._verified: OrderedDict[str, tuple[Principal, float]] = OrderedDict()
        if not (self._secret or self._public_key or self._jwks):
            raise ConfigError("no JWT verification key configured (SCAMSHIELD_JWT_SECRET, _JWT_PUBLIC_KEY or _JWKS_URL)")

    def _header(self, token: str) -> tuple[str | None, str | None]:
        if not token or len(token) > 8192:
            raise AuthError("missing or oversized token", code="invalid_token")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise AuthError("malformed token", code="invalid_token") from exc
        kid = header.get("kid")
        return header.get("alg"), kid if isinstance(kid, str) else None

    def _static_key(self, alg: str | None) -> tuple[Any, list[str]] | None:
        if alg == "HS256" and self._secret:
            return self._secret, ["HS256"]
        if alg in _ASYMMETRIC and self._public_key:
            return self._public_key, [alg]
        return None

    @staticmethod
    def _jwk_key(jwk: Any, alg: str) -> tuple[Any, list[str]]:
        if jwk is None:
            raise AuthError("token signing key not found", code="invalid_token")
        if getattr(jwk, "algorithm_name", None) != alg:  # the JWK's "alg", or RS256/ES256 inferred from its type
            raise AuthError("token algorithm does not match its key", code="invalid_token")
        return jwk.key, [alg]

    def _needs_jwks(self, alg: str | None) -> bool:
        return self._jwks is not None and alg in _ASYMMETRIC and self._static_key(alg) is None

    def _cached(self, token: str) -> Principal | None:
        hit = self._verified.get(token)
        if hit is None:
            return None
        principal, expires = hit
        if time.time() >= expires:  # past exp (no leeway here): verify again, which reports the expiry
            self._verified.pop(token, None)
            return None
        self._verified.move_to_end(token)
        return principal

    def _remember(self, token: str, principal: Principal, exp: Any) -> None:
        if not isinstance(exp, (int, float)):
            return
        self._verified[token] = (principal, float(exp))
        if len(self._verified) > VERIFIED_CACHE_SIZE:
            self._verified.popitem(last=False)

    def verify(self, token: str) -> Principal:
        """Synchronous: HS256, PEM keys and JWKS keys already cached (never a network fetch)."""
        cached = self._cached(token)
        if cached is not None:
            return cached
        alg, kid = self._header(token)
        static = self._static_key(alg)
        if static is not None:
            return self._decode(token, *static, cache=True)
        if self._needs_jwks(alg):
            assert self._jwks is not None and alg is not None
            jwk = self._jwks.lookup(kid)
            if jwk is None:
                raise JwksFetchRequired("token signing key is not cached: verify with TokenVerifier.verify_async")
            return self._decode(token, *self._jwk_key(jwk, alg))
        raise AuthError("token algorithm not accepted", code="invalid_token")

    async def verify_async(self, token: str) -> Principal:
        """Like :meth:`verify`, fetching JWKS keys in a thread when they are missing or older than an hour."""
        cached = self._cached(token)
        if cached is not None:
            return cached
        alg, kid = self._header(token)
        if not self._needs_jwks(alg):
            return self.verify(token)
        assert self._jwks is not None and alg is not None
        jwk = await self._jwks.key_for(kid)
        return self._decode(token, *self._jwk_key(jwk, alg))

    def _decode(self, token: str, key: Any, algs: list[str], *, cache: bool = False) -> Principal:
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=algs,
                audience=self._settings.jwt_audience,
                issuer=self._settings.jwt_issuer,
                leeway=self._settings.jwt_leeway_seconds,
                options={"require": ["sub", "exp"], "verify_aud": bool(self._settings.jwt_audience)},
            )
        except jwt.ExpiredSignatureError as exc:
            raise AuthError("token expired", code="token_expired") from exc
        except jwt.PyJWTError as exc:
            raise AuthError("invalid token", code="invalid_token") from exc
        principal = principal_from_claims(claims, roles_claim=self._settings.jwt_roles_claim,
                                          require_verified_phone=self._settings.require_verified_phone)
        if cache:  # static keys only: JWKS tokens keep going through key rotation / refresh logic
            self._remember(token, principal, claims.get("exp"))
        return principal


def _claim(claims: dict[str, Any], name: str) -> Any:
    """``claims[name]``, else the dotted path (``realm_access.roles``) when no claim has that exact name."""
    if name in claims:
        return claims[name]
    node: Any = claims
    for part in name.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _is_true(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def principal_from_claims(claims: dict[str, Any], *, roles_claim: str = "roles",
                          require_verified_phone: bool = True) -> Principal:
    sub = claims.get("sub")
    if not isinstance(sub, str) or not _USER_ID.match(sub):
        raise AuthError("token subject is not a valid user id", code="invalid_token")
    phone = claims.get("phone_number")
    e164 = None
    if phone is not None:
        e164 = normalise_phone(str(phone)) if isinstance(phone, str) else None
        if e164 is None:
            raise AuthError("token phone_number is not a valid E.164 number", code="invalid_token")
    verified = e164 is not None and _is_true(claims.get("phone_number_verified"))
    if e164 is not None and require_verified_phone and not verified:
        e164 = None  # an unverified number is never used to route calls or alerts
    roles_raw = _claim(claims, roles_claim) or []
    if isinstance(roles_raw, str):
        roles_raw = roles_raw.split()
    if not isinstance(roles_raw, (list, tuple)):
        roles_raw = []
    roles = frozenset(r for r in roles_raw if isinstance(r, str) and r in KNOWN_ROLES)
    return Principal(user_id=sub, phone_number=e164, roles=roles, phone_verified=verified)


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
        claims["phone_number_verified"] = True  # whoever holds the signing secret vouches for the number
    if roles:
        bad = set(roles) - KNOWN_ROLES
        if bad:
            raise ValueError(f"unknown roles: {sorted(bad)}")
        claims[settings.jwt_roles_claim] = sorted(set(roles))
    if settings.jwt_audience:
        claims["aud"] = settings.jwt_audience
    if settings.jwt_issuer:
        claims["iss"] = settings.jwt_issuer
    return jwt.encode(claims, secret, algorithm="HS256")
