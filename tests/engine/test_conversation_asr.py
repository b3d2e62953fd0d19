"""Live-call detector on speech-to-text output: no speaker tags, no punctuation, mis-heard words, spoken numbers.

Every case is written by hand for this file (none is taken from a dataset or from the hold-out CSV). Calls are fed
as an ASR stream would deliver them: 12-word final segments, no speaker.
"""

from __future__ import annotations

import time

import pytest

from scamshield.engine.conversation import (
    CallState,
    ConversationDetector,
    Segment,
    analyze_transcript,
    conservative_model_scorer,
    normalize_transcript,
)


PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs


def stream(text: str, detector: ConversationDetector | None = None, words: int = 12):
    det = detector or PRODUCT
    state = CallState()
    toks = text.split()
    first_alert = None
    update = None
    for i in range(0, len(toks), words):
        update = det.feed(state, Segment(" ".join(toks[i:i + words])))
        if update.should_alert and first_alert is None:
            first_alert = min(1.0, (i + words) / len(toks))
    assert update is not None
    return update, first_alert, state


def codes(update) -> dict[str, float]:
    return {s.code: s.weight for s in update.assessment.signals}


# --------------------------------------------------------------------------------------------------------------
# normalisation of recogniser output
# --------------------------------------------------------------------------------------------------------------

NORMALISE = [
    ("call us back at eight eight eight four one two double seven zero nine", "call us back at 8884127709"),
    ("dial 1-855-301-4422 right away", "dial 18553014422 right away"),
    ("press one to speak with an agent", "press one to speak with an agent"),  # a lone digit word stays a word
    ("one two three", "one two three"),  # three digit words are not a number
    ("pay it with gift carts from the store", "pay it with gift cards from the store"),
    ("you number has been suspend it by the social secure it ad ministration",
     "you number has been suspended by the social security administration"),
    ("go to and he desk dot com", "go to anydesk dot com"),
    ("install the team viewers app", "install the teamviewer app"),
    ("open anydask on your laptop", "open anydesk on your laptop"),  # near-miss of a product name
    ("my i cloud is locked", "my icloud is locked"),
    ("read me the oh tee pee", "read me the otp"),
    ("your k y see is pending", "your kyc is pending"),
    ("the medicine and the medical bill", "the medicine and the medical bill"),  # no fuzzy false friends
    ("a warrant for your arrest", "a warrant for your arrest"),  # "warrant" is not "warranty"
    ("a charge of four hundred and ninety nine dollars", "a charge of 499 dollars"),
    ("send twenty five lakh rupees", "send 2500000 rupees"),
    ("within twenty four hours", "within 24 hours"),
    ("one two three and four", "one two three and four"),  # a list, not a quantity
    ("press two for the nine digit code", "press two for the nine digit code"),
    ("the soshal security adminis tration", "the social security administration"),
    ("internal revenue surface", "internal revenue service"),
    ("police will come to a rest you", "police will come to arrest you"),
    ("errors from you're computer", "errors from your computer"),
    ("you're right about that", "you are right about that"),
    ("pay the g s t amount", "pay the gst amount"),
    ("your pen card is not linked", "your pan card is not linked"),
    ("a costumes officer and an arrest warren", "a customs officer and an arrest warrant"),
    ("the enforcement action by the u s treasury", "the enforcement action by the us treasury"),
    # hesitation sounds are dropped, so phrases and spoken numbers read the same without them
    ("your number is being uh suspended", "your number is being suspended"),
    ("call three two five um nine zero one four four three", "call 325901443"),
    ("a message from h m r c", "a message from hmrc"),
    ("the umbrella and the hummus", "the umbrella and the hummus"),  # words that start like a filler stay
]


@pytest.mark.parametrize("raw, expected", NORMALISE, ids=[r[:30] for r, _ in NORMALISE])
def test_normalise_asr(raw, expected):
    assert normalize_transcript(raw) == expected


# --------------------------------------------------------------------------------------------------------------
# whole calls, streamed without speaker tags
# --------------------------------------------------------------------------------------------------------------

