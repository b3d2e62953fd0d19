"""Fixes for the SMS findings of the r6 adversarial review (evasions, a slow input, a false positive).

The reviewer's inputs, invented variants of the same kind (scam: flagged, score >= 50), and genuine messages of the
shape each rule had to spare (awareness texts, a friend on a new number who asks to be called: must stay below 50).
"""

from __future__ import annotations

import time

import pytest

from scamshield.engine.sms import analyze_sms
from tests.support.sms import codes as _codes
from tests.support.sms import score as _score

PERSONAL = "+919845612345"


# F4. A warning sentence in front of a lure that asks for a reply by e-mail, chat app or "our officer".
WARNING_IN_FRONT_SCAMS = [
    # the reviewer's
    'Beware of fake SMS saying "your account is blocked". Your SBI account is actually on hold. Email your PAN, '
    'Aadhaar, card number and CVV to sbi.kyc.cell@gmail.com to reactivate today.',
    "Messages claiming your account will be blocked are fake. To keep your account safe, send your PAN and Aadhaar "
    "photo to our officer on WhatsApp today.",
    'Beware of fake SMS saying "your account is blocked". To keep your account safe, email your PAN, Aadhaar and card '
    "details to sbi.kyc.cell@gmail.com today.",
    # invented variants
    'SMS saying "your KYC has expired" are fraud. Genuine KYC update: mail your Aadhaar and PAN copy to '
    "hdfc.kyc.desk@yahoo.com.",
    "Beware of fraud messages claiming your card will be blocked. To protect your card, share the card number and "
    "expiry date with our executive on WhatsApp.",
    "Don't trust messages saying your SIM will be deactivated. Send your Aadhaar photo on WhatsApp to keep your "
    "number active.",
    'Fake SMS alert: "your account is suspended". Stay safe from fraudsters, upload your PAN and Aadhaar to our '
    "verification team today.",
    "Messages claiming your pension will be stopped are fake. Please send your Aadhaar, bank passbook photo and life "
    "certificate to our officer on Telegram.",
    'Beware of fake SMS saying "your account is blocked". To keep it active, DM your PAN and Aadhaar to our helpdesk '
    "on Instagram.",
    "Messages claiming your account will be blocked are fake. Contact our KYC officer on WhatsApp today to keep your "
    "account safe.",
    # report wording does not excuse a chat app or a credential ask
    "Messages claiming your account will be blocked are fake. Contact our fraud team on WhatsApp to keep your account "
    "safe.",
    "Messages claiming your account will be blocked are fake. Report to our KYC officer on Telegram today to keep it "
    "active.",
    "Fake SMS saying 'account blocked' are scams. Report your card number and CVV to sbi.fraud.cell@gmail.com to "
    "secure it.",
]

# F5. A warning sentence in front of a payment demand or threat (a toll-free number beside it excuses nothing).
WARNING_IN_FRONT_PAY_SCAMS = [
    # the reviewer's
    "Messages claiming your electricity will be disconnected tonight are fake. Kindly pay your pending bill now to "
    "avoid disconnection. Call 1800 180 2345.",
    "Messages claiming your electricity will be disconnected tonight are fake. Your real bill is pending, clear it "
    "now or your connection will be cut.",
    # invented variants
    'SMS saying "your power will be cut tonight" are fraud. Your actual dues are pending, pay today to avoid '
    "disconnection. Helpline 1912.",
    "Beware of fake messages claiming your gas connection will be stopped. Your real KYC is pending, settle the fee "
    "immediately or your connection will be blocked.",
    "Messages claiming your FASTag is blocked are fake. But your toll dues are overdue: pay now or a penalty will be "
    "added. Call 1800 120 4210.",
    "Messages claiming your electricity will be disconnected tonight are fake. Your real bill is overdue and your "
    "connection will be cut tomorrow. Call 1800 180 2345.",
    "Calls claiming to be from CBI are fraud. However a case is registered on your Aadhaar; pay the clearance fee "
    "immediately or you will be arrested.",
]

