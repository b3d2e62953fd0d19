"""A UPI PIN entered to pay (with a cashback / scratch card on that payment) is not a PIN to receive money; a
Hinglish digital-arrest threat in the caller's own voice without the word "warrant" is a threat, and a warning to
family that retells it is not. Each rule with near misses."""

from __future__ import annotations

import pytest

from scamshield.engine.cues import SMS_CUES
from scamshield.engine.sms import analyze_sms

FLAG_AT = 50


def _sms_codes(text: str, sender: str | None = None) -> set[str]:
    return {s.code for s in analyze_sms(text, sender=sender).signals}


def _lexicon_codes(text: str) -> set[str]:
    return {h.cue.code for h in SMS_CUES.scan(text)}


# ---- 1. a PIN entered to authorise the reader's own payment, the reward a cashback on it ----
PAY_PROMOS = [
    (None, "Pay your electricity bill on PhonePe, enter UPI PIN and get 5% cashback"),
    (None, "Scan & pay at any store with Paytm, enter UPI PIN and get a scratch card"),
    ("VM-PHONPE", "Pay your electricity bill on PhonePe, enter UPI PIN and get 5% cashback"),
    (None, "Recharge your mobile on Amazon Pay, enter your UPI PIN and earn 100 reward points"),
    (None, "Scan and pay with Google Pay at any shop, use your UPI PIN and get rewards up to Rs 100"),
    (None, "Shopping this weekend? Pay with BHIM at checkout, enter your UPI PIN & win a voucher worth Rs 100"),
]


@pytest.mark.parametrize("sender,text", PAY_PROMOS)
def test_pin_to_pay_with_cashback_is_not_pin_to_receive(sender: str | None, text: str) -> None:
    assert "pin_to_receive" not in _lexicon_codes(text)
    a = analyze_sms(text, sender=sender)
    codes = {s.code for s in a.signals}
    assert not codes & {"pin_to_receive", "pin_to_receive_money", "credential_request"}
    assert a.risk_score < FLAG_AT


PIN_TO_RECEIVE = [
    # no payment of the reader's own: the PIN is to receive
    "enter UPI PIN to receive Rs 5000 cashback",
    "you have received a cashback of Rs 2,000, enter your UPI PIN to claim it",
    # a token payment to receive more is the scam, cashback word or not
    "pay Rs 1 and enter UPI PIN to get Rs 5000",
    "pay Rs 1 and enter UPI PIN to get Rs 5000 cashback",
    # a fee or a "verification" payment to release money is the advance-fee lure, not a purchase
    "Pay Rs 10 processing fee, enter UPI PIN and get your cashback of Rs 5000",
    "Pay the verification amount of Rs 49, enter UPI PIN and get Rs 5000 cashback",
    "Send Rs 2 to verify and enter UPI PIN and get Rs 10000 reward",
    # a payment named, but the PIN is still "to receive"
    "Pay your bill and enter UPI PIN to receive Rs 500 cashback",
]


@pytest.mark.parametrize("text", PIN_TO_RECEIVE)
def test_pin_to_receive_still_fires(text: str) -> None:
    assert "pin_to_receive" in _lexicon_codes(text)
    a = analyze_sms(text)
    assert "pin_to_receive" in {s.code for s in a.signals}
    assert a.risk_score >= FLAG_AT


@pytest.mark.parametrize("text", [
    "PIN daliye to paise aapke account me aa jayenge",
    "Sir main OLX buyer hu, payment bhej diya hai, QR scan karke PIN daliye, paise aapke account me aa jayenge",
])
def test_hinglish_pin_to_receive_still_fires(text: str) -> None:
    assert _sms_codes(text) & {"pin_to_receive", "pin_to_receive_money"}


# ---- 2. Hinglish own-voice arrest threats without "warrant" ----
OWN_VOICE_THREATS = [
    "CBI se bol raha hu, aapke naam pe case hai, video call pe aao warna arrest hoga",
    "Mumbai police se bol raha hu, aapke khilaf FIR darj hui hai, cooperate nahi kiya to giraftaar ho jaoge",
    "Cyber crime department: aapko arrest kar lenge agar aaj statement nahi diya",
    "Aapke Aadhaar se parcel me drugs mile hain, abhi baat karo nahi to jail jana padega",
]


@pytest.mark.parametrize("text", OWN_VOICE_THREATS)
def test_hinglish_own_voice_arrest_threat(text: str) -> None:
    assert "law_enforcement_threat" in _lexicon_codes(text)
    assert "law_enforcement_threat" in _sms_codes(text)


THREAT_NEAR_MISSES = [
    # a warning to family that retells the threat
    "CBI bol ke call aate hai, arrest ki dhamki dete hai, dhyan rakhna",
    "Aise call aate hai ki aapke naam pe case hai warna arrest hoga, ye fraud hai, dhyan rakhna",
    # news, and "nahi to ... hoga" with no arrest
    "Aaj news me dekha ek aadmi arrest hua fraud case me",
    "Bhai kal match hai, nahi aaya to tera kya hoga",
]


@pytest.mark.parametrize("text", THREAT_NEAR_MISSES)
def test_hinglish_threat_near_misses(text: str) -> None:
    a = analyze_sms(text)
    assert "law_enforcement_threat" not in {s.code for s in a.signals}
    assert a.risk_score < FLAG_AT


def test_case_in_name_alone_is_a_weaker_claim() -> None:
    # "aapke naam pe case hai" alone is the caller's claim (30), not yet the arrest threat (45)
    hits = [h for h in SMS_CUES.scan("aapke naam pe case hai") if h.cue.code == "law_enforcement_threat"]
    assert hits and max(h.cue.weight for h in hits) == 30
