"""Live-call conversation detector: transcript segments in, risk and alert decisions out.

The detector is pure and stateless; everything it remembers about a call lives in a small JSON-serialisable
``CallState`` the caller persists between segments. ``ConversationDetector.feed`` adds one segment (either
speaker, interim or final) and says whether to alert now. ``analyze_transcript`` runs a whole call through the
same path for batch use and evaluation.

How a score is built (every point is a ``Signal``):

* A hand-written cue lexicon (``data/conversation_cues.json``) in FTC groups: *pretend* (bank, police, tax,
  tech support), *problem / prize* (KYC expired, SSN suspended, parcel with drugs, virus, you won),
  *pressure* (deadline, secrecy, stay on the call), and *ask / remote / pay* (OTP, PIN, remote-access app,
  gift cards, safe account, PIN to receive). Each cue counts once per call, a little more when repeated in
  later segments, and each group is capped so one kind of talk cannot alone reach an alert.
* ``ftc_pattern``: a bonus when several groups co-occur (Pretend + Problem + Pressure + Pay), which is what
  separates a scam from a call that merely mentions a bank or the police.
* Negation and warning context: "never share your OTP", "don't install AnyDesk", "if anyone asks for your PIN"
  suppress the cue; sentences about scams ("fraudsters pretending to be CBI") count at a quarter weight.
* Optional ``model_scorer`` over the rolling context adds one more signal (the best seen so far in the call).

Text is normalised for speech-to-text output: lowercase, contractions expanded, spelled letters joined
("o t p" -> "otp"), split brand names joined ("any desk" -> "anydesk"). Patterns are precompiled, bounded
(no nested unbounded quantifiers) and run only over the new segment plus a short tail of the call.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable

from scamshield.engine.taxonomy import FRAUD_TYPES, advice_for
from scamshield.engine.types import DEFAULT_THRESHOLDS, RISK_LEVELS, Assessment, Signal, Thresholds
from scamshield.errors import InvalidInput

__all__ = [
    "CallState",
    "Segment",
    "DetectionUpdate",
    "ConversationDetector",
    "TranscriptResult",
    "analyze_transcript",
    "split_utterances",
    "normalize_transcript",
]

#: Raw characters of one segment that are analysed (longer segments are cut; ASR segments are ~5-30 words).
MAX_SEGMENT_CHARS = 2_000
#: Raw characters of rolling context kept in the call state (fed to the optional model scorer).
CONTEXT_CHARS = 1_000
#: Normalised characters of the previous segments searched together with a new segment, so a phrase split
#: across two ASR segments ("download the" | "anydesk app") still matches.
_MATCH_TAIL = 160
#: A cue repeated in later segments adds this share of its weight per repeat, at most _MAX_REPEATS times.
_REPEAT_BONUS = 0.25
_MAX_REPEATS = 2
_WARNING_FACTOR = 0.25
_STATE_VERSION = 1

# Cap per group so that one kind of talk (e.g. only threats) cannot reach an alert on its own.
_GROUP_CAPS = {"pretend": 25, "problem": 45, "prize": 35, "pressure": 30, "ask": 55, "remote": 45, "pay": 50}
# FTC's four P's; a group counts as present when its capped contribution reaches _FTC_MIN.
_FTC_OF_GROUP = {"pretend": "pretend", "problem": "problem", "prize": "problem", "pressure": "pressure",
                 "ask": "pay", "remote": "pay", "pay": "pay"}
_FTC_MIN = 10.0
_FTC_BONUS = {0: 0, 1: 0, 2: 8, 3: 20, 4: 30}
# Two groups one of which is an ask / payment demand is already the core of a scam (a pretext + the ask).
_FTC_BONUS_PAIR_WITH_PAY = 14
# Requests for personal or account data with no pretext at all (no authority claim, problem, prize or pressure)
# are capped: help desks and wrong numbers ask for account numbers too.
_SOFT_ASKS = frozenset({"bank_details_request", "identity_number_request", "card_details_request",
                        "personal_details_request", "suspicious_link"})
_SOFT_ASK_CAP_ALONE = 40.0
# Tactic types say *how* the scam works; the scenario (bank, police, tech support...) names it better.
_TACTIC_TYPES = {"OTP_THEFT": 0.6, "REMOTE_ACCESS": 0.6, "PHISHING_LINK": 0.5, "GENERIC_SCAM": 0.4, "SPAM": 0.5,
                 "SAFE_ACCOUNT_TRANSFER": 0.8, "UPI_COLLECT_LURE": 0.9}

# ----------------------------------------------------------------------------------------------------------------
# Normalisation (speech-to-text friendly)
# ----------------------------------------------------------------------------------------------------------------

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


# ----------------------------------------------------------------------------------------------------------------
# Lexicon
# ----------------------------------------------------------------------------------------------------------------

_GAP_RE = re.compile(r"<g([1-9])>")
_MACRO_RE = re.compile(r"<([a-z_]+)>")
_NEGATORS = frozenset({"never", "not", "nobody", "noone", "without", "beware", "mat",
                       "nahi", "nahin", "na", "neither", "nor"})
_NEG_PHRASES = ("no one", "if anyone", "if someone", "if somebody", "if anybody", "anyone who", "someone who",
                "if they ask", "if you are asked", "if asked", "if a caller", "if the caller", "if any caller")
_CLAUSE_WORDS = frozenset({"and", "but", "then", "so", "or", "also", "aur", "phir", "lekin", "instead", "just",
                           "now", "please", "|", "."})
_NEG_AFTER = frozenset({"mat", "nahi", "nahin"})
_NEG_AFTER_PHRASES = ("with anyone", "to anyone", "with anybody", "to anybody", "to strangers", "with strangers",
                      "to any one", "with any one", "to unknown", "with unknown", "is a scam", "is a fraud")
_WARNING_RE = re.compile(
    r"\b(?:scam|scams|scammer|scammers|scamster|scamsters|fraudster|fraudsters|fake|beware|impersonat[a-z]*|"
    r"claiming to be|pretending to be|posing as|pretend to be|awareness|thag|thagi|thug|thugs|dhokha|"
    r"dhokhadhadi|be careful|be alert|stay alert|cyber fraud|1930|helpline)\b")


@dataclass(frozen=True, slots=True)
class _Cue:
    code: str
    group: str
    weight: float
    fraud_type: str | None
    message: str
    negatable: bool
    regex: re.Pattern[str]
    anchors: tuple[str, ...] | None  # at least one must occur in the window for the regex to have a chance


def _expand(pattern: str, macros: dict[str, str]) -> str:
    p = _GAP_RE.sub(lambda m: "(?:[a-z0-9]+ ){0,%s}" % m.group(1), pattern)
    for _ in range(3):  # macros may use other macros
        p = _MACRO_RE.sub(lambda m: macros.get(m.group(1), m.group(0)), p)
    if _MACRO_RE.search(p.replace("(?<", "")):
        raise ValueError(f"unknown macro in cue pattern: {pattern!r}")
    return p


def _required_literals(node: Any) -> set[str] | None:
    """Strings of which every match of the parsed pattern must contain at least one (None = no such set).

    A cheap, always-correct prefilter: a cue whose literals are all absent from the window cannot match, so its
    regex is not run. Works on ``re._parser`` trees (sequence, branch, group, repeat, literal).
    """
    from re import _constants as C  # noqa: PLC0415 - stdlib internals, used once at lexicon load

    def seq(items: Any) -> set[str] | None:
        best: set[str] | None = None
        run: list[str] = []
        cands: list[set[str]] = []
        for op, av in list(items) + [(None, None)]:
            if op is C.LITERAL:
                run.append(chr(av))
                continue
            if run:
                cands.append({"".join(run)})
                run = []
            if op is None:
                break
            sub = one(op, av)
            if sub:
                cands.append(sub)
        for c in cands:
            if best is None or min(map(len, c)) > min(map(len, best)):
                best = c
        return best

    def one(op: Any, av: Any) -> set[str] | None:
        if op is C.SUBPATTERN:
            return seq(av[-1])
        if op is C.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                sub = seq(alt)
                if not sub:
                    return None
                out |= sub
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            return seq(av[2])
        return None

    return seq(node)


@lru_cache(maxsize=1)
def _load_cues() -> tuple[_Cue, ...]:
    raw = json.loads(resources.files("scamshield.engine").joinpath("data/conversation_cues.json").read_text("utf-8"))
    macros = {k: v for k, v in raw["macros"].items()}
    cues = []
    for c in raw["cues"]:
        ft = c.get("fraud_type")
        if ft is not None and ft not in FRAUD_TYPES:
            raise ValueError(f"unknown fraud_type {ft!r} in cue {c['code']}")
        if c["group"] not in _GROUP_CAPS:
            raise ValueError(f"unknown group {c['group']!r} in cue {c['code']}")
        body = "|".join(_expand(p, macros) for p in c["patterns"])
        regex = re.compile(r"(?<![a-z0-9])(?:" + body + r")(?![a-z0-9])")
        anchors = _required_literals(re._parser.parse(body))  # type: ignore[attr-defined]
        if anchors is not None and min(map(len, anchors)) < 2:
            anchors = None
        cues.append(_Cue(c["code"], c["group"], float(c["weight"]), ft, c["message"],
                         bool(c.get("negatable", True)), regex, tuple(sorted(anchors)) if anchors else None))
    return tuple(cues)


def _is_negated(window: str, start: int, end: int) -> bool:
    """Negation or warning-advice scope around a cue match (same clause, a few words either side)."""
    before = window[max(0, start - 60):start]
    cut = max(before.rfind(" . "), before.rfind(" | "))
    if cut >= 0:
        before = before[cut + 3:]
    words = before.split()[-6:]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _CLAUSE_WORDS:
            words = words[i + 1:]
            break
    if any(w in _NEGATORS for w in words[-4:]):
        return True
    tail = " ".join(words)
    if any(p in tail for p in _NEG_PHRASES):
        return True
    inside = window[start:end].split()
    if any(w in _NEG_AFTER or w == "never" for w in inside) or ("not" in inside and inside[0] != "if"):
        return True
    after = window[end:end + 40]
    cut = after.find(" . ")
    cut2 = after.find(" | ")
    cut = min(c for c in (cut, cut2, len(after)) if c >= 0)
    after_words = after[:cut].split()[:3]
    if any(w in _NEG_AFTER for w in after_words):
        return True
    after_text = " ".join(after_words)
    return any(after_text.startswith(p) for p in _NEG_AFTER_PHRASES)


def _in_warning_context(window: str, start: int, end: int) -> bool:
    lo = max(0, start - 80)
    before = window[lo:start]
    cut = max(before.rfind(" . "), before.rfind(" | "))
    if cut >= 0:
        lo += cut + 3
    after = window[end:end + 60]
    stops = [i for i in (after.find(" . "), after.find(" | ")) if i >= 0]
    hi = end + (min(stops) if stops else len(after))
    return _WARNING_RE.search(window, lo, hi) is not None


# ----------------------------------------------------------------------------------------------------------------
# Public types
# ----------------------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Segment:
    """One piece of transcript: ``speaker`` is free-form (track, tag) and optional; ``final=False`` = interim."""

    text: str
    speaker: str | None = None
    final: bool = True


@dataclass(slots=True)
class CallState:
    """Everything the detector remembers about one call. Plain JSON types only (see ``to_dict``).

    ``hits`` maps a cue code to ``[segments_seen, weight_factor, evidence_phrase]``; ``alerted`` lists the risk
    levels already alerted for this call; ``context`` is the raw rolling tail of the call (both speakers, for the
    optional model) and ``tail`` its last ~160 normalised characters (for phrases split across segments).
    """

    segments: int = 0
    context: str = ""
    tail: str = ""
    last_speaker: str | None = None
    hits: dict[str, list[Any]] = field(default_factory=dict)
    alerted: list[str] = field(default_factory=list)
    first_alert_segment: int | None = None
    model_signal: dict[str, Any] | None = None
    last_final_digest: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "v": _STATE_VERSION,
            "segments": self.segments,
            "context": self.context,
            "tail": self.tail,
            "last_speaker": self.last_speaker,
            "hits": {k: list(v) for k, v in self.hits.items()},
            "alerted": list(self.alerted),
            "first_alert_segment": self.first_alert_segment,
            "model_signal": dict(self.model_signal) if self.model_signal else None,
            "last_final_digest": self.last_final_digest,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "CallState":
        """Rebuild a state saved by ``to_dict``; unknown cue codes are dropped, malformed input is refused."""
        if not data:
            return cls()
        try:
            known = {c.code for c in _load_cues()}
            hits: dict[str, list[Any]] = {}
            for code, v in dict(data.get("hits") or {}).items():
                if code in known:
                    hits[code] = [int(v[0]), float(v[1]), str(v[2])[:120]]
            alerted = [str(x) for x in data.get("alerted") or [] if x in RISK_LEVELS]
            fas = data.get("first_alert_segment")
            ms = data.get("model_signal")
            return cls(
                segments=max(0, int(data.get("segments") or 0)),
                context=str(data.get("context") or "")[-CONTEXT_CHARS:],
                tail=str(data.get("tail") or "")[-_MATCH_TAIL:],
                last_speaker=None if data.get("last_speaker") is None else str(data["last_speaker"])[:64],
                hits=hits,
                alerted=alerted,
                first_alert_segment=None if fas is None else int(fas),
                model_signal=dict(ms) if isinstance(ms, dict) else None,
                last_final_digest=None if data.get("last_final_digest") is None else str(data["last_final_digest"]),
            )
        except (TypeError, ValueError, IndexError, AttributeError) as exc:
            raise InvalidInput("malformed call state") from exc


@dataclass(slots=True)
class DetectionUpdate:
    """Result of feeding one segment: the call's assessment so far and whether to alert now."""

    assessment: Assessment
    fraud_type: str | None
    should_alert: bool
    alert_level: str | None

    @property
    def risk_score(self) -> int:
        return self.assessment.risk_score

    @property
    def risk_level(self) -> str:
        return self.assessment.risk_level

    @property
    def reasons(self) -> list[str]:
        ranked = sorted((s for s in self.assessment.signals if s.weight > 0), key=lambda s: -s.weight)
        return [s.message for s in ranked if s.code != "ftc_pattern"][:5]


