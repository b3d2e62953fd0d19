"""General patterns behind the misses of the blind17 first read (issue #5), as invented table rows.

blind17 was read once and reported (F1 0.75, recall 0.6, FPR 0); these fixes came after, so blind17 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind17`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed
from scamshield.engine.conversation.normalize import normalize_transcript


@pytest.mark.parametrize("text, joined", [
    ("open r u s t d e s k please", "rustdesk"),
    ("install t e a m v i e w e r", "teamviewer"),
    ("the o t p", "otp"),
])
def test_spelled_product_names_joined(text, joined):
    assert joined in normalize_transcript(text).split()


def test_spelled_ordinary_letters_stay():
    assert normalize_transcript("i a m here") == "i a m here"


@pytest.mark.parametrize("text, code", [
    ("we see suspicious traffic coming from your wifi router", "device_infected_claim"),
    ("you qualify for a zero dollar health plan with a flex card", "benefit_enrollment_lure"),
    ("you also get a grocery card for food every month", "benefit_enrollment_lure"),
    ("i will mail you a money order for more than the asking price", "overpayment_return"),
    ("then wire back the difference to my mover", "crypto_wire_payment"),
    ("main qr code bhejta hoon usme phonepe kar dijiye", "pay_to_number"),
])
def test_blind17_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    ("the router light is blinking again", "device_infected_claim"),
    ("the plan costs 40 dollars a month", "benefit_enrollment_lure"),
    ("the cheque for the deposit cleared yesterday", "overpayment_return"),
    ("i paid the difference at the counter", "crypto_wire_payment"),
])
def test_blind17_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-isp-router-spelled-app", True, [
        "hello this is the broadband provider we see malicious activity from your router",
        "someone may be in your bank account please go to t e a m v i e w e r dot com",
        "and download it so i can check your computer"]),
    ("scam-car-overpayment", True, [
        "hi i want your motorbike but i am working abroad",
        "i will send a cashier's check for more than the price",
        "then you wire back the extra to my shipping agent"]),
    ("gen-car-buyer", False, [
        "hi is the motorbike still for sale i would like to see it on sunday",
        "if it runs well i will pay by bank transfer at your bank"]),
    ("gen-marketplace-agent", False, [
        "hello this is a licensed agent returning your call about your health plan application",
        "you can compare the plans on the website or i can go through them now"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind17_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