SCAM_CALLS = [
    # (id, text) - voicemails and one-sided scam-bait calls as a recogniser writes them
    ("ssa_voicemail",
     "hello this message is from the social secure it ad ministration there is a legal case filed against your "
     "social security number for fraud and your number will be suspended today to speak with an officer press one "
     "now"),
    ("irs_callback",
     "um this is officer brown with the internal revenue service you owe back taxes of three thousand dollars and "
     "the case will go to the federal court tomorrow call us back at eight four four two zero one five five three "
     "six immediately"),
    ("warranty",
     "hi we have been trying to reach you about your vehicle warren tee this is your final notice press one to "
     "speak with a specialist before we close your file"),
    ("card_services",
     "this is cardholder services calling about your credit card you qualify to lower your interest rate to one "
     "percent but this offer expires today press one now"),
    ("benefits",
     "hello from the benefits department you are eligible for a free knee brace at no cost please have your "
     "medicare number ready and press one to confirm your eligibility today"),
    ("parcel_customs",
     "this is a message from the courier company your package is on hold at customs you need to pay the customs "
     "duty of two hundred dollars press one to speak with our agent"),
    ("grandchild_bail",
     "grandpa it is me i am in trouble i got arrested after an accident and i need money for bail please do not "
     "tell mom my lawyer will call you"),
    ("tech_bait_noisy",
     "okay so your computer is sending error messages and it has been infected by hackers now go to and he desk "
     "dot com and read me the nine digit code on your screen so i can fix it"),
    ("gift_card_bait",
     "ma'am go to the gift card section and take three cards of google play five hundred each then scratch the "
     "back and read me the claim code do not tell the cashier what it is for"),
    ("otp_bait",
     "sir i am calling from the card department your card is blocked you will receive a oh tee pee now just read "
     "that code to me quickly"),
]

LEGIT_CALLS = [
    ("bank_fraud_alert",
     "hello this is the fraud team at your credit union we saw a purchase of forty dollars at a grocery store on "
     "your debit card if this was you press one if not press two we will never ask for your pin or a one time code "
     "on this call"),
    ("pharmacy",
     "hi this is the pharmacy at the corner of fifth and main your prescription is ready for pickup call us at five "
     "five five two zero one nine nine eight zero with questions"),
    ("dentist",
     "this is a reminder from the dental clinic about your cleaning on tuesday at nine press one to confirm or "
     "call the office to reschedule"),
    ("school",
     "good morning parents due to the power outage the middle school will be closed today classes resume "
     "tomorrow at the usual time"),
    ("delivery_driver",
     "hey this is the driver with your grocery order i am at the front gate but it is locked can you come down "
     "or tell me the gate code"),
    ("found_wallet",
     "hello this is officer king from the city police department someone turned in your wallet you can pick it up "
     "at the front desk with a photo id no charge"),
    ("family_money",
     "hi dad can you send me two hundred for the books i will pay you back next month okay i will transfer it "
     "tonight love you"),
    ("scam_advice",
     "if anybody calls you saying they are from the government and asks you to pay with gift cards just hang up "
     "and call me the real agencies will never ask for that"),
    ("real_support_refund",
     "thanks for calling the store this is ana i see your return was processed and the refund of sixty dollars "
     "went back to your card it takes five business days you do not need to do anything"),
]


@pytest.mark.parametrize("cid, text", SCAM_CALLS, ids=[c[0] for c in SCAM_CALLS])
def test_scam_calls_alert_without_tags(cid, text):
    update, first_alert, _ = stream(text)
    assert first_alert is not None, (cid, update.risk_score, codes(update))
    # every point is explained by a signal
    assert all(s.code and s.message for s in update.assessment.signals)


@pytest.mark.parametrize("cid, text", LEGIT_CALLS, ids=[c[0] for c in LEGIT_CALLS])
def test_legit_calls_do_not_alert(cid, text):
    update, first_alert, _ = stream(text)
    assert first_alert is None, (cid, update.risk_score, codes(update))


