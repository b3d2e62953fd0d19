"""Family money asks on a new / borrowed phone, and calls that retell a scam call (H7 round, blind5 hold-out).

Every call here is written by hand for this file (none is copied from the hold-out CSV). Calls are fed as an ASR
stream delivers them: 12-word final segments, no speaker tags, lower case, no punctuation.
"""

from __future__ import annotations

import time

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs


def stream(text: str, words: int = 12):
    state = CallState()
    toks = text.split()
    return [PRODUCT.feed(state, Segment(" ".join(toks[i:i + words]))) for i in range(0, len(toks), words)]


def codes(update) -> dict[str, float]:
    return {s.code: s.weight for s in update.assessment.signals}


# "New number" scam: a new or borrowed phone, no access to the banking app, a payment straight to someone else's
# account. Alerts.
NEW_NUMBER_SCAMS = [
    ("dad-borrowed-phone-supplier",
     "hi dad it is me i am on a friend phone because mine got stolen at the station and my banking app is on my old "
     "phone so i cannot log in can you pay the invoice for me it is to the supplier and the name is a bit different "
     "it is their holding account please do it now before five and do not tell mum"),
    ("mum-new-number-agent",
     "mum this is my new number my phone broke yesterday and i am locked out of my online banking for a day could "
     "you transfer the deposit directly to the letting agent i will send the sort code and account number the payee "
     "name will show as a different name that is normal please hurry they will give the room to someone else"),
]

# Genuine family money: the relative's own account, a known reason; even with a dead phone. No alert.
FAMILY_GENUINE = [
    ("phone-died-own-account",
     "hey dad my phone died so i am calling from my roommate phone can you send forty dollars to my account for the "
     "train ticket home i will pay you back when i get paid love you"),
    ("textbook-own-account",
     "hi mom the bookstore got my chemistry textbook and it is ninety dollars can you transfer it to my account the "
     "usual way thanks i will call grandma on sunday"),
    ("aunt-surgery-known-account",
     "hello beta your aunt surgery is next week and the insurance covers most of it we need ten thousand more can "
     "you send it to my account the same one as last diwali i will return it next month"),
]


@pytest.mark.parametrize("cid, text", NEW_NUMBER_SCAMS, ids=[c[0] for c in NEW_NUMBER_SCAMS])
def test_new_number_payment_to_someone_else_alerts(cid, text):
    updates = stream(text)
    assert any(u.should_alert for u in updates), [(u.risk_score, codes(u)) for u in updates]
    last = codes(updates[-1])
    assert "new_phone_claim" in last and "third_party_payment_request" in last, last


@pytest.mark.parametrize("cid, text", FAMILY_GENUINE, ids=[c[0] for c in FAMILY_GENUINE])
def test_family_money_to_own_account_does_not_alert(cid, text):
    updates = stream(text)
    assert max(u.risk_score for u in updates) < 40, [(u.risk_score, codes(u)) for u in updates]


# A relative retelling a scam call, or warning about them: every cue in a warning context -> no pattern bonus, the
# model capped, no alert. The same scam said to the listener still alerts.
RETOLD = [
    ("grandpa-retells-irs",
     "hi grandpa i heard you got a strange call yes a man said he was from the irs and that there was a warrant and "
     "i needed to buy gift cards to clear it and he said not to tell anyone i hung up good that is a scam sometimes "
     "they say your grandson is in jail and needs bail money or they want you to move your money to a safe account"),
    ("neighbour-warns",
     "did you hear about mrs lee the caller said her computer has a virus and she had to pay with gift cards "
     "sometimes they say your bank account will be blocked and usually they ask for the otp so just hang up"),
    ("retold-with-small-talk-urgency",
     "i am at the airport right now but i heard you got a strange call a man said he was from social security and "
     "your number was suspended and i needed to buy gift cards to clear it that is a scam sometimes they say your "
     "grandson is in jail and needs bail money or they want you to move your money to a safe account just hang up"),
]
SAID_TO_YOU = [
    ("irs-gift-cards",
     "this is the irs there is a warrant for your arrest you need to buy gift cards to clear it and do not tell "
     "anyone about this call"),
    ("grandson-bail",
     "grandma it is me i am in jail i need bail money please send it today and do not tell mom"),
]


@pytest.mark.parametrize("cid, text", RETOLD, ids=[c[0] for c in RETOLD])
def test_retold_scam_call_does_not_alert(cid, text):
    updates = stream(text)
    assert not any(u.should_alert for u in updates), [(u.risk_score, codes(u)) for u in updates]
    assert "ftc_pattern" not in codes(updates[-1])


