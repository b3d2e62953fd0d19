"""The live detector: one segment in, the call's assessment and the alert decision out."""

from __future__ import annotations

import hashlib
from typing import Any, Callable

from scamshield.engine.conversation.context import (WARNING_FACTOR, addressed, in_warning_context, is_direct,
                                                     is_negated, late_verdict, narrating, relaying, story_counts)
from scamshield.engine.conversation.state import _STORY_MAX_COUNT
from scamshield.engine.conversation.cues import load_cues
from scamshield.engine.conversation.normalize import normalize_transcript
from scamshield.engine.conversation.scoring import EVERYDAY_PRESSURE, primary_type, signals_for
from scamshield.engine.cues import mask_digits
from scamshield.engine.conversation.state import (
    _MATCH_TAIL, MAX_SEGMENT_CHARS, CONTEXT_CHARS, CallState, DetectionUpdate, Segment)
from scamshield.engine.taxonomy import advice_for
from scamshield.engine.types import DEFAULT_THRESHOLDS, RISK_LEVELS, Assessment, Signal, Thresholds
from scamshield.errors import InvalidInput

ModelScorer = Callable[[str], "Signal | None"]
#: Words of an everyday-pressure match (scoring.EVERYDAY_PRESSURE) allowed before the segment boundary when the
#: match runs into the new segment.
_WEAK_SPAN_WORDS = 4
#: ... and words of such a match in all (its gap words reaching far into the next segment join two topics).
_WEAK_CROSS_WORDS = 7
#: Points the learned model's signal may fall per final segment when the recent context scores lower (R3 review #6).
_MODEL_DECAY = 2.0
#: Matches of one cue read (negation, warning context) per segment: an ASR segment of 5-30 words holds one or two; a
#: hostile 2,000-character segment repeating a phrase in a warning 50 times cost ~1 ms per 10 matches (R6 review F9).
_MAX_MATCHES_PER_CUE = 8



