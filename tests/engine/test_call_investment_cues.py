"""Investment-mentor calls (issue #5, blind35): a high return in days or weeks, institutional shares 'retail investors
cannot get', and a trading app installed from a link or a chat instead of the official store. Near misses: returns over
years, paperwork that arrives in a week, an app from the store, a warning never to install from a link."""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer
from scamshield.engine.conversation.cues import load_cues
from scamshield.engine.conversation.normalize import normalize_transcript

CUES = {c.code: c for c in load_cues()}
PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)


def hits(code: str, text: str) -> bool:
    return CUES[code].regex.search(normalize_transcript(text)) is not None


@pytest.mark.parametrize("text, expected", [
    ("last week the members got thirty two percent return on the block trade wow thirty two percent in a week", True),
    ("our members made forty percent profit in just two days", True),
    ("twenty five percent gains within a few days on the signals", True),
    ("he has inside channels for institutional shares that normal retail investors cannot get", True),
    ("pre ipo allotment which ordinary people can not access", True),
    # near misses
    ("the fund made a twelve percent return over ten years i will send the documents in a week", False),
    ("our pension fund had eight percent returns in a year", False),
    ("the fund had a fifteen percent return last year we will post the statement in a few days", False),
    ("the stock fell thirty percent in a week after the news", False),
    ("institutional investors hold most of the shares", False),
    ("i got five percent off in a week long sale", False),
])
def test_investment_lure_forms(text, expected):
    assert hits("investment_lure", text) is expected


@pytest.mark.parametrize("text, expected", [
    ("it is not on the app store because it is a professional platform you install the profile from the link", True),
    ("the platform is not available on google play so download it from our website link", True),
    ("please install the apk file from the link i sent on whatsapp", True),
    ("download the trading app via telegram", True),
    ("download the app from the whatsapp group", True),
    # near misses
    ("you can download our app from the play store", False),
    ("download the app from the link we texted you to track your parcel", False),
    ("the app is not available on the play store in your country yet sorry", False),
    ("open the app from your home screen", False),
    ("i sent you the link to the form", False),
])
def test_offstore_app_install_forms(text, expected):
    assert hits("offstore_app_install", text) is expected


def _alerts(text: str, words: int) -> list:
    state = CallState()
    toks = text.split()
    return [PRODUCT.feed(state, Segment(" ".join(toks[i:i + words]))) for i in range(0, len(toks), words)]


MENTOR = ("hi this is sophia assistant to professor lee from the stock learning group you joined on whatsapp last week "
          "our members made forty percent profit in just two days on the block trade the professor has institutional "
          "shares that normal retail investors cannot get you should try with a small amount first the platform is not "
          "on the app store so you install the profile from the link i send you okay and then what")
ADVISER = ("hello mr grant it is priya from harbour wealth your annual review is due the balanced fund made a seven "
           "percent return over the last year and we will post the statement in a few days you can also see it in our "
           "app just download it from the app store never install anything from a link someone sends you is thursday "
           "at ten still good for the review meeting")


def test_a_mentor_call_alerts_before_any_payment_is_named():
    for words in (8, 10, 12, 15, 20):
        assert any(u.should_alert for u in _alerts(MENTOR, words)), words


def test_an_advisers_annual_review_does_not_alert():
    for words in (8, 10, 12, 15, 20):
        updates = _alerts(ADVISER, words)
        assert not any(u.should_alert for u in updates), words
        codes = {s.code for s in updates[-1].assessment.signals if s.weight > 0}
        assert not codes & {"investment_lure", "offstore_app_install"}, codes
