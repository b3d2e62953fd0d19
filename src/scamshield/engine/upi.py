"""UPI deep links and QR payloads (NPCI UPI linking specification): parsing and risk analysis.

``parse_upi`` turns ``upi://pay?pa=...`` (also ``upi:pay?``, ``UPI://PAY?``) into a ``UpiIntent``: parameter names
are case-insensitive, values percent-decoded (``+`` is a space), and anything odd (duplicated or malformed
parameters, bad amounts, unknown mode codes) is recorded in ``anomalies`` rather than crashing. Input that is not a
UPI link at all, or has no payee, raises ``InvalidInput`` (HTTP 422).

``analyze_qr`` accepts any scanned QR text: UPI links are parsed and judged; a URL is judged by ``analyze_url``;
anything else is judged as text with the SMS cue lexicon.

``mode`` is the *initiation mode* (02 = secure QR, 15 = dynamic QR ...), never "collect": a collect request is the
``upi://collect`` action.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import unquote_plus

from ..errors import InvalidInput
from .cues import SMS_CUES
from .taxonomy import advice_for
from .vpa import VPA_RE as _VPA_RE
from .textmatch import normalize, strip_invisible, tokenize
from .types import Assessment, Signal

__all__ = ["UpiIntent", "parse_upi", "analyze_qr", "analyze_upi_intent", "MODE_MEANINGS", "PSP_HANDLES",
           "brand_signal", "brand_imitated_by_vpa", "known_handles",
           "is_known_handle", "split_vpa", "is_mobile_vpa", "VPA_RE"]

MAX_UPI_CHARS = 4_096
MAX_PARAMS = 64

#: NPCI initiation modes (``mode`` parameter).
MODE_MEANINGS: dict[str, str] = {
    "00": "default", "01": "QR", "02": "secure QR", "03": "Bharat QR", "04": "intent", "05": "secure intent",
    "06": "NFC", "07": "BLE", "08": "UHF", "09": "Aadhaar", "10": "SDK", "11": "mandate",
    "12": "foreign inward remittance", "13": "static secure QR mandate", "14": "restricted",
    "15": "dynamic QR (offline)", "16": "dynamic secure QR (offline)", "17": "dynamic secure QR mandate (offline)",
    "18": "ATM QR", "19": "online static QR", "20": "online static secure QR", "21": "online static QR mandate",
    "22": "online dynamic QR", "23": "online dynamic secure QR", "24": "online dynamic secure QR mandate",
}

#: UPI handles of live PSP apps and banks (NPCI's published list of third-party apps and bank handles).
#: Unioned with the brand registry's ``official_upi_handles`` when that is available.
PSP_HANDLES: frozenset[str] = frozenset({
    # Google Pay, PhonePe, Paytm, Amazon Pay, BHIM, WhatsApp, CRED, others
    "okaxis", "okhdfcbank", "okicici", "oksbi", "okbizaxis", "okbizicici", "okbizhdfcbank", "okbizsbi",
    "ybl", "ibl", "axl", "paytm", "ptyes", "ptaxis", "pthdfc", "ptsbi", "apl", "yapl", "rapl", "amazonpay",
    "upi", "waicici", "waaxis", "wahdfcbank", "wasbi", "axisb", "ikwik", "freecharge", "jupiteraxis",
    "sliceaxis", "naviaxis", "superyes", "yesg", "fam", "fampay", "airtel", "airtelpaymentsbank", "jio",
    "abfspay", "timecosmos", "tapicici", "pingpay", "pockets", "ezeepay", "idfcfirstbank", "kphdfc",
    "mbk", "mobikwik", "postbank", "ippb", "nsdl", "niyoicici", "fifederal", "goaxb", "dbs", "yesbankltd",
    "yesbank", "yesfam", "shriramhdfcbank", "omni", "bharatpe", "bpunity", "payzapp", "hdfcbankjd", "myicici",
    "icicipay", "jarunity", "pinelabs", "razorpay", "rzp", "cashfree", "cnrb", "juspay", "groww", "zoicici",
    # bank handles
    "sbi", "hdfcbank", "icici", "axisbank", "axis", "kotak", "kmbl", "pnb", "barodampay", "bob", "unionbankofindia",
    "unionbank", "uboi", "idfcbank", "idfcfirst", "idbi", "idbibank", "indus", "indusind", "federal", "fbl",
    "aubank", "rbl", "centralbank", "cboi", "boi", "mahb", "indianbank", "indbank", "iob", "ucobank", "uco",
    "hsbc", "sc", "citi", "citigold", "kbl", "kvb", "kvbank", "karurvysyabank", "tjsb", "dlb", "csbpay", "csb",
    "equitas", "esaf", "fino", "finobank", "jkb", "jsbp", "sib", "tmb", "cub", "dcb", "dcbbank", "bandhan",
    "ujjivan", "utkarsh", "suryoday", "jana", "psb", "apb", "aubankltd", "yesbank", "kotak811", "sbm",
    "axisbiz", "hdfcbankltd", "icicibank", "canarabank", "canara", "pnbbank", "saraswat", "svcbank", "cosmos",
    "abhyudaya", "apgvb", "barodapay", "denabank", "allbank", "andb", "obc", "vijb", "syndicate", "lvb",
    "rmhdfcbank", "purz", "fbpe", "yespay", "hdfcbankmerchant", "icicimerchant", "axismerchant",
})

VPA_RE = _VPA_RE  # the one VPA definition (engine/vpa.py): the handle has no dot, so name@gmail.com is no VPA
_MOBILE_LOCAL_RE = re.compile(r"^(?:\+?91|0)?[6-9]\d{9}$")
_AMOUNT_RE = re.compile(r"^\d{1,12}(?:\.\d+)?$")
_BAD_PCT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SCHEME_RE = re.compile(r"^upi:(?://)?([a-z]*)/?(?:\?|$)", re.IGNORECASE)
_OFFICIAL_NAME_WORDS = frozenset({
    "refund", "refunds", "dept", "department", "bank", "rbi", "customer", "care", "support", "helpdesk", "help",
    "desk", "kyc", "govt", "government", "police", "income", "tax", "electricity", "board", "officer", "cashback",
    "reward", "rewards", "lottery", "official", "claim", "claims", "verification", "verify", "security",
    "service", "services", "head", "office", "ministry", "cyber", "cell", "customs", "court", "prize", "winner",
    "kbc", "npci", "upi", "paytm", "phonepe", "gpay", "sbi", "hdfc", "icici", "axis", "amazon", "flipkart",
    "team", "admin", "helpline", "grievance", "nodal", "trai", "cbi", "uidai", "aadhaar", "epfo", "lic",
})
_LEVEL_ORDER = {"low": 0, "medium": 1, "high": 2, "critical": 3}


@dataclass(slots=True)
class UpiIntent:
    """A parsed UPI link. ``params`` holds every (lower-cased) parameter's first decoded value."""

    action: str  # pay | collect | mandate
    payee_vpa: str
    payee_name: str | None = None
    amount: Decimal | None = None
    amount_raw: str | None = None
    min_amount: Decimal | None = None
    currency: str | None = None
    note: str | None = None
    transaction_ref: str | None = None
    transaction_id: str | None = None
    merchant_code: str | None = None
    mode: str | None = None
    mode_meaning: str | None = None
    purpose: str | None = None
    org_id: str | None = None
    signed: bool = False
    ref_url: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    anomalies: list[str] = field(default_factory=list)

    @property
    def qr_type(self) -> str:
        return f"upi_{self.action}"

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["amount"] = str(self.amount) if self.amount is not None else None
        d["min_amount"] = str(self.min_amount) if self.min_amount is not None else None
        d.pop("params")
        d["params"] = dict(self.params)
        return d