# Awareness texts (and near misses of every new rule) that must stay low.
AWARENESS_GENUINE = [
    "Beware! Kotak Bank never asks for your PIN, OTP or CVV. Do not click on links in SMS claiming KYC expiry. Report "
    "fraud at 1930 or cybercrime.gov.in",
    "TRAI never calls to disconnect your number. Calls/messages claiming your SIM will be blocked in 2 hours are "
    "fraud. Report at sancharsaathi.gov.in",
    "Fake SMS: 'You have won Rs 50,000...' do not reply. Report to 1930 - SBI",
    # a payment pointer without "now" / a threat
    "Messages claiming your electricity will be disconnected tonight are fake. Pay bills only through the official "
    "app or website.",
    # negated document ask, chat app and e-mail named
    "Messages claiming your account will be blocked are fake. Never send your PAN, Aadhaar or card details on "
    "WhatsApp or email.",
    # the ask described as the scammer's
    'Fake SMS alert: "Your account is blocked, update KYC". If someone asks you to email your Aadhaar and PAN photo, '
    "it is fraud. Report at 1930.",
    "Beware of fake messages saying your power will be cut tonight. Fraudsters ask you to pay now on a mobile number. "
    "MSEDCL never does this. Report at 1930.",
    # the brand's own report address
    'SBI: Fake SMS saying "your YONO is blocked" are in circulation. SBI never asks for your PAN, Aadhaar, OTP or CVV '
    "on WhatsApp. Report phishing to report.phishing@sbi.co.in",
    "Scam alert from CommBank: we will never send you a link asking you to log in or confirm your details. If you get "
    "such a message, forward it to hoax@cba.com.au",
    "HDFC Bank: beware of fake SMS claiming your card is blocked. Your card is safe. To report fraud, write to "
    "support@hdfcbank.com or call 1800 202 6161.",
    # a threat reported as what the scammer says
    "Scam alert: messages claiming your parcel is held at customs are fake. They say your package will be seized "
    "unless you pay. Ignore them and report at 1930.",
    "Messages saying your KYC is pending are fake. Update KYC only at your home branch or the official app. Do not "
    "share documents on WhatsApp.",
    "Hey, I got an SMS saying my electricity will be cut tonight, it's a scam right? Ignoring it.",
    # the official ways of sending a document: a government short code, the home branch, the official app
    "Messages claiming your PAN will be deactivated are fake. To link PAN with Aadhaar, SMS UIDPAN <12 digit Aadhaar> "
    "<10 digit PAN> to 567678 or 56161.",
    "To link PAN with Aadhaar, SMS UIDPAN <12 digit Aadhaar> <10 digit PAN> to 567678 or 56161. Beware of fraud "
    "calls. -ITD",
    'Fake SMS saying "your account is blocked" are in circulation. For genuine KYC, submit your PAN and Aadhaar at '
    "your home branch.",
    "Fake messages claiming your account will be frozen are doing the rounds. We never ask for documents on "
    "WhatsApp. Upload KYC documents only in the official app.",
    "Beware: calls claiming to be from TRAI saying your number will be blocked are fraud. Do not share Aadhaar or "
    "OTP. Report at sancharsaathi.gov.in",
    "Fraudsters send SMS saying your power will be cut tonight. Do not call the number. Pay bills only via official "
    "app. -TPDDL",
    # a biller's own deadline, pointed to the official way
    "Fraud alert: SMS claiming your electricity will be disconnected are fake. Pay your bill on time to avoid "
    "disconnection - only on the official website. -BESCOM",
    "Aise messages fake hain jo kehte hain bijli kat jayegi. Bill sirf official app se bharein. Shikayat 1912 par "
    "karein.",
    "Beware: SMS saying your account will be blocked unless you update PAN are fake. Your account will not be "
    "blocked. Ignore such SMS. -SBI",
    # a team or address to report scams to; the bank's own 'never on WhatsApp / email'
    "Fake SMS saying 'your card is blocked' are circulating. Forward such messages to our security team at "
    "phishing@icicibank.com.",
    "Beware of messages claiming your account will be blocked. Report them to our fraud cell on 1800 2662.",
    "Beware of fake WhatsApp messages claiming your account is frozen. Our officers never contact you on WhatsApp. "
    "-Axis Bank",
    "Messages claiming your PAN will be deactivated are fake. Your PAN stays valid. Our team will never ask for your "
    "Aadhaar on email.",
    "SMS saying 'pay your bill now or power will be cut' are fraud. Pay only through the official app. -Tata Power",
    "Fake messages saying your SIM will be blocked today are being sent. Your SIM will not be blocked. -Jio",
    "Beware of emails claiming your refund is pending. Income Tax Dept never asks for card details by email. Forward "
    "phishing mails to webmanager@incometax.gov.in",
    "Scammers send messages saying your account will be blocked. Never share your PAN, Aadhaar or card details with "
    "anyone on WhatsApp, Telegram or email.",
]


