"""Stateless payment (UPI transaction) analysis, and device-state signals shared with SMS analysis.

``analyze_transaction(tx, device_info=..., extra_signals=...)`` judges one payment about to be made from what the
payment itself shows: amount band, payee VPA shape and handle, payee-name/VPA mismatch, pressure in the note,
and the device state (screen sharing / remote access running, new device, recent SIM change). History-aware
signals (payee ledger, an active suspicious call) are computed elsewhere and passed in as ``extra_signals`` so
this function stays pure and every point stays explained by a signal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Mapping

from rapidfuzz import fuzz

from ..errors import InvalidInput
from .cues import MESSAGES, SMS_CUES
from .taxonomy import advice_for
from .textmatch import normalize, tokenize
from .types import Assessment, Signal
from .upi import VPA_RE, _OFFICIAL_NAME_WORDS, brand_signal, is_known_handle, is_mobile_vpa, split_vpa

__all__ = ["TransactionInput", "analyze_transaction", "parse_amount", "device_signals", "MAX_AMOUNT"]

MAX_AMOUNT = Decimal("1000000000")  # 1e9: anything above is not a real UPI payment


def parse_amount(value: Any) -> Decimal:
    """A positive-or-zero finite rupee amount as ``Decimal``; ``InvalidInput`` otherwise (NaN, inf, negative,
    more than 1e9, non-numeric, booleans)."""
    if isinstance(value, bool) or value is None:
        raise InvalidInput("amount must be a number")
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", ""))
    except (InvalidOperation, ValueError):
        raise InvalidInput("amount must be a number") from None
    if not d.is_finite():
        raise InvalidInput("amount must be finite")
    if d < 0:
        raise InvalidInput("amount must not be negative")
    if d > MAX_AMOUNT:
        raise InvalidInput("amount is unrealistically large")
    return d


@dataclass(frozen=True, slots=True)
class TransactionInput:
    """A payment about to be made. ``amount`` is validated by ``parse_amount`` on construction."""

    amount: Decimal
    recipient_upi: str
    recipient_name: str | None = None
    transaction_note: str | None = None
    app_name: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", parse_amount(self.amount))
        if not isinstance(self.recipient_upi, str) or not self.recipient_upi.strip():
            raise InvalidInput("recipient_upi is required")
        if len(self.recipient_upi) > 256:
            raise InvalidInput("recipient_upi is too long")
        for name in ("recipient_name", "transaction_note", "app_name"):
            v = getattr(self, name)
            if v is not None and not isinstance(v, str):
                raise InvalidInput(f"{name} must be a string")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "TransactionInput":
        if not isinstance(data, Mapping):
            raise InvalidInput("transaction must be an object")
        return cls(amount=data.get("amount"), recipient_upi=data.get("recipient_upi") or "",  # type: ignore[arg-type]
                   recipient_name=data.get("recipient_name"), transaction_note=data.get("transaction_note"),
                   app_name=data.get("app_name"))


# ---------------------------------------------------------------------------------------------------- device
_SCREEN_KEYS = ("screen_sharing_active", "screen_sharing", "is_screen_sharing", "screen_share_active",
                "screen_mirroring", "screen_recording_active", "screen_cast_active")
_REMOTE_KEYS = ("remote_access_app_running", "remote_access_active", "remote_app_running", "remote_access",
                "remote_control_active")
_REMOTE_LIST_KEYS = ("remote_access_apps", "running_remote_access_apps", "running_apps_remote")
_NEW_DEVICE_KEYS = ("new_device", "is_new_device", "device_new", "first_seen_device")
_SIM_KEYS = ("recent_sim_change", "sim_changed_recently", "sim_change_recent", "sim_swapped", "recent_sim_swap")


def _truthy(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return v == 1
    if isinstance(v, str):
        return v.strip().casefold() in ("1", "true", "yes", "y", "on", "active")
    return False


def _any_true(info: Mapping[str, Any], keys: Iterable[str]) -> str | None:
    for k in keys:
        if k in info and _truthy(info[k]):
            return k
    return None


def device_signals(device_info: Mapping[str, Any] | None, *, context: str = "transaction",
                   otp_message: bool = False) -> list[Signal]:
    """Signals from the client's device state. ``context`` is ``"transaction"`` or ``"sms"``; for SMS,
    ``otp_message`` says the message delivers an OTP (screen sharing then exposes it to the other side)."""
    if device_info is None:
        return []
    if not isinstance(device_info, Mapping):
        raise InvalidInput("device_info must be an object")
    out: list[Signal] = []
    screen_key = _any_true(device_info, _SCREEN_KEYS) or _any_true(device_info, _REMOTE_KEYS)
    apps: list[str] = []
    for k in _REMOTE_LIST_KEYS:
        v = device_info.get(k)
        if isinstance(v, (list, tuple)):
            apps.extend(str(x)[:40] for x in v[:10] if x)
    if screen_key or apps:
        ev: dict[str, Any] = {"flag": screen_key} if screen_key else {}
        if apps:
            ev["apps"] = apps
        if context == "sms" and otp_message:
            out.append(Signal("otp_while_screen_sharing", 50,
                              "An OTP arrived while the screen is shared or a remote-access app runs: the other "
                              "side can read it", ev, "REMOTE_ACCESS"))
        else:
            out.append(Signal("screen_sharing_active", 40 if context == "transaction" else 30,
                              "Screen sharing or a remote-access app is active on this device", ev, "REMOTE_ACCESS"))
    new_key = _any_true(device_info, _NEW_DEVICE_KEYS)
    if new_key and context == "transaction":
        out.append(Signal("new_device", 10, "Payment from a device first seen recently", {"flag": new_key},
                          "PAYMENT_FRAUD"))
    sim_key = _any_true(device_info, _SIM_KEYS)
    days = device_info.get("sim_change_days")
    if not sim_key and isinstance(days, (int, float)) and not isinstance(days, bool) and 0 <= days < 7:
        sim_key = "sim_change_days"
    if sim_key and (context == "transaction" or otp_message):
        out.append(Signal("recent_sim_change", 20 if context == "transaction" else 15,
                          "The SIM was changed recently (SIM-swap fraud takes over OTPs)", {"flag": sim_key},
                          "OTP_THEFT"))
    return out


# ------------------------------------------------------------------------------------------------ payee id
_VOWELS = set("aeiou")
_CONSONANT_RUN_RE = re.compile(r"[b-df-hj-np-tv-z]{5,}")


def _random_looking(local: str) -> bool:
    s = re.sub(r"[._-]", "", local)
    if len(s) < 8:
        return False
    letters = sum(c.isalpha() for c in s)
    digits = sum(c.isdigit() for c in s)
    switches = sum(1 for a, b in zip(s, s[1:]) if a.isdigit() != b.isdigit())
    if letters >= 3 and digits >= 3 and switches >= 4:
        return True
    return bool(_CONSONANT_RUN_RE.search(s)) and letters >= 6


def _name_matches(local: str, name: str) -> float:
    letters = re.sub(r"[^a-z]", "", local.casefold())
    words = [w for w in re.findall(r"[a-z]+", normalize(name, max_chars=200)) if len(w) >= 3]
    if len(letters) < 4 or not words:
        return 100.0
    compact = "".join(words)
    score = fuzz.partial_ratio(letters, compact)
    # One name word clearly inside the VPA ("verma" in "landlord.verma") is a match too; short or weak
    # partial hits of single words are not (they match almost anything).
    for w in words:
        if len(w) >= 4:
            s = fuzz.partial_ratio(w, letters)
            if s >= 80:
                score = max(score, s)
    return score


def _band(amount: Decimal) -> Signal | None:
    if amount > Decimal("500000"):
        return Signal("high_amount", 35, "Amount above UPI's highest per-transaction limit",
                      {"amount": str(amount), "band": ">5L"}, "PAYMENT_FRAUD")
    if amount >= Decimal("100000"):
        return Signal("high_amount", 25, "Very large amount (₹1 lakh or more)",
                      {"amount": str(amount), "band": "1L-5L"}, "PAYMENT_FRAUD")
    if amount >= Decimal("50000"):
        return Signal("high_amount", 20, "Large amount (₹50,000 or more)",
                      {"amount": str(amount), "band": "50k-1L"}, "PAYMENT_FRAUD")
    if amount >= Decimal("10000"):
        return Signal("high_amount", 10, "Sizeable amount (₹10,000 or more)",
                      {"amount": str(amount), "band": "10k-50k"}, "PAYMENT_FRAUD")
    return None


def analyze_transaction(tx: TransactionInput, *, device_info: dict | None = None,
                        extra_signals: Iterable[Signal] = ()) -> Assessment:
    """Judge a payment before it is made (kind ``"transaction"``); ``extra_signals`` are appended as given."""
    if not isinstance(tx, TransactionInput):
        raise InvalidInput("tx must be a TransactionInput")
    vpa = tx.recipient_upi.strip().casefold()
    local, handle = split_vpa(vpa)
    sig: list[Signal] = []
    band = _band(tx.amount)
    if band:
        sig.append(band)

    valid = bool(VPA_RE.match(vpa))
    if not valid:
        sig.append(Signal("malformed_vpa", 30, "The payee UPI id is not a valid address", {"payee_vpa": vpa[:80]},
                          "PAYMENT_FRAUD"))
    else:
        if not is_known_handle(handle):
            sig.append(Signal("unknown_psp_handle", 20, "The UPI handle does not belong to a known bank or payment app",
                              {"handle": "@" + handle}, "PAYMENT_FRAUD"))
        brand = brand_signal(vpa)
        if brand:
            sig.append(brand)
        mobile = is_mobile_vpa(vpa)
        if mobile:
            sig.append(Signal("mobile_number_vpa", 10, "The payee is identified only by a mobile number",
                              {"payee_vpa": vpa}, None))
        elif _random_looking(local):
            sig.append(Signal("random_looking_vpa", 10, "The payee UPI id looks randomly generated",
                              {"payee_vpa": vpa}, "PAYMENT_FRAUD"))
        if tx.recipient_name:
            name_words = set(tokenize(normalize(tx.recipient_name, max_chars=200)).words)
            official = sorted(name_words & _OFFICIAL_NAME_WORDS)
            if mobile and official:
                sig.append(Signal("mobile_vpa_official_name", 35,
                                  "A personal mobile-number UPI id uses an official-sounding payee name",
                                  {"payee_vpa": vpa, "payee_name": tx.recipient_name[:80], "words": official},
                                  "BRAND_IMPERSONATION"))
            elif not mobile:
                similarity = _name_matches(local, tx.recipient_name)
                if similarity < 50:
                    sig.append(Signal("payee_name_mismatch", 10, "The payee name does not match the UPI id",
                                      {"payee_vpa": vpa, "payee_name": tx.recipient_name[:80],
                                       "similarity": round(similarity, 1)}, "PAYMENT_FRAUD"))

    note_codes: set[str] = set()
    if tx.transaction_note:
        best: dict[str, Signal] = {}
        for hit in SMS_CUES.scan(normalize(tx.transaction_note, max_chars=500)):
            c = hit.cue
            if c.weight <= 0 or c.code == "spam_marketing":
                continue
            if c.code not in best or c.weight > best[c.code].weight:
                best[c.code] = Signal(c.code, c.weight, MESSAGES.get(c.code, c.code),
                                      {"field": "transaction_note", "matched": hit.text}, c.fraud_type)
        sig.extend(best.values())
        note_codes = set(best)

    dev = device_signals(device_info, context="transaction")
    sig.extend(dev)
    claim = note_codes & {"prize_lottery", "refund_cashback_lure", "reward_points_lure", "pin_to_receive",
                          "advance_fee_request", "government_benefit_lure"}
    if claim:
        sig.append(Signal("payment_to_claim_money", 20,
                          "You are paying in order to receive a prize, refund or reward: that is how these scams work",
                          {"cues": sorted(claim)}, "PAYMENT_FRAUD"))
    large = tx.amount >= Decimal("10000")
    if large and note_codes:
        sig.append(Signal("large_payment_under_pressure", 10, "A large payment with urgency or a lure in the note",
                          {"cues": sorted(note_codes)}, "PAYMENT_FRAUD"))
    if large and any(s.code in ("screen_sharing_active", "recent_sim_change") for s in dev):
        sig.append(Signal("large_payment_risky_device", 15,
                          "A large payment while the device is shared remotely or the SIM was just changed",
                          {"amount": str(tx.amount)}, "PAYMENT_FRAUD"))
    sig.extend(extra_signals)

    a = Assessment("transaction", sig, extracted={
        "recipient_upi": vpa, "amount": str(tx.amount), "psp_handle": "@" + handle if handle else None,
        "app_name": tx.app_name,
    })
    recs = [advice_for(ft) for ft in a.detected_fraud_types]
    if not a.is_safe:
        recs.append("Pause this payment and confirm the payee through a number or app you already trust.")
    a.recommendations = list(dict.fromkeys(recs))
    return a
