"""R7 review (issue #5): an adversarial check of the call rules added in the blind29-blind31 rounds, both ways.

34 genuine calls written to trip those rules (a dealer's warranty renewal, a card issuer's retention and hardship
offers, a solar installer the user asked for, a physio's insurance-covered knee brace, an accountant on an IRS / HMRC
letter, a bank's own press-1 fraud check, a consumer podcast and a news report quoting robocall scripts, a grandchild
retelling a "cardholder services" call, planned utility maintenance, a customer calling Amazon / Apple about a charge)
and 22 scam calls varying the new rules' wording (paraphrases, ASR noise, Indian English, the pitch split across
segments) were streamed with the eval's feed before anything was changed. First read: 5/34 genuine calls alerted
(retention 55, hardship rate cut 64, podcast 100, news report 78, grandchild's retelling 57); 3/22 scams missed
(warranty "coverage has run out" 45, "your power will be stopped today at eight pm" 25, "bring the rate on your card
balances down to as little as zero percent" 43), 8 more alerted only on the last segment. The kinds of error, each
fixed by a general rule tested here:

* a report quoting the scripts (a podcast, the news, "this robot voice was like ...", "if you get one do not press
  one") is a warning frame; a script quoted after "you have all heard them" is not the caller's own introduction;
* a card issuer lowering your rate on a contact you started ("thanks for calling in", "you called yesterday asking
  about a hardship program") is not the card-interest robocall: with ``requested_contact`` heard and nothing asked (no
  robocall marker either), the rate offer earns no points and so no bank + interest decisive pair. The contact cue
  itself lowers nothing: scareware victims call the scammer's number too;
* the scripts in other words: "manufacturer coverage on your vehicle has run out", "vehicle protection is getting
  expired", "last call before we close the case", "your power will be stopped today", "lineman will come to remove
  the meter", "bring down your interest to zero percent", "back support with no co pay", "medicare has authorized a
  free back support", "reduce what you owe by up to fifty percent", "stop those annoying collection calls", "wipe out
  your electric bill", "no issue with your account, however it is urgent".

None of the calls or phrases here is a hold-out row. Calls are fed in 14-word final segments, no speaker tags.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, Segment
from tests.support.conversation import PRODUCT, RULES, codes
from tests.support.conversation import feed as _feed


def _chunks(text, n=14):
    words = text.split()
    return [" ".join(words[i:i + n]) for i in range(0, len(words), n)]


def _alerts(text):
    return any(u.should_alert for u in _feed(_chunks(text), PRODUCT))


def _signals(text, det=RULES):
    return {s.code: s for s in _feed(_chunks(text), det)[-1].assessment.signals if s.weight != 0}


# -- genuine calls that use the robocall rules' words ---------------------------------------------------------------
GENUINE = [
    # a card issuer's retention offer to a customer who called to close the card
    "hi ms johnson this is daniel from chase card services thanks for calling in i see you asked to close the freedom "
    "card because of the annual fee before we do that i can offer you a lower interest rate on your card for the next "
    "twelve months and waive this years fee would you like that you can call back on the number on the back of your card",
    # a hardship rate cut the customer asked for
    "hello this is capital one calling for robert you called yesterday asking about a hardship program because of your "
    "job loss we can reduce the interest on your card to five percent for twelve months i have already applied it you "
    "will see it on your next statement and your minimum payment will go down as well take care",
    # a consumer podcast quoting the scripts
    "welcome back to the consumer watch podcast today we are talking robocalls you have all heard them this is "
    "cardholder services calling in regards to your current credit card account or we have been trying to reach you "
    "about your cars extended warranty the ftc says these are the most reported calls of the year if you get one do "
    "not press one to speak with a specialist just hang up and block the number",
    # a news report
    "in local news tonight police are warning residents about a wave of scam calls the callers claim to be from the "
    "irs and say the irs is filing a lawsuit against you unless you pay immediately others offer solar panels "
    "installed at no cost or say your electricity bill can be cut in half officials remind viewers that government "
    "agencies do not call demanding payment",
    # a grandchild retelling an automated call
    "hi grandma its emma i just wanted to tell you about this weird call i got today this robot voice was like this "
    "is cardholder services there is no problem with your account but it is urgent and then press one to lower your "
    "interest rate and i just hung up so do not press anything okay i love you",
    # a dealer's renewal reminder, planned maintenance, a customer's own complaint, a debt counsellor
    "hey good afternoon its mike at lakeside toyota i sold you the rav four in march the reason i am calling your "
    "vehicle service contract will expire at sixty months and you asked me to remind you before it lapses you can "
    "renew your protection plan when you come in for your oil change on thursday no payment over the phone",
    "hello this is an automated message from city power and light to inform customers on maple avenue that your "
    "power supply will be off on thursday from nine am to one pm for planned maintenance on the transformer no "
    "action is needed from you",
    "hi yes i am calling because there is a charge on my card from amazon that i did not make it says amazon "
    "marketplace for two hundred and forty nine dollars and i never ordered anything like that can you tell me what "
    "this is ok you are saying it might be a prime renewal on my husbands account",
    "hi this is maria from greenpath the nonprofit credit counselling agency you contacted us last week about your "
    "credit card debt we may be able to cut your interest rates through a debt management plan it will not cut your "
    "debt in half but your payments will be lower your first session is on wednesday at three",
    "this is the fraud prevention team at wells fargo calling for james we noticed an unusual purchase on your debit "
    "card ending in four two one one at amazon for three hundred and twelve dollars if you made this purchase press "
    "one if you did not make this purchase press two we will never ask for your pin on this call",
    "hi mr lee this is anna from the physio clinic your insurance has confirmed the knee brace is fully covered so "
    "there is no out of pocket cost for you it should arrive at the clinic on friday and we will fit it at your next "
    "session",
]


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_calls_with_robocall_words_do_not_alert(text):
    assert not _alerts(text), _signals(text, PRODUCT)


@pytest.mark.parametrize("text", GENUINE[2:5])
def test_quoted_scripts_count_as_a_warning(text):
    sig = _signals(text)
    assert sig and all(s.evidence.get("context") == "warning" for s in sig.values() if s.weight > 0), sig


@pytest.mark.parametrize("text", [
    # a bank impostor citing police warnings, or the news, is still the caller speaking: no report frame for the call
    "hello this is james from the fraud department of barclays bank the police have been warning customers about a "
    "gang that has cloned cards and your account has been compromised we need to move your money to a safe account "
    "today i will give you the new account number do not tell the branch staff",
    "hello sir as you may have seen on the news today there is a big data breach at your bank this is the fraud "
    "department your account has been compromised and you need to transfer your savings to a safe account right now",
    # the same script said to the listener, not quoted after "you have all heard them"
    "this is cardholder services calling in regards to your current credit card account we have been trying to reach "
    "you about lowering your interest rate to zero percent press one now to speak with a specialist",
])
def test_scams_citing_the_news_or_police_warnings_still_alert(text):
    assert _alerts(text), _signals(text, PRODUCT)


# -- a contact the user started ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, requested", [
    ("thanks for calling in how can i help", True),
    ("i am returning your call about the washer", True),
    ("you called us yesterday asking about a hardship program", True),
    ("you filled in the form on our website last week", True),
    ("you asked us to call you back about the quote", True),
    ("you requested a call back about solar", True),
    # a cold call's own words
    ("we are calling you today because you qualify for a lower rate", False),
    ("you have been selected to receive a call back", False),
])
def test_requested_contact(text, requested):
    state = CallState()
    RULES.feed(state, Segment(text))
    assert ("requested_contact" in state.hits) is requested, state.hits


def test_a_contact_the_user_started_reassures_nothing_on_its_own():
    # scareware victims call the scammer's number themselves: "you called us" must not lower a tech-support call
    text = ("hello yes this is apple support you called us about your iphone being hacked yes i got a popup on my "
            "phone that said my icloud was compromised and to call this number")
    assert all(s.weight >= 0 for s in _feed(_chunks(text), RULES)[-1].assessment.signals)
    assert "scareware_popup" in _signals(text)


def test_a_rate_offer_on_a_contact_the_user_started_earns_no_points():
    sig = {s.code: s for s in _feed(_chunks(GENUINE[1]), RULES)[-1].assessment.signals}
    assert sig["interest_rate_reduction"].weight == 0 and "decisive_pair_pattern" not in sig, sig


def test_a_requested_contact_does_not_excuse_an_ask():
    text = ("thanks for calling in this is card services we can lower the interest rate on your card today i just "
            "need you to read me the full card number and the three digit code on the back")
    assert _alerts(text), _signals(text, PRODUCT)


def test_the_card_interest_pair_still_fires_on_a_cold_call():
    text = ("this is card services calling about your credit card account we can lower the interest rate on your card "
            "to as low as zero percent")
    assert "decisive_pair_pattern" in _signals(text)


# -- the scripts in other words ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("the manufacturer coverage on your vehicle has run out", "robocall_warranty_notice"),
    ("sir your vehicle protection is getting expired sir", "robocall_warranty_notice"),
    ("the coverage on your car is about to expire", "robocall_warranty_notice"),
    ("this is the last call before we close the case", "robocall_notice"),
    ("this is your final chance to take advantage of this offer", "robocall_notice"),
    ("your power will be stopped today at eight pm", "utility_disconnection"),
    ("otherwise lineman will come to remove the meter", "utility_disconnection"),
    ("your last bill has not been received", "utility_bill_demand"),
    ("we can bring down your interest to zero percent sir", "interest_rate_reduction"),
    ("bring the rate on your card balances down to as little as zero percent", "interest_rate_reduction"),
    ("medicare has authorized a free back support for seniors", "benefit_enrollment_lure"),
    ("a knee support for you with no co pay", "benefit_enrollment_lure"),
    ("you may be eligible to reduce what you owe by up to fifty percent", "benefit_enrollment_lure"),
    ("and stop those annoying collection calls", "benefit_enrollment_lure"),
    ("you could wipe out your electric bill entirely", "benefit_enrollment_lure"),
    ("there is no issue with your account however it is urgent that we speak with you", "robocall_script_opener"),
])
def test_paraphrased_script_cues(text, code):
    assert code in codes(text), codes(text)


@pytest.mark.parametrize("text, code", [
    ("your auto coverage renews next month at the same premium", "robocall_warranty_notice"),
    ("the meter reader will come on tuesday", "utility_disconnection"),
    ("we cannot bring down the price any further", "interest_rate_reduction"),
    ("hi this is maria from chase cardmember services about a recent charge", "robocall_script_opener"),
])
def test_paraphrased_script_cues_near_misses(text, code):
    got = _signals(text)
    assert code not in got or got[code].weight <= 0, got


SCAMS = [
    "hello we are calling regarding your automobile coverage our records show that the manufacturer coverage on your "
    "vehicle has run out and this is the last call before we close the case to keep your coverage active and avoid "
    "paying for repairs out of your own pocket press one now to talk to a coverage advisor",
    "hello sir i am calling from the electricity board your power will be stopped today at eight pm your last bill has "
    "not been received please pay the pending amount now through the link i send on whatsapp otherwise lineman will "
    "come to remove the meter",
    "hi this is rachel with account services calling about your credit card you have been pre approved to bring the "
    "rate on your card balances down to as little as zero percent this is your final chance to take advantage of this "
    "offer press one to talk to a live agent",
    "hello this is a message about your credit card debts you may be eligible to reduce what you owe by up to fifty "
    "percent under the new national debt relief program and stop those annoying collection calls press one to speak "
    "with a debt counselor today before this program closes",
]


@pytest.mark.parametrize("text", SCAMS)
def test_paraphrased_robocalls_alert(text):
    assert _alerts(text), _signals(text, PRODUCT)


# -- a bank's press-1-for-yes fraud menu (a pre-existing false alert under one segmentation, found in this review) ----
@pytest.mark.parametrize("text, code", [
    ("did you make this purchase press one for yes if you do not recognise it press two", "fraud_check_menu"),
    ("was this you press 1 if so if not press 2", "fraud_check_menu"),
    ("if you do not recognise it we will block the card and send you a new one", "protective_block_notice"),
])
def test_fraud_menu_wordings(text, code):
    state = CallState()
    RULES.feed(state, Segment(text))
    assert code in state.hits, state.hits


@pytest.mark.parametrize("text", [
    "visa card services we noticed an unusual transaction on your credit card did you make this purchase press one for "
    "yes if you do not recognise it press two and we will block the card and send you a new one you can also call "
    "the number on the back of your card",
])
def test_a_bank_fraud_menu_does_not_alert(text):
    for n in (9, 12, 14, 17):
        ups = _feed([" ".join(text.split()[i:i + n]) for i in range(0, len(text.split()), n)], PRODUCT)
        assert not any(u.should_alert for u in ups), (n, [u.assessment.risk_score for u in ups])


def test_a_menu_does_not_excuse_an_ask():
    text = ("visa card services did you make this purchase press one for yes if you do not recognise it press two "
            "and to cancel it read me the full card number and the three digit code on the back")
    assert _alerts(text), _signals(text, PRODUCT)
