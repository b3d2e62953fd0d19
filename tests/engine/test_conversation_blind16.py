"""General patterns behind the misses of the blind16 first read (issue #5), as invented table rows.

blind16 was read once and reported (F1 0.824, recall 0.7, FPR 0); these fixes came after, so blind16 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind16`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    ("your registration was flagged for suspension this morning", "id_document_threat"),
    ("this is the county tax collector office", "caller_claims_government"),
    ("i am calling from the department of motor vehicles", "caller_claims_government"),
    ("you have unpaid toll violations on your plate", "tax_debt_claim"),
    ("otherwise a lien will be placed on the house", "legal_threat"),
    ("your car can be seized by the county", "legal_threat"),
    ("could you help me out with 1500 for the ticket i will pay you back", "loan_request_from_contact"),
    ("my cards are blocked because i am overseas", "new_phone_claim"),
    ("it is me from the oil rig darling", "romance_contact_claim"),
])
def test_blind16_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    ("your road test is on thursday bring your licence", "id_document_threat"),
    ("the property tax instalment is due in april", "tax_debt_claim"),
    ("the lien on the car was released when you paid off the loan", "legal_threat"),
    ("can you help me move the sofa on saturday", "loan_request_from_contact"),
    ("my card is blocked so i will pay cash at the shop", "new_phone_claim"),
])
def test_blind16_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-toll-dmv-link", True, [
        "this is the toll authority your licence has been flagged for suspension",
        "because of unpaid toll violations pay 48 dollars today or a lien will be placed",
        "we accept payment by wire or a prepaid card"]),
    ("scam-rig-romance-money", True, [
        "hello sweetheart it is me from the oil platform the line is bad",
        "my account is frozen because i am offshore",
        "can you help me with 1800 for the flight home i will pay you back when i land"]),
    ("gen-tax-instalment", False, [
        "this is the county treasurer office reminder the property tax instalment is due on the tenth",
        "you can pay online on the county website or at the office"]),
    ("gen-dmv-road-test", False, [
        "hi this is the dmv your road test is booked for monday at ten",
        "bring your permit and a licensed driver"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind16_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
