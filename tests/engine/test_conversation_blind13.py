"""General patterns behind the misses of the blind13 first read (issue #5), as invented table rows.

blind13 was read once and reported (F1 0.75, recall 0.6, FPR 0); these fixes came after, so blind13 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind13`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    # free tests and kits "covered by medicare"
    ("you qualify for a free dna test kit", "benefit_enrollment_lure"),
    ("medicare is now covering a cardio screening test for you", "benefit_enrollment_lure"),
    # loan-app shaming of the borrower to the contacts
    ("payment nahi kiya to aapke contacts ko aapki photos bhej denge", "sextortion_threat"),
    ("we will message everyone in your contacts that you are a thief", "sextortion_threat"),
    # paying "through this link" in Hindi
    ("abhi payment kijiye is link se", "pay_to_number"),
    # gift cards as the way to pay
    ("you can pay for it with itunes cards", "gift_card_payment"),
    # a pop-up that makes a noise
    ("a popup came on my laptop with a loud siren", "scareware_popup"),
    # a small deposit to earn more
    ("for level two you add a little money to unlock higher commission", "fee_to_release"),
])
def test_blind13_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    # a test the doctor ordered; photos shared with family by the listener
    ("the doctor ordered a blood test at the lab", "benefit_enrollment_lure"),
    ("i sent the wedding photos to the family group", "sextortion_threat"),
    # a gift card as a present
    ("she paid for dinner and gave me a gift card", "gift_card_payment"),
    # a pop-up blocker
    ("the pop up blocker is on in the browser", "scareware_popup"),
    # a savings deposit
    ("deposit your salary and earn interest in the savings account", "fee_to_release"),
])
def test_blind13_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-loan-app-contacts", True, [
        "hello aapne cash loan app se paise liye the aaj last date thi",
        "agar payment nahi hui to aapke relatives ko aapki photos bhej denge",
        "abhi payment karo is link se"]),
    ("scam-medicare-dna-kit", True, [
        "hi this is the senior wellness line medicare is now covering a free dna cancer screening kit",
        "to mail it today i just need your medicare number and date of birth"]),
    ("scam-bait-popup-cards", True, [
        "yes a pop up came with a horrible beeping noise and you are the microsoft people",
        "so the repair is 199 dollars and i pay it in google play cards from the shop"]),
    ("gen-lab-results", False, [
        "hello it is the clinic your blood test results came back normal",
        "no need to come in unless you have questions"]),
    ("gen-mother-gpay", False, [
        "beta doodh wala aaya hai mujhe 500 gpay kar do mere number pe",
        "shaam ko milte hain"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind13_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
