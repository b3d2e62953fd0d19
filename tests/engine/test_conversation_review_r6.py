"""Call findings of the R6 adversarial review (issue #5), as streamed table rows.

F1. A scammer's opener "someone said / someone told me ..." made the whole call a retold "warning": a warning frame
    now ends at the caller's own (unquoted) introduction ("this is officer brown", "i am calling from the sbi card
    department", "main ... inspector sharma bol raha hoon"), and "someone said / anybody calls you saying" followed by
    such an introduction is the caller's opener, not a retelling.
F2. A warning sentence before the scam ("if you get a call saying your kyc is expired that is a scam" | "this is sbi
    your kyc is expired ...") discounted the scam: the same introduction rule, a verdict closes the warning sentence
    for a clause of its own after it, and "share the otp only with me" is the caller's ask whatever came before.
F3. A press-1 / press-2 fraud-check menu followed by a keypad credential ask ("you pressed 2, please enter your four
    digit PIN now") stayed quiet: entering a PIN / OTP / card number / CVV on the keypad is an ask (it voids the menu's
    reassurance); "enter the otp in the app" / "at the atm" is not.
F6. A genuine fraud check that blocks the card ("your card is now blocked and a new one will be sent", "blocked for
    your safety") alerted: such a protective block, with no ask, replaces the block threat.

Each finding: the reviewer's probes, invented variants and near misses. Calls are fed segment by segment (final
segments, no speaker tags); scam rows must alert at some segment, genuine rows must never alert.
"""

from __future__ import annotations

import time

import pytest

from scamshield.engine.conversation import CallState, Segment, _default_detector
from scamshield.engine.conversation.context import in_warning_context
from scamshield.engine.conversation.normalize import normalize_transcript

DETECTOR = _default_detector()  # what the service and the evaluation scripts run


def _feed(segments):
    state = CallState()
    return [DETECTOR.feed(state, Segment(s)) for s in segments]


def _first_alert(segments) -> int | None:
    return next((i + 1 for i, u in enumerate(_feed(segments)) if u.should_alert), None)


def _final(segments):
    return {s.code: s for s in _feed(segments)[-1].assessment.signals}


SCAMS = [
    # F1 (reviewer): the opener "someone said / told me" before the caller's own introduction
    pytest.param(["someone said you were expecting my call this is officer brown from the irs",
                  "there is a warrant for your arrest for unpaid taxes of 4,800 dollars",
                  "you must pay today with bitcoin at the atm or the police will come"], 2, id="f1-irs-someone-said"),
    pytest.param(["hello sir someone told me you want to close your credit card i am calling from the sbi card "
                  "department", "to close it today i need the card number and the otp you will receive"], 2,
                 id="f1-sbi-card-someone-told-me"),
    pytest.param(["somebody said aap ghar pe ho isliye call kiya main mumbai cyber crime se inspector sharma bol raha "
                  "hoon", "aapke aadhaar se drugs ka parcel pakda gaya hai aapko abhi video call pe rehna hai",
                  "verification ke liye 50,000 is account mein transfer kijiye warna arrest hoga"], 2,
                 id="f1-hinglish-somebody-said"),
    # F1 invented variants
    pytest.param(["somebody told me you need help with your computer this is david from microsoft support",
                  "your computer is sending us error messages please install anydesk now"], 2, id="f1-ms-somebody-told"),
    pytest.param(["good morning someone told me you are interested in a loan i am calling from bajaj finance "
                  "department", "to process it pay the file charge of 2,000 rupees on this upi id today"], 2,
                 id="f1-loan-someone-told"),
    # F2 (reviewer): a warning sentence, then the scam
    pytest.param(["if you get a call saying your kyc is expired that is a scam",
                  "this is sbi your kyc is expired and your account will be blocked today download the sbi quick "
                  "support app from the link i sent and enter your card details"], 2, id="f2-kyc-warning-first"),
    pytest.param(["if you get a call saying your electricity will be cut tonight that is a scam",
                  "this is the electricity board your connection will be cut tonight at nine thirty because your last "
                  "bill was not updated pay 1,750 on this number by phonepe"], 2, id="f2-electricity-warning-first"),
    pytest.param(["sir if anybody calls you saying your card is blocked and asks you to share the otp you should share "
                  "the otp only with me i am from the bank"], 1, id="f2-share-only-with-me"),
    # F2 invented variants
    pytest.param(["madam if someone calls you saying your account is blocked do not believe them share the otp only "
                  "with me i am calling from sbi"], 1, id="f2-only-with-me-after-negation"),
    pytest.param(["people are calling saying your parcel has drugs that is fake",
                  "this is fedex customs department your parcel has been seized with illegal items",
                  "pay the fine of 500 dollars now with gift cards"], 3, id="f2-fedex-warning-first"),
    # F3 (reviewer): a fraud-check menu, then a keypad credential ask
    pytest.param(["This is Bank of America fraud alert.", "There is a pending charge of 742 dollars at Walmart.",
                  "If you authorized this charge press 1, if you did not authorize it press 2.",
                  "You pressed 2. For your security please enter your four digit PIN now."], 4, id="f3-boa-pin"),
    pytest.param(["This is Bank of America fraud alert.", "There is a pending charge of 742 dollars at Walmart.",
                  "If you authorized this charge press 1, if you did not authorize it press 2.",
                  "Please enter your 16 digit card number and the 3 digit security code on the back of your card."], 4,
                 id="f3-boa-card-number"),
    pytest.param(["This is an automated message from SBI credit card department.",
                  "A transaction of rupees 49,999 at Flipkart was attempted on your card ending 2231.",
                  "If you made this transaction press 1, if you did not make this transaction press 2.",
                  "You pressed 2. Please enter the OTP sent to your registered mobile number now."], 4, id="f3-sbi-otp"),
    # F3 invented variants
    pytest.param(["This is Chase fraud prevention.", "A charge of 940 dollars at Best Buy is pending on your card.",
                  "If you made this purchase press 1, if you did not press 2.",
                  "Please key in your ATM PIN followed by the hash key."], 4, id="f3-chase-key-in-pin"),
    pytest.param(["someone said you were not at home this is the fedex customs department",
                  "your parcel has illegal items and a case is filed",
                  "pay 25,000 rupees fine now by upi or you will be arrested"], 3, id="f1-fedex-someone-said"),
    pytest.param(["This is Wells Fargo fraud department.", "A charge of 600 dollars at Target was declined.",
                  "If this was you press 1, if not press 2.", "You pressed 2. To verify your identity please enter your "
                  "date of birth and the last four digits of your social security number."], 4, id="f3-menu-then-ssn"),
    # F6 counterpart: a "protective" block that ends in an ask is no reassurance
    pytest.param(["this is the fraud team at your bank", "your card has been blocked for your safety",
                  "to unblock it tell me the otp you received just now"], 3, id="f6-protective-block-then-otp"),
]