def test_rules_alone_carry_most_calls():
    """Without the learned model (capped at 25 points in the product) the cue rules still alert on most of these
    scam calls and on none of the legitimate ones: the model confirms rule evidence, it is not the detector."""
    rules = ConversationDetector()
    caught = [cid for cid, text in SCAM_CALLS if stream(text, rules)[1] is not None]
    assert len(caught) >= len(SCAM_CALLS) - 2, caught
    assert not [cid for cid, text in LEGIT_CALLS if stream(text, rules)[1] is not None]


# --------------------------------------------------------------------------------------------------------------
# reassurance, negation over "or", hang-up advice
# --------------------------------------------------------------------------------------------------------------

REASSURANCE = [
    # (text, reassurance weight expected: negative = applied, 0 = voided by a real ask)
    ("this is your bank calling about a card purchase we will never ask for your pin or password", "applied"),
    ("this is your bank please review the charge in the mobile app or call the number on the back of your card",
     "applied"),
    ("this is your bank we will never ask for your pin but for this reversal read me the code you received now",
     "voided"),
]


@pytest.mark.parametrize("text, outcome", REASSURANCE, ids=["never-pin", "back-of-card", "then-asks-code"])
def test_reassurance(text, outcome):
    update, _, _ = stream(text, words=40)
    sig = next(s for s in update.assessment.signals if s.code == "legit_reassurance")
    if outcome == "applied":
        assert sig.weight < 0
    else:
        assert sig.weight == 0 and "otp_request" in sig.evidence["voided_by"]
        assert update.risk_score >= 50


NEGATION = [
    ("the tax office will never threaten you or ask for payment in gift cards", "gift_card_payment", False),
    ("do not hang up or you will be arrested today", "legal_threat", True),
    ("never share the code or give it to anyone", "otp_request", False),
    ("pay the fee with gift cards or else your account is closed", "gift_card_payment", True),
]


@pytest.mark.parametrize("text, code, present", NEGATION, ids=[n[1] + ("+" if n[2] else "-") for n in NEGATION])
def test_negation_carries_over_or_plus_verb(text, code, present):
    update, _, _ = stream(text, words=40)
    assert (codes(update).get(code, 0) > 0) is present, codes(update)


def test_hang_up_advice_is_warning_context_but_do_not_hang_up_is_not():
    advice, _, _ = stream("if they want you to buy gift cards just hang up and call me", words=40)
    gc = next(s for s in advice.assessment.signals if s.code == "gift_card_payment")
    assert gc.evidence.get("context") == "warning"
    scam, _, _ = stream("buy the gift cards now and do not hang up the phone", words=40)
    gc = next(s for s in scam.assessment.signals if s.code == "gift_card_payment")
    assert "context" not in gc.evidence


# --------------------------------------------------------------------------------------------------------------
# batch path and cost
# --------------------------------------------------------------------------------------------------------------

def test_analyze_transcript_on_an_unpunctuated_monologue():
    text = SCAM_CALLS[0][1] + " " + SCAM_CALLS[1][1]
    r = analyze_transcript(text)
    assert r.utterances >= 4 and not r.is_safe and r.alert_at_fraction is not None
    assert r.fraud_type == "GOVERNMENT_IMPERSONATION"


def test_segment_cost_stays_in_budget():
    """A long untagged call: every 12-word segment well under the 20 ms budget (CPU time, generous margin)."""
    det = ConversationDetector(model_scorer=conservative_model_scorer)
    text = " ".join(t for _, t in SCAM_CALLS + LEGIT_CALLS) * 2
    toks = text.split()
    state = CallState()
    costs = []
    for i in range(0, len(toks), 12):
        t0 = time.thread_time()
        det.feed(state, Segment(" ".join(toks[i:i + 12])))
        costs.append(time.thread_time() - t0)
    costs.sort()
    assert costs[len(costs) // 2] < 0.010 and costs[-1] < 0.100, (costs[len(costs) // 2], costs[-1])
