"""General patterns behind the misses of the blind7 first read (issue #5), as invented table rows.

None of these rows is a hold-out call: each cue phrasing, near miss and call below is written in other words than
the ``blind7`` split, so a fix is checked on the pattern, not on one example. Calls are fed segment by segment as a
live recogniser delivers them (final segments, no speaker tags). Scam calls must alert at some segment; genuine
calls must never alert.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer
from scamshield.engine.conversation.context import is_negated

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs


def _feed(segments):
    state = CallState()
    return [PRODUCT.feed(state, Segment(s)) for s in segments]


def _codes(text):
    return {s.code for s in _feed([text])[-1].assessment.signals if s.weight > 0}


@pytest.mark.parametrize("text, code", [
    # a gift card's numbers relayed to the caller (no "buy" verb needed)
    ("grab two apple gift cards at the pharmacy and read me the numbers", "gift_card_payment"),
    ("once you have the gift cards call us back with the card numbers", "gift_card_payment"),
    # an organisation that takes payment only through an untraceable channel
    ("the balance must be cleared and we accept payment through venmo only", "crypto_wire_payment"),
    ("sir our office only accepts bitcoin for this fine", "crypto_wire_payment"),
    ("send the 400 on zelle right away", "crypto_wire_payment"),
    # a disconnection on its way, with a time limit
    ("our crew is parked outside and will shut off your gas within the next thirty minutes", "utility_disconnection"),
    ("the lineman is coming to cut your electricity in one hour", "utility_disconnection"),
    ("sir aapka meter kaat diya jayega", "utility_disconnection"),
    ("madam aapki bijli supply aaj kategi", "utility_disconnection"),
    # Hindi: talk to the officer, update the bill
    ("turant hamare adhikari se baat kijiye", "utility_bill_demand"),
    ("aaj hi bill update karwa lijiye", "utility_bill_demand"),
    # Hindi fee wording
    ("inaam lene ke liye processing ka fee paanch hazaar dena padega", "fee_to_release"),
    ("paise withdraw karne ke liye pehle tds charge bharna hoga", "fee_to_release"),
    # Hindi secrecy with the verb before the negation
    ("is baare mein ghar walon ko bataana mat", "secrecy_demand"),
    # a relative's signal, a quick-profit brag on a platform, a starting deposit, the ladder of returns
    ("my cousin sends us a buy signal every evening and we all profit", "investment_lure"),
    ("last week i earned about 3000 usd in three days on that exchange", "investment_lure"),
    ("just top up 200 usd to get started", "fee_to_release"),
    ("the more you deposit the more commission you receive", "fee_to_release"),
    ("you do one merchant task worth 5000 and get your salary", "fee_to_release"),
    ("you put 2000 and you get back 2600 the same day", "fee_to_release"),
    # the relative held by police; bail asked
    ("nana please help the cops arrested me outside the club", "family_emergency_story"),
    ("the judge says you have to pay his bail before five", "bail_payment"),
    ("we need 1500 for the bail money tonight", "bail_payment"),
    ("an officer will come to your home to collect the cash", "crypto_wire_payment"),
    # medicare / charity claims
    ("i am calling on behalf of your medicare benefits office", "caller_claims_government"),
    ("hi this is tom with the flood relief fund", "caller_claims_charity"),
    # the Hindi apk sent by the caller with a payment in it
    ("main jo app bhej raha hoon usme apna card daal ke payment kijiye", "remote_app_install"),
])
def test_blind7_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    # gift cards given as presents, codes sent to the recipient, not to the caller
    ("i got you an amazon gift card for your birthday i will text you the code", "gift_card_payment"),
    # a business that takes several ordinary methods; a friend paying back
    ("we take card cash or zelle whatever is easier", "crypto_wire_payment"),
    ("yes we accept venmo and all major cards at the front desk", "crypto_wire_payment"),
    ("i will pay you back on venmo tonight", "crypto_wire_payment"),
    ("can you send him back the bitcoin he lent you", "crypto_wire_payment"),
    # a planned job, no time limit; a call that dropped
    ("the engineer will turn off the water supply while he replaces the valve", "utility_disconnection"),
    ("sorry aapka connection kat gaya tha network weak hai", "utility_disconnection"),
    # a seller's earnings; a pension adviser; a police statement
    ("i made 500 in two days on the app selling old clothes", "investment_lure"),
    ("the more you put in your pension the more you get later", "fee_to_release"),
    ("after the crash the police took me to the station to give a statement", "family_emergency_story"),
    ("the judge set bail at ten thousand in that case on the news", "bail_payment"),
    # a parcel return pick-up
    ("the courier will come to your house to collect the return parcel", "crypto_wire_payment"),
])
def test_blind7_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


def test_hindi_otherwise_is_not_a_negator():
    # "nahi to" is "otherwise": the threat after it (and the ask before it) keep their weight
    w = "sir abhi bill bhariye nahi to aapka connection kaat diya jayega"
    s = w.index("aapka connection")
    assert not is_negated(w, s, len(w))
    w2 = "jo app bhejenge usme payment kar dijiye nahi to light chali jayegi"
    assert not is_negated(w2, 0, w2.index(" kar dijiye"))
    # a plain "nahi" still negates
    w3 = "hum aapka connection kaat nahi denge"
    assert is_negated(w3, w3.index("aapka"), w3.index(" nahi"))


CALLS = [
    ("scam-gas-zelle-crew", True, [
        "good morning this is the shutoff unit of your gas company your account shows an overdue balance",
        "our crew is at the corner and will shut off your gas in the next twenty minutes",
        "to stop it pay 312 dollars now we accept zelle or cash app only"]),
    ("scam-bijli-nahi-to", True, [
        "namaste main electricity board se bol raha hoon aapka pichla bill pending hai",
        "abhi hamare adhikari se baat kijiye nahi to aaj raat aapki light kaat di jayegi"]),
    ("scam-flood-relief-gift-cards", True, [
        "hello i am calling for the flood relief fund the families there have lost everything",
        "could you help with a hundred dollars today the quickest way is two steam cards",
        "pick them up at any store and text me the codes on the back"]),
    ("scam-lottery-hinglish-fee", True, [
        "hello aapka number mega lucky draw mein chuna gaya hai aapne pachas lakh jeete hain",
        "prize release karne ke liye registration ki fee das hazaar dena hoga",
        "aur ye baat kisi ko batana mat"]),
    ("scam-cousin-held-bail", True, [
        "auntie its me i am in trouble please do not tell uncle",
        "the cops arrested me after a fight i need 900 for the bail tonight",
        "a man from the court will come to your house to collect the cash"]),
    ("gen-plumber-zelle", False, [
        "hi its dan the plumber the job is done the invoice is 240",
        "you can pay by card or zelle whatever is easy no rush this week is fine"]),
    ("gen-water-works-notice", False, [
        "this is the city water department the crew will turn off the water on your street",
        "for pipe repairs between nine am and noon tomorrow we apologise for the inconvenience"]),
    ("gen-charity-phone-appeal", False, [
        "hi this is anna from the childrens cancer foundation thank you for your gift last year",
        "would you like to give again you can donate on our website or by post whenever you like"]),
    ("gen-son-minor-accident", False, [
        "mum dont worry i am fine i was in a small car accident this morning",
        "the police came and took a report the other driver was nice the insurance will pay"]),
    ("gen-friend-gift-card-birthday", False, [
        "hey happy birthday i got you an amazon gift card",
        "i will text you the code tonight hope you buy something nice"]),
    ("gen-hinglish-nahi-to-family", False, [
        "beta jaldi ghar aa jana nahi to khana thanda ho jayega",
        "aur papa ko bolna bill bhar dein kal last date hai"]),
]


@pytest.mark.parametrize("cid, alerts, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind7_calls(cid, alerts, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is alerts, trace
