"""General patterns behind the blind31 first read (issue #5): robocall scripts, a retold scam call, a refund the
caller asked for.

blind31 (40 ASR-style calls: 14 robocall / voicemail scams, 8 live scam-bait calls, 10 legitimate automated calls and
8 live genuine calls) was written before reading the detector and read once (P 0.913, R 0.955, F1 0.933, FPR 0.111,
median alert 0.52 of the call). Its three errors were of three kinds, each fixed by a general rule tested here:

* a friend retelling a scam call in the present tense ("so this guy calls and says ...", "and he goes you need to buy
  gift cards ...") quotes the scammer for several sentences: the retold-call frame now reaches further back;
* "you are entitled to a full refund" counted twice (a refund lure and a benefits lure): a refund is the refund cue's
  alone, so a genuine refund the customer asked for no longer reaches an alert with the model;
* robocall scripts the FTC documents ("this is cardholder services calling in regards to your current credit card
  account", "we have been trying to get a hold of you about your vehicle's warranty", "final courtesy notice before we
  close out your file", "to speak with a specialist press one", "the enrollment deadline is this friday") were read
  late or not at all.

None of the calls or phrases here is a hold-out row. Calls are fed segment by segment (14-word final segments, no
speaker tags, lower case, no punctuation, numbers spelled out). Near-miss genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import PRODUCT, RULES, codes
from tests.support.conversation import feed as _feed


def _chunks(text, n=14):
    words = text.split()
    return [" ".join(words[i:i + n]) for i in range(0, len(words), n)]


def _alerts(text):
    return any(u.should_alert for u in _feed(_chunks(text), PRODUCT))


def _first_alert(text):
    """Share of the call's segments heard when the first alert fired (None: no alert)."""
    ups = _feed(_chunks(text), PRODUCT)
    return next(((i + 1) / len(ups) for i, u in enumerate(ups) if u.should_alert), None)


def _signals(text, det=RULES):
    return {s.code: s for s in _feed(_chunks(text), det)[-1].assessment.signals if s.weight != 0}


# -- a scam call retold by the person who got it, in the present tense ---------------------------------------------
RETOLD = [
    "you would not believe it so this guy calls and says he is from the social security administration and my social "
    "security number has been suspended and he goes you need to go to the nearest store and buy five hundred dollars "
    "in google play gift cards to protect your account and do not tell anyone or you will be arrested i just hung up",
    "my neighbour says this lady rings her up and goes this is the internal revenue service you owe back taxes and you "
    "need to pay today with gift cards or the police will come to your house to arrest you she was so scared",
    "guess what happened at lunch a man phones me and goes hi this is microsoft your computer has a virus and he was "
    "like you need to download anydesk and give me the code and pay two hundred dollars for the repair so i laughed",
]


@pytest.mark.parametrize("text", RETOLD)
def test_a_retold_scam_call_does_not_alert(text):
    assert not _alerts(text), _signals(text, PRODUCT)


@pytest.mark.parametrize("text", RETOLD)
def test_the_retold_threat_counts_as_a_warning(text):
    sig = _signals(text)
    assert all(s.evidence.get("context") == "warning" for s in sig.values() if s.weight > 0), sig


@pytest.mark.parametrize("text", [
    # the same words said to the listener by the caller
    "this is officer miller from the social security administration your social security number has been suspended "
    "you need to go to the nearest store and buy five hundred dollars in google play gift cards to protect your "
    "account and do not tell anyone or you will be arrested",
    "hi this is microsoft your computer has a virus you need to download anydesk and give me the code on the screen "
    "and pay two hundred dollars for the repair",
    # a quote verb of the scammer's own ("they goes") is not a retelling frame for the caller's own asks
    "this is the internal revenue service you owe back taxes the officer says you need to pay today with gift cards "
    "or the police will come to your house to arrest you",
])
def test_the_same_words_said_to_the_listener_still_alert(text):
    assert _alerts(text), _signals(text, PRODUCT)


# -- a refund is the refund cue's alone --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, present, absent", [
    ("since the cancellation was on our side you are entitled to a full refund to the original form of payment",
     {"refund_lure"}, {"benefit_enrollment_lure"}),
    ("you are entitled to a refund of the delivery charge", {"refund_lure"}, {"benefit_enrollment_lure"}),
    ("our records show you have an unclaimed refund from the government", {"benefit_enrollment_lure"}, set()),
    ("you are entitled to medicare benefits you are missing out on", {"benefit_enrollment_lure"}, set()),
])
def test_refund_counts_once(text, present, absent):
    got = codes(text)
    assert present <= got and not (absent & got), got