@pytest.mark.parametrize("cid, text", SAID_TO_YOU, ids=[c[0] for c in SAID_TO_YOU])
def test_same_scam_said_to_the_listener_alerts(cid, text):
    updates = stream(text)
    assert any(u.should_alert for u in updates), [(u.risk_score, codes(u)) for u in updates]


def test_small_talk_then_pretext_alerts_soon_after_the_ask():
    """A long friendly opening adds nothing; once the safe-account ask is heard the call alerts within a segment."""
    small_talk = ("hi is this mark oh sorry wrong number i was looking for my tennis coach anyway how is the weather "
                  "there it has been raining all week here and my dog hates it ") * 6
    ask = ("by the way this is the fraud team of your bank your account is compromised you must move your money to a "
           "safe account today the payee name will show as a different name")
    updates = stream(small_talk + ask)
    n_small = len(small_talk.split()) // 12
    assert not any(u.should_alert for u in updates[:n_small])
    first = next(i for i, u in enumerate(updates) if u.should_alert)
    assert first <= n_small + 3, (first, n_small)


def test_segment_cost_on_a_long_call():
    """A 1,200-word call: the per-segment cost stays far below the 20 ms budget as the rolling context fills."""
    text = (("thank you for calling the help desk my laptop is slow since the update okay let me check the disk and "
             "the memory usage it looks like a sync client is using a lot of cpu ") * 40)
    toks = text.split()
    state = CallState()
    costs = []
    for i in range(0, len(toks), 12):
        t0 = time.thread_time()
        PRODUCT.feed(state, Segment(" ".join(toks[i:i + 12])))
        costs.append(time.thread_time() - t0)
    costs.sort()
    # CPU time of this thread (other jobs on a shared machine do not count): the 99th percentile within the 20 ms
    # segment budget (measured ~1 ms); thread_time ticks are coarse on some systems, hence a percentile
    assert len(toks) >= 1200 and costs[int(len(costs) * 0.99)] < 0.02, costs[-5:]


# A caller's claim alone, or only what genuine fraud alerts report (an unexpected charge, unusual activity), for a
# whole call: the learned model may lift it to 30 at most (it had sat at 40-45). A weak further cue lifts the cap.
CLAIM_ONLY = [
    ("bank-card-due",
     "hello this is a courtesy call from your bank about your credit card the statement was generated on the fifth "
     "and the minimum amount due is two thousand rupees the due date is the twentieth you can pay through the app "
     "or at any branch thank you for banking with us have a nice day"),
    ("tax-dept-notice",
     "good afternoon this is the income tax department calling about your return for last year it has been "
     "processed and the intimation has been sent to your registered email you can view it on the e filing portal "
     "under your login thank you"),
    ("merchant-charge-check",
     "hi we noticed an unusual transaction on your card ending in four two a charge of two hundred fifteen dollars at "
     "an electronics store this afternoon if it was you no action is needed if not please call the number on the "
     "back of your card"),
]


@pytest.mark.parametrize("cid, text", CLAIM_ONLY, ids=[c[0] for c in CLAIM_ONLY])
def test_claim_or_soft_problem_alone_sits_low(cid, text):
    updates = stream(text)
    assert max(u.risk_score for u in updates) <= 30, [(u.risk_score, codes(u)) for u in updates]


def _fixed_model(weight: float) -> ConversationDetector:
    from scamshield.engine.types import Signal

    return ConversationDetector(model_scorer=lambda _ctx: Signal("ml_transcript", weight, "model", {}))


def test_claim_plus_a_weak_cue_is_not_capped():
    """The bank claim, then a date of birth asked with urgency: the cap no longer applies (a model reading of 25
    counts in full); the claim alone with the same reading is held to 30 in all."""
    det = _fixed_model(25.0)
    state = CallState()
    det.feed(state, Segment("hello i am calling from sbi card department"))
    alone = {s.code: s for s in det.assess(state).signals}
    assert alone["ml_transcript"].weight < 25 and alone["ml_transcript"].evidence.get("capped"), alone
    det.feed(state, Segment("we need to verify your date of birth and your full name right now urgently please"))
    model = next(s for s in det.assess(state).signals if s.code == "ml_transcript")
    assert model.weight == 25.0 and not model.evidence.get("capped"), model


# Pretexts that arrive after a long friendly opening: the refund scam's "the service is closing, every customer gets
# a refund", and the pig-butchering pitch ("my uncle gets insider signals", "profits are stable, 20 percent a month").
SMALL_TALK = ("oh hi how are you doing today i am fine thanks a bit cold here the weather has been strange all week "
              "and my garden is a mess after the rain ") * 4
