"""General patterns behind the misses of the blind18 first read (issue #5), as invented table rows.

blind18 was read once and reported (F1 0.667, recall 0.5, FPR 0); these fixes came after, so blind18 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind18`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    ("your salary payment was returned by the bank", "account_block_threat"),
    ("i have to pay a fine before i can leave the country", "family_emergency_story"),
    ("please do not ring dad about this", "secrecy_demand"),
    ("warna aaj se bijli band", "utility_disconnection"),
    ("a shut off order has been issued for your address", "utility_disconnection"),
    ("do hazaar rupaye abhi jama karne honge", "fee_to_release"),
    ("there is an appraisal fee of 350", "fee_to_release"),
    ("an investor wants to buy your timeshare for cash", "cash_buyer_lure"),
    ("load 200 on a green dot prepaid card", "gift_card_payment"),
])
def test_blind18_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    ("your salary will be paid on friday", "account_block_threat"),
    ("i paid the parking fine online yesterday", "family_emergency_story"),
    ("bijli kal subah das baje tak band rahegi maintenance ke liye", "fee_to_release"),
    ("we want to buy a house next year", "cash_buyer_lure"),
])
def test_blind18_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-granddaughter-fine-moneygram", True, [
        "grandma it is me they kept my passport at the airport",
        "i have to pay a fine before i can fly home please send it by moneygram",
        "and please do not call dad"]),
    ("scam-timeshare-buyer-fee", True, [
        "hello we have an investor who wants to buy your timeshare for cash above market",
        "there is only a closing fee of 600 dollars you pay to the escrow company first"]),
    ("gen-payroll-portal", False, [
        "hello this is payroll your pay slip for march is in the employee portal",
        "no action is needed"]),
    ("gen-title-company", False, [
        "hi this is the title company your closing is on friday at ten",
        "bring your photo id we never change wire instructions by phone"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind18_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