@pytest.mark.parametrize("text", WARNING_IN_FRONT_SCAMS)
def test_warning_in_front_of_a_document_ask_is_flagged(text):
    assert _score(text) >= 50
    assert "quoted_lure_warning" not in _codes(text)
    assert "safety_advice" not in _codes(text)


def test_emailing_a_card_number_and_cvv_is_a_credential_ask():
    text = WARNING_IN_FRONT_SCAMS[0]
    assert "credential_request" in _codes(text)
    # negated, it is advice
    assert "credential_request" not in _codes("Never email your card number or CVV to anyone. -SBI")


@pytest.mark.parametrize("text", WARNING_IN_FRONT_PAY_SCAMS)
def test_warning_in_front_of_a_payment_demand_is_flagged(text):
    assert _score(text) >= 50
    assert "quoted_lure_warning" not in _codes(text)


@pytest.mark.parametrize("text", AWARENESS_GENUINE)
def test_awareness_texts_stay_low(text):
    assert _score(text) < 50


def test_quoted_lure_is_still_set_aside_without_an_own_ask():
    # the same warning without the e-mail / WhatsApp ask keeps the quotation offset
    text = 'Beware of fake SMS saying "your account is blocked". SBI never asks for your PAN or CVV. Report at 1930.'
    assert "quoted_lure_warning" in _codes(text)
    assert _score(text) < 50


# F9. Long inputs of repeated warnings / quotations: the warned-span search is for short awareness texts only.
SLOW_INPUTS = [
    ('Messages saying "your account will be blocked today" are fake. ' * 40)[:1600],
    ("If someone says your account will be blocked, it is fraud. " * 30)[:1600],
    " ".join(f'"fake lure number {i} account blocked"' for i in range(60)),
    "Beware of fake SMS: " + " ".join(f"'your account {i} is blocked, update KYC'" for i in range(60)),
]


@pytest.mark.parametrize("text", SLOW_INPUTS)
def test_repeated_warnings_stay_fast(text):
    analyze_sms(text)  # warm
    best = min(_cpu_ms(text) for _ in range(3))
    assert best < 25  # generous on a shared CI machine; the benchmark target is 5 ms (about 3 ms measured)


def _cpu_ms(text: str) -> float:
    t0 = time.thread_time_ns()
    analyze_sms(text)
    return (time.thread_time_ns() - t0) / 1e6


# F10. A friend on a new number who asks to be called about a non-money favour; the money / code / chat-app asks
# stay high.
NEW_NUMBER_SCAMS = [
    "Hi mum new number, need a favour, can you pay a bill for me",
    "Hi mum, new number, need a favour. Can you pay this bill for me, I'll pay you back tomorrow",
    "Hi mum, lost my phone, this is my new number. Need a favour, text me back on WhatsApp",
    "Hey dad it's me, dropped my phone in the toilet so this is my new number. Need a favour, can you send me 8000 "
    "for rent today?",
    "Hello mom, lost my phone so using a new number. Need a quick favour, a code will come to your phone, please send "
    "it to me, call me after",
    "Hi dad new number, need your help, call me when free, also need 2000 for the cab",
    "Hi mum new number, need a favour, text me back",
    "Hi mum, lost my phone, new number. Need a favour, can't talk now, don't call me, just text me",
]

NEW_NUMBER_GENUINE = [
    "Hey it's Priya, new number! Lost my phone in Goa lol. Need your help with the wedding playlist, call me when free",
    "Hi it's Rahul, new number, lost my phone at the airport. Need your help choosing a gift for Mom, give me a ring "
    "tonight",
    "Hey, Anjali here, my phone broke so this is my new number. Need a favour with the trip plan, call me when you can",
    "Hi mum, new number! Save it. Love you",
    "Hi mum, new number! Need your help with the cake recipe, call me tonight",
]


@pytest.mark.parametrize("text", NEW_NUMBER_SCAMS)
def test_new_number_money_or_code_asks_are_flagged(text):
    assert _score(text, PERSONAL) >= 50


@pytest.mark.parametrize("text", NEW_NUMBER_GENUINE)
def test_new_number_friend_asking_to_be_called_stays_low(text):
    assert _score(text, PERSONAL) < 50


def test_call_me_favour_is_still_explained():
    codes = _codes(NEW_NUMBER_GENUINE[0], PERSONAL)
    assert "new_number_favour_ask" in codes  # a hint, not dropped
