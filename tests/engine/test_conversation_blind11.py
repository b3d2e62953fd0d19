"""General patterns behind the misses of the blind11 first read (issue #5), as invented table rows.

blind11 was read once and reported (F1 0.667, recall 0.5, FPR 0); these fixes came after, so blind11 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind11`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    # Urdu / Hindi polite imperatives, "tell me" with the pronoun between
    ("jo code aap ko mila hai woh bata dein", "otp_request"),
    ("sms mein code aaya hoga mujhe batayen", "otp_request"),
    # Pakistani programmes and agencies
    ("main ehsaas program ki taraf se bol rahi hoon", "caller_claims_government"),
    ("this is an officer from the federal investigation agency", "caller_claims_law_enforcement"),
    # congratulations on a grant in your name
    ("mubarak ho aap ka number qurandazi mein nikla hai", "prize_claim"),
    # a payment that makes a warrant or a case go away
    ("pay it today so that the case gets closed", "legal_threat"),
    ("once you send the cards the arrest warrant will be cancelled", "legal_threat"),
    # a bait victim repeating the tax claim
    ("wait you are telling me i owe back taxes", "tax_debt_claim"),
    # money to a friend's, supplier's or custodian account
    ("put the money in my colleague's account he will pass it on", "third_party_payment_request"),
    ("the funds go into a segregated account until the bond is issued", "third_party_payment_request"),
    # an offer nearly full, a place reserved today
    ("the allocation is almost gone so i can only hold it for today", "urgency_deadline"),
    ("you should lock in your place now before the rate changes", "urgency_deadline"),
    # a fixed rate sold as guaranteed
    ("it pays 9 percent a year guaranteed", "investment_lure"),
    # guess-who openers
    ("hey guess who this is", "guess_who_opener"),
    ("you do not recognise my voice it is your old neighbour", "guess_who_opener"),
])
def test_blind11_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    # the code kept private; the code typed in yourself
    ("code kisi ko mat batayen", "otp_request"),
    # a case closed by the court, not by a payment
    ("the court closed the case last year", "legal_threat"),
    # the listener's own account, a friend's party
    ("i sent it to my own account", "third_party_payment_request"),
    ("we are going to my friend's party on friday", "third_party_payment_request"),
    # a table reserved at a restaurant; rates shown as illustrations
    ("i have reserved a table for eight", "urgency_deadline"),
    ("the projected returns are illustrations not guarantees", "investment_lure"),
    # somebody who does remember
    ("i remember you from school", "guess_who_opener"),
])
def test_blind11_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-urdu-grant-code", True, [
        "assalam o alaikum main ehsaas program se bol raha hoon",
        "mubarak ho aap ka naam imdad ki list mein aaya hai",
        "aap ke phone pe ek code aaya hoga woh mujhe bata dein"]),
    ("scam-custodian-bond", True, [
        "good morning i am calling from an investment house about the bonds you looked at",
        "we have a bond at 7 percent fixed and guaranteed the issue is nearly full",
        "you would send the funds to our custodian account today"]),
    ("scam-bait-victim-warrant-cards", True, [
        "hello oh the tax people again yes yes i am listening",
        "so you are saying i owe taxes and there is a warrant gosh",
        "and i buy the google play cards and give you the numbers so the warrant gets dropped"]),
    ("scam-guess-who-friend-account", True, [
        "hi guess who it is you do not remember me we were neighbours",
        "i need a small favour i must pay my supplier today and my card is blocked",
        "can you send 2000 to my business partner's account i will pay you back"]),
    ("gen-reunion-guess-who", False, [
        "hey guess who it is it's raj from college",
        "we are doing a reunion at the old canteen next month are you in"]),
    ("gen-adviser-bond", False, [
        "hello it is your financial adviser following up about the fixed rate bond",
        "the rates are shown in the report they are not guaranteed beyond the term",
        "have a look and we can talk at the next meeting no rush"]),
    ("gen-family-money-usual-number", False, [
        "baji ammi ki dawai ke liye paise chahiye",
        "meri purani number pe bhej dein shaam ko le aaunga"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind11_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
