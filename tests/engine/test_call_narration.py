"""The speaker's role over a whole call: narrating calls made by others, or making one (blind34 round).

A friend retelling a digital-arrest call, a parent retelling a KYC call in Hinglish, an awareness voicemail listing what
fraudsters say: the cues are the story's, long after the sentence that framed them. A scammer who relays a superior's
words ("the senior officer said you must stay on this video call") makes live demands of the listener around them, and
still alerts.

Every call here is written by hand for this file (none is copied from the hold-out CSV). Calls are fed as an ASR stream
delivers them: 12-word final segments, no speaker tags, lower case, no punctuation.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer
from scamshield.engine.conversation.context import narrating, relaying, story_counts
from scamshield.errors import InvalidInput

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs


def stream(text: str, words: int = 12) -> tuple[CallState, list]:
    state = CallState()
    toks = text.split()
    return state, [PRODUCT.feed(state, Segment(" ".join(toks[i:i + words]))) for i in range(0, len(toks), words)]


def trace(updates) -> list:
    return [(u.risk_score, {s.code: s.weight for s in u.assessment.signals if s.weight}) for u in updates]


# Retellings and awareness talks: never an alert, at any segment (three of these four alerted before this round).
RETOLD = [
    ("gran-gift-cards",
     "hiya love just ringing to let you know about gran she got a call last week from some man saying he was from her "
     "bank and that someone had used her card in another city he told her the account was compromised and she had to "
     "buy google play gift cards to keep the money safe and read him the numbers off the back she nearly went to the "
     "shop but the cashier at the post office asked what it was for and told her it is a scam so she is fine just "
     "shaken"),
    ("hinglish-papa-customs",
     "haan didi sun kal papa ko ek call aaya tha ek aadmi bola main mumbai customs se bol raha hoon aapke naam ka "
     "parcel pakda gaya hai usme drugs hain phir bola ki video call pe rehna padega aur kisi ko batana nahi hai aur "
     "bola ki fixed deposit tod ke paise verification ke liye bhejo papa ne mujhe call kiya maine bola ye fraud hai "
     "phone kaat do ab sab theek hai"),
    ("mate-tax-office",
     "mate you will not believe what happened to me this guy rings me up saying he is from the tax office and my tax "
     "file number has been suspended he said there is a warrant out and the police would come unless i paid four "
     "thousand dollars in bitcoin at one of those machines he kept saying do not hang up do not tell anyone i just "
     "hung up and reported it"),
    ("awareness-electricity",
     "good morning this is a community notice from the city electricity board there has been a rise in calls where "
     "criminals pretend to be our staff they may say your power will be cut tonight because the last bill was not "
     "updated and ask you to pay a penalty by upi or download an app to update the meter the board never disconnects "
     "supply over a phone call and never asks for payment to a personal account please pay only through the official "
     "portal thank you"),
    ("awareness-bank-list",
     "hello this is a message from your bank customer care this is a general security message there has been an "
     "increase in calls where fraudsters pretend to be bank staff or police they may say your account is blocked or "
     "your parcel has drugs and ask you to share an otp install a screen sharing app or move your money to a safe "
     "account remember we will never ask for your otp or pin if you get such a call disconnect"),
]


@pytest.mark.parametrize("cid, text", RETOLD, ids=[c[0] for c in RETOLD])
def test_retold_call_or_awareness_talk_never_alerts(cid, text):
    state, updates = stream(text)
    assert not any(u.should_alert for u in updates), trace(updates)
    assert narrating(state.story), state.story


# Near misses: a scammer who says "he said" / "my manager said" inside a live demand, a grandchild's "the officer said"
# with the ask to the listener, a caller who mentions other calls before the ask. All alert.
SCAMS = [
    ("officer-relay",
     "yes madam i am transferring your call to the senior officer please hold listen carefully the senior officer said "
     "you must stay on this video call and you cannot tell anyone he said this is a matter of national security do you "
     "understand now you will transfer the balance of your account to the verification account i will give you open "
     "your banking app now"),
    ("manager-said-otp",
     "hello sir i am calling from the sbi kyc department my manager said your kyc is pending and your account will be "
     "blocked today please read me the otp sent to your mobile right now so i can update it"),
    ("grandson-bail",
     "grandpa it is me please do not tell mum the officer said i need to pay bail today or they will keep me here i "
     "need you to send two thousand dollars in gift cards right now please the lawyer will call you back"),
    ("heard-calls-then-ask",
     "sir this is the cyber cell there are many fraud calls these days some people called you yesterday and your "
     "number is linked to a money laundering case you will be arrested today unless you transfer your savings to the "
     "rbi safe account i will give you do not disconnect this call"),
    ("fraud-team-someone-called-us",
     "i am calling from your bank fraud team someone called us and said they are you he said he wants to change your "
     "registered mobile number so to stop it please read me the otp we just sent to your phone right now"),
]


@pytest.mark.parametrize("cid, text", SCAMS, ids=[c[0] for c in SCAMS])
def test_live_demand_with_reported_words_still_alerts(cid, text):
    state, updates = stream(text)
    assert any(u.should_alert for u in updates), trace(updates)
    assert not narrating(state.story), state.story


# story_counts(window, boundary) -> (anchors, frames, live, relays) of the text after the boundary
COUNTS = [
    ("so i get this call from some number saying its fedex", (1, 0, 0, 0)),
    ("my dad got one of those calls this morning", (1, 0, 0, 0)),
    ("kal ek ajeeb call aaya tha", (1, 0, 0, 0)),
    ("imagine your phone rings", (1, 0, 0, 0)),
    ("mom said you got a weird phone call yesterday", (1, 0, 0, 0)),
    ("there has been an increase in calls where fraudsters pretend to be the bank", (2, 1, 0, 0)),
    # the caller's own announcement or the listener's call: no story
    ("you got a call from customs saying your parcel is held", (0, 0, 0, 0)),
    ("we got a call from your branch this morning", (0, 0, 0, 0)),
    ("he told me i cannot cut the call", (0, 1, 0, 0)),
    ("ek aadmi bola main bank se bol raha hoon", (0, 1, 0, 0)),
    ("they may say your account is blocked", (0, 1, 0, 0)),
    # a live demand, and the same words quoted in a story
    ("do not disconnect this call", (0, 0, 1, 0)),
    ("he told me do not disconnect this call", (0, 1, 0, 0)),
    # a quote runs on for a sentence ...
    ("someone says hello im calling from your bank your account will be blocked today please tell me the otp",
     (0, 1, 0, 0)),
    # ... unless the speaker turns back to the listener
    ("someone called us and said he wants to change your number so to stop it please read me the otp", (1, 0, 1, 0)),
    ("listen carefully do you understand", (0, 0, 2, 0)),
    ("press nine now", (0, 0, 1, 0)),
    ("i am transferring your call to the officer", (0, 0, 1, 0)),
    # what scammers do, told in the present; a subject left out after "and"
    ("they say there is a suspicious payment", (0, 1, 0, 0)),
    ("she sent a qr code and told me to scan it", (0, 1, 0, 0)),
    ("somebody called me that he is from the bank", (1, 1, 0, 0)),
    # the caller relaying a superior: a live demand and a relay, not a story
    ("my senior has said you must stay on the video call", (0, 0, 2, 1)),
    ("mere senior ne bola hai ki aapko video call pe rehna hoga", (0, 0, 1, 1)),
]


@pytest.mark.parametrize("text, expected", COUNTS, ids=[c[0][:40] for c in COUNTS])
def test_story_counts(text, expected):
    assert story_counts(text, 0) == expected


@pytest.mark.parametrize("counts, expected", [
    ((1, 1, 0), True), ((2, 3, 1), True),
    ((0, 3, 0), False),  # frames without a call or scam talk as the topic ("my manager said ... he said ...")
    ((2, 0, 0), False),  # a topic without anyone's words reported
    ((1, 2, 2), False),  # as many live demands as frames: a caller relaying orders
    ((1, 1, 3), False),
])
def test_narrating(counts, expected):
    assert narrating(counts) is expected


def test_story_counts_only_count_the_new_segment():
    window = "he told me to install anydesk and then he said read the otp"
    boundary = window.index(" and then")
    assert story_counts(window, boundary) == (0, 1, 0, 0)


def test_story_survives_the_state_round_trip_and_bad_counts_are_refused():
    state, _ = stream(RETOLD[0][1])
    again = CallState.from_dict(state.to_dict())
    assert again.story == state.story and narrating(again.story)
    assert CallState.from_dict({k: v for k, v in state.to_dict().items() if k != "story"}).story == [0, 0, 0, 0]
    assert CallState.from_dict({**state.to_dict(), "story": [1, 2, 0]}).story == [1, 2, 0, 0]  # saved before relays
    with pytest.raises(InvalidInput):
        CallState.from_dict({**state.to_dict(), "story": [1, 2]})
    with pytest.raises(InvalidInput):
        CallState.from_dict({**state.to_dict(), "story": ["x", 1, 1]})


def test_warning_cues_share_a_cap():
    """An awareness message listing many scam asks at a quarter weight each adds at most 20 points in all."""
    _, updates = stream(RETOLD[4][1])
    warned = [s for u in updates[-1:] for s in u.assessment.signals if s.evidence.get("context") == "warning"]
    assert len(warned) >= 3 and sum(s.weight for s in warned) <= 20.0, trace(updates[-1:])


# A scammer's story told to pre-empt doubt, then a turn back to the listener ("so to stop this change read me the otp",
# "but your case is real"): what follows the turn is said to the listener. Both were read as retellings before.
TURNS = [
    ("sim-swap-story",
     "madam this is the customer care of your bank yesterday a man called us and said he is your husband he told us to "
     "change the mobile number on your account so to stop this change read me the otp you just received"),
    ("fake-callers-but-yours-is-real",
     "sir i am from the electricity office one customer got a call from fake people saying his power will be cut but "
     "your case is real your bill is pending and the line will be cut at nine tonight pay the amount on this upi id "
     "now"),
]


@pytest.mark.parametrize("cid, text", TURNS, ids=[c[0] for c in TURNS])
def test_turn_back_to_the_listener_after_a_story_alerts(cid, text):
    _, updates = stream(text)
    assert any(u.should_alert for u in updates), trace(updates)


# ... and what is no turn: a quoted "so you must", the filler "so you know", advice to the listener with no ask.
NO_TURNS = [
    ("quoted-so-you-must",
     "my uncle got a call from a man saying he was from the bank he said so you must share the otp to stop the block "
     "and my uncle just hung up on him"),
    ("filler-so-you-know",
     "yesterday a guy called my mum and said her card was blocked so you know she panicked and nearly read him the otp "
     "but then she called me and we rang the bank"),
    ("advice-but-your-bill",
     "my neighbour got a call from some people saying her electricity would be cut tonight unless she paid on upi but "
     "your bill is paid online automatically so you do not need to worry about it"),
]


@pytest.mark.parametrize("cid, text", NO_TURNS, ids=[c[0] for c in NO_TURNS])
def test_no_turn_keeps_the_retelling(cid, text):
    _, updates = stream(text)
    assert not any(u.should_alert for u in updates), trace(updates)
    assert not any(s.code == "otp_request" and "context" not in s.evidence
                   for s in updates[-1].assessment.signals)


@pytest.mark.parametrize("counts, expected", [
    ((0, 1, 2, 1), True),
    ((0, 0, 0, 0), False),
    ((1, 3, 1, 1), False),  # a narrator quoting "my manager said" inside a story stays a narrator
])
def test_relaying(counts, expected):
    assert relaying(counts) is expected


# A caller relaying a superior's orders in Hinglish: read as a retelling ("unhone kaha ki") before this round, missed.
def test_relayed_orders_in_hinglish_alert():
    state, updates = stream(
        "haan ji main cyber cell se inspector verma bol raha hoon aapke aadhaar se ek sim li gayi hai jisse fraud hua hai "
        "mere senior ne bola hai ki aapko abhi video call pe rehna hoga aur kisi ko batana nahi hai unhone kaha ki "
        "verification ke liye aapke account ka paisa rbi account mein transfer karna padega main aapko account number "
        "bhej raha hoon abhi transfer kijiye")
    assert relaying(state.story), state.story
    assert any(u.should_alert for u in updates), trace(updates)


# Genuine retellings of the same kinds: a buyer's UPI-PIN trick told to a spouse, a bank's staff huddle on scripts.
@pytest.mark.parametrize("text", [
    "hey honey its me listen something weird happened at the shop today this lady rings my mobile and says she wants "
    "to buy the old sofa from olx and she will send the money on google pay she sent a qr code and told me to scan it "
    "and enter my upi pin to receive the money i said hang on you do not need a pin to receive money and she got all "
    "angry and cut the call anyway i blocked her what do you want for dinner",
    "okay team for this mornings huddle lets go over the scripts scammers are using this month they ring customers "
    "pretending to be from our fraud team they say there is a suspicious payment and the account is at risk then they "
    "ask the customer to move the balance to a new safe account or to read out the one time code remember our staff "
    "never do this if a customer mentions a call like that escalate it to the fraud desk",
], ids=["olx-upi-pin-retold", "bank-staff-huddle"])
def test_more_retellings_do_not_alert(text):
    state, updates = stream(text)
    assert not any(u.should_alert for u in updates), trace(updates)


def test_an_imagined_call_in_a_lesson_does_not_alert_under_any_segmentation():
    text = ("okay everyone settle down so today in digital safety class we are going to talk about scam calls alright "
            "imagine your phone rings and someone says hello im calling from your bank your account will be blocked "
            "today please tell me the otp what do you do yes you hang up very good because the bank never asks for the "
            "otp")
    for words in (8, 10, 12, 15, 20):
        _, updates = stream(text, words)
        assert not any(u.should_alert for u in updates), (words, trace(updates))


# Retold-call frames in other words (a second adversarial read after the fixes above: a Singapore English retelling and
# a bank's call-back about a customer's scam call alerted): "got one call say from ...", "a call you received from
# someone saying ...". A scammer's follow-up about "the call you received from our officer" is no such frame.
@pytest.mark.parametrize("text, retold", [
    ("yesterday got one call say from singapore police force say my bank account got money laundering", True),
    ("you left us a voicemail about a call you received from someone saying they were from the bank", True),
    ("the call my dad got yesterday from a man claiming to be from the tax office", True),
    ("this is about the call you received yesterday from our officer saying your parcel has drugs", False),
    ("you got a call from our department saying your sim will be blocked", False),
])
def test_retold_call_frames(text, retold):
    from scamshield.engine.conversation.context import _RETOLD_CALL_RE
    assert (_RETOLD_CALL_RE.search(text) is not None) is retold


@pytest.mark.parametrize("text", [
    "ah boy you free or not ah i tell you ah yesterday got one call say from singapore police force say my bank account "
    "got money laundering must transfer to their account for checking i say wait ah i call my son first then the man "
    "scold me say cannot tell anybody i put down the phone already then i go the neighbourhood police post they say is "
    "scam lor",
    "hi this is jordan calling back from the bank fraud prevention team you left us a voicemail this morning about a call "
    "you received from someone saying they were from the bank and asking you to move your savings into a new account "
    "you did exactly the right thing we have put a note on your file and nothing has moved we will never ask you to "
    "transfer money to protect it",
], ids=["singapore-aunt-retells", "bank-call-back-about-a-scam-call"])
def test_retellings_in_other_words_do_not_alert(text):
    for words in (10, 12, 16):
        _, updates = stream(text, words)
        assert not any(u.should_alert for u in updates), (words, trace(updates))


def test_a_retold_otp_ask_in_nigerian_english_is_the_story():
    """'somebody called me that he is from the bank ... i should send the otp they sent to me': the narrator's own
    retold ask, heard only in the story."""
    state, updates = stream(
        "my brother good evening i hope you are well i want to tell you something this afternoon somebody called me that "
        "he is from the bank that my bvn will be blocked and i should send the otp they sent to me i told him i will go "
        "to the branch tomorrow he started shouting please tell mama to be careful they are calling old people")
    assert narrating(state.story), state.story
    assert not any(s.code == "otp_request" and "context" not in s.evidence for s in updates[-1].assessment.signals)
    assert not any(u.should_alert for u in updates)