def split_vpa(vpa: str) -> tuple[str, str]:
    local, _, handle = vpa.rpartition("@")
    return local, handle


def is_mobile_vpa(vpa: str) -> bool:
    """``9876543210@ybl`` (optionally +91/91/0-prefixed): the payee is identified by a mobile number."""
    return bool(_MOBILE_LOCAL_RE.match(split_vpa(vpa)[0]))


def _registry() -> Any | None:
    try:
        from .brands import default_registry  # written in parallel; optional at import time
    except ImportError:  # pragma: no cover - until engine/brands.py lands
        return None
    return default_registry()


_HANDLES_CACHE: list[frozenset[str]] = []


def known_handles() -> frozenset[str]:
    """PSP handles: the built-in list plus the brand registry's official handles (computed once)."""
    if not _HANDLES_CACHE:
        handles = set(PSP_HANDLES)
        reg = _registry()
        if reg is not None:
            for h in getattr(reg, "official_upi_handles", ()) or ():
                handles.add(str(h).lstrip("@").casefold())
        _HANDLES_CACHE.append(frozenset(handles))
    return _HANDLES_CACHE[0]


def is_known_handle(handle: str) -> bool:
    return handle.lstrip("@").casefold() in known_handles()


def brand_imitated_by_vpa(vpa: str) -> dict[str, Any] | None:
    """Ask the brand registry which brand's handle this VPA imitates: evidence dict (with ``strength`` 0..1)
    or None."""
    reg = _registry()
    if reg is None or not hasattr(reg, "match_vpa"):
        return None
    m = reg.match_vpa(vpa)
    if not m:
        return None
    ev = dict(m.evidence()) if hasattr(m, "evidence") else {"brand": str(getattr(m, "brand", m))}
    ev["strength"] = float(getattr(m, "strength", 0.7))
    return ev