GENUINE = [
    # F6 (reviewer): a genuine fraud check that blocks the card
    pytest.param(["hello this is the fraud team at barclays", "we noticed a payment of 1,200 pounds to currys on your "
                  "debit card", "if you made this payment press 1 if you did not press 2",
                  "thank you, your card is now blocked and a new one will be sent",
                  "please don't share any codes with anyone who calls you"], id="f6-barclays-block"),
    pytest.param(["This is an automated message from SBI credit card department.",
                  "A transaction of rupees 49,999 at Flipkart was attempted on your card ending 2231.",
                  "If you made this transaction press 1, if you did not make this transaction press 2.",
                  "You pressed 2. Your card has been temporarily blocked for your safety. Please call the number on the "
                  "back of your card."], id="f6-sbi-ivr-block"),
    pytest.param(["This is an automated message from ICICI Bank.",
                  "A transaction of rupees 49,999 at Flipkart was attempted on your card ending 2231.",
                  "If you made this transaction press 1, if you did not make this transaction press 2.",
                  "Your card has been blocked. A replacement will be sent. ICICI Bank never asks for your OTP or PIN."],
                 id="f6-icici-ivr-block"),
    pytest.param(["this is the fraud prevention team at hsbc",
                  "we spotted a payment of 300 pounds at an online shop on your card",
                  "you told us it was not you so your card has been blocked as a precaution",
                  "a replacement card will arrive in five days"], id="f6-hsbc-precaution"),
    # near misses of F1 / F2: retold and warned calls stay warnings
    pytest.param(["my mum got a call yesterday the caller said hello this is officer brown from the irs",
                  "there is a warrant for your arrest and you must pay with gift cards today",
                  "i told her to hang up and report it"], id="nm-quoted-introduction"),
    pytest.param(["someone said they were from the irs and there was a warrant for my arrest",
                  "they wanted me to pay with bitcoin at the atm so i hung up"], id="nm-someone-said-retelling"),
    pytest.param(["kal kisi ne call kiya aur kaha main mumbai cyber crime se inspector sharma bol raha hoon",
                  "aapke aadhaar se drugs ka parcel pakda gaya hai", "maine phone kaat diya yeh sab fraud hai"],
                 id="nm-hinglish-retelling"),
    pytest.param(["if you get a call saying your kyc is expired that is a scam",
                  "do not download any app they send and never share your card details with anyone"],
                 id="nm-kyc-warning-alone"),
    pytest.param(["hi this is priya from hdfc bank we are calling to warn you",
                  "people are calling customers saying your kyc is expired and asking for the otp",
                  "please do not share it with anyone"], id="nm-bank-introduces-then-warns"),
    pytest.param(["if anybody calls you saying they are from the bank and asks for the otp do not share it",
                  "i am calling from hdfc bank to remind you about this"], id="nm-warning-then-bank-introduction"),
    pytest.param(["if you get a call saying your account will be blocked that is a scam",
                  "your account is fine and nothing will be blocked"], id="nm-verdict-then-reassurance"),
    pytest.param(["a man called me and said this is the sbi card department your card is blocked",
                  "share the otp to unblock it so i just hung up and called the bank"], id="nm-called-and-said-intro"),
    pytest.param(["someone told me there is a parcel for you at the post office",
                  "i am calling from the post office you can collect it tomorrow with your id"],
                 id="nm-someone-told-me-then-intro-no-scam"),
    pytest.param(["this is axis bank calling about fraud awareness",
                  "if anybody calls you saying your card is blocked and asks for the otp it is a scam",
                  "never share the otp with anyone"], id="nm-bank-awareness-call"),
    pytest.param(["someone told me you were in hospital are you okay",
                  "this is your cousin ravi i heard about it from aunty"], id="nm-someone-told-me-family"),
    # near misses of F3: entering a code where it belongs
    pytest.param(["hello this is the chase customer service team returning your call about the app",
                  "when you log in to the app enter the otp we text you to your phone",
                  "we will never ask you to read it out to us"], id="nm-enter-otp-in-app"),
    pytest.param(["this is hdfc bank calling about your new debit card", "it has been dispatched to your home address",
                  "we will never ask you to enter your pin or otp on a call"], id="nm-never-enter-pin"),
    pytest.param(["this is the branch manager of axis bank about your new card",
                  "it is ready to collect, enter your pin at the atm once to activate it"], id="nm-enter-pin-at-atm"),
]


