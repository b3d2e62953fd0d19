"""Call findings 6 and 7 of the R5 adversarial review (issue #5), as streamed table rows.

6. The fraud-check reassurance ("did you make a purchase of ... on your card ending in 4211", -15) fired on impostor
   robocalls: it is voided once the call has what a bank's own check never has (stay on the line to be transferred,
   press 1 to speak to an agent / to cancel, a number to call back, a refund offered, a merchant or tech company
   claiming the call).
7. A virtual kidnapping whose threat has a condition ("if you call the police or hang up you will never see her
   again") and a wired sum gave no alert: the threat now reads through its condition, the threat's own "never ... see
   her again" no longer negates the next clause, and a sum demanded while a relative is held is an ask.

Each finding: the reviewer's wording, invented variants and near misses. Calls are fed segment by segment (final
segments, no speaker tags); scam rows must alert at some segment, genuine rows must never alert.
"""

from __future__ import annotations

import random

import pytest

from scamshield.engine.conversation import CallState, Segment, _default_detector
from scamshield.engine.conversation.context import in_warning_context, is_negated
from scamshield.engine.conversation.normalize import normalize_transcript
from scamshield.evaluation import asr_segments

DETECTOR = _default_detector()  # what the service and the evaluation scripts run


def _feed(segments):
    state = CallState()
    return [DETECTOR.feed(state, Segment(s)) for s in segments]


def _alerts(segments) -> bool:
    return any(u.should_alert for u in _feed(segments))


def _final(segments):
    return {s.code: s for s in _feed(segments)[-1].assessment.signals}


# (id, impostor, alerts, segments); alerts None: not asserted (the voided reassurance alone does not make these
# weak robocalls alert: no bank claim is recognised in one, the learned model reads the other as low risk)
FRAUD_CHECK_CALLS = [
    # the reviewer's impostor robocalls
    ("r5-bank-stay-on-line", True, True, [
        "this is your bank's fraud department",
        "did you make a purchase of 2000 dollars at walmart on your card ending in 4211",
        "if not stay on the line and we will transfer you to an agent"]),
    ("r5-amazon-press-1", True, True, [
        "this is amazon calling about your account",
        "did you make a purchase of an iphone 15 for 999 dollars on your card ending in 4211",
        "if you did not authorize this purchase press 1 to speak to our fraud department"]),
    ("r5-apple-call-back", True, True, [
        "this is apple support did you make a purchase of 600 dollars on your card ending in 4211",
        "if you did not make this purchase call us back at 1 800 555 0199"]),
    ("r5-visa-refund", True, True, [
        "this is visa card services did you make a purchase of 850 dollars at apple on your card ending in 4211",
        "press 1 to cancel the charge and receive your refund or press 2 if you made the purchase"]),
    ("r5-paypal-refund-agent", True, True, [
        "this is paypal your account was charged 499 dollars for bitcoin",
        "did you make a purchase of 499 dollars using card ending in 0013",
        "if not stay on the line to speak with a refund agent"]),
    # invented variants
    ("inv-credit-union-remain-on-line", True, None, [
        "hello this is the security team of your credit union",
        "did you authorize a transaction of 1250 dollars at costco with your debit card ending in 7781",
        "if this was not you please remain on the line and i will connect you to a specialist"]),
    ("inv-amazon-order-press-1-now", True, None, [
        "this is an important call from amazon",
        "did you place an order for a samsung tv for 1299 dollars on your visa ending in 3390",
        "press 1 now to cancel the order and speak to a representative"]),
    ("inv-apple-icloud-call-back", True, True, [
        "this message is from apple support regarding your icloud account",
        "did you make a purchase of 749 dollars on your card ending in 5521",
        "if you did not please call us back immediately at 1 888 404 7730"]),
    # genuine fraud checks of a bank (near misses: the same question and card digits, nothing an impostor adds)
    ("g-ivr-press-1-yes-2-no", False, False, [
        "this is wells fargo fraud prevention did you make a purchase of 89 dollars at amazon with your card ending "
        "in 5521",
        "press 1 for yes press 2 for no",
        "you can also hang up and call the number on the back of your card"]),
    ("g-ivr-reply-yes", False, False, [
        "hello this is bank of america calling to verify a transaction",
        "did you make a purchase of 40 dollars at shell on your card ending in 1234",
        "reply yes or hang up and call us at the number on your card"]),
    ("g-ivr-if-you-made", False, False, [
        "this is an automated call from chase fraud prevention about your card ending in 4211",
        "did you make a purchase of 212 dollars at target",
        "press 1 if you made this purchase press 2 if you did not",
        "we will never ask for your pin or password"]),
    ("g-credit-union-decline", False, False, [
        "hi this is the fraud team at your credit union calling about your debit card ending in 0417",
        "did you make a purchase of 530 dollars at an electronics store this morning",
        "if you did not we have already declined it and a new card will be mailed to you",
        "we will never ask for your pin or a code on this call"]),
]


@pytest.mark.parametrize("cid, impostor, alerts, segments", [c for c in FRAUD_CHECK_CALLS if c[2] is not None],
                         ids=[c[0] for c in FRAUD_CHECK_CALLS if c[2] is not None])
def test_fraud_check_calls(cid, impostor, alerts, segments):
    assert _alerts(segments) is alerts


@pytest.mark.parametrize("cid, impostor, alerts, segments", FRAUD_CHECK_CALLS, ids=[c[0] for c in FRAUD_CHECK_CALLS])
def test_fraud_check_reassurance_only_without_impostor_markers(cid, impostor, alerts, segments):
    sig = _final(segments).get("fraud_check_question")
    assert sig is not None  # every row asks the fraud-check question
    if impostor:
        assert sig.weight == 0 and sig.evidence.get("voided_by")
    else:
        assert sig.weight < 0 and "voided_by" not in sig.evidence