def brand_signal(vpa: str) -> Signal | None:
    """``vpa_imitates_brand`` (10 + 50 x strength points, 50 x strength below 0.8) when the registry says the VPA imitates a brand."""
    ev = brand_imitated_by_vpa(vpa)
    if not ev:
        return None
    strength = min(1.0, max(0.0, ev["strength"]))
    # Brand + lure word or a look-alike handle (strength >= 0.8) is flagged on its own; a bare brand name as the
    # local part ("bharatpe.123@...") is weaker evidence, merchants use such ids too.
    weight = 10 + 50 * strength if strength >= 0.8 else 50 * strength
    return Signal("vpa_imitates_brand", round(weight, 1),
                  "The payee UPI id imitates a known brand or its handle", {"payee_vpa": vpa, **ev},
                  "BRAND_IMPERSONATION")


def _decode(value: str, name: str, anomalies: list[str]) -> str:
    if _BAD_PCT_RE.search(value):
        anomalies.append(f"malformed_percent_encoding:{name}")
    out = unquote_plus(value, errors="replace")
    if "\ufffd" in out:
        anomalies.append(f"invalid_utf8:{name}")
    out = strip_invisible(out, max_chars=MAX_UPI_CHARS)
    if any(ord(c) < 32 for c in out):
        anomalies.append(f"control_characters:{name}")
        out = "".join(c if ord(c) >= 32 else " " for c in out)
    return out.strip()


def _parse_amount(raw: str, name: str, anomalies: list[str]) -> Decimal | None:
    s = raw.strip().replace(",", "")
    if s.startswith("-"):
        anomalies.append(f"amount_negative:{name}")
        return None
    if not _AMOUNT_RE.match(s):
        anomalies.append(f"amount_not_numeric:{name}")
        return None
    try:
        d = Decimal(s)
    except InvalidOperation:  # pragma: no cover - regex already guards
        anomalies.append(f"amount_not_numeric:{name}")
        return None
    if "." in s and len(s.split(".", 1)[1]) > 2:
        anomalies.append(f"amount_too_many_decimals:{name}")
    return d


