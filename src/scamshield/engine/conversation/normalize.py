"""Speech-to-text friendly normalisation of transcript text (what the cue patterns run on)."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u2032": "'"})
_CONTRACTION_RE = re.compile(
    r"\b(won|can|shan|ain)'t\b|n't\b|'(re|ve|ll|m|d)\b|\b(it|that|what|there|here|he|she|who|where|how)'s\b|'s\b")
_IRREGULAR_NT = {"won": "will not", "can": "can not", "shan": "shall not", "ain": "is not"}
_SUFFIXES = {"re": " are", "ve": " have", "ll": " will", "m": " am", "d": " would"}


def _expand_contraction(m: re.Match[str]) -> str:
    if m.group(1):
        return _IRREGULAR_NT[m.group(1)]
    if m.group(2):
        return _SUFFIXES[m.group(2)]
    if m.group(3):
        return m.group(3) + " is"
    return " not" if m.group(0) == "n't" else ""


_JOINED = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "wont": "will not", "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not",
    "havent": "have not", "hasnt": "has not", "hadnt": "had not", "shouldnt": "should not",
    "wouldnt": "would not", "couldnt": "could not", "mustnt": "must not", "im": "i am", "ive": "i have",
    "youve": "you have", "youre": "you are", "youll": "you will", "youd": "you would", "weve": "we have",
    "theyre": "they are", "theyve": "they have", "thats": "that is", "whats": "what is", "its": "it is",
    "aadhar": "aadhaar", "adhaar": "aadhaar", "adhar": "aadhaar", "aadhhar": "aadhaar",
    "giftcard": "gift card", "giftcards": "gift cards", "otps": "otp",
    "congrats": "congratulations", "pls": "please", "plz": "please", "ok": "okay",
    # split or joined brand / product names as speech-to-text writes them (key = words without spaces)
    "anydesk": "anydesk", "teamviewer": "teamviewer", "rustdesk": "rustdesk", "airdroid": "airdroid",
    "ultraviewer": "ultraviewer", "screenconnect": "screenconnect", "onetimepassword": "otp",
    "onetimepasswords": "otp", "gpay": "gpay", "phonepe": "phonepe", "paytm": "paytm", "ekyc": "ekyc",
    "whatsapp": "whatsapp", "bitcoin": "bitcoin", "bitcoins": "bitcoin", "itunes": "itunes", "mpin": "mpin",
    "email": "email", "cybercrime": "cybercrime", "login": "login", "password": "password",
    "passwords": "password", "pincode": "pincode", "quicksupportapp": "quicksupport app",
    "teamviewerquicksupport": "teamviewer quicksupport",
}
_JOIN_SOURCES = [
    "any ?desk", "team ?viewer", "rust ?desk", "air ?droid", "ultra ?viewer", "screen ?connect",
    "one time pass ?words?", "g ?pay", "phone ?pe", "pay ?tm", "e ?kyc", "whats ?app", "bit ?coins?",
    "i ?tunes", "m ?pin", "e ?mail", "cyber ?crime", "log ?in", "pass ?words?", "pin ?code",
    "quick ?support app", "team ?viewer quick ?support",
]
_JOINED_RE = re.compile(r"\b(" + "|".join(
    sorted(_JOIN_SOURCES, key=len, reverse=True) + sorted((k for k in _JOINED if k.isalpha()), key=len, reverse=True)
) + r")\b")
_ACRONYMS = {"otp", "kyc", "upi", "cvv", "ssn", "irs", "cbi", "pin", "atm", "sbi", "trai", "fbi", "rbi", "npci",
             "hdfc", "icici", "pnb", "ncb", "dea", "uidai", "pan", "ed", "id", "pc", "ip", "usd", "ups", "dhl",
             "fir", "apk", "qr", "sms", "bsnl", "ssa", "ftc", "cvc"}
_SPELLED_RE = re.compile(r"\b(?:[a-z] ){1,5}[a-z]\b")
_DOTTED_RE = re.compile(r"\b([a-z])\.(?=[a-z]\b)")
_NUM_SEP_RE = re.compile(r"(?<=\d)[,.](?=\d)")
_RS_RE = re.compile(r"\b(?:rs|inr)\.\s*")
_SENT_RE = re.compile(r"[.!?;\u2026\u0964]+")
_NONWORD_RE = re.compile(r"[^a-z0-9.|\n]+")
_SPACE_RE = re.compile(r"[ \t]+")
_SYMBOLS = str.maketrans({"$": " usd ", "\u20b9": " rs ", "%": " percent ", "&": " and ", "\n": " | "})


def _join_spelled(m: re.Match[str]) -> str:
    run = m.group(0)
    joined = run.replace(" ", "")
    if joined in _ACRONYMS:
        return joined
    # "a o t p" / "i o t p": a real one-letter word in front of a spelled acronym.
    if joined[1:] in _ACRONYMS and joined[0] in "ai":
        return joined[0] + " " + joined[1:]
    return run


def _join_word(m: re.Match[str]) -> str:
    w = m.group(1)
    return _JOINED.get(w) or _JOINED.get(w.replace(" ", ""), w)


def normalize_transcript(text: str) -> str:
    """Canonical text the cue patterns run on.

    Lowercase ASCII words separated by single spaces; sentence ends become `` . ``; newlines (speaker turns)
    become `` | ``. Contractions are expanded both with and without apostrophes ("don't", "dont" -> "do not");
    spelled letters ("o t p") and split product names ("any desk") are joined.
    """
    s = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES).translate(_SYMBOLS)
    s = _RS_RE.sub("rs ", s)
    s = _NUM_SEP_RE.sub("", s)
    s = _DOTTED_RE.sub(r"\1", s)
    if "'" in s:
        s = _CONTRACTION_RE.sub(_expand_contraction, s).replace("'", "")
    s = _SENT_RE.sub(" . ", s)
    s = _NONWORD_RE.sub(" ", s)
    s = _SPACE_RE.sub(" ", s)
    s = _SPELLED_RE.sub(_join_spelled, s)
    s = _JOINED_RE.sub(_join_word, s)
    return s.strip()