@dataclass(slots=True)
class TranscriptResult:
    """Whole-call verdict (batch / evaluation)."""

    risk_score: int
    risk_level: str
    is_safe: bool
    fraud_type: str | None
    signals: list[Signal]
    alert_at_fraction: float | None
    utterances: int = 0
    alerts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "risk_score": self.risk_score,
            "risk_level": self.risk_level,
            "is_safe": self.is_safe,
            "fraud_type": self.fraud_type,
            "signals": [s.as_dict() for s in self.signals],
            "alert_at_fraction": self.alert_at_fraction,
            "utterances": self.utterances,
            "alerts": list(self.alerts),
        }


ModelScorer = Callable[[str], "Signal | None"]


class ConversationDetector:
    """Scores a call segment by segment. Thread-safe and stateless: all call memory is in ``CallState``.

    ``alert_threshold`` (default: ``thresholds.high``) is the score at which the first alert fires; after that a
    new alert fires only when the risk level rises (one alert per level per call). ``alert_on_interim`` lets an
    interim segment trigger an alert early (its cues are never stored, so the final version is not counted twice).
    """

    def __init__(self, thresholds: Thresholds = DEFAULT_THRESHOLDS, *, alert_threshold: int | None = None,
                 model_scorer: ModelScorer | None = None, alert_on_interim: bool = True) -> None:
        self.thresholds = thresholds
        self.alert_threshold = thresholds.high if alert_threshold is None else int(alert_threshold)
        if not 0 < self.alert_threshold <= 100:
            raise ValueError("alert_threshold must be in 1..100")
        self.model_scorer = model_scorer
        self.alert_on_interim = alert_on_interim
        self._cues = _load_cues()
        self._by_code = {c.code: c for c in self._cues}

    # -- matching ----------------------------------------------------------------------------------------------

    def _scan(self, state: CallState, segment: Segment) -> tuple[dict[str, tuple[float, str]], str]:
        """Cue hits (code -> (weight factor, evidence)) whose match ends inside the new segment.

        Also returns the new normalised tail of the call (kept in the state so it is never re-normalised).
        """
        new = normalize_transcript(segment.text[:MAX_SEGMENT_CHARS])
        if not new:
            return {}, state.tail
        tail = state.tail
        if tail:
            changed = bool(segment.speaker and state.last_speaker and segment.speaker != state.last_speaker)
            tail += " | " if changed else " "
        window = tail + new
        boundary = len(tail)
        start = max(0, boundary - _MATCH_TAIL)
        found: dict[str, tuple[float, str]] = {}
        for cue in self._cues:
            if cue.anchors is not None and not any(a in window for a in cue.anchors):
                continue
            for m in cue.regex.finditer(window, start):
                if m.end() <= boundary:
                    continue
                s, e = m.span()
                if cue.negatable and _is_negated(window, s, e):
                    continue
                factor = _WARNING_FACTOR if _in_warning_context(window, s, e) else 1.0
                prev = found.get(cue.code)
                if prev is None or factor > prev[0]:
                    found[cue.code] = (factor, m.group(0)[:80])
                if factor == 1.0:
                    break
        new_tail = window[-_MATCH_TAIL:]
        cut = new_tail.find(" ")
        if len(window) > _MATCH_TAIL and 0 <= cut < 30:
            new_tail = new_tail[cut + 1:]
        return found, new_tail

    # -- scoring -----------------------------------------------------------------------------------------------

    def _signals(self, hits: dict[str, list[Any]], model_signal: dict[str, Any] | None) -> list[Signal]:
        by_group: dict[str, list[tuple[float, _Cue, list[Any]]]] = {}
        for code, (count, factor, evidence) in hits.items():
            cue = self._by_code.get(code)
            if cue is None:
                continue
            w = cue.weight * factor * (1 + _REPEAT_BONUS * min(count - 1, _MAX_REPEATS))
            by_group.setdefault(cue.group, []).append((w, cue, [count, factor, evidence]))
        allocated: list[tuple[Signal, str]] = []
        ftc_totals: dict[str, float] = {}
        for group, items in by_group.items():
            room = float(_GROUP_CAPS[group])
            for w, cue, (count, factor, evidence) in sorted(items, key=lambda t: (-t[0], t[1].code)):
                alloc = round(min(w, room), 1)
                room -= alloc
                ev: dict[str, Any] = {"phrase": evidence, "group": group, "segments": count}
                if factor < 1.0:
                    ev["context"] = "warning"
                if alloc < w:
                    ev["capped"] = True
                allocated.append((Signal(cue.code, alloc, cue.message, ev, cue.fraud_type), group))
                ftc = _FTC_OF_GROUP[group]
                ftc_totals[ftc] = ftc_totals.get(ftc, 0.0) + alloc
        present = sorted(k for k, v in ftc_totals.items() if v >= _FTC_MIN)
        if present == ["pay"] or not present:
            soft = [s for s, _ in allocated if s.code in _SOFT_ASKS]
            hard = sum(s.weight for s, _ in allocated if s.code not in _SOFT_ASKS and s.weight > 0)
            room = max(0.0, _SOFT_ASK_CAP_ALONE - hard)
            for i, (sig, group) in enumerate(allocated):
                if sig.code in _SOFT_ASKS:
                    alloc = round(min(sig.weight, room), 1)
                    room -= alloc
                    if alloc < sig.weight:
                        allocated[i] = (Signal(sig.code, alloc, sig.message, {**sig.evidence, "capped": True,
                                               "reason": "no pretext"}, sig.fraud_type), group)
        signals = [s for s, _ in allocated]
        bonus = _FTC_BONUS[len(present)]
        if len(present) == 2 and "pay" in present:
            bonus = _FTC_BONUS_PAIR_WITH_PAY
        if bonus:
            signals.append(Signal("ftc_pattern", float(bonus),
                                  "Combines " + " + ".join(present) + " (the pattern of phone scams)",
                                  {"groups": present}))
        if model_signal:
            signals.append(Signal(str(model_signal["code"]), float(model_signal["weight"]),
                                  str(model_signal.get("message", "")), dict(model_signal.get("evidence") or {}),
                                  model_signal.get("fraud_type")))
        return signals

    def _primary_type(self, signals: Iterable[Signal], score: int) -> str | None:
        if score < self.thresholds.medium:
            return None
        totals: dict[str, float] = {}
        for s in signals:
            if s.fraud_type and s.weight > 0 and s.fraud_type in FRAUD_TYPES:
                totals[s.fraud_type] = totals.get(s.fraud_type, 0.0) + s.weight * _TACTIC_TYPES.get(s.fraud_type, 1.0)
        if not totals:
            return "GENERIC_SCAM" if score >= self.thresholds.high else None
        return max(sorted(totals), key=lambda k: totals[k])

    # -- public API --------------------------------------------------------------------------------------------

    def assess(self, state: CallState) -> Assessment:
        """The call's assessment from its state alone (no new segment)."""
        return self._build(state, state.hits)[0]

    def _build(self, state: CallState, hits: dict[str, list[Any]]) -> tuple[Assessment, str | None]:
        signals = self._signals(hits, state.model_signal)
        a = Assessment("transcript", signals, thresholds=self.thresholds)
        score = a.risk_score
        ftype = self._primary_type(signals, score)
        a.extracted.update({"fraud_type": ftype, "segments": state.segments, "alerted_levels": list(state.alerted)})
        if not a.is_safe:
            a.recommendations.append(advice_for(ftype))
        return a, ftype

    def feed(self, state: CallState, segment: Segment) -> DetectionUpdate:
        """Add one segment to the call (mutates ``state``) and decide whether to alert now.

        A final segment's cues are stored in ``state``; an interim segment is scored on top of the stored cues
        without storing anything but the alert bookkeeping. An exact repeat of the previous final segment
        (same speaker and text, e.g. a retried delivery) is not counted again.
        """
        if not isinstance(segment.text, str):
            raise InvalidInput("transcript text must be a string")
        text = segment.text[:MAX_SEGMENT_CHARS]
        hits = state.hits
        if segment.final:
            digest = hashlib.blake2b(f"{segment.speaker}\x00{text}".encode("utf-8", "replace"),
                                     digest_size=8).hexdigest()
            if digest != state.last_final_digest and text.strip():
                found, new_tail = self._scan(state, segment)
                for code, (factor, evidence) in found.items():
                    h = hits.get(code)
                    if h is None:
                        hits[code] = [1, factor, evidence]
                    else:
                        h[0] = int(h[0]) + 1
                        if factor > h[1]:
                            h[1], h[2] = factor, evidence
                state.segments += 1
                state.last_final_digest = digest
                state.tail = new_tail
                self._append_context(state, segment)
                self._run_model(state)
        elif text.strip():
            found, _ = self._scan(state, segment)
            if found:
                hits = {k: list(v) for k, v in state.hits.items()}
                for code, (factor, evidence) in found.items():
                    if code in hits:
                        hits[code][1] = max(hits[code][1], factor)
                    else:
                        hits[code] = [1, factor, evidence]
        assessment, ftype = self._build(state, hits)
        should_alert, level = False, None
        score = assessment.risk_score
        if score >= self.alert_threshold and (segment.final or self.alert_on_interim):
            level = assessment.risk_level
            rank = RISK_LEVELS.index(level)
            done = max((RISK_LEVELS.index(x) for x in state.alerted), default=-1)
            if rank > done:
                should_alert = True
                state.alerted.append(level)
                if state.first_alert_segment is None:
                    state.first_alert_segment = state.segments if segment.final else state.segments + 1
                assessment.extracted["alerted_levels"] = list(state.alerted)
            else:
                level = None
        return DetectionUpdate(assessment, ftype, should_alert, level)

    def _append_context(self, state: CallState, segment: Segment) -> None:
        text = " ".join(segment.text[:MAX_SEGMENT_CHARS].split())
        changed = bool(segment.speaker and state.last_speaker and segment.speaker != state.last_speaker)
        sep = "\n" if changed else " "
        ctx = (state.context + sep + text) if state.context else text
        if len(ctx) > CONTEXT_CHARS:
            ctx = ctx[-CONTEXT_CHARS:]
            cut = ctx.find(" ")
            ctx = ctx[cut + 1:] if 0 <= cut < 40 else ctx
        state.context = ctx
        if segment.speaker:
            state.last_speaker = segment.speaker[:64]

    def _run_model(self, state: CallState) -> None:
        if self.model_scorer is None:
            return
        try:
            sig = self.model_scorer(state.context)
        except Exception:  # noqa: BLE001 - an optional model must never break live detection
            return
        if not isinstance(sig, Signal):
            return
        best = state.model_signal
        if best is None or float(sig.weight) > float(best.get("weight", 0)):
            state.model_signal = {"code": sig.code, "weight": float(sig.weight), "message": sig.message,
                                  "evidence": dict(sig.evidence), "fraud_type": sig.fraud_type}