def parse_upi(data: str) -> UpiIntent:
    """Parse a UPI deep link / QR payload. Raises ``InvalidInput`` when it is not one or has no payee."""
    if not isinstance(data, str):
        raise InvalidInput("UPI data must be a string")
    s = data.strip()
    if len(s) > MAX_UPI_CHARS:
        raise InvalidInput(f"UPI link longer than {MAX_UPI_CHARS} characters")
    m = _SCHEME_RE.match(s)
    if not m:
        raise InvalidInput("not a UPI link (expected upi://pay, upi://collect or upi://mandate)")
    action = m.group(1).casefold()
    if action not in ("pay", "collect", "mandate"):
        raise InvalidInput(f"unsupported UPI action {action[:20]!r}")
    query = s[m.end():] if s[m.end() - 1: m.end()] == "?" else ""
    anomalies: list[str] = []
    params: dict[str, str] = {}
    if "#" in query:
        query, _, _frag = query.partition("#")
        anomalies.append("fragment_present")
    pairs = query.split("&", MAX_PARAMS)
    if len(pairs) > MAX_PARAMS:
        anomalies.append("too_many_params")
        pairs = pairs[:MAX_PARAMS]
    for pair in pairs:
        if not pair:
            continue
        name, eq, value = pair.partition("=")
        key = unquote_plus(name, errors="replace").strip().casefold()[:32]
        if not eq or not key:
            anomalies.append(f"malformed_param:{key or '?'}")
            continue
        decoded = _decode(value, key, anomalies)
        if key in params:
            if params[key] != decoded:
                anomalies.append(f"duplicate_param_conflict:{key}")
            else:
                anomalies.append(f"duplicate_param:{key}")
            continue
        params[key] = decoded

    vpa = params.get("pa", "").casefold().replace(" ", "")
    if not vpa:
        raise InvalidInput("UPI link has no payee address (pa)")
    if not VPA_RE.match(vpa):
        anomalies.append("invalid_vpa")

    intent = UpiIntent(action=action, payee_vpa=vpa, params=params, anomalies=anomalies)
    intent.payee_name = params.get("pn") or None
    if "am" in params:
        intent.amount_raw = params["am"]
        intent.amount = _parse_amount(params["am"], "am", anomalies)
    if "mam" in params:
        intent.min_amount = _parse_amount(params["mam"], "mam", anomalies)
    if intent.amount is not None and intent.min_amount is not None and intent.amount < intent.min_amount:
        anomalies.append("amount_below_minimum")
    intent.currency = (params.get("cu") or None) and params["cu"].upper()
    if intent.currency and intent.currency != "INR":
        anomalies.append("currency_not_inr")
    intent.note = params.get("tn") or None
    intent.transaction_ref = params.get("tr") or None
    intent.transaction_id = params.get("tid") or None
    intent.merchant_code = params.get("mc") or None
    if intent.merchant_code and not re.fullmatch(r"\d{4}", intent.merchant_code):
        anomalies.append("invalid_merchant_code")
    mode = params.get("mode") or None
    if mode is not None:
        intent.mode = mode
        intent.mode_meaning = MODE_MEANINGS.get(mode.zfill(2) if mode.isdigit() and len(mode) < 2 else mode)
        if intent.mode_meaning is None:
            anomalies.append("unknown_mode")
    intent.purpose = params.get("purpose") or None
    intent.org_id = params.get("orgid") or None
    intent.signed = bool(params.get("sign"))
    intent.ref_url = params.get("url") or None
    return intent


def _dedupe_strongest(signals: list[Signal]) -> list[Signal]:
    """Keep the heaviest signal per code (cue hits from the note and the name may repeat)."""
    best: dict[str, Signal] = {}
    for s in signals:
        if s.code not in best or s.weight > best[s.code].weight:
            best[s.code] = s
    return list(best.values())


def _text_cue_signals(text: str, field_name: str) -> list[Signal]:
    from .cues import MESSAGES

    out: list[Signal] = []
    for hit in SMS_CUES.scan(tokenize(normalize(text, max_chars=512))):
        if hit.cue.weight <= 0 or hit.cue.code == "spam_marketing":
            continue
        out.append(Signal(hit.cue.code, hit.cue.weight, MESSAGES.get(hit.cue.code, hit.cue.code),
                          {"field": field_name, "matched": hit.text}, hit.cue.fraud_type))
    return out


_RECEIVE_WORDS = frozenset({"receive", "receiving", "received", "get", "claim", "credit", "credited", "refund",
                            "cashback", "prize", "reward", "won", "winner", "lottery", "milega", "milenge",
                            "paane", "prapt", "inaam", "bonus", "gift"})


