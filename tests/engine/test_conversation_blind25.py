"""General patterns behind the blind25 first read (issue #5), as invented rows.

blind25 was written before reading the detector, read once and reported (P 0.80, R 1.0, FPR 0.25, median alert
0.280); these fixes came after, so blind25 is fitted now. None of these rows is a hold-out call: each phrasing, near
miss and call below is worded differently from the ``blind25`` split. Calls are fed segment by segment (final
segments, no speaker tags). Scam calls must alert at some segment; genuine calls that use the same words (a refund,
a warning about the scam, KYC at a store, a police follow-up) must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import PRODUCT, RULES
from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


def _full(text):
    """Rule codes one segment raises at full weight (not negated, not in a warning context)."""
    return {s.code for s in _feed([text], RULES)[-1].assessment.signals
            if s.weight > 0 and s.evidence.get("context") != "warning"}


# -- a negation does not reach over a clause with its own subject in unpunctuated speech -------------------------
@pytest.mark.parametrize("text, code", [
    ("your pan card is not linked with aadhaar your account will be frozen", "account_block_threat"),
    ("aadhaar is not seeded with the bank your account is going to be blocked tonight", "account_block_threat"),
    ("madam your kyc is not complete your sim card will be blocked in one hour", "account_block_threat"),
    ("the payment did not go through your electricity will be disconnected tonight", "utility_disconnection"),
    ("sir you have not paid the fine your bank account will be frozen by the court", "account_block_threat"),
    ("sir aapka pan aadhaar se link nahi hai aapka account band ho jayega", "account_block_threat"),
    ("aap ne kyc update nahi kiya aapka sim block ho jayega", "account_block_threat"),
])
def test_a_negation_ends_before_a_new_subject(text, code):
    assert code in _full(text), _full(text)


@pytest.mark.parametrize("text, code", [
    # the negator inside the cue's own clause, or before its object, still negates
    ("do not worry your account will not be blocked", "account_block_threat"),
    ("we will not block your account for this", "account_block_threat"),
    ("nothing will be blocked your phone keeps working", "account_block_threat"),
    ("please do not share your otp with anyone", "otp_request"),
    ("we will never tell you your account will be frozen over the phone", "account_block_threat"),
    ("if anyone says your account will be frozen just hang up", "account_block_threat"),
    ("aapka account band nahi hoga aap chinta mat kijiye", "account_block_threat"),
    ("ghabraiye mat aapka account band nahi ho jayega", "account_block_threat"),
])
def test_a_negation_of_the_cues_own_clause_still_holds(text, code):
    assert code not in _full(text), _full(text)


# -- promises and warnings that genuine callers make ----------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("we will never ask you to install any software or to pay anything with gift cards", "gift_card_payment"),
    ("they would never ask you to download an app or to buy apple cards", "gift_card_payment"),
    ("the bank has put a hold on the account where the money went", "fee_to_release"),
    ("they placed a freeze on the account that received it", "fee_to_release"),
    ("the new esim will activate within two hours of the visit", "kyc_expired"),
    ("we have held your transfer of four thousand pounds to a new account", "safe_account_transfer"),
    ("there is a customs duty of 1240 rupees on your parcel from the us", "fee_to_release"),
])
def test_genuine_promises_and_updates_are_not_asks(text, code):
    assert code not in _codes(text), _codes(text)


@pytest.mark.parametrize("text, code", [
    # the same cues said as the caller's own ask still count
    ("now to refund you please pay the difference with google play gift cards", "gift_card_payment"),
    ("you have to deposit two thousand into the trading platform first", "fee_to_release"),
    ("sir your sim card needs esim upgrade today otherwise it stops", "kyc_expired"),
    ("please transfer all your savings to a new account that we opened for you", "safe_account_transfer"),
    ("you need to make a transfer of 2000 to the verification account", "safe_account_transfer"),
    ("pay the customs clearance fee of 4500 rupees on this upi id", "fee_to_release"),
])
def test_the_callers_own_asks_still_count(text, code):
    assert code in _codes(text), _codes(text)


@pytest.mark.parametrize("text, code", [
    ("if you get a call saying your sim will be blocked in two hours it is fake", "account_block_threat"),
    ("people are getting calls that their electricity will be cut tonight", "utility_disconnection"),
    ("these calls where they say your parcel has drugs are all fraud", "digital_arrest_script"),
    ("many fraud calls these days people calling saying they are from police or cbi and saying digital arrest",
     "digital_arrest_script"),
    ("do not share any otp with people who call saying your sim will be blocked", "account_block_threat"),
])
def test_described_calls_are_a_warning(text, code):
    signal = [s for s in _feed([text], RULES)[-1].assessment.signals if s.code == code]
    assert signal and signal[0].evidence.get("context") == "warning", signal


def test_a_request_inside_a_retold_call_is_reported():
    text = ("it sounded like the scams we see someone calls pretending to be the bank security team and says your "
            "money is not safe and you must move it to a safe account")
    signal = [s for s in _feed([text], RULES)[-1].assessment.signals if s.code == "safe_account_transfer"]
    assert signal and signal[0].evidence.get("context") == "warning", signal


def test_a_callers_own_request_after_says_is_direct():
    text = "the system says your account is hacked and you must move it to a safe account today"
    assert "safe_account_transfer" in _full(text), _full(text)


@pytest.mark.parametrize("text, code", [
    # a scammer's coaching about another call is no warning frame; nor is a scammer's own claim of a message
    ("if you get a call from the bank or if the teller asks tell them it is for a new car", "cover_story_coaching"),
    ("sir the police are calling you because your parcel has drugs and you are under digital arrest",
     "digital_arrest_script"),
])
def test_coaching_is_not_a_warning(text, code):
    assert code in _full(text), _full(text)


@pytest.mark.parametrize("text, code", [
    ("police will never ask you to pay money on a video call", "legit_reassurance"),
    ("we never ask candidates to pay anything at any stage", "legit_reassurance"),
    ("you have to come to the station once with your bank statement", "official_channel_pointer"),
    ("there is no payment needed for this it is covered by the retainer", "legit_reassurance"),
    ("there is nothing to pay and nothing to buy", "legit_reassurance"),
    ("please come by the office with your photo id to collect it", "official_channel_pointer"),
])
def test_genuine_reassurance(text, code):
    assert code in _codes(text), _codes(text)


@pytest.mark.parametrize("text", [
    "you cannot come to the station with your documents you must give the statement on video",
    "do not visit the branch with this tell nobody",
])
def test_no_in_person_pointer_when_the_visit_is_refused(text):
    assert "official_channel_pointer" not in _codes(text)


@pytest.mark.parametrize("text", [
    "no payment needed now sir just tell me your card number for verification",
    "you do not need to pay anything today just read me the otp",
])
def test_nothing_to_pay_is_voided_by_an_ask(text):
    sig = [s for s in _feed([text], RULES)[-1].assessment.signals if s.code == "legit_reassurance"]
    assert all(s.weight == 0 for s in sig), sig

# -- the hook of a long call: heard before the money is named ------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("our vip members made thirty two percent profit yesterday alone", "investment_lure"),
    ("the vip signals group gave forty percent returns this week", "investment_lure"),
    ("he has insider information from the exchanges", "investment_lure"),
    ("you can make two thousand rupees a day just by liking youtube videos", "job_task_offer"),
    ("join the telegram link and then our task group", "job_task_offer"),
    ("they want nine hundred dollars for the clearance fee before they release it", "fee_to_release"),
    ("she needs fifteen hundred dollars as customs duty for the gold", "fee_to_release"),
    ("and please don't tell the branch staff about this call", "secrecy_demand"),
])
def test_blind25_hooks(text, code):
    assert code in _codes(text), _codes(text)

@pytest.mark.parametrize("text, code", [
    ("our vip program members earned double points this month on groceries", "investment_lure"),
    ("the fund made about eight percent last year in line with the market", "investment_lure"),
    ("i get paid by rating search results for a big tech firm", "job_task_offer"),
    ("i paid forty dollars for the delivery fee on the website", "fee_to_release"),
    ("the customs duty was paid online before the courier could deliver it", "fee_to_release"),
    ("you do not need to tell the branch staff anything just bring your passbook", "secrecy_demand"),
])
def test_blind25_hook_near_misses(text, code):
    assert code not in _codes(text), _codes(text)

# -- a verdict with advice in the next segment makes the lure just before it a warning's subject --------------------
def _factor(segments, code):
    sig = [s for s in _feed(segments, RULES)[-1].assessment.signals if s.code == code]
    return sig[0].evidence.get("context") if sig else "absent"

def test_a_late_verdict_turns_the_retold_lure_into_a_warning():
    segments = ["okay mum read it to me the screen says there's a virus and to call microsoft right that's",
                "a scam window do not call the number just restart the laptop"]
    assert _factor(segments, "scareware_popup") == "warning"

@pytest.mark.parametrize("verdict", [
    "this is a scam do not call me again i am hanging up",  # the victim tells the caller off: not advice
    "this is not a scam do not hang up sir",  # a denial
    "okay and what do i do next",  # no verdict
])
def test_no_late_verdict(verdict):
    segments = ["my screen says there's a virus and to call microsoft so i called you", verdict]
    assert _factor(segments, "scareware_popup") is None

def test_a_repeat_heard_only_in_a_warning_adds_no_repeat_bonus():
    segments = ["my friend recommended a crypto platform with guaranteed returns",
                "okay i have to be honest that sounds like a scam guaranteed returns are what fraudsters use"]
    sig = [s for s in _feed(segments, RULES)[-1].assessment.signals if s.code == "investment_lure"]
    assert sig and sig[0].weight == 22.0, sig
    # the caller pressing it again in full still adds the bonus
    segments = ["my friend recommended a crypto platform with guaranteed returns",
                "yes madam the guaranteed returns are thirty percent a month"]
    sig = [s for s in _feed(segments, RULES)[-1].assessment.signals if s.code == "investment_lure"]
    assert sig and sig[0].weight > 22.0, sig


# -- whole calls --------------------------------------------------------------------------------------------------
CALLS = [
    ("genuine_shop_refund_to_gift_card_balance", False, [
        "hi thanks for calling the online store support line this is omar how can i help",
        "yeah the lamp i ordered arrived with a broken shade can i get my money back",
        "of course i am sorry about that so the refund goes back the way you paid",
        "the part you paid with the gift card goes back to your gift card balance today",
        "and the rest goes back to your mastercard in three to five days",
        "oh and i got a weird text about my account being locked was that you",
        "no that was not us we will never ask you to download anything or to pay with gift cards over the phone",
        "you can just delete it is there anything else okay have a good one"]),
    ("genuine_police_follow_up_with_warning", False, [
        "hello am i speaking with mister farhan this is constable joseph from the east zone police station",
        "it is about the complaint you gave on the cyber crime portal about the fake seller",
        "the fir is registered and the bank has put a hold on the account where your money went",
        "you have to come to the station once with your bank statement and the chat screenshots",
        "and sir these days many people calling saying they are from cbi and saying digital arrest asking money",
        "that is all fake police will never ask you to pay money on a video call if someone calls just cut it",
        "okay sir thank you i will come on monday"]),
    ("genuine_telecom_store_appointment", False, [
        "good evening this is nisha from the mobile store in the city mall am i talking to mister paul",
        "you booked a slot online to change your old sim to an esim i am confirming it for friday at four",
        "please bring your original aadhaar card we do the fingerprint verification in the store",
        "bring the phone and the old sim also the new esim will activate within two hours",
        "your number stays the same and nothing will be blocked your old sim works until then",
        "and please do not share any otp with people who call saying your sim will be blocked those are fraud",
        "okay thank you see you on friday"]),
    ("scam_crypto_mentor_before_the_deposit", True, [
        "hi this is amy the assistant of mister zhou from the global traders academy on whatsapp",
        "our vip members made thirty five percent profit last week on a gold contract",
        "because mister zhou has insider information from the exchanges it is risk free",
        "and the profits are guaranteed you only follow the signals at the exact minute"]),
    ("genuine_bank_staff_reminder", False, [
        "hello this is the branch of city cooperative bank calling for mister das",
        "your fixed deposit matures next week you can come to the branch with your passbook",
        "you do not need to tell the branch staff anything special just give your name at the counter",
        "and remember we never ask for your pin or otp on the phone thank you"]),
    ("genuine_son_talks_parent_through_a_popup", False, [
        "hi mum it's raj i got your voicemail about the laptop okay so the",
        "screen says there's a virus and to call microsoft yeah mum that's",
        "a scam pop up don't call the number just hold the power button down",
        "i'll come round on sunday and set up remote desktop so i can help you from home next time",
        "okay love see you sunday"]),
    ("scam_pan_not_linked_account_frozen", True, [
        "hello sir i am calling from the income tax verification desk regarding your pan",
        "sir your pan card is not linked with aadhaar your bank account will be frozen from tonight",
        "to stop it i am sending a link on whatsapp please install the update app",
        "now tell me the otp you received so i can link it from my side"]),
]

@pytest.mark.parametrize("name, is_scam, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind25_calls(name, is_scam, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is is_scam, trace

def test_every_signal_keeps_code_weight_and_evidence():
    for _, _, segments in CALLS:
        for s in _feed(segments, PRODUCT)[-1].assessment.signals:
            assert s.code and s.code == s.code.lower() and " " not in s.code
            assert isinstance(s.weight, float)
            assert isinstance(s.evidence, dict)