#: The cue marking a broadcast or a talk about scams (see ``_scan``).
_REPORT_FRAME = "report_frame"
#: An in-person visit with documents ("come to the station with your aadhaar copy") and the asks it holds: an identity
#: document named in the visit (its match inside the visit's, or ending at most this many characters after it) is
#: what to bring, not a detail asked on the phone.
_IN_PERSON = "official_channel_pointer"
_DOCUMENT_ASKS = ("identity_number_request", "personal_details_request")
_DOCUMENT_AFTER_VISIT = 24


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
        self._cues = load_cues()
        self._by_code = {c.code: c for c in self._cues}
        # every distinct anchor literal once: which are in a window is read once per segment (R6 review F9)
        self._anchors = tuple(sorted({a for c in self._cues if c.anchors for a in c.anchors}))
        self._report = self._by_code.get(_REPORT_FRAME)

    # -- matching ----------------------------------------------------------------------------------------------

    def _scan(self, state: CallState, segment: Segment) -> tuple[dict[str, tuple[float, str]], str, list[int]]:
        """Cue hits (code -> (weight factor, evidence)) whose match ends inside the new segment.

        Also returns the new normalised tail of the call (kept in the state so it is never re-normalised) and the
        call's story counts with this segment's (``context.story_counts``).
        """
        new = normalize_transcript(segment.text[:MAX_SEGMENT_CHARS])
        if not new:
            return {}, state.tail, list(state.story)
        tail = state.tail
        if tail:
            changed = bool(segment.speaker and state.last_speaker and segment.speaker != state.last_speaker)
            tail += " | " if changed else " "
        window = tail + new
        boundary = len(tail)
        start = max(0, boundary - _MATCH_TAIL)
        found: dict[str, tuple[float, str]] = {}
        spans: dict[str, tuple[int, int]] = {}
        present = {a for a in self._anchors if a in window}
        # a broadcast or a talk about scams (a podcast, a news report, "police are warning residents"): the scripts it
        # quotes later, past the reach of a sentence's warning frame, are its subject unless said to the listener (r7)
        report = _REPORT_FRAME in state.hits or (
            self._report is not None and (self._report.anchors is None or not present.isdisjoint(self._report.anchors))
            and self._report.regex.search(window, start) is not None)
        # the speaker narrating calls made by others over the whole call (a retelling, an awareness voicemail): the
        # cues they quote are the story's unless addressed to the listener (blind34)
        had = (list(state.story) + [0, 0, 0, 0])[:4]
        story = [min(_STORY_MAX_COUNT, a + b) for a, b in zip(had, story_counts(window, boundary))]
        told = narrating(story)
        relay = relaying(story)
        for cue in self._cues:
            if cue.anchors is not None and present.isdisjoint(cue.anchors):
                continue
            read = 0
            for m in cue.regex.finditer(window, start):
                if m.end() <= boundary:
                    continue
                read += 1
                if read > _MAX_MATCHES_PER_CUE:
                    break
                s, e = m.span()
                if (cue.code in EVERYDAY_PRESSURE and s < boundary
                        and (window.count(" ", s, boundary) > _WEAK_SPAN_WORDS
                             or window.count(" ", s, e) + 1 > _WEAK_CROSS_WORDS)):
                    # everyday pressure's gap words do not bridge into the next segment ("otherwise there will be
                    # trouble at the office" | "my friend said the police came"); a phrase cut just before the boundary
                    # ("or else" | "your account will be blocked") still matches
                    continue
                if cue.negatable and is_negated(window, s, e, cue.regex):
                    continue
                warned = in_warning_context(window, s, e) or (
                    report and cue.group != "reassure" and not is_direct(window, s, e)) or (
                    told and cue.group != "reassure" and not is_direct(window, s, e, story=True))
                if warned and relay and not report and addressed(window, s, e):
                    # a caller relaying a superior's words: "mere senior ne bola hai ki aapko video call pe rehna hoga",
                    # "unhone kaha ki aapke account ka paisa transfer karna padega" are demands on the listener
                    warned = False
                factor = WARNING_FACTOR if warned else 1.0
                prev = found.get(cue.code)
                if prev is None or factor > prev[0]:
                    found[cue.code] = (factor, mask_digits(m.group(0)[:80]))  # no OTP / phone number kept
                    spans[cue.code] = (s, e)
                if factor == 1.0:
                    break
        visit = spans.get(_IN_PERSON)
        if visit is not None and found.get(_IN_PERSON, (0.0,))[0] == 1.0:
            # "come to the station on thursday with your aadhaar copy": a document brought in person, not a number or
            # a detail asked on the phone (blind34)
            for code in _DOCUMENT_ASKS:
                span = spans.get(code)
                if span is not None and visit[0] <= span[0] and span[1] <= visit[1] + _DOCUMENT_AFTER_VISIT:
                    del found[code]
        self._late_demotions(state, window, boundary, start, found)
        new_tail = window[-_MATCH_TAIL:]
        cut = new_tail.find(" ")
        if len(window) > _MATCH_TAIL and 0 <= cut < 30:
            new_tail = new_tail[cut + 1:]
        return found, new_tail, story

    def _late_demotions(self, state: CallState, window: str, boundary: int, start: int,
                        found: dict[str, tuple[float, str]]) -> None:
        """A verdict with advice opening the new segment ("that's a scam pop up, don't call the number") turns the
        cues heard once, just before it, into a warning's subject when the whole sentence now reads as a warning.
        Recorded in ``found`` as a lower factor; feed applies it to final segments only."""
        if boundary <= 0 or not late_verdict(window, boundary):
            return
        for code, h in state.hits.items():
            cue = self._by_code.get(code)
            if cue is None or cue.group == "reassure" or code in found or int(h[0]) != 1 or float(h[1]) < 1.0:
                continue
            for m in cue.regex.finditer(window, start, boundary):
                if m.end() <= boundary and in_warning_context(window, m.start(), m.end()):
                    found[code] = (-WARNING_FACTOR, h[2])  # negative: a demotion, not a new hit
                    break

    def assess(self, state: CallState) -> Assessment:
        """The call's assessment from its state alone (no new segment)."""
        return self._build(state, state.hits)[0]

    def _build(self, state: CallState, hits: dict[str, list[Any]]) -> tuple[Assessment, str | None]:
        signals = signals_for(hits, state.model_signal, self._by_code)
        a = Assessment("transcript", signals, thresholds=self.thresholds)
        score = a.risk_score
        ftype = primary_type(signals, score, self.thresholds)
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
        # validate before anything is stored: a bad field must not leave the state half-updated
        if not isinstance(segment.text, str):
            raise InvalidInput("transcript text must be a string")
        if segment.speaker is not None and not isinstance(segment.speaker, str):
            raise InvalidInput("speaker must be a string or absent")
        text = segment.text[:MAX_SEGMENT_CHARS]
        hits = state.hits
        if segment.final:
            digest = hashlib.blake2b(f"{segment.speaker}\x00{text}".encode("utf-8", "replace"),
                                     digest_size=8).hexdigest()
            if digest != state.last_final_digest and text.strip():
                found, new_tail, story = self._scan(state, segment)
                state.story = story
                for code, (factor, evidence) in found.items():
                    h = hits.get(code)
                    if factor < 0:
                        if h is not None:
                            h[1] = -factor  # a late verdict: the cue heard once just before was a warning's subject
                        continue
                    if h is None:
                        hits[code] = [1, factor, evidence]
                    elif factor >= float(h[1]):
                        h[0] = int(h[0]) + 1
                        if factor > h[1]:
                            h[1], h[2] = factor, evidence
                    # else: a cue heard in full before and now only inside a warning ("that sounds like a scam,
                    # guaranteed returns are what fraudsters use") is not the caller pressing it again: no repeat
                    # bonus
                state.segments += 1
                state.last_final_digest = digest
                state.tail = new_tail
                self._append_context(state, segment)
                self._run_model(state)
        elif text.strip():
            found, _, _ = self._scan(state, segment)
            found = {k: v for k, v in found.items() if v[0] >= 0}
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
        if best is None or float(sig.weight) >= float(best.get("weight", 0)) - _MODEL_DECAY:
            # the model reads the recent context: its score follows it, falling at most _MODEL_DECAY per segment
            # (a peak on one scam-like stretch of a long genuine call no longer stays for the rest of the call)
            kept = float(sig.weight) if best is None else max(float(sig.weight),
                                                              float(best.get("weight", 0)) - _MODEL_DECAY)
            state.model_signal = {"code": sig.code, "weight": round(kept, 1), "message": sig.message,
                                  "evidence": dict(sig.evidence), "fraud_type": sig.fraud_type}
        else:
            best["weight"] = round(float(best.get("weight", 0)) - _MODEL_DECAY, 1)


