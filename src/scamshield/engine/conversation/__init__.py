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
* The speaker's role over the whole call (``CallState.story``): story anchors ("i get this call from some number
  saying", "ek ajeeb call aaya tha", "an increase in calls where fraudsters pretend"), reported frames ("he told me",
  "ek aadmi bola", "they may say"), live demands ("i am transferring your call", "listen carefully", "press nine") and
  relays of a superior's words ("my senior has said you must"). A speaker who narrates (an anchor, frames outnumbering
  live demands) is retelling or warning: a cue counts only when said to the listener in a clause that speaks to "you"
  and not of the narrator ("a warrant against me" is the story's). A turn back to the listener ("... so to stop this
  change read me the otp", "but your case is real") ends a retold call's frame. Cues heard only in a warning share 20
  points.
* A call the listener started (a helpline's answer: "you are through to amy how can i help", "welcome to X bank ...
  this call may be recorded") or a delivery handed over at the door ("i am outside the door"): a code read back to
  verify the customer or given to the driver keeps at most 15 points and makes no FTC "pay" group while nothing else
  in the call is a scam's (no problem or prize claimed, no other ask, remote access, payment, secrecy, threat or
  robocall marker) and the learned model is not confident of a scam.
* Optional ``model_scorer`` over the rolling context adds one more signal (the best seen so far in the call).

* Reassurance (group ``reassure``, negative weight): "we will never ask for your PIN", "call the number on the back
  of your card" lower the score, unless the caller also asks for a code, PIN, remote access or a payment method.

Text is normalised for speech-to-text output: lowercase, contractions expanded, spelled letters joined
("o t p" -> "otp"), split brand names joined ("any desk" -> "anydesk"), common mis-hearings repaired ("gift cart",
"ad ministration"), near-misses of distinctive product names matched with rapidfuzz ("anydask"), spoken digit runs
and quantities turned into digits ("eight eight eight five ..." -> "8885...", "four hundred and ninety nine" -> 499),
so voicemails without speaker tags or punctuation match the same cues. Patterns are precompiled, bounded
(no nested unbounded quantifiers) and run only over the new segment plus a short tail of the call.

Modules: ``normalize`` (speech-to-text normalisation), ``cues`` (lexicon loading), ``context`` (negation / warning
scope), ``state`` (call state and result types), ``scoring`` (hits -> signals), ``detector`` (the live detector),
``transcript`` (whole calls).
"""

from __future__ import annotations

from scamshield.engine.conversation.detector import ConversationDetector, ModelScorer
from scamshield.engine.conversation.normalize import normalize_transcript
from scamshield.engine.conversation.state import (
    CONTEXT_CHARS,
    MAX_SEGMENT_CHARS,
    CallState,
    DetectionUpdate,
    Segment,
    TranscriptResult,
)
from scamshield.engine.conversation.transcript import (
    MODEL_MAX_POINTS,
    _default_detector,
    analyze_transcript,
    conservative_model_scorer,
    split_utterances,
)

__all__ = [
    "CallState",
    "Segment",
    "DetectionUpdate",
    "ConversationDetector",
    "TranscriptResult",
    "analyze_transcript",
    "split_utterances",
    "normalize_transcript",
    "conservative_model_scorer",
    "MODEL_MAX_POINTS",
    "MAX_SEGMENT_CHARS",
    "CONTEXT_CHARS",
    "ModelScorer",
]
