"""General patterns behind the misses of the blind14 first read (issue #5), as invented table rows.

blind14 was read once and reported (F1 0.571, recall 0.4, FPR 0); these fixes came after, so blind14 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind14`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    # a relative's accident abroad and a payment the police demand
    ("nana i crashed the car in spain and they say i need to pay for the damage", "family_emergency_story"),
    ("the officer told me i have to pay before i can go", "family_emergency_story"),
    # an SMS forwarded to a short number; a SIM "upgrade"
    ("ek message aayega woh 1 9 pe forward kar do", "otp_request"),
    ("just forward the text you get to this number", "otp_request"),
    ("your sim needs an esim upgrade today", "kyc_expired"),
    # job fees paid first, refunded with the first pay
    ("you need to pay for the equipment which is 150", "fee_to_release"),
    ("it is reimbursed with your first paycheck", "fee_to_release"),
    ("congratulations you were selected for the online data entry position", "job_task_offer"),
    # quick-profit brags, arbitrage, a contact met on "the app"
    ("on this trading platform i earned almost 6000 in three weeks", "investment_lure"),
    ("it is a crypto arbitrage platform my cousin uses", "investment_lure"),
    ("we chatted for a while on that app remember", "romance_contact_claim"),
    # the power cut within the hour; Zelle / Cash App as the way to pay
    ("we will shut off the electricity at the property within the hour", "utility_disconnection"),
    ("you can settle it with a cash app payment to our agent", "crypto_wire_payment"),
    ("i am paying the fee by zelle now", "crypto_wire_payment"),
    # taxes first, prepaid cards
    ("you only have to cover the shipping upfront", "fee_to_release"),
    ("load the amount onto a vanilla visa card", "gift_card_payment"),
])
def test_blind14_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    # an accident with no money asked
    ("i had a small accident with the bike but i am fine", "family_emergency_story"),
    # a forwarded email at work; a SIM that works
    ("can you forward the email to the team", "otp_request"),
    # a planned cut with its window is not a disconnection threat read here
    ("the water supply will be back tomorrow", "utility_disconnection"),
    # a friend paid back by zelle
    ("i will zelle you for the pizza", "crypto_wire_payment"),
    # a savings rate over a year
    ("my savings earned 200 in interest last year", "investment_lure"),
    ("i earned 300 in two weeks babysitting", "investment_lure"),
])
def test_blind14_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-grandson-accident-abroad", True, [
        "hi grandpa it is me your grandson i got into a car accident in cancun",
        "the police say i have to pay for the damage or i go to jail",
        "please do not tell mom my lawyer will call you"]),
    ("scam-utility-crew-cashapp", True, [
        "this is the electric company billing department you have two missed payments",
        "we will cut the power at your home in the next hour",
        "to stop it pay 380 dollars with a cash app payment to our agent now"]),
    ("scam-prize-taxes-prepaid", True, [
        "congratulations you won the grand prize of a new car",
        "you just have to pay the taxes first 700 dollars on a green dot card"]),
    ("gen-utility-maintenance", False, [
        "this is the electric company planned maintenance will interrupt power on monday from nine to noon",
        "crews will work on the lines no action is needed"]),
    ("gen-grandson-late", False, [
        "grandma it is me we are stuck in traffic",
        "we will be there by seven do not wait for us for dinner"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind14_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace


def _signals_for(hits, model_weight):
    from scamshield.engine.conversation.cues import load_cues
    from scamshield.engine.conversation.scoring import signals_for

    by_code = {c.code: c for c in load_cues()}
    model = {"code": "ml_transcript", "weight": model_weight, "message": "model", "evidence": {}, "fraud_type": None}
    return {s.code: s.weight for s in signals_for(hits, model, by_code)}


@pytest.mark.parametrize("hits, model_weight, expected", [
    # the model at its maximum and a fee asked: two independent signs
    ({"fee_to_release": [1, 1.0, "pay the fee"]}, 25.0, True),
    ({"otp_request": [1, 1.0, "read me the code"]}, 24.5, True),
    # the model unsure; a soft detail asked; the ask only in a warning
    ({"fee_to_release": [1, 1.0, "pay the fee"]}, 15.0, False),
    ({"personal_details_request": [1, 1.0, "your date of birth"]}, 25.0, False),
    ({"bank_details_request": [1, 1.0, "your account number"]}, 25.0, False),
    ({"fee_to_release": [1, 0.25, "pay the fee"]}, 25.0, False),
])
def test_model_and_ask_pattern(hits, model_weight, expected):
    sig = _signals_for(hits, model_weight)
    assert ("model_and_ask_pattern" in sig) is expected, sig
