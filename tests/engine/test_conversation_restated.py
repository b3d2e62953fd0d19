"""The listener's restated ask (issue #5, after the blind22 first read): invented rows, none from a hold-out split.

One-channel speech-to-text has no speaker tags. In a scam-bait call the victim repeats the caller's ask as a question
("so you need my medicare number?", "and you are from the cyber cell?"); that is as much evidence that the ask was
made as the ask itself. ``normalize.restate_listener_asks`` rewrites the restatement to the caller's words, so the
same cues and the same negation / warning context read it: a listener repeating advice ("you want me to never share
my pin") stays quiet.
"""

from __future__ import annotations

import pytest

import scamshield.engine.conversation.normalize as normalize
from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer
from scamshield.engine.conversation.normalize import normalize_transcript, restate_listener_asks

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs
RULES = ConversationDetector()  # rules alone


def _feed(segments, det=PRODUCT):
    state = CallState()
    return [det.feed(state, Segment(s)) for s in segments]


def _codes(text):
    return {s.code for s in _feed([text], RULES)[-1].assessment.signals if s.weight > 0}


@pytest.mark.parametrize("text, expected", [
    ("so you need my pan number", "so i need your pan number"),
    ("you want my card number and my cvv", "i need your card number and your cvv"),
    ("you want me to read you the code", "i need you to read you the code"),
    ("you are saying i have to pay today", "you have to pay today"),
    ("and you are from the tax office", "and i am calling from the tax office"),
    ("aap keh rahe ho ki mujhe otp batana hai", "aapko otp batana hai"),
    ("aap keh rahe ho ki main app download karun", "aap app download karo"),
    ("hello how are you today", "hello how are you today"),
])
def test_restatement_rewritten_to_the_callers_words(text, expected):
    assert restate_listener_asks(text) == expected


@pytest.mark.parametrize("text, code", [
    # the ask for a number or a secret, restated by the listener ("you need my ...")
    ("so you need my social security number and my date of birth to send the new card", "identity_number_request"),
    ("wait you need my card number and the three digits on the back", "card_details_request"),
    ("you are asking for my online banking password", "pin_password_request"),
    ("okay so you want my account number and my routing number for the refund", "bank_details_request"),
    ("you require my aadhaar number to update the kyc", "identity_number_request"),
    # the caller's claim, restated ("and you're from ...")
    ("and you are from the microsoft security team", "caller_claims_company"),
    # Hinglish: "aap keh rahe ho ki main ... karun"
    ("aap keh rahe ho ki main anydesk download karun", "remote_app_install"),
])
def test_restated_ask_fires_like_the_ask(text, code):
    assert code in _codes(text)


@pytest.mark.parametrize("text, code", [
    ("so you need my social security number and my date of birth", "identity_number_request"),
    ("you are asking for my online banking password", "pin_password_request"),
    ("you need my card number and the three digits on the back", "card_details_request"),
])
def test_without_the_rewrite_these_restatements_were_silent(monkeypatch, text, code):
    # guards the tests above: the restatement is what makes the cue fire
    monkeypatch.setattr(normalize, "restate_listener_asks", lambda s: s)
    assert code not in _codes(text)


@pytest.mark.parametrize("text", [
    # advice repeated back, a refusal, an ordinary request for an ordinary detail
    "you want me to never share my pin got it",
    "so you are saying do not give anyone the code",
    "you are saying i should never read the code to anyone",
    "you need my appointment time for friday",
    "you want me to bring my id card to the branch",
    "you are asking me to call the number on the back of my card",
    "so you are from the pharmacy and my prescription is ready",
    "matlab mujhe kisi ko otp nahi batana hai",
    "you want my feedback on the delivery okay five stars",
])
def test_restated_advice_and_ordinary_asks_stay_quiet(text):
    ups = _feed([text])
    assert not any(u.should_alert for u in ups), text


SCAM_BAIT_CALLS = [
    # the victim talks most and repeats each ask as a question
    ["hello yes this is she", "so you are from the social security office and my number was used in texas",
     "and you need my social security number and my date of birth to stop the suspension",
     "okay and then i have to buy the cards at the store is that what you said"],
    ["oh a refund okay", "so you want my bank account number and my routing number to put the refund in",
     "and you need my online banking password too hold on let me get my glasses"],
    ["haan ji boliye", "aap keh rahe ho ki aap bank se bol rahe ho", "aur aap keh rahe ho ki mujhe otp batana hai",
     "jo abhi sms pe aaya hai ruko dekhti hoon"],
]

GENUINE_CALLS = [
    ["hi mom", "so you are saying i should never give the bank my pin on the phone got it",
     "and if they call i hang up and call the number on the card okay love you"],
    ["yes this is he", "so you need my date of birth to find the appointment okay it is march third",
     "and you are from the dental office great see you thursday"],
    ["haan bhaiya", "matlab mujhe kisi ko bhi otp nahi batana hai chahe bank wala bole",
     "theek hai samajh gaya"],
]


@pytest.mark.parametrize("segments", SCAM_BAIT_CALLS)
def test_scam_bait_calls_alert(segments):
    assert any(u.should_alert for u in _feed(segments)), segments


@pytest.mark.parametrize("segments", GENUINE_CALLS)
def test_genuine_restatements_never_alert(segments):
    assert not any(u.should_alert for u in _feed(segments)), segments


def test_normalize_applies_the_rewrite():
    assert "i need your medicare number" in normalize_transcript("So you need my Medicare number?")