@pytest.mark.parametrize("segments,by", SCAMS)
def test_scam_alerts(segments, by):
    first = _first_alert(segments)
    assert first is not None and first <= by


@pytest.mark.parametrize("segments", GENUINE)
def test_genuine_call_stays_quiet(segments):
    assert _first_alert(segments) is None


@pytest.mark.parametrize("text,cue,warned", [
    # the caller's own introduction ends the frame said before it
    ("someone said you were expecting my call this is officer brown from the irs", "officer brown", False),
    ("if you get a call saying your kyc is expired that is a scam this is sbi your kyc is expired",
     "sbi your kyc", False),
    # a quoted introduction does not
    ("the caller said hello this is officer brown from the irs", "officer brown", True),
    ("kisi ne call kiya aur kaha main inspector sharma bol raha hoon", "inspector sharma", True),
    # a retelling without an introduction after it stays a warning
    ("someone said they were from the irs", "from the irs", True),
])
def test_introduction_ends_a_warning_frame(text, cue, warned):
    window = normalize_transcript(text)
    start = window.rindex(cue)
    assert in_warning_context(window, start, start + len(cue)) is warned


def test_protective_block_replaces_the_block_threat_only_without_an_ask():
    quiet = _final(["hello this is the fraud team at barclays",
                    "thank you, your card is now blocked and a new one will be sent"])
    assert quiet["account_block_threat"].weight == 0 and quiet["protective_block_notice"].weight < 0
    asked = _final(["hello this is the fraud team at barclays",
                    "your card is now blocked and a new one will be sent", "please tell me the otp to confirm"])
    assert asked["account_block_threat"].weight > 0 and asked["protective_block_notice"].weight == 0


def test_keypad_ask_voids_the_fraud_check_menu():
    signals = _final(["This is Bank of America fraud alert.",
                      "If you authorized this charge press 1, if you did not authorize it press 2.",
                      "You pressed 2. For your security please enter your four digit PIN now."])
    assert signals["pin_password_request"].weight > 0 and signals["fraud_check_menu"].weight == 0


@pytest.mark.parametrize("text", [
    " ".join(["somebody said if anybody calls you saying"] * 40 + ["your account is blocked share the otp"]),
    " ".join(["your account is blocked"] * 80),
    " ".join(["someone told me this is officer brown i am calling from the bank"] * 30),
    " ".join(["that is a scam your kyc is expired"] * 50),
])
def test_hostile_long_segment_within_budget(text):
    DETECTOR.feed(CallState(), Segment("warm up"))
    best = float("inf")
    for _ in range(5):
        state = CallState()
        t0 = time.thread_time()
        DETECTOR.feed(state, Segment(text))
        best = min(best, time.thread_time() - t0)
    assert best < 0.020  # the budget per segment (CPU, best of 5 on a shared machine)
