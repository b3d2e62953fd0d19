"""General patterns behind the misses of the blind19 first read (issue #5), as invented table rows.

blind19 was read once and reported (F1 0.824, recall 0.7, FPR 0); these fixes came after, so blind19 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind19`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    ("my aunt will post a cheque for the deposit plus some extra for the movers", "overpayment_return"),
    ("then send the extra to her removal company", "crypto_wire_payment"),
    ("i am unable to view the flat myself but my brother can pay", "unseen_goods_story"),
    ("please read me the singpass code on your phone", "otp_request"),
    ("this is the federal grants department calling", "caller_claims_government"),
    ("you are getting a government grant of 7000", "prize_claim"),
    ("the release charge with a steam card is fine", "gift_card_payment"),
])
def test_blind19_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    ("the cheque for the rent cleared", "overpayment_return"),
    ("keep the extra for yourself it is a tip", "crypto_wire_payment"),
    ("enter the singpass code in the app yourself", "otp_request"),
    ("she got a grant for her masters", "prize_claim"),
])
def test_blind19_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-room-overpayment-agent", True, [
        "hi i am calling about the room i am abroad so i cannot come to see it but i want it",
        "my uncle will send a cheque for two months plus some extra",
        "and you send the extra to his travel agent"]),
    ("scam-grant-gift-card", True, [
        "hello this is the government grants office you qualify for a grant of 8000",
        "there is a processing fee of 150 you pay with an apple card from the store"]),
    ("gen-room-viewing", False, [
        "hi i saw the room can i see it on tuesday evening",
        "i can pay the deposit by bank transfer when i sign"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind19_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