# (id, alerts, segments)
KIDNAP_CALLS = [
    # the reviewer's wording
    ("r5-kidnap-police-or-hang-up", True, [
        "we have your daughter",
        "if you call the police or hang up you will never see her again",
        "wire 3000 dollars now"]),
    ("r5-kidnap-police", True, [
        "we have your daughter", "if you call the police you will never see her again", "wire 3000 dollars now"]),
    ("r5-kidnap-no-condition", True, ["we have your daughter", "you will never see her again", "wire 3000 dollars now"]),
    ("r5-kidnap-punctuated", True, [
        "We have your daughter. If you call the police, or hang up, you will never see her again. Wire $3000 now."]),
    ("r5-kidnap-son-zelle", True, [
        "we have your son he is with us",
        "if you call the police or hang up he will be hurt",
        "send 5000 dollars by zelle right now"]),
    # invented variants
    ("inv-kidnap-tell-anyone-killed", True, [
        "listen carefully we have your son",
        "if you tell anyone or go to the police he will be killed",
        "send 5000 dollars right now"]),
    ("inv-kidnap-report-alive", True, [
        "i am holding your wife",
        "if you report this to anyone you will not see her alive again",
        "transfer 10000 dollars to the account i give you"]),
    ("inv-kidnap-bring-cash", True, [
        "we grabbed your grandson outside his school",
        "if you hang up we will hurt him",
        "bring the money in cash to the station in one hour"]),
    # near misses: advice to call the police, a relative's own ask, a retold kidnap call
    ("g-advice-hang-up-call-police", False, [
        "hi mom this is officer lee from the community police unit",
        "there have been calls where a man says we have your daughter and asks you to wire money",
        "if anyone calls asking for money hang up and call the police",
        "then call your daughter directly to check that she is safe"]),
    ("g-grandson-books", False, [
        "hi grandma it is me can you send 300 dollars for my books",
        "if you call mom she will tell you the same"]),
    ("g-feelings-hurt", False, [
        "hi grandma it is me", "if you tell dad about the car he will be hurt", "can you send me 200 dollars for it"]),
    ("g-front-desk-help", False, [
        "hello this is the hotel", "if you call the front desk they will be happy to help",
        "the deposit of 200 dollars is paid at check in"]),
    ("g-retold-kidnap-call", False, [
        "mom a man called me saying we have your daughter and if you call the police you will never see her again",
        "he wanted me to wire 3000 dollars but i called her school and she was fine",
        "if anyone calls asking for money hang up and call the police"]),
    ("g-camp-fee", False, [
        "hello this is the summer camp office your daughter is having a great time",
        "if you call the front desk they will put you through to her",
        "please send the 200 dollars activity fee by friday"]),
]


@pytest.mark.parametrize("cid, alerts, segments", KIDNAP_CALLS, ids=[c[0] for c in KIDNAP_CALLS])
def test_kidnap_calls(cid, alerts, segments):
    assert _alerts(segments) is alerts


@pytest.mark.parametrize("text", [
    "we have your daughter\nif you call the police or hang up you will never see her again\nwire 3000 dollars now",
    "we have your son he is with us\nif you call the police or hang up he will be hurt\n"
    "send 5000 dollars by zelle right now",
])
def test_kidnap_calls_as_the_reviewer_fed_them(text):
    # the reviewer's feed: asr_segments with seed 7, as scripts/transcript_robustness_eval.py does
    assert _alerts(asr_segments(text, random.Random(7)))


def test_sum_demanded_counts_only_while_a_relative_is_held():
    sig = _final(["we have your daughter", "if you hang up you will never see her again", "send 3000 dollars now"])
    assert sig["ransom_amount_demand"].weight > 0
    assert "ransom_amount_demand" not in _final(["hi grandpa can you send 3000 dollars now for the rent"])


@pytest.mark.parametrize("text, phrase, negated", [
    # a threat's own "never / not ... see her again / alive" ends there: the next clause's ask is not negated
    ("you will never see her again wire 3000 dollars now", "wire 3000 dollars", False),
    ("you will not see him alive again send 5000 dollars", "send 5000 dollars", False),
    # near misses: a real negation of the ask itself stays a negation
    ("we will never ask you to wire 3000 dollars", "wire 3000 dollars", True),
    ("please do not send 5000 dollars to anyone", "send 5000 dollars", True),
])
def test_threat_idiom_does_not_negate_the_next_clause(text, phrase, negated):
    w = normalize_transcript(text)
    p = normalize_transcript(phrase)
    s = w.index(p)
    assert is_negated(w, s, s + len(p)) is negated


@pytest.mark.parametrize("text, phrase, warning", [
    # a threat's condition is not advice
    ("if you report this to the police we will hurt her", "we will hurt her", False),
    ("if you call the police or hang up you will never see her again", "you will never see her again", False),
    # genuine advice stays advice
    ("if anyone calls asking for money just hang up and report it to the police wire 3000 dollars", "wire 3000 dollars",
     True),
    ("a man said we have your daughter and wanted me to wire 3000 dollars", "wire 3000 dollars", True),
    ("a man called me saying we have your daughter", "we have your daughter", True),
    # near miss: the caller's own "this man called your son" story is no retelling frame
    ("this man called your son and we have your son now", "we have your son", False),
])
def test_threat_condition_is_not_a_warning_frame(text, phrase, warning):
    w = normalize_transcript(text)
    p = normalize_transcript(phrase)
    s = w.index(p)
    assert in_warning_context(w, s, s + len(p)) is warning
