"""Fixes made after the first read of SMS hold-out batch m (see src/scamshield/training/data/README.md).

Invented variants of the KIND of each miss (not the rows), and near misses that must stay as they are. No row of the
hold-out set is repeated here.
"""

from __future__ import annotations

import pytest

from tests.support.sms import codes as _codes
from tests.support.sms import score as _score


FLAGGED = [
    # a warrant "unless you call" / missed jury duty, no fine named
    ("law_enforcement_threat", "Cook County Sheriff: you did not report for jury service. An arrest warrant will be "
                               "issued unless you call Sgt. Hale at 312-555-0144 within 2 hours"),
    ("law_enforcement_threat", "Court Office: a bench warrant stands unless you respond today. Call 0161 555 0199"),
    # the text after a cloned-voice call
    ("family_emergency", "Dad it's me, I'm in trouble and can't talk right now. Wire $1,500 to this account please, "
                         "hurry"),
    ("family_emergency", "Mummy maine abhi call kiya tha, main police station mein hoon, vakil ko 30,000 bhej do "
                         "is UPI pe: vakil.rk@okicici"),
    # regional-script KYC in the "to update KYC, click" form
    ("kyc_update_lure", "तुमचे खाते आज बंद होईल. केवायसी अपडेट करण्यासाठी या लिंकवर क्लिक करा: kyc-mh-upd.in"),
    ("kyc_update_lure", "আপনার অ্যাকাউন্ট আজ ব্লক হবে। কেওয়াইসি আপডেট করতে এই লিংকে ক্লিক করুন: kyc-bn-upd.in"),
    # the code "sent by mistake", code first
    ("credential_request", "Yaar galti se tumhare phone pe ek OTP chala gaya, please forward kar do jaldi"),
    # rental deposit before the keys
    ("advance_fee_request", "Flat in Baner available. I am posted in Jammu so can't show it, pay 15,000 advance and I "
                            "will courier the keys"),
    ("advance_fee_request", "Room is yours. Send the first month by PayPal and I'll post you the keys tomorrow"),
    # regional-script reward points expiring
    ("reward_points_lure", "आपके क्रेडिट कार्ड के रिवॉर्ड पॉइंट्स ₹3,200 आज समाप्त हो जाएंगे। अभी रिडीम करें: "
                           "rwd-pts-redeem.in"),
    # romanised Bengali disconnection
    ("utility_disconnection_threat", "Apnar bidyut connection aaj raat kete deya hobe. Ekhuni 9831099999 e call "
                                     "korun"),
]


@pytest.mark.parametrize(("code", "text"), FLAGGED)
def test_batch_m_kinds_are_flagged(code: str, text: str) -> None:
    assert code in _codes(text, "+919830000001")
    assert _score(text, "+919830000001") >= 50
    assert _score(text) >= 50


CLEAR = [
    "Jury Office: you did not report for jury service on 2 Dec. Please reschedule online at courts.state.gov/jury",
    "Hi Mum, I called you earlier but you were busy. Nothing urgent, call me back after dinner",
    "I'm in trouble with my boss lol, can't talk now, will call you tonight",
    "Dad I'm at the police station to get my passport verification done, will be home by 5",
    "Hi, the flat viewing is Saturday 11am. Deposit and keys on the day you move in, at the society office.",
    "Our landlord is an army officer, very strict about the rent date haha",
    "प्रिय ग्राहक, आपके रिवॉर्ड पॉइंट्स 1,250 हैं। SBI Card ऐप में देखें।",
    "বিদ্যুৎ দপ্তর: রক্ষণাবেক্ষণের জন্য কাল সকাল 10টা থেকে 2টা পর্যন্ত বিদ্যুৎ সরবরাহ বন্ধ থাকবে।",
    "Bhai maine tujhe galti se 500 zyada bhej diye, koi baat nahi agli baar adjust kar lena",
    # advice with a list under "never"
    "Bank alert: Never share OTP, CVV or scan a QR code to receive money. Call 1930 if cheated.",
    "RBI says: do not share PIN, OTP or enter your UPI PIN to receive money. Report at cybercrime.gov.in",
]


@pytest.mark.parametrize("text", CLEAR)
def test_batch_m_near_misses_stay_clear(text: str) -> None:
    assert _score(text) < 50


STILL_FLAGGED = [
    # the prohibition does not reach past "but / just / then"
    "Do not share this with anyone, just scan the QR and enter your PIN to receive the refund",
    "Never share OTP with anyone. Scan this QR code and enter UPI PIN to receive Rs 5000 cashback",
]


@pytest.mark.parametrize("text", STILL_FLAGGED)
def test_prohibition_does_not_excuse_a_later_ask(text: str) -> None:
    assert _score(text) >= 50
