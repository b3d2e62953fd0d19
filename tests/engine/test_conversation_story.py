"""Calls that are a story without an ask, and cue phrasings added after the blind3 hold-out was first read.

Every call and phrase here is written by hand for this file (none is copied from the hold-out CSV). Calls are fed as
an ASR stream delivers them: 12-word final segments, no speaker tags, lower case, no punctuation.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs


def stream(text: str, words: int = 12):
    state = CallState()
    toks = text.split()
    updates = [PRODUCT.feed(state, Segment(" ".join(toks[i:i + words]))) for i in range(0, len(toks), words)]
    return updates


def codes(update) -> dict[str, float]:
    return {s.code: s.weight for s in update.assessment.signals}


# An agency or police caller + a problem they genuinely report, nothing asked: never an alert, at any segment.
STORIES = [
    ("tax-refund-info",
     "this is an information call from the income tax department your refund of fifteen thousand rupees has been "
     "processed and will be credited to your bank account within a week"),
    ("police-accident",
     "hello this is officer reyes from the city police your son was in a car accident this morning he has been "
     "taken to st joseph hospital he is stable please come to the hospital"),
    ("cyber-cell-card",
     "this is sub inspector kumar from the cyber crime cell your debit card was used in a suspicious transaction "
     "that we are investigating please contact your bank and file a complaint on the portal"),
    ("court-clerk-conditional",
     "hello this is the county clerk of court if you missed your court date please contact the clerk's office "
     "during business hours to reschedule"),
    ("police-parcel-found",
     "hi this is constable lee from the county sheriff's office a parcel addressed to you was found damaged on the "
     "roadside you can collect it at the station front desk any weekday"),
]


@pytest.mark.parametrize("cid, text", STORIES, ids=[c[0] for c in STORIES])
def test_claim_and_problem_without_ask_does_not_alert(cid, text):
    updates = stream(text)
    assert not any(u.should_alert for u in updates), [(u.risk_score, codes(u)) for u in updates]


# The same stories once the caller asks, pays or threatens: they alert, and the capped model says why it was capped.
STORY_THEN_ASK = [
    ("police-accident-bail",
     "hello this is officer reyes from the city police your son was in a car accident and he has been arrested you "
     "need to pay the bail of two thousand dollars right now through gift cards"),
    ("tax-refund-otp",
     "this is the income tax department your refund of fifteen thousand rupees is pending please share the otp "
     "sent to your mobile to receive it"),
    ("cyber-cell-secrecy",
     "this is sub inspector kumar from the cyber crime cell your debit card was used in a suspicious transaction do "
     "not tell your bank or your family and move your balance to a safe account today"),
]


@pytest.mark.parametrize("cid, text", STORY_THEN_ASK, ids=[c[0] for c in STORY_THEN_ASK])
def test_the_ask_turns_the_story_into_an_alert(cid, text):
    assert any(u.should_alert for u in stream(text))


def test_story_cap_is_explained_and_leaves_rule_cues_alone():
    last = stream(STORIES[0][1])[-1]
    sig = {s.code: s for s in last.assessment.signals}
    assert sig["caller_claims_government"].weight == 18 and sig["refund_lure"].weight > 0
    assert last.risk_score <= 45
    model = sig.get("ml_transcript")
    if model is not None and model.evidence.get("capped"):
        assert "without ask" in model.evidence["reason"]


def test_authority_threat_is_not_a_story():
    updates = stream("this is the social security administration your social security number is going to be "
                     "suspended tonight because of fraud")
    assert any(u.should_alert for u in updates)
    assert "authority_threat_pattern" in codes(updates[-1])


# (phrase, cue code, expected present). Phrasings of real robocalls and scam-bait calls the lexicon missed, and
# statements that only sound like an ask.
PHRASES = [
    ("your social security number is going to be suspended tonight", "ssn_suspended", True),
    ("we see that your so social security number will be cancelled", "ssn_suspended", True),  # ASR stutter
    ("this is detective sergeant cole from the city of london police", "caller_claims_law_enforcement", True),
    ("the lineman is coming this evening to cut your supply", "utility_disconnection", True),
    ("to withdraw your earnings you must first pay twenty percent", "fee_to_release", True),
    ("there is a small withdrawal fee on the platform", "fee_to_release", True),
    ("transfer the amount to my usdt wallet address", "crypto_wire_payment", True),
    ("i will send my colleague to collect the cash from your home", "crypto_wire_payment", True),
    ("take out your savings in cash and our officer will collect it", "crypto_wire_payment", True),
    ("install the app i have sent you on whatsapp", "remote_app_install", True),
    ("log in to your net banking so i can send the refund", "remote_access_request", True),
    ("please log in to your net banking to see the statement", "remote_access_request", False),
    ("read me the nine digit code on the screen", "remote_access_request", True),
    ("this is the refund department of your broadband provider", "refund_lure", True),
    ("to renew your warranty press nine now", "press_key_prompt", True),
    ("please read me your card number and expiry", "card_details_request", True),
    ("your card details were leaked in a breach at the shop", "card_details_request", False),
    ("we will never call you to ask you to move money to a safe account", "safe_account_transfer", False),
    ("you must move your money to a safe account we will never call you again", "safe_account_transfer", True),
    ("officers will never ask you to stay on a video call or transfer money for verification",
     "digital_arrest_script", False),
    ("if you do not call us back today you will be arrested", "legal_threat", True),  # a conditional, not advice
    ("you failed to appear for jury duty last month", "court_no_show_claim", True),
    ("this is an urgent call from your visa card services about a charge", "caller_claims_bank", True),
    ("we are calling from hm revenue and customs about your tax return", "caller_claims_government", True),
    ("please download the app quick support from the play store", "remote_app_install", True),
    ("for quick support with your order call our helpline", "remote_app_install", False),
    ("if you missed your jury service please call the clerk", "court_no_show_claim", False),
    ("if you do not call back within the hour your account will be blocked", "account_block_threat", True),
]


@pytest.mark.parametrize("text, code, present", PHRASES, ids=[f"{p[1]}{'+' if p[2] else '-'}{i}"
                                                               for i, p in enumerate(PHRASES)])
def test_cue_phrasings(text, code, present):
    last = stream(text, words=40)[-1]
    assert (codes(last).get(code, 0) > 0) is present, codes(last)


# FTC lists threats of arrest, lawsuits, suspension and disconnection as the *pressure* of a phone scam: such a threat
# heard at full weight counts for the pressure group too (a threat in a warning about scams does not).
THREAT_PRESSURE = [
    ("an arrest warrant will be issued in your name today we are calling from the tax office", True),
    ("your electricity will be disconnected tonight we are calling from the board", True),
    ("your bank account will be blocked in two hours this is the fraud desk of your bank", True),
    ("police never say an arrest warrant will be issued in your name on a phone call that is a scam", False),
]


@pytest.mark.parametrize("text, pressure", THREAT_PRESSURE, ids=["legal", "utility", "account", "warning"])
def test_threats_count_as_pressure(text, pressure):
    last = stream(text, words=40)[-1]
    groups = next((s.evidence["groups"] for s in last.assessment.signals if s.code == "ftc_pattern"), [])
    assert ("pressure" in groups) is pressure, [(s.code, s.weight, s.evidence) for s in last.assessment.signals]