def analyze_upi_intent(intent: UpiIntent) -> list[Signal]:
    """Signals for a parsed UPI link (used by ``analyze_qr`` and by SMS analysis of attached intents)."""
    sig: list[Signal] = []
    local, handle = split_vpa(intent.payee_vpa)
    if intent.action == "collect":
        sig.append(Signal("upi_collect_request", 55,
                          "This is a collect request: paying it sends money from you. P2P collect requests are "
                          "no longer processed since 1 Oct 2025 (NPCI), so this is a lure",
                          {"action": "collect", "payee_vpa": intent.payee_vpa}, "UPI_COLLECT_LURE"))
    elif intent.action == "mandate":
        sig.append(Signal("upi_mandate_request", 30,
                          "This sets up a recurring debit (AutoPay mandate) from your account",
                          {"action": "mandate", "payee_vpa": intent.payee_vpa}, "UPI_COLLECT_LURE"))

    text_fields = [(intent.note, "tn"), (intent.payee_name, "pn")]
    cue_signals: list[Signal] = []
    for value, name in text_fields:
        if value:
            cue_signals.extend(_text_cue_signals(value, name))
    # In a payment QR any promise of money *to* the scanner is a lure: scanning a QR only ever pays.
    receive_hits = []
    for value, name in text_fields:
        if value:
            words = set(tokenize(normalize(value, max_chars=512)).words)
            found = sorted(words & _RECEIVE_WORDS)
            if found:
                receive_hits.append({"field": name, "matched": found})
    if receive_hits and not any(s.code == "pin_to_receive" for s in cue_signals):
        sig.append(Signal("receive_money_lure", 45,
                          "The payment request promises you money (refund, prize, 'receive'); scanning a UPI QR "
                          "or entering your PIN only ever sends money",
                          {"hits": receive_hits}, "UPI_COLLECT_LURE"))
    sig.extend(_dedupe_strongest(cue_signals))

    if is_mobile_vpa(intent.payee_vpa) and intent.payee_name:
        name_words = set(tokenize(normalize(intent.payee_name, max_chars=256)).words)
        official = sorted(name_words & _OFFICIAL_NAME_WORDS)
        if official:
            sig.append(Signal("mobile_vpa_official_name", 35,
                              "A personal mobile-number UPI id uses an official-sounding payee name",
                              {"payee_vpa": intent.payee_vpa, "payee_name": intent.payee_name, "words": official},
                              "BRAND_IMPERSONATION"))
    brand = brand_signal(intent.payee_vpa)
    if brand:
        sig.append(brand)
    if "invalid_vpa" in intent.anomalies:
        sig.append(Signal("malformed_vpa", 30, "The payee UPI id is not a valid address",
                          {"payee_vpa": intent.payee_vpa[:80]}, "PAYMENT_FRAUD"))
    elif not is_known_handle(handle):
        sig.append(Signal("unknown_psp_handle", 15, "The UPI handle does not belong to a known bank or payment app",
                          {"handle": "@" + handle}, "PAYMENT_FRAUD"))

    sig.extend(_amount_signals(intent))
    param_issues = sorted({a for a in intent.anomalies if a.startswith(("duplicate_param", "malformed_",
                                                                          "invalid_utf8", "control_characters",
                                                                          "too_many_params"))})
    if param_issues:
        conflict = any(a.startswith("duplicate_param_conflict:") and a.split(":")[1] in ("pa", "am", "pn", "cu")
                       for a in param_issues)
        sig.append(Signal("malformed_upi_params", 50 if conflict else 15,
                          "Duplicated or malformed parameters (apps may read a different payee or amount than shown)",
                          {"anomalies": param_issues[:10]}, "PAYMENT_FRAUD"))
    if "unknown_mode" in intent.anomalies:
        sig.append(Signal("unknown_upi_mode", 5, "Unknown initiation mode code", {"mode": (intent.mode or "")[:8]}))
    return sig