LATE_PRETEXTS = [
    ("refund-service-closing",
     "i am calling from the customer service department about the computer protection plan you bought years ago the "
     "company is shutting down the service and we are issuing refunds to all customers so you are eligible for a "
     "refund of two hundred ninety nine dollars please go to your computer and turn it on",
     "service_closure_refund"),
    ("pig-butchering-signals",
     "by the way my cousin works at a trading firm and he shares insider signals on bitcoin trades with the family "
     "the profits are really stable like twenty percent a month you just buy usdt and transfer it to the wallet "
     "address on the platform i will send you the link",
     "investment_lure"),
]


@pytest.mark.parametrize("cid, pretext, code", LATE_PRETEXTS, ids=[c[0] for c in LATE_PRETEXTS])
def test_late_pretext_is_read_and_alerts(cid, pretext, code):
    updates = stream(SMALL_TALK + pretext)
    n_small = len(SMALL_TALK.split()) // 12
    assert not any(u.should_alert for u in updates[:n_small])
    assert any(u.should_alert for u in updates[n_small:]), [(u.risk_score, codes(u)) for u in updates]
    assert code in codes(updates[-1])


# The same words where nothing is sold or asked stay below an alert.
LATE_PRETEXT_GENUINE = [
    ("store-closing-refund-notice",
     "hello this is the manager of the hardware store on main street we are closing at the end of the month and we "
     "are giving refunds to all customers who still hold store credit just bring your receipt to the counter"),
    ("friend-stock-tips",
     "my uncle is a financial analyst and he says the market will be rough this year so i am keeping my savings in "
     "the index fund and not doing any trading until it calms down"),
]


@pytest.mark.parametrize("cid, text", LATE_PRETEXT_GENUINE, ids=[c[0] for c in LATE_PRETEXT_GENUINE])
def test_pretext_words_without_an_ask_do_not_alert(cid, text):
    updates = stream(SMALL_TALK + text)
    assert not any(u.should_alert for u in updates), [(u.risk_score, codes(u)) for u in updates]


# A planned outage with its time window or its reason (maintenance, repairs) is a notice: planned_outage_notice
# offsets the disconnection cue, for the whole call, so the window may come in the next segment. A cut-off tied to an
# unpaid bill, a payment or an officer to call (anywhere in the call) voids the offset (R3 review #2: the
# electricity-bill scam announces its cut "tonight from nine thirty pm" too).
@pytest.mark.parametrize("text, threat", [
    ("this is the water board your water will be shut off between ten and two on monday for pipe repairs", False),
    ("city power here electricity will be switched off from eight am to noon on sunday while crews upgrade the line "
     "no action is needed", False),
    ("gas supply will be shut off for scheduled maintenance on the twelfth", False),
    ("your electricity will be cut tonight at nine thirty because your last bill is not updated", True),
    ("your power will be cut off tonight for non payment call this number to pay now", True),
    ("your electricity will be cut tonight from nine thirty pm because your bill was not updated", True),
    ("your gas supply will be shut off today between two and four pm for unpaid bill", True),
])
def test_planned_outage_is_not_a_disconnection_threat(text, threat):
    updates = stream(text, words=40)
    c = codes(updates[-1])
    net = c.get("utility_disconnection", 0) + c.get("planned_outage_notice", 0)
    assert (net >= 25) is threat, c


def test_planned_outage_window_in_the_next_segment_still_counts():
    """The lookahead limit of de8acd4 is gone: the window heard one segment later offsets the cut-off."""
    state = CallState()
    PRODUCT.feed(state, Segment("this is the electricity board power in your area will be cut off"))
    c = codes(PRODUCT.feed(state, Segment("from ten am to four pm on saturday for line maintenance")))
    assert c.get("utility_disconnection", 0) + c.get("planned_outage_notice", 0) <= 5, c


# A deadline is pressure when it is set for the listener, not when someone says when they will arrive or act.
@pytest.mark.parametrize("text, pressure", [
    ("okay i see the shell station now i will be there in two minutes", False),
    ("the food is ready in ten minutes come down when you can", False),
    ("haan papa main aaj shaam ko paise bhej dunga", False),
    ("you must pay the amount within two hours or the case goes to court", True),
    ("aaj raat tak payment karo warna connection kat jayega", True),
    ("you will get your money back within ten minutes after the task", True),
])
def test_deadline_is_pressure_only_when_set_for_the_listener(text, pressure):
    updates = stream(text, words=40)
    assert ("urgency_deadline" in codes(updates[-1])) is pressure, codes(updates[-1])
