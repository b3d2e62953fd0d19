"""General patterns behind the blind29 first read (issue #5), as invented rows.

blind29 was written before reading the detector, read once and reported (P 0.882, R 1.0, FPR 0.133, median alert
0.397); these fixes came after, so blind29 is fitted now (after them: P 1.0, R 1.0, FPR 0, median alert 0.392; SSA
voicemail 0.851 -> 0.365, electricity voicemail 0.783 -> 0.609, investment mentor 0.911 -> 0.840 under the evaluation
script's segmentation; the 0.27 / 0.41 in commit 379dce9 were one seed-0 trace, and its "FP 4 -> 1" in 70c050d
counted rows of another split appended meanwhile: without them all splits go FP 2 -> 0). None of these rows is a hold-out call: each phrasing, near
miss and call below is worded differently from the ``blind29`` split. Calls are fed segment by segment (final
segments, no speaker tags). Scam calls must alert at some segment; genuine calls that use the same words must never
alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import PRODUCT, RULES
from tests.support.conversation import feed as _feed


def _weights(text, det=RULES):
    """Rule code -> (weight, context) that one segment raises on its own."""
    return {s.code: (s.weight, s.evidence.get("context")) for s in _feed([text], det)[-1].assessment.signals
            if s.weight > 0}


def _full(text):
    return {c for c, (_, ctx) in _weights(text).items() if ctx != "warning"}


def _warned(text):
    return {c for c, (_, ctx) in _weights(text).items() if ctx == "warning"}


def _alerts(segments):
    return any(u.should_alert for u in _feed(segments, PRODUCT))


# -- a call somebody else got, retold: the scammer's words reach the listener second-hand ---------------------------
@pytest.mark.parametrize("text, code", [
    ("my aunt got a call from someone claiming to be from customs and there was a parcel with drugs in her name",
     "digital_arrest_script"),
    ("my dad had a call from a man saying your social security number is suspended", "ssn_suspended"),
    ("the officer on the video kept her there and told her you are under digital arrest do not leave the room",
     "digital_arrest_script"),
    ("and they asked him to install anydesk on the laptop", "remote_app_install"),
    ("they convinced her to buy google play gift cards at the pharmacy", "gift_card_payment"),
    ("she told me to download teamviewer and give her the code on the screen", "remote_app_install"),
    ("then they said we will connect you to the narcotics bureau in delhi", "caller_claims_law_enforcement"),
])
def test_a_retold_call_is_a_warning_not_a_callers_words(text, code):
    assert code in _warned(text) and code not in _full(text), _weights(text)


@pytest.mark.parametrize("text, code", [
    # the same cues said to the listener by the caller still count in full
    ("we received a complaint a parcel with drugs was booked in your name to bangkok", "digital_arrest_script"),
    ("please install anydesk on your laptop now and tell me the code", "remote_app_install"),
    ("i told him your grandson is safe you need to buy google play gift cards today", "gift_card_payment"),
    ("sir i am connecting you to the narcotics bureau officer do not disconnect", "caller_claims_law_enforcement"),
    ("your social security number has been suspended due to suspicious activity", "ssn_suspended"),
])
def test_the_callers_own_words_still_count(text, code):
    assert code in _full(text), _weights(text)


_RETOLD_DIGITAL_ARREST = [
    "hi rohan it's anjali sorry to call so late but you need to hear what happened to my mother",
    "she got a call from someone saying they were from the courier company",
    "and a parcel in her name was stopped at the airport with fake passports and drugs inside",
    "then they said they are putting the call through to the cbi in delhi",
    "a man in a police uniform came on the video and told her she was under digital arrest",
    "they kept her on camera the whole afternoon and told her not to tell anyone at home",
    "they asked her to move her fixed deposit into a verification account for checking",
    "luckily the bank manager got suspicious when she came to the branch and stopped it",
    "we reported it to the cyber cell so please warn your parents too",
]
_RETOLD_TECH_SUPPORT = [
    "hello this is tom from the evening paper thanks for talking to us about what happened last month",
    "sure so a man rang me and said he was with microsoft and my laptop had a virus",
    "he told me to go to a site and install something called teamviewer and read him the code",
    "then he said he had put too much money in my account by mistake and i had to send it back in gift cards",
    "i lost about two thousand dollars in the end and the bank could not get it back",
    "thank you we will run the piece on sunday and we will not print your surname",
]


@pytest.mark.parametrize("segments", [_RETOLD_DIGITAL_ARREST, _RETOLD_TECH_SUPPORT])
def test_genuine_calls_retelling_a_scam_never_alert(segments):
    assert not _alerts(segments), [u.risk_score for u in _feed(segments, PRODUCT)]


_SCAM_DIGITAL_ARREST = [
    "hello mister verma this is inspector rathore from the mumbai cyber crime branch",
    "a parcel booked on your aadhaar number was seized at customs with drugs and fake passports",
    "there is an arrest warrant in your name you are under digital arrest do not disconnect this video call",
    "do not tell your family this is a confidential investigation",
    "you have to transfer your savings to the rbi verification account for checking",
]
_SCAM_GRANDSON_WITH_THEN = [
    "grandpa it's me your grandson i am in big trouble please do not tell mom",
    "i hit a car and the police took me to the station then they said i can call one person",
    "my lawyer will talk to you now hello sir the bail is eight thousand dollars",
    "you need to pay the bail today in cash a courier will come to your house to collect it",
]


@pytest.mark.parametrize("segments", [_SCAM_DIGITAL_ARREST, _SCAM_GRANDSON_WITH_THEN])
def test_scams_told_to_the_listener_still_alert(segments):
    assert _alerts(segments), [u.risk_score for u in _feed(segments, PRODUCT)]


# -- speech-to-text: "social" heard as "so" before an agency's words; spelled "u s d t" -----------------------------
@pytest.mark.parametrize("text, code", [
    ("this is a message from the so security administration regarding your case", "caller_claims_government"),
    ("we found that your so security number is being used for fraud in texas", "ssn_suspended"),
    ("your so security benefits will be suspended today", "ssn_suspended"),
    ("you can also send the payment in u s d t to our wallet address", "crypto_wire_payment"),
])
def test_misheard_agency_words_and_spelled_coins_are_read(text, code):
    assert code in _full(text), _weights(text)


@pytest.mark.parametrize("text", [
    "so security is really tight at the stadium tonight",
    "so security number two on the list is the locks on the back door",
    "i said u s d a inspection is on friday at the farm",
])
def test_so_security_in_everyday_speech_stays_quiet(text):
    assert not _weights(text), _weights(text)


# -- an electricity cut-off in Indian English: "connection will be stopped", "supply will be off" --------------------
@pytest.mark.parametrize("text", [
    "sir your light connection will be stopped tonight from our office",
    "madam your electricity connection will be discontinued today at nine pm",
    "your power supply will be off tonight because your bill is not updated",
    "your meter will be removed in two hours by our lineman",
])
def test_a_cut_off_of_your_connection_in_other_words_is_a_disconnection_threat(text):
    assert "utility_disconnection" in _full(text), _weights(text)


@pytest.mark.parametrize("segments", [
    # a planned outage with its window and reason, the same verbs
    ["good morning this is the power company with a planned work notice for your street",
     "the power supply will be off tomorrow from nine am to three pm for line maintenance",
     "you do not need to do anything and there is nothing to pay thank you"],
    # a tenant told by the landlord, no bill and no officer
    ["hi it's mark your landlord just a heads up the water in the building",
     "will be off tomorrow from ten to twelve while the plumber fixes the main valve",
     "sorry for the trouble i will text you when it is back on"],
    # the user's own cancellation, confirmed
    ["thanks for calling city gas i have processed the move out you asked for",
     "your gas connection will be stopped from the thirtieth as you requested",
     "the final reading will be taken that day and the bill will come by email"],
])
def test_planned_or_requested_cut_offs_never_alert(segments):
    assert not _alerts(segments), [u.risk_score for u in _feed(segments, PRODUCT)]


def test_an_electricity_caller_without_cut_wording_alerts():
    segments = ["hello sir this is from the electricity department your last month bill is not updated",
                "so tonight at ten your power connection will be stopped from our office",
                "please call our officer on this number immediately and update it"]
    assert _alerts(segments), [u.risk_score for u in _feed(segments, PRODUCT)]