def _amount_signals(intent: UpiIntent) -> list[Signal]:
    sig: list[Signal] = []
    bad = sorted(a for a in intent.anomalies if a.startswith(("amount_not_numeric", "amount_negative",
                                                              "amount_too_many_decimals")))
    if bad:
        sig.append(Signal("malformed_amount", 25, "The amount is not a valid rupee amount",
                          {"am": (intent.amount_raw or "")[:32], "anomalies": bad}, "PAYMENT_FRAUD"))
    if "amount_below_minimum" in intent.anomalies:
        sig.append(Signal("amount_below_minimum", 15, "The amount is below the link's own minimum amount (mam)",
                          {"am": str(intent.amount), "mam": str(intent.min_amount)}, "PAYMENT_FRAUD"))
    if "currency_not_inr" in intent.anomalies:
        sig.append(Signal("currency_not_inr", 15, "UPI payments are in INR; this link uses another currency",
                          {"cu": (intent.currency or "")[:8]}, "PAYMENT_FRAUD"))
    amt = intent.amount
    if amt is not None and not bad:
        if amt > Decimal("500000"):
            sig.append(Signal("amount_very_large", 30, "Amount above UPI's highest per-transaction limit",
                              {"amount": str(amt)}, "PAYMENT_FRAUD"))
        elif amt > Decimal("100000"):
            sig.append(Signal("amount_very_large", 20, "Amount above the usual ₹1 lakh UPI limit",
                              {"amount": str(amt)}, "PAYMENT_FRAUD"))
        elif amt >= Decimal("10000") and not intent.merchant_code:
            sig.append(Signal("amount_large", 10, "Large amount to a non-merchant payee", {"amount": str(amt)},
                              "PAYMENT_FRAUD"))
        elif amt == 0:
            sig.append(Signal("amount_zero", 5, "Zero amount", {"amount": "0"}))
    return sig


def _recommendations(a: Assessment) -> list[str]:
    recs = [advice_for(ft) for ft in a.detected_fraud_types]
    if not a.is_safe:
        recs.append("Do not pay or enter your UPI PIN. Money never arrives by scanning a QR or entering a PIN.")
    return list(dict.fromkeys(recs))


def analyze_qr(qr_data: str) -> Assessment:
    """Judge the text of a scanned QR code (kind ``"qr"``). ``extracted["qr_type"]`` tells what it was."""
    if not isinstance(qr_data, str):
        raise InvalidInput("qr_data must be a string")
    s = strip_invisible(qr_data, max_chars=MAX_UPI_CHARS + 1).strip()
    if not s:
        raise InvalidInput("qr_data is empty")
    if s[:4].casefold() == "upi:":
        intent = parse_upi(s)
        a = Assessment("qr", analyze_upi_intent(intent),
                       extracted={"qr_type": intent.qr_type, "upi": intent.as_dict()})
        if intent.ref_url:
            link = _url_signal(intent.ref_url)
            if link:
                a = a.add(link)
        a.recommendations = _recommendations(a)
        return a
    if len(s) > MAX_UPI_CHARS:
        s = s[:MAX_UPI_CHARS]
    if _looks_like_url(s):
        from .url import analyze_url

        ua = analyze_url(s)
        a = Assessment("qr", list(ua.signals),
                       extracted={"qr_type": "url", "url": s, **{k: v for k, v in ua.extracted.items()
                                                                 if k in ("registered_domain", "host")}})
        a.recommendations = list(ua.recommendations) or _recommendations(a)
        return a
    from .sms import analyze_sms

    ta = analyze_sms(s)
    a = Assessment("qr", list(ta.signals), extracted={"qr_type": "text", **ta.extracted})
    a.recommendations = list(ta.recommendations)
    return a


_URLISH_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]{1,15}://\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,63}"
                        r"(?::\d{1,5})?(?:[/?#]\S*)?)$", re.IGNORECASE)


def _looks_like_url(s: str) -> bool:
    """A single token that is a URL (with scheme, ``www.`` or a host ending in an alphabetic TLD)."""
    return not any(c.isspace() for c in s) and bool(_URLISH_RE.match(s))


def _url_signal(url: str) -> Signal | None:
    from .url import analyze_url

    ua = analyze_url(url)
    if ua.risk_score < 25:
        return None
    return Signal("risky_reference_url", round(min(40.0, ua.risk_score * 0.5), 1),
                  "The link's reference URL looks risky",
                  {"url": url[:200], "url_score": ua.risk_score,
                   "registered_domain": ua.extracted.get("registered_domain"),
                   "url_signals": [x.code for x in ua.signals if x.weight > 0][:8]}, "PHISHING_LINK")
