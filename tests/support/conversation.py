"""Feeding invented calls to the live-call detector in table tests (the blind-round test files share these)."""

from __future__ import annotations

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs
RULES = ConversationDetector()  # rules alone


def feed(segments, det=PRODUCT):
    """One fresh call, one final segment per item (no speaker tags): the detector's update after each."""
    state = CallState()
    return [det.feed(state, Segment(s)) for s in segments]


def codes(text):
    """The rule signal codes with a non-zero weight that one segment raises on its own."""
    return {s.code for s in feed([text], RULES)[-1].assessment.signals if s.weight != 0}
