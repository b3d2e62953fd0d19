"""Cue phrasings read after the blind34 first read: a warrant or summons filed in the listener's name, a regulator or the
government "releasing" money to a person (the policy-bonus lure), Indian police ranks spelled out and the police station
named in Hinglish ("main thana sadar se s h o bol raha hoon"). Each with near misses that must not fire.

Every phrase here is written by hand for this file (none is copied from the hold-out CSV).
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs


def stream(text: str, words: int = 12) -> list:
    state = CallState()
    toks = text.split()
    return [PRODUCT.feed(state, Segment(" ".join(toks[i:i + words]))) for i in range(0, len(toks), words)]


def full(updates, code: str) -> bool:
    return any(s.code == code and s.weight > 0 and "context" not in s.evidence for s in updates[-1].assessment.signals)


CUES = [
    # a warrant or summons filed in the listener's name
    ("a warrant has been lodged in your name by the federal police", "legal_threat", True),
    ("an arrest warrant was registered under your social security number", "legal_threat", True),
    ("the complaint you lodged has been registered and we will update you", "legal_threat", False),
    ("the warrant of fitness for your car was issued last week", "legal_threat", False),
    ("a case has been registered against your national insurance number for tax fraud", "legal_threat", True),
    ("the complaint you filed against your neighbour has been registered at the station", "legal_threat", False),
    # the regulator / government releasing money to a person, the amount "lapsing to the government"
    ("the irdai has released the funds for your policy bonus", "prize_claim", True),
    ("this amount will lapse to the government if not claimed", "prize_claim", True),
    ("the government has released the new guidelines on pensions", "prize_claim", False),
    ("your policy has matured please submit the discharge form at the branch", "prize_claim", False),
    # the police station and spelled ranks in Hinglish self-introductions
    ("main thana sadar se s h o bol raha hoon", "caller_claims_law_enforcement", True),
    ("main thane se constable yadav bol raha hoon aapki bike mil gayi hai", "caller_claims_law_enforcement", True),
    ("thana road pe hai meri dukaan aap aa jaiye", "caller_claims_law_enforcement", False),
]


@pytest.mark.parametrize("text, code, fires", CUES, ids=[c[0][:45] for c in CUES])
def test_cue_forms(text, code, fires):
    assert full(stream(text), code) is fires


def test_tax_robocall_with_a_lodged_warrant_alerts_in_its_first_half():
    updates = stream(
        "this is a message from the canada revenue agency a warrant has been lodged in your name for unpaid taxes "
        "to avoid arrest call back on the number given in this message before the end of the day this is your final "
        "notice")
    first = next(i for i, u in enumerate(updates) if u.should_alert)
    assert first + 1 <= len(updates) / 2, [u.risk_score for u in updates]


def test_genuine_tax_office_reminder_does_not_alert():
    updates = stream(
        "hello this is a message from the tax office your annual return for last year is due by the thirty first of "
        "july you can file it online through your account on the official website no payment is needed on this call")
    assert not any(u.should_alert for u in updates), [u.risk_score for u in updates]
