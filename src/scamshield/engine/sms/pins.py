"""PIN asks and Malay legal threats whose shape is the scam (end-of-session set, kinds of miss):

- a PIN asked so that the reader RECEIVES money ("scan the QR and enter your UPI PIN to receive the amount", "PIN
  daliye to amount aapke account me aa jayega"): a PIN only ever authorises a payment out of the account, so the ask
  is a collect / QR fraud in every case (NPCI, I4C advisories);
- a USSD code to dial and a PIN to confirm it with, next to a number to call ("dial *334# and confirm with your
  M-PESA PIN sent by agent 07.."): the fake "limit upgrade" / agent reversal of mobile-money fraud (Safaricom, CBK);
- a Malay police / court threat (arrest warrant, money-laundering case, legal action) with a contact to call
  ("hubungi Inspektor .. segera atau waran tangkap akan dikeluarkan"): PDRM / Bank Negara impersonation, the Malay
  form of the digital-arrest script (PDRM CCID advisories).

Each is set aside in a sentence that negates it or a message that calls it a scam (awareness texts)."""

from __future__ import annotations

import re

from .clauses import _NEGATION_RE, _SENTENCE_SPLIT_RE

# A PIN to enter: English ("enter your UPI PIN", "confirm with your M-PESA PIN") and Hinglish ("PIN daliye").
_PIN_ENTRY_RE = re.compile(
    r"\b(?:enter|type|put|input|key in|punch in|confirm (?:it |this )?with|approve (?:it |this )?with|authori[sz]e "
    r"(?:it |this )?with)\s(?:in\s)?(?:your\s|ur\s|the\s|a\s)?(?:\d\s?-?\s?digit\s)?(?:upi\s|atm\s|m-?pesa\s|"
    r"mobile money\s|momo\s|gpay\s|phonepe\s|paytm\s|bank\s|card\s|wallet\s|secret\s)?(?:pin|mpin)\b"
    r"|\b(?:upi\s|atm\s)?m?pin\s(?:daliye|daalo|dalo|daal do|dal do|daal dijiye|dal dijiye|daal ke|dal ke|dalke|"
    r"daalke|dalna|daalna|dalen|daalen|enter kar\w*|likh\w*|lagao|lagaiye|type kar\w*)\b")
# ... so that money comes in: English and Hinglish.
_RECEIVE_RE = re.compile(
    r"\b(?:to|and|then|you(?:'ll| will))\s(?:instantly\s|immediately\s)?(?:receive|get|collect|claim|accept)\s(?:the\s|"
    r"your\s|my\s|this\s)?(?:money|payment|amount|funds?|cash|refund|cashback|rs\.?\s?\d|₹\s?\d|\d)"
    r"|\b(?:money|payment|amount|funds?|refund|cashback)\s(?:will\s(?:be\s|get\s)?|gets?\s|is\s)(?:instantly\s)?"
    r"(?:credited|received|deposited|added|transferred|reflected)\s(?:to|in|into)\s(?:your|ur)\b"
    r"|\b(?:amount|paise|paisa|payment|rupaye|rupees|money|refund|cashback|rs\.?\s?[\d,]+|₹\s?[\d,]+)\s(?:\w+\s){0,4}?"
    r"(?:account|khate|khaate|a/c|wallet)\s(?:me|mein|main|mai|par|pe)\s(?:aa|a|credit ho)\s(?:jayega|jaega|jaayega|"
    r"jayenge|jaenge|jaaega|jata|jaata)\b")
_PIN_HINT = "pin"
_REWARD_OBJECT_RE = re.compile(r"cashback|reward|scratch|\d\s?%")
_PAY_PURPOSE_RE = re.compile(r"\b(?:to|and|&)\s(?:pay|complete|make|send)\b|\bpay (?:your|the|any|bills?)\b|"
                             r"\b(?:bill|recharge|payment of|for (?:the\s)?payment|on (?:every|each|first) payment)\b")
# A USSD code to dial ("*334#", "*126*4#").
_USSD_RE = re.compile(r"(?<![\w*#])\*\d{2,4}(?:\*\d{1,12}){0,4}#")
# A warning about such asks (awareness texts).
_WARNING_RE = re.compile(r"\b(?:scam|scams|scammers?|fraud|frauds|fraudsters?|fake|beware|warning|palsu|"
                         r"awas|berhati-hati|waspada|farzi|dhokha)\b")


