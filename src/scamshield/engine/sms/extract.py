"""What a message contains: UPI ids, phone numbers (parsed once, with their ``phonenumbers`` type) and the
normalised text with links and UPI ids masked out.

Phone-number types decide the call-back rules (``callback.py``): mobiles and foreign numbers are what fraudsters
give; Indian toll-free / shared-cost helplines (1800 / 1860) are what organisations publish."""

from __future__ import annotations

import re
from typing import Iterable

import phonenumbers

from ..textmatch import normalize
from ..vpa import VPA_IN_TEXT_RE, find_vpas
from .limits import MAX_PHONE_CANDIDATES, MAX_UPI_IDS

# local@handle where the handle has no dot after it (so e-mail addresses are not taken for UPI ids): engine/vpa.py.
_UPI_ID_RE = VPA_IN_TEXT_RE
_PHONE_CANDIDATE_RE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d ().-]{6,16}\d(?![\w])")


def extract_upi_ids(text: str, *, limit: int = MAX_UPI_IDS) -> list[str]:
    """UPI ids (``name@handle``) in ``text``; e-mail addresses (``name@domain.tld``) are not UPI ids."""
    return find_vpas(text, limit=limit)


def extract_phone_numbers(text: str, *, region: str = "IN", limit: int = MAX_PHONE_CANDIDATES) -> list[str]:
    """Valid phone numbers in ``text`` as E.164 (Indian formats by default: +91, 0-prefixed, 10-digit)."""
    return list(_phone_objects(text, region=region, limit=limit))


# The country a message's foreign currency points to ("£12.40", "Ksh3,500", "AED 9.50", "$1,099"): local-format
# numbers in such a message ("call 020 3129 8847", "send it back to 0712345908") are read in that country first.
_CURRENCY_REGIONS = (
    (re.compile(r"£|\bgbp\b"), "GB"), (re.compile(r"\bksh|\bkes\b"), "KE"), (re.compile(r"₦|\bngn\b|\bnaira\b"), "NG"),
    (re.compile(r"\baed\b|\bdirhams?\b"), "AE"), (re.compile(r"₱|\bphp\s?\d"), "PH"), (re.compile(r"\ba\$|\baud\b"), "AU"),
    (re.compile(r"\bs\$|\bsgd\b"), "SG"), (re.compile(r"\bc\$|\bcad\b"), "CA"), (re.compile(r"\bzar\b"), "ZA"),
    (re.compile(r"\bmxn\b|\bmx\$"), "MX"), (re.compile(r"\br\$|\bbrl\b"), "BR"),
    (re.compile(r"(?<![a-z])\$\s?\d|\busd\b"), "US"),
)


_LOCAL_LINE_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
                               phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
_MOBILE_TYPES_READ = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
_FOREIGN_HELPLINE_TYPES = frozenset({phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST,
                                     phonenumbers.PhoneNumberType.UAN})
_CURRENCY_GATE_RE = re.compile(r"ksh|kes|ngn|naira|aed|dirham|php|aud|sgd|cad|zar|usd|gbp|mxn|brl")


def phone_region_hint(text: str, sender_country: int | None = None) -> str | None:
    """The region to read local-format numbers in before India: the sender's country when the sender is a foreign
    phone number (a +44 sender's "call 020 ..." is a London number, not a Pune landline), else the country of a
    foreign currency in the text (only when exactly one country's currency appears). ``None`` for Indian traffic."""
    if sender_country and sender_country != 91:
        region = phonenumbers.region_code_for_country_code(sender_country)
        if region and region != "ZZ":
            return region
    if sender_country == 91:
        return None
    low = text.lower()
    if not any(c in low for c in "£$₦₱") and not _CURRENCY_GATE_RE.search(low):
        return None
    found = {reg for rx, reg in _CURRENCY_REGIONS if rx.search(low)}
    if "US" in found and len(found) > 1:
        found.discard("US")  # "A$20" / "S$5" also match the bare "$"
    return found.pop() if len(found) == 1 else None


