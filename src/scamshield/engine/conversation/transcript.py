"""Whole transcripts: split a call into utterances and run it through the live detector (batch, evaluation)."""

from __future__ import annotations

import re
from functools import lru_cache

from scamshield.engine.conversation.detector import ConversationDetector
from scamshield.engine.conversation.state import CallState, DetectionUpdate, Segment, TranscriptResult
from scamshield.engine.types import Signal
from scamshield.errors import InvalidInput

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