def _sentence_of(text: str, pos: int) -> str:
    starts = [0] + [m.end() for m in _SENTENCE_SPLIT_RE.finditer(text, 0, pos)]
    end = _SENTENCE_SPLIT_RE.search(text, pos)
    return text[starts[-1]:end.start() if end else len(text)]


def _unnegated_pin_entry(low: str) -> re.Match[str] | None:
    """The first PIN-entry ask whose sentence is not negated ("never enter your PIN to receive money")."""
    for m in _PIN_ENTRY_RE.finditer(low):
        if not _NEGATION_RE.search(_sentence_of(low, m.start())):
            return m
    return None


def pin_to_receive(low: str) -> tuple[str, str] | None:
    """(PIN ask, receive phrase) when the text asks for a PIN so that the reader receives money, in one sentence
    or the next; not negated, not in a warning."""
    if _PIN_HINT not in low or _WARNING_RE.search(low):
        return None
    pin = _unnegated_pin_entry(low)
    if pin is None:
        return None
    for rec in _RECEIVE_RE.finditer(low):
        # (a cashback or reward earned on a payment -- "pay the bill, enter UPI PIN and get 5% cashback" -- is a
        # promotion: the PIN pays the bill)
        if _REWARD_OBJECT_RE.search(low, rec.start(), rec.end() + 24) and _PAY_PURPOSE_RE.search(low):
            continue
        if abs(rec.start() - pin.start()) <= 160 and not _NEGATION_RE.search(_sentence_of(low, rec.start())):
            return pin.group(0), rec.group(0)
    return None


def ussd_pin_ask(low: str) -> tuple[str, str] | None:
    """(USSD code, PIN ask) when the text asks to dial a USSD code and confirm with a PIN; not negated, not in a
    warning. The caller requires a phone number to call as well."""
    if "#" not in low or _PIN_HINT not in low or _WARNING_RE.search(low):
        return None
    ussd = _USSD_RE.search(low)
    if ussd is None or _NEGATION_RE.search(_sentence_of(low, ussd.start())):
        return None
    pin = _unnegated_pin_entry(low)
    return (ussd.group(0), pin.group(0)) if pin else None


# Malay legal threats: an arrest warrant, arrest, a money-laundering / criminal case, legal action, a frozen account.
_MS_THREAT_RE = re.compile(
    r"\bwaran (?:tangkap|tangkapan|penahanan)\b|\b(?:akan\s)?(?:di ?tangkap|ditahan)\b|\bpengubahan wang haram\b|"
    r"\bpencucian wang\b|\bkes (?:jenayah|penipuan|dadah|pengubahan)\b|\btindakan (?:undang-undang|mahkamah)\b|"
    r"\bakaun (?:bank\s)?(?:anda\s)?(?:akan\s)?(?:dibekukan|dibeku)\b|\bsaman mahkamah\b")
# ... from a claimed authority ...
_MS_AUTHORITY_RE = re.compile(r"\b(?:pdrm|polis|inspektor|insp|sarjan|koperal|bukit aman|bank negara|bnm|lhdn|sprm|"
                              r"macc|mahkamah|jabatan|pegawai)\b")
# ... and a contact to make now ("hubungi", "sila telefon").
_MS_CONTACT_RE = re.compile(r"\b(?:hubungi|hubungilah|telefon|call|whatsapp)\b")
_MS_HINTS = ("waran", "tangkap", "ditahan", "wang haram", "pencucian", "kes ", "tindakan", "dibeku", "saman")


def malay_legal_threat(low: str, has_number: bool) -> tuple[str, str] | None:
    """(threat, authority) for a Malay legal threat from a claimed authority with a contact to make (a number in
    the text or 'hubungi ...'); not in a warning, not negated."""
    if not any(h in low for h in _MS_HINTS) or _WARNING_RE.search(low) or "jangan" in low:
        return None
    thr = _MS_THREAT_RE.search(low)
    if thr is None or _NEGATION_RE.search(_sentence_of(low, thr.start())) or " tidak " in _sentence_of(low, thr.start()):
        return None
    auth = _MS_AUTHORITY_RE.search(low)
    if auth is None or not (has_number and _MS_CONTACT_RE.search(low)):
        return None
    return thr.group(0), auth.group(0)