def _phone_objects(text: str, *, region: str = "IN", limit: int = MAX_PHONE_CANDIDATES,
                   prefer: str | None = None) -> dict[str, phonenumbers.PhoneNumber]:
    """E.164 -> parsed number, for the valid phone numbers in ``text`` (each candidate parsed once). With ``prefer``
    (``phone_region_hint``), a candidate written in local form (no "+" / "00") is read in that region first and in
    ``region`` only when it is not a valid number there."""
    out: dict[str, phonenumbers.PhoneNumber] = {}
    tried = 0
    for m in _PHONE_CANDIDATE_RE.finditer(text):
        cand = m.group(0)
        digits = sum(c.isdigit() for c in cand)
        if digits < 8 or digits > 15:
            continue
        tried += 1
        if tried > limit:
            break
        num = None
        there = None  # the candidate read in the preferred region, when it is a valid helpline-type number there
        if prefer and prefer != region and cand[0] not in "+" and not cand.startswith("00"):
            try:
                num = phonenumbers.parse(cand, prefer)
            except phonenumbers.NumberParseException:
                num = None
            # (Only a mobile or geographic line is taken in that region: a foreign bank's published toll-free,
            # shared-cost or national number -- "call 1800 339 6963", "03457 404 404", "600540000" -- is its
            # helpline, and is read as before.)
            if num is not None and (not phonenumbers.is_valid_number(num)
                                    or phonenumbers.number_type(num) not in _LOCAL_LINE_TYPES):
                there = num if phonenumbers.is_valid_number(num) else None
                num = None
        if num is None:
            try:
                num = phonenumbers.parse(cand, region)
            except phonenumbers.NumberParseException:
                num = None
        if (num is None or not phonenumbers.is_valid_number(num)) and digits == 11 and cand[0] == "1":
            # "call 1-844-551-2234": a North American number written with its country code but no "+" (how US /
            # Canadian toll-free numbers are printed); it is not an Indian number.
            try:
                num = phonenumbers.parse("+" + cand, None)
            except phonenumbers.NumberParseException:
                continue
        if there is not None and num is not None and phonenumbers.is_valid_number(num) \
                and phonenumbers.number_type(num) in _MOBILE_TYPES_READ:
            # A number in the national format of the message's region is not an Indian mobile: "call free on 0800 009
            # 3652" in a £ message is its published freephone / shared-cost helpline (like an Indian 1800 one, no
            # number to call back); "call 09061701461 to claim" its premium-rate line (kept, read there).
            if phonenumbers.number_type(there) in _FOREIGN_HELPLINE_TYPES:
                continue
            num = there
        if num is not None and phonenumbers.is_valid_number(num):
            out.setdefault(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), num)
    return out


def _mask(norm: str, pieces: Iterable[str]) -> str:
    for p in pieces:
        np = normalize(p, max_chars=2_100)
        if np:
            norm = norm.replace(np, " ")
    return norm


def _number_types(numbers: dict[str, phonenumbers.PhoneNumber]) -> dict[str, int]:
    """E.164 number -> ``phonenumbers.PhoneNumberType`` (from the numbers already parsed)."""
    return {e164: phonenumbers.number_type(num) for e164, num in numbers.items()}


_MOBILE_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
# Toll-free (1800) and shared-cost (1860) helplines are what Indian organisations publish.
_HELPLINE_TYPES = frozenset({phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST})
# Only Indian ones: a foreign toll-free number (US 800/833/844/855/866/877/888) is what fake-invoice and
# refund-call scams give ("Not you? Call PayPal support +1 833 ..."), not an Indian brand's published helpline.
_INDIAN_HELPLINE_PREFIXES = ("+911800", "+911860")


def _mobile_numbers(types: dict[str, int]) -> list[str]:
    """The numbers that are mobile numbers (toll-free 1800 / landlines are what organisations publish)."""
    return [e for e, t in types.items() if t in _MOBILE_TYPES]


def _callable_numbers(types: dict[str, int]) -> list[str]:
    """The numbers that are not toll-free or shared-cost helplines (1800 / 1860 in India): mobiles, landlines and
    non-geographic numbers, the kind a fake alert gives."""
    return [e for e, t in types.items() if not (t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES))]
