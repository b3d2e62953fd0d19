"""A code read back on a call the listener started (issue #5, blind35).

A customer calling their bank's or telco's helpline is often sent a code to verify it is them ("i am sending a code to
the number we have for you, please read it back"). On such a call, with nothing else a scam says, the code ask keeps a
few points but no alert. The same ask in a cold call, or on a call-in that also claims a problem (a pop-up, a failed
refund), asks for remote access, a payment or secrecy, must still alert.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer
from scamshield.engine.conversation.cues import load_cues
from scamshield.engine.conversation.normalize import normalize_transcript

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs
SEGMENTATIONS = (8, 10, 12, 15, 20)


def stream(text: str, words: int) -> list:
    state = CallState()
    toks = text.split()
    return [PRODUCT.feed(state, Segment(" ".join(toks[i:i + words]))) for i in range(0, len(toks), words)]


def trace(updates) -> list:
    return [(u.risk_score, {s.code: s.weight for s in u.assessment.signals if s.weight}) for u in updates]


GENUINE_CALL_INS = [
    ("telco-account-change",
     "thanks for calling brightwave mobile you are through to raj how can i help hi yes i want to move my plan to the "
     "cheaper one my contract ended last month okay no problem can i take your full name and the first line of your "
     "address it is ten park lane lovely for security i will text a code to the number on the account can you read it "
     "back to me please yes it just came it is five two eight one nine three great that is confirmed so the cheaper "
     "plan is twenty pounds a month and it starts from your next bill is there anything else no that is all thanks"),
    ("energy-helpline-meter",
     "you have reached northern energy customer service calls may be recorded hello my name is tasha hi i am ringing "
     "about my meter reading i think the bill is estimated again okay let me pull up the account what is your date of "
     "birth the third of june nineteen seventy two thank you and i am sending a one time code to your mobile what is "
     "the code you received it says four four one seven lovely thank you so yes it was estimated if you read me the "
     "numbers on the meter now i will correct it and the new bill will come next week"),
    # the customer calls about a scam text or a lost card: their own worry is no caller's problem claim
    ("call-in-about-a-scam-text",
     "thank you for calling harbour bank you are through to amy how can i help hi i got a text saying my account will "
     "be blocked today is that real okay let me check for you first i will send a code to your phone please read it "
     "back so i can verify it is you okay it is 4 1 9 2 thank you so that text was not from us your account is fine "
     "please delete it and never click the link"),
    ("call-in-lost-card",
     "welcome to city bank customer service this call may be recorded hi you are through to mark how can i help i "
     "lost my card yesterday i think it was stolen okay sorry to hear that i will send a one time code to your mobile "
     "please read it back to confirm it is you okay it is 5 5 1 2 thank you i have cancelled the card and a new one "
     "will arrive in five days"),
]

SCAMS = [
    # a cold call: nobody called in
    ("cold-bank-code",
     "hello this is the fraud department of your bank we have detected suspicious activity on your account i am "
     "sending you a verification code now please read it back to me so we can secure the account quickly"),
    # a scareware victim calling the number on the pop-up
    ("popup-call-in-code",
     "thank you for calling windows support you are through to mike how can i help yes a pop up said my computer is "
     "infected with a virus okay sir i will send a code to your phone please read it to me and then download anydesk "
     "so i can remove the virus"),
    # a fake helpline found online: a failed refund, the code, secrecy
    ("fake-helpline-refund-code",
     "you have reached quickpay customer care please hold hello how can i help my refund did not come back okay "
     "madam your refund is pending i will send one code please read it to me to process the refund and do not tell "
     "anybody at your bank about this call"),
    # a call-in answered with a safe-account transfer
    ("call-in-safe-account",
     "welcome to harbour bank customer service this call may be recorded hi you are through to lee how can i help "
     "i am sending a code please read it back thank you now your account is compromised you must move your savings "
     "to a safe account today"),
]


@pytest.mark.parametrize("text", [t for _, t in GENUINE_CALL_INS], ids=[i for i, _ in GENUINE_CALL_INS])
def test_a_code_to_verify_a_customer_who_called_in_does_not_alert(text):
    for words in SEGMENTATIONS:
        updates = stream(text, words)
        assert not any(u.should_alert for u in updates), (words, trace(updates))
        last = {s.code: s for s in updates[-1].assessment.signals}
        # the ask is still seen, with a few points and the reason
        assert 0 < last["otp_request"].weight <= 15, trace(updates)
        assert "reason" in last["otp_request"].evidence


@pytest.mark.parametrize("text", [t for _, t in SCAMS], ids=[i for i, _ in SCAMS])
def test_a_code_ask_with_a_scams_pretext_still_alerts(text):
    for words in SEGMENTATIONS:
        updates = stream(text, words)
        assert any(u.should_alert for u in updates), (words, trace(updates))


REQUESTED = next(c for c in load_cues() if c.code == "requested_contact")


@pytest.mark.parametrize("text, inbound", [
    ("hi you are through to amy how can i help today", True),
    ("you're through to sam in the billing team", True),
    ("you have reached the northwind broadband customer service team", True),
    ("welcome to harbour bank for security this call may be recorded", True),
    ("welcome to city gas helpline your call is important to us", True),
    # a scammer handing the call over, or greetings that are no helpline
    ("please hold you are now through to my senior officer", False),
    ("you are through to inspector rao from the cyber cell", False),
    ("you are connected to officer sharma from the cbi", False),
    ("you have reached the social security administration", False),
    ("welcome to the family we are so happy for you", False),
])
def test_helpline_answers_read_as_a_contact_the_listener_started(text, inbound):
    assert (REQUESTED.regex.search(normalize_transcript(text)) is not None) is inbound


# A delivery code given to the driver at the door (Indian couriers ask for it at hand-over) is the same kind of code:
# the driver is outside the door. A parcel caller who is not at the door ("held at the warehouse", "to reschedule"),
# or who is but adds a fee and a link or a threat, is the delivery scam.
DOORSTEP_GENUINE = (
    "hello sir delivery from ekart your order is here which floor sir second floor okay i am outside the door now sir "
    "it is prepaid so please tell me the delivery otp you got in the sms it says share only with the delivery agent "
    "okay it is 3 9 1 7 confirmed thank you sir please check the box")
DOORSTEP_SCAMS = [
    ("parcel-held-reschedule",
     "hello sir i am calling from bluedart courier your parcel is held at the warehouse because the address is "
     "incomplete to reschedule the delivery please tell me the otp you received just now"),
    ("door-plus-fee-link",
     "hello sir i am outside the door with your parcel but there is a pending charge of five rupees please open the "
     "link i sent and pay then tell me the otp you get"),
    ("door-plus-threat",
     "hello sir i am outside the door with your parcel from the customs department there is a case against you please "
     "tell me the otp quickly or the police will come"),
]


def test_a_delivery_code_given_to_the_driver_at_the_door_does_not_alert():
    for words in SEGMENTATIONS:
        updates = stream(DOORSTEP_GENUINE, words)
        assert not any(u.should_alert for u in updates), (words, trace(updates))
        last = {s.code: s for s in updates[-1].assessment.signals}
        assert 0 < last["otp_request"].weight <= 15, trace(updates)


@pytest.mark.parametrize("text", [t for _, t in DOORSTEP_SCAMS], ids=[i for i, _ in DOORSTEP_SCAMS])
def test_a_parcel_callers_code_ask_still_alerts(text):
    for words in SEGMENTATIONS:
        updates = stream(text, words)
        assert any(u.should_alert for u in updates), (words, trace(updates))


DOORSTEP = next(c for c in load_cues() if c.code == "doorstep_handover")


@pytest.mark.parametrize("text, at_door", [
    ("hello sir i am outside the door", True),
    ("i am at the door sir please open", True),
    ("it says share only with the delivery agent at your doorstep", True),
    ("i am at the door of the warehouse", False),
    ("i am outside your building near the temple", False),
    ("the door is open please come in", False),
])
def test_doorstep_handover_forms(text, at_door):
    assert (DOORSTEP.regex.search(normalize_transcript(text)) is not None) is at_door