# ----------------------------------------------------------------------------------------------------------------
# Whole transcripts
# ----------------------------------------------------------------------------------------------------------------

_KNOWN_TAGS = ("suspect", "innocent", "caller", "callee", "agent", "customer", "scammer", "victim", "receiver",
               "recipient", "speaker", "person", "user", "representative", "rep", "operator", "client", "bot",
               "assistant", "human", "interviewer", "me", "them", "a", "b", "s1", "s2", "spk")
_TAG_RE = re.compile(r"(?:^|(?<=[\s.!?\"'\u2026]))([A-Za-z][A-Za-z]{0,19}(?: ?[0-9A-Za-z]{1,2})?)[ \t]?:(?=\s|$)")
_SENT_SPLIT_RE = re.compile(r"(?<=[.!?\u2026\u0964])\s+")
_LONG_UTTERANCE_WORDS = 60
_CHUNK_WORDS = 15


def _tags_in(text: str) -> set[str]:
    counts: dict[str, int] = {}
    for m in _TAG_RE.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    tags = set()
    for tag, n in counts.items():
        base = tag.lower().rstrip("0123456789 ").split(" ")[0]
        if base in _KNOWN_TAGS or (n >= 2 and tag[:1].isupper() and len(tag.split()) <= 2):
            tags.add(tag)
    return tags