@pytest.mark.parametrize("text", [
    "thank you for calling customer care can i have your booking reference please sure it is k w seven three okay i "
    "see your flight was cancelled so you are entitled to a full refund to the original form of payment it is four "
    "hundred twelve dollars back to the card you booked with you do not need to give me the card number the refund "
    "has been submitted and takes seven to ten business days anything else no thank you",
    "hi it is the furniture store about your sofa order the supplier cancelled the fabric so you are entitled to a "
    "refund of the deposit it will go back to the card you paid with in three to five days sorry for the trouble",
])
def test_a_refund_the_customer_is_owed_does_not_alert(text):
    assert not _alerts(text), _signals(text, PRODUCT)


# -- robocall scripts ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("we have been trying to get a hold of you", "robocall_notice"),
    ("we have been trying to get ahold of you", "robocall_notice"),
    ("this is your final courtesy notice before we close out your file", "robocall_notice"),
    ("we are giving you one last call before we close the file", "robocall_notice"),
    ("to speak with a licensed enrollment specialist press one", "press_key_prompt"),
    ("to talk to one of our debt relief counselors press nine", "press_key_prompt"),
    ("the enrollment deadline is this friday", "urgency_deadline"),
    ("the forgiveness window closes tomorrow", "urgency_deadline"),
    ("hi this is amanda from card holder services", "robocall_script_opener"),
    ("cardholder services calling in regards to your current credit card account", "robocall_script_opener"),
    ("there is no problem with your account but it is urgent that you contact us", "robocall_script_opener"),
    ("we have been trying to reach you concerning your car s extended warranty", "robocall_script_opener"),
])
def test_robocall_script_cues(text, code):
    assert code in codes(text), codes(text)


@pytest.mark.parametrize("text, code", [
    # a genuine card issuer's fraud team: "cardmember services" is a real bank department name
    ("hi this is maria from chase cardmember services about a recent charge", "robocall_script_opener"),
    ("there is no problem with your account i am just calling to say your new card has shipped",
     "robocall_script_opener"),
    ("the school registration deadline is friday", "urgency_deadline"),
    ("we have been trying to reach you about your dental appointment", "robocall_script_opener"),
])
def test_robocall_script_cues_near_misses(text, code):
    assert code not in codes(text), codes(text)


SCRIPTED_ROBOCALLS = [
    "hello this is card holder services calling in regards to your current credit card account there is no problem "
    "with your account but it is urgent that you contact us about lowering your rate press one now",
    "hi we have been trying to get a hold of you about your vehicle service contract this is your final courtesy "
    "notice before we close out your file to speak with a warranty specialist press one",
    "hello this is a message about your federal student loans under the new forgiveness program you may qualify to "
    "have your balance discharged the enrollment deadline is this friday to speak with a document specialist press one",
]


@pytest.mark.parametrize("text", SCRIPTED_ROBOCALLS)
def test_scripted_robocalls_alert(text):
    assert _alerts(text), _signals(text, PRODUCT)


def test_the_cardholder_script_alerts_on_its_opener():
    text = SCRIPTED_ROBOCALLS[0]
    at = _first_alert(text)
    assert at is not None and at <= 0.5, (at, _signals(text, PRODUCT))


@pytest.mark.parametrize("text", [
    # genuine automated calls and call-backs with the same words
    "hi this is the dental office we have been trying to get a hold of you about rescheduling your cleaning please "
    "call us back at your convenience thank you",
    "hi this is maria from chase cardmember services calling about a recent charge of eighty dollars on your card "
    "ending in one two three four if you made this purchase press one if you did not make it press two we will never "
    "ask for your pin",
    "this is a reminder from human resources open enrollment for your health benefits is under way the enrollment "
    "deadline is friday please log in to the benefits portal to make your choices to speak with a benefits "
    "representative press one",
    "this is delta air lines your flight to boston has been delayed to eight p m to speak with an agent press one",
    "hello this is the county library the book you placed on hold is ready to speak with a librarian press zero",
])
def test_genuine_automated_calls_with_script_words_stay_quiet(text):
    assert not _alerts(text), _signals(text, PRODUCT)
