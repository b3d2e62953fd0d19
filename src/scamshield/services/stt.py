"""Pluggable speech-to-text for Twilio Media Streams (``WS /twilio/media``): μ-law 8 kHz audio in, text out.

An engine implements ``SpeechToText.open_stream`` and returns a ``SpeechStream`` per call track that accepts
16-bit PCM chunks and yields ``SpeechResult``s (final utterances; interim ones optional). Engines register by name::

    from scamshield.services import stt
    stt.register("myengine", lambda: MyEngine(model_path=...))

What ships: only the interface, a numpy μ-law decoder and the ``scripted`` test engine (an energy-based utterance
segmenter that emits scripted lines: useful to test the pipeline end to end, useless for real speech). No offline
engine of usable quality installs from PyPI alone: Vosk and whisper.cpp bindings need a separately downloaded
acoustic model (tens to hundreds of MB), which this project cannot ship. Operators who want on-premise audio plug
one in through this interface; everyone else uses Twilio Real-Time Transcription (``POST /twilio/transcription``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np


@dataclass(frozen=True, slots=True)
class SpeechResult:
    text: str
    final: bool = True


class SpeechStream(Protocol):
    def accept(self, pcm: np.ndarray) -> list[SpeechResult]:
        """Feed int16 mono samples; return utterances completed so far (may be empty). May block: run in a thread."""
        ...

    def finish(self) -> list[SpeechResult]:
        """End of audio: flush what is left."""
        ...


class SpeechToText(Protocol):
    name: str

    def open_stream(self, *, sample_rate: int, call_sid: str, track: str,
                    parameters: dict[str, str]) -> SpeechStream: ...


_REGISTRY: dict[str, Callable[[], SpeechToText]] = {}


def register(name: str, factory: Callable[[], SpeechToText]) -> None:
    _REGISTRY[name] = factory


def create(name: str) -> SpeechToText:
    """Build the named engine. An unknown name is a configuration error (refused at start-up)."""
    from scamshield.errors import ConfigError

    factory = _REGISTRY.get(name)
    if factory is None:
        raise ConfigError(f"unknown speech-to-text engine {name!r} (SCAMSHIELD_STT_ENGINE); "
                          f"registered: {', '.join(sorted(_REGISTRY)) or 'none'}")
    return factory()


def available() -> list[str]:
    return sorted(_REGISTRY)


# --- G.711 μ-law ---------------------------------------------------------------------------------------------------
def _ulaw_table() -> np.ndarray:
    u = ~np.arange(256, dtype=np.int32) & 0xFF
    sign = u & 0x80
    exponent = (u >> 4) & 0x07
    mantissa = u & 0x0F
    magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return np.where(sign != 0, -magnitude, magnitude).astype(np.int16)


ULAW_TABLE = _ulaw_table()


def mulaw_decode(data: bytes) -> np.ndarray:
    """μ-law bytes -> int16 PCM samples (same values as the deprecated ``audioop.ulaw2lin(data, 2)``)."""
    return ULAW_TABLE[np.frombuffer(data, dtype=np.uint8)]


# --- test engine ---------------------------------------------------------------------------------------------------
class _ScriptedStream:
    """Energy-based segmenter: every stretch of sound followed by ``silence_ms`` of quiet is one utterance, and
    each utterance is "recognised" as the next line of the script."""

    def __init__(self, script: list[str], sample_rate: int, *, threshold: float = 500.0, silence_ms: int = 300,
                 frame_ms: int = 20) -> None:
        self._script = list(script)
        self._frame = max(1, sample_rate * frame_ms // 1000)
        self._silence_frames = max(1, silence_ms // frame_ms)
        self._threshold = threshold
        self._buf = np.zeros(0, dtype=np.int16)
        self._in_speech = False
        self._quiet = 0

    def _next(self) -> list[SpeechResult]:
        return [SpeechResult(self._script.pop(0))] if self._script else []

    def accept(self, pcm: np.ndarray) -> list[SpeechResult]:
        out: list[SpeechResult] = []
        self._buf = np.concatenate([self._buf, pcm.astype(np.int16, copy=False)])
        n = len(self._buf) // self._frame
        for i in range(n):
            frame = self._buf[i * self._frame:(i + 1) * self._frame].astype(np.float64)
            loud = float(np.sqrt(np.mean(frame * frame))) >= self._threshold
            if loud:
                self._in_speech, self._quiet = True, 0
            elif self._in_speech:
                self._quiet += 1
                if self._quiet >= self._silence_frames:
                    self._in_speech, self._quiet = False, 0
                    out.extend(self._next())
        self._buf = self._buf[n * self._frame:]
        return out

    def finish(self) -> list[SpeechResult]:
        if self._in_speech:
            self._in_speech = False
            return self._next()
        return []


class ScriptedSpeechToText:
    """Test engine. The script comes from the stream's ``<Parameter name="script">`` (lines separated by ``|``)
    or from the constructor."""

    name = "scripted"

    def __init__(self, script: list[str] | None = None) -> None:
        self._script = script or []

    def open_stream(self, *, sample_rate: int, call_sid: str, track: str,
                    parameters: dict[str, str]) -> SpeechStream:
        script = self._script or [s.strip() for s in parameters.get("script", "").split("|") if s.strip()]
        return _ScriptedStream(script, sample_rate)


register("scripted", ScriptedSpeechToText)
