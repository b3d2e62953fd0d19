"""General patterns behind the misses of the blind12 first read (issue #5), as invented table rows.

blind12 was read once and reported (F1 0.571, recall 0.4, FPR 0); these fixes came after, so blind12 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind12`` split. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must alert at some
segment; genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed
from scamshield.engine.conversation.normalize import normalize_transcript


@pytest.mark.parametrize("text, code", [
    # gift cards wanted, their backs scratched, photos of the codes
    ("i need you to buy four steam cards of 100 and send the codes", "gift_card_payment"),
    ("scratch off the backs carefully", "gift_card_payment"),
    ("just whatsapp me pictures of the cards", "gift_card_payment"),
    # a wallet recovery phrase or private key
    ("to verify the wallet type your seed phrase in the chat", "seed_phrase_request"),
    ("please read me the 24 words you wrote down", "seed_phrase_request"),
    ("send me the private key of the wallet so i can secure it", "seed_phrase_request"),
    # admin / correction / unlock fees
    ("there is a one off admin fee of 30 dollars", "fee_to_release"),
    ("the correction fee must be paid today by bank transfer", "fee_to_release"),
    # payment that cannot be reversed; goods only after paying
    ("please send it as paypal friends and family to avoid the fees", "crypto_wire_payment"),
    ("i will email you the tickets once you pay", "unseen_goods_story"),
    ("transfer it now and i will ship the phone", "unseen_goods_story"),
    # compensation offered, pension released early, money moved offshore
    ("you could be entitled to 3000 in compensation", "refund_lure"),
    ("we can release your pension early as a lump sum", "investment_lure"),
    ("we move your savings to a trust based in malta", "third_party_payment_request"),
    # immigration enforcement, a deadline on a weekday
    ("this is the home office immigration enforcement team", "caller_claims_government"),
    ("the offer closes on thursday", "urgency_deadline"),
])
def test_blind12_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    # a gift card as a present
    ("i got her a gift card for her birthday", "gift_card_payment"),
    # a phrase that is not a wallet's
    ("what is the key phrase of the book", "seed_phrase_request"),
    # a shop's fee shown on the invoice; compensation from an airline you asked for
    ("the delivery fee is on the invoice", "fee_to_release"),
    ("your compensation claim for the delayed flight was approved", "refund_lure"),
    # a pension paid at retirement age; a local trust
    ("your pension starts paying next month", "investment_lure"),
    ("we are moving the money to a savings account at the same bank", "third_party_payment_request"),
    # a shop closes on friday
    ("the shop closes on friday at six", "urgency_deadline"),
])
def test_blind12_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


def test_stutter_collapsed_but_not_spoken_digits():
    assert normalize_transcript("move it to a fund in uh in cyprus") == "move it to a fund in cyprus"
    assert normalize_transcript("the the account") == "the account"
    assert normalize_transcript("dial one one two") == "dial one one two"


CALLS = [
    ("scam-boss-gift-cards", True, [
        "hey it's the director i am stuck at a conference can't talk long",
        "i need five google play cards of 100 for a client today",
        "scratch the backs and send me pictures of the codes please keep this quiet"]),
    ("scam-exchange-support-seed", True, [
        "hello this is the binance support team about your ticket",
        "someone logged into your account from abroad",
        "to move your coins to safety read me your recovery phrase"]),
    ("scam-claims-admin-fee", True, [
        "hello i am calling from the injury claims team about your accident last year",
        "you may be entitled to 5000 pounds in compensation",
        "we just need a small admin fee of 60 pounds to open the claim"]),
    ("scam-concert-tickets", True, [
        "hi yes i still have the two tickets for saturday",
        "i only take friends and family payments because of the fees",
        "pay now and i will send you the tickets right after"]),
    ("gen-hospital-balance", False, [
        "hello this is the billing office of the clinic about your visit",
        "there is a balance of 40 dollars after insurance you can pay it on the portal",
        "we never take payment by gift card or over the phone"]),
    ("gen-mechanic-deposit", False, [
        "hi it's the garage your brakes need new pads and discs",
        "it is 300 with labour we need a deposit of 50 for the parts",
        "pay at the counter when you drop the car off"]),
    ("gen-marketplace-cash", False, [
        "hi is the sofa still for sale",
        "can i come and look at it on sunday and i will pay cash when i collect it"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind12_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