def _chunk(text: str) -> list[str]:
    """Sentences; sentences without punctuation (ASR) are cut into ~15-word pieces."""
    out = []
    for sent in _SENT_SPLIT_RE.split(text):
        words = sent.split()
        if len(words) <= _LONG_UTTERANCE_WORDS // 2:
            if words:
                out.append(" ".join(words))
            continue
        for i in range(0, len(words), _CHUNK_WORDS):
            out.append(" ".join(words[i:i + _CHUNK_WORDS]))
    return out


def split_utterances(text: str) -> list[Segment]:
    """Split a whole call into utterances.

    Inline or line-leading ``Speaker:`` tags give one utterance per turn; otherwise each line is an utterance;
    a single untagged line (a monologue, an ASR dump) is split into sentences, and unpunctuated text into
    ~15-word pieces. Very long turns or lines are split the same way.
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    tags = _tags_in(text)
    pieces: list[tuple[str | None, str]] = []
    for line in lines:
        if not tags:
            pieces.append((None, line))
            continue
        last, speaker = 0, None
        for m in _TAG_RE.finditer(line):
            if m.group(1) in tags:
                pieces.append((speaker, line[last:m.start()]))
                speaker, last = m.group(1), m.end()
        pieces.append((speaker, line[last:]))
    one_block = not tags and len(lines) == 1
    segments: list[Segment] = []
    for speaker, piece in pieces:
        piece = " ".join(piece.split())
        if not piece:
            continue
        if one_block or len(piece.split()) > _LONG_UTTERANCE_WORDS:
            segments.extend(Segment(c, speaker) for c in _chunk(piece))
        else:
            segments.append(Segment(piece, speaker))
    return segments


def analyze_transcript(text: str, detector: ConversationDetector | None = None) -> TranscriptResult:
    """Run a whole call through the live detector, utterance by utterance (batch and evaluation)."""
    if not isinstance(text, str):
        raise InvalidInput("transcript text must be a string")
    det = detector or _default_detector()
    state = CallState()
    segments = split_utterances(text)
    update: DetectionUpdate | None = None
    first_alert: int | None = None
    for i, seg in enumerate(segments):
        update = det.feed(state, seg)
        if update.should_alert and first_alert is None:
            first_alert = i + 1
    a = update.assessment if update else det.assess(state)
    n = len(segments)
    score = a.risk_score
    return TranscriptResult(
        risk_score=score,
        risk_level=a.risk_level,
        is_safe=a.is_safe,
        fraud_type=update.fraud_type if update else None,
        signals=list(a.signals),
        alert_at_fraction=None if first_alert is None else round(first_alert / n, 4),
        utterances=n,
        alerts=list(state.alerted),
    )


# The learned call model ranks well across scam topics (ROC-AUC 0.98+) but its thresholds do not carry over to
# topics it never saw (precision 0.58-0.66 on held-out legitimate scenarios, docs/evaluation.md). So on a live call
# it may add at most this many points: enough to confirm rule evidence early, never enough to alert on its own.
MODEL_MAX_POINTS = 25.0


def conservative_model_scorer(text: str) -> Signal | None:
    from scamshield.engine.textmodel import transcript_model_signal

    sig = transcript_model_signal(text)
    if sig is None or sig.weight <= MODEL_MAX_POINTS:
        return sig
    return Signal(sig.code, MODEL_MAX_POINTS, sig.message, {**sig.evidence, "capped_from": sig.weight}, sig.fraud_type)


@lru_cache(maxsize=1)
def _default_detector() -> ConversationDetector:
    return ConversationDetector(model_scorer=conservative_model_scorer)
