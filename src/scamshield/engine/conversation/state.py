"""Call state and result types (plain JSON-serialisable state the caller persists between segments)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scamshield.engine.conversation.cues import load_cues
from scamshield.engine.types import RISK_LEVELS, Assessment, Signal
from scamshield.errors import InvalidInput

#: Raw characters of one segment that are analysed (longer segments are cut; ASR segments are ~5-30 words).
MAX_SEGMENT_CHARS = 2_000
#: Raw characters of rolling context kept in the call state (fed to the optional model scorer).
CONTEXT_CHARS = 1_000
#: Normalised characters of the previous segments searched together with a new segment, so a phrase split
#: across two ASR segments ("download the" | "anydesk app") still matches.
_MATCH_TAIL = 160
_STATE_VERSION = 1
#: Each of the story counts (``CallState.story``) is kept at most this high.
_STORY_MAX_COUNT = 1_000


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
    #: The speaker's role so far (``context.story_counts``): story anchors, reported frames, live demands, relays.
    story: list[int] = field(default_factory=lambda: [0, 0, 0, 0])

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
            "story": list(self.story),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "CallState":
        """Rebuild a state saved by ``to_dict``; unknown cue codes are dropped, malformed input is refused."""
        if not data:
            return cls()
        try:
            known = {c.code for c in load_cues()}
            hits: dict[str, list[Any]] = {}
            for code, v in dict(data.get("hits") or {}).items():
                if code in known:
                    count, factor = int(v[0]), float(v[1])
                    if count < 1 or not 0.0 <= factor <= 1.0:  # also refuses NaN
                        raise ValueError("cue hit out of range")
                    hits[code] = [count, factor, str(v[2])[:120]]
            alerted = [str(x) for x in data.get("alerted") or [] if x in RISK_LEVELS]
            fas = data.get("first_alert_segment")
            ms = data.get("model_signal")
            if isinstance(ms, dict):
                weight = float(ms.get("weight", 0))
                if not 0.0 <= weight <= 100.0:  # also refuses NaN and infinities
                    raise ValueError("model weight out of range")
                ms = {**ms, "weight": weight, "code": str(ms.get("code") or "ml_transcript")}
            story = [min(_STORY_MAX_COUNT, max(0, int(x))) for x in (data.get("story") or [0, 0, 0, 0])]
            if len(story) == 3:  # saved before relays were counted
                story.append(0)
            if len(story) != 4:
                raise ValueError("story counts")
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
                story=story,
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
