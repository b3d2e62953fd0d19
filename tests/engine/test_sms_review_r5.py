"""Fixes for the SMS findings of the r5 adversarial review (evasions and false positives).

The reviewer's inputs, invented variants of the same kind (scam: flagged, score >= 50), and the genuine messages each
narrowed offset was made for (must stay below 50).
"""

from __future__ import annotations

import pytest

from tests.support.sms import codes as _codes
from tests.support.sms import score as _score

PERSONAL = "+919812345678"


# 1. An OTP template's safety line on a "forward the code / this SMS to a number" scam.
OTP_FORWARD_SCAMS = [
    ("Your OTP is 482913. Never share this code with anyone. If you did not request this, urgently forward this SMS "
     "to 9876543210 to cancel the transaction of Rs 49,999.", None),
    ("Your SBI OTP is 482913 for Rs 49,999. Never share this code. If you did not request this, send this code to "
     "9876543210 to cancel.", None),
    ("OTP is 482913 for adding new beneficiary. Do not share it. If you did not request this, forward this message to "
     "9876543210 to block it.", None),
    ("Your code is 482913. Do not share it. If it wasn't you, send the code to 9876543210 to block.", None),
    ("482913 is your verification code for account recovery. Never share it. If this wasn't you, forward the code to "
     "9876543210", "+919876543210"),
    # invented variants
    ("Your code is 730115. Never share this code. If you did not request this, forward it on WhatsApp to support "
     "9876543210", None),
    ("Your HDFC OTP is 551204 for txn of Rs 2,000. Do not share it with anyone. If not you, SMS the OTP to "
     "9988776655 to stop it", None),
    ("Paytm: 604218 is your login code. Do not share it. Not you? Text this message to 8899001122 to secure your "
     "wallet", None),
]

OTP_GENUINE = [
    ("Your Lyft code is 552190. Never share this code.", None),
    ("Wells Fargo: 390218 is your verification code. If you didn't request it, don't share it with anyone.", None),
    ("Your OTP for login is 448120. Do not share it with anyone. If you did not request this, call 1800 258 6161.",
     None),
    # a debit alert's block-by-SMS line (no code delivered) stays a bank template
    ("A/c XX5541 debited INR 2,150.00 dt 12-11-25 thru UPI:532009812233. Bal INR 9,870.21 CR. Not you? Fwd this SMS to "
     "9264092640 to block UPI. -PNB", "VM-PNBSMS"),
]


@pytest.mark.parametrize("text,sender", OTP_FORWARD_SCAMS)
def test_otp_forward_to_number_is_flagged(text, sender):
    assert _score(text, sender) >= 50
    assert "credential_request" in _codes(text, sender)
    assert "transactional_notice" not in _codes(text, sender)


@pytest.mark.parametrize("text,sender", OTP_GENUINE)
def test_otp_templates_stay_low(text, sender):
    assert _score(text, sender) < 50


# 2. "Name:" prefix with a root domain of the same name: trusted only for a points / promotion notice.
NAME_ROOT_SCAMS = [
    ("Rajesh: your bank account is frozen, complete KYC at rajesh.com", None),
    ("Rajesh: Your SBI account is blocked due to pending KYC. Update PAN at rajesh.com today", None),
    ("Finova: Your Aadhaar-PAN link is pending, your account will be blocked. Update at finova.in", None),
    # invented variants
    ("Sunita: Your PAN card is not linked with Aadhaar, your bank account will be suspended. Link now at sunita.in",
     None),
    ("Kavya: your electricity connection will be disconnected tonight, pay the bill at kavya.in", None),
    ("Mehta: Your account will be frozen, complete your KYC at mehta.co.in", None),
]

NAME_ROOT_GENUINE = [
    ("Boots: Your Advantage Card points are worth £6.40. Spend them in store or at boots.com before 31 Dec. Txt STOP "
     "to 60777 to opt out", None),
]


@pytest.mark.parametrize("text,sender", NAME_ROOT_SCAMS)
def test_name_prefix_root_link_with_threat_is_flagged(text, sender):
    assert _score(text, sender) >= 50
    assert "official_channel_only" not in _codes(text, sender)


@pytest.mark.parametrize("text,sender", NAME_ROOT_GENUINE)
def test_name_prefix_root_link_points_notice_stays_low(text, sender):
    assert _score(text, sender) < 50


# 3. "... जैसा कुछ नहीं होता" ("there is no such thing as") denies only an awareness-line lure right before it, and
# never in a message with a mobile number.
NO_SUCH_SCAMS = [
    "बिजली कनेक्शन काट दिया जाएगा जैसा कुछ नहीं होता बिजली अधिकारी 9876543210",
    "बिजली कनेक्शन आज रात काट दिया जाएगा जैसा कुछ नहीं होता बिजली अधिकारी 9876543210",
    "Aapka bijli connection aaj raat kat jayega, bill update nahi hua jaisa kuch nahi hota officer ko 9876543210 par "
    "call karein",
    # invented variants
    "आपका बैंक खाता ब्लॉक हो जाएगा जैसा कुछ नहीं होता KYC अपडेट के लिए 9876543210 पर कॉल करें",
    "Aapka account block ho jayega jaisa kuch nahi hota, KYC ke liye 9876543210 par call karo",
    "Digital arrest jaisa kuch nahi hota lekin aapke Aadhaar par FIR hai, CBI officer ko 9876543210 par video call "
    "karo warna arrest",
]

NO_SUCH_AWARENESS = [
    "डिजिटल अरेस्ट जैसा कुछ नहीं होता। पुलिस कभी वीडियो कॉल पर पूछताछ नहीं करती। धोखाधड़ी होने पर 1930 पर कॉल करें",
    "डिजिटल अटक असे काहीही नसते. पोलीस कधीही व्हिडिओ कॉलवर चौकशी करत नाहीत. फसवणूक झाल्यास 1930 वर कॉल करा",
    "ডিজিটাল অ্যারেস্ট বলে কিছু নেই। পুলিশ কখনও ভিডিও কলে জিজ্ঞাসাবাদ করে না। প্রতারণা হলে 1930 নম্বরে কল করুন",
]


@pytest.mark.parametrize("text", NO_SUCH_SCAMS)
def test_no_such_thing_does_not_cancel_a_threat(text):
    assert _score(text) >= 50


@pytest.mark.parametrize("text", NO_SUCH_AWARENESS)
def test_no_such_thing_awareness_lines_stay_low(text):
    assert _score(text) < 50


# 4. The shared-album offset: not on a Google Form, beside a sign-in / password / payment ask or a threat, nor on an
# "are these your photos" / "video of you" lure; "pay or I post them" is sextortion.
ALBUM_SCAMS = [
    "Wedding photos ka album: docs.google.com/forms/d/e/1FAIpQLSf/viewform sign in with gmail to view",
    "Farewell party photos here docs.google.com/forms/d/e/1FAIpQLSf/viewform enter your email and password",
    "Hey are these your party photos? drive.google.com/file/d/1abcXYZ/view",
    "wedding video of you drive.google.com/file/d/1abcXYZ/view",
    "party photos of you drive.google.com/drive/folders/1abcXYZ pay 5000 or I post them",
    # invented variants
    "Trip pics of you drive.google.com/file/d/1abcXYZ/view",
    "Shaadi ki photos dekho drive.google.com/drive/folders/1abcXYZ login karke dekho",
    "Reunion photos drive.google.com/drive/folders/1abcXYZ send 2000 for the hall or I will share them everywhere",
]

ALBUM_GENUINE = [
    ("+919811012345", "Bhai trip ke saare photos yahan daal diye drive.google.com/drive/folders/1QwErTy dekh lo"),
    (None, "Hey check the birthday pics here photos.app.goo.gl/Zx81Ab2"),
    (PERSONAL, "Here are the farewell slides drive.google.com/file/d/1abcXYZ/view"),
]


@pytest.mark.parametrize("text", ALBUM_SCAMS)
def test_album_shaped_phish_and_extortion_are_flagged(text):
    assert _score(text, PERSONAL) >= 50
    assert "shared_album_link" not in _codes(text, PERSONAL)


@pytest.mark.parametrize("sender,text", ALBUM_GENUINE)
def test_albums_between_friends_stay_low(sender, text):
    assert _score(text, sender) < 50
    assert "shared_album_link" in _codes(text, sender)


# 5. A payment app used as a verb clears the brand claim only with no lure, urgency or ask beside it.
PAY_VERB_SCAMS = [
    "Sir I sent 5000 to you by mistake, please GPay me back the amount, my mother is in hospital",
    "Bhai crypto group mein daily 10% profit, paytm me 5000 kar de main invest kar dunga",
    # invented variants
    "Galti se aapke account mein 3000 chale gaye, please paytm kar do wapas, urgent hai",
    "Earn Rs 3000 daily from home liking youtube videos. Salary paid on GPay kar de registration fee 200",
]

PAY_VERB_GENUINE = [
    "Kal party hai, 500 GPay kar de",
    "Bro fees due today, can you GPay me 2000? Will return next week",
    "Bhai 10k chahiye, GPay kar de kal lauta dunga",
]


@pytest.mark.parametrize("text", PAY_VERB_SCAMS)
def test_payment_app_verb_with_a_lure_keeps_the_claim(text):
    assert _score(text, PERSONAL) >= 50
    assert "sender_personal_number" in _codes(text, PERSONAL)


@pytest.mark.parametrize("text", PAY_VERB_GENUINE)
def test_payment_app_verb_between_friends_stays_low(text):
    assert _score(text, PERSONAL) < 50


# 8. "Reply with the code": a bare "code" is an ask only in a message that delivers a code or names the code sent /
# received, never the code on a voucher or ticket; "pin code" is the postal code.
CODE_REPLY_GENUINE = [
    (None, "Your table is booked. Reply with the code on your voucher to confirm."),
    (None, "Your movie ticket is confirmed. Reply with the code on your ticket at the counter."),
    (None, "Please reply with your pin code and full address for delivery"),
    (PERSONAL, "Hi ma'am, your saree order is ready. Please reply with your pin code and full address for delivery."),
    (None, "Thanks for shopping with us! Reply with your pin code to check delivery availability."),
]

CODE_REPLY_SCAMS = [
    (None, "Your OTP is 771203. If you did not request this, reply with the code to cancel the transaction."),
    (None, "Reply with the code we sent you to keep your WhatsApp account active"),
    (None, "Hi, reply with the verification code to unlock your account"),
    (None, "Send your pin code and OTP to verify"),
    (None, "Share your ATM pin code to unblock your card"),
]


@pytest.mark.parametrize("sender,text", CODE_REPLY_GENUINE)
def test_voucher_code_and_postal_pin_code_stay_low(sender, text):
    assert _score(text, sender) < 50
    assert "credential_request" not in _codes(text, sender)


@pytest.mark.parametrize("sender,text", CODE_REPLY_SCAMS)
def test_code_read_back_asks_stay_flagged(sender, text):
    assert _score(text, sender) >= 50
    assert "credential_request" in _codes(text, sender)


# 10. NPCI's "never enter your PIN to receive money" cancels only its own words, not a PIN ask after "but / except /
# however" in the same sentence.
PIN_ADVICE_THEN_ASK = [
    ("+919876543210", "You have a Rs 2000 refund. Never enter your PIN to receive money - but this is a verified "
                      "refund, enter UPI PIN 1 time to get it"),
    ("+919876543210", "You have received Rs 2000 cashback. Never enter your PIN to receive money, except this time: "
                      "enter UPI PIN to claim"),
    # invented variants
    (None, "Refund of Rs 1500 ready. Do not enter your PIN to receive money, however for this refund enter your UPI "
           "PIN to accept"),
    (None, "Cashback Rs 999 credited. Never enter PIN to get money but enter your UPI PIN once to receive the cashback"),
]

PIN_ADVICE_GENUINE = [
    "You have a collect request of Rs 1,200 from swiggy@icici on Google Pay. Decline if you did not order. "
    "Never enter your UPI PIN to receive money.",
    "Payment request of Rs 300 from bescom@axisbank. You don't need to enter your PIN to receive money.",
    "BHIM: collect request of Rs 75 from metro@ybl. Do not enter UPI PIN to get money.",
]


@pytest.mark.parametrize("sender,text", PIN_ADVICE_THEN_ASK)
def test_pin_ask_after_the_advice_is_flagged(sender, text):
    assert _score(text, sender) >= 50
    assert "pin_to_receive" in _codes(text, sender)


@pytest.mark.parametrize("text", PIN_ADVICE_GENUINE)
def test_npci_pin_advice_stays_low(text):
    assert _score(text) < 50


# 11. A "will be emailed / credited within 24 hours" promise excuses only its own time, not urgency or a threat
# pressed in the same message; a branch's landline beside an official link excuses the number only when no threat is
# pressed with urgency.
PROMISE_WITH_PRESSURE = [
    "Your KYC documents will be emailed within 24 hours, update KYC immediately or account will be blocked, call "
    "9876543210",
    "Your e-PAN will be emailed within 24 hours, update PAN or your account will be blocked",
    "Your refund will be credited within 24 hours, verify now at http://refund-check.in or it will be cancelled",
]

PROMISE_GENUINE = [
    "Thank you for visiting Metro Labs. Your sample has been collected. Reports will be emailed within 24 hours.",
    "Your refund of Rs 1,299 for order 408-1123 has been processed and will be credited within 5-7 working days.",
]


@pytest.mark.parametrize("text", PROMISE_WITH_PRESSURE)
def test_service_promise_does_not_excuse_pressure(text):
    assert "urgency" in _codes(text)


@pytest.mark.parametrize("text", PROMISE_GENUINE)
def test_service_promises_stay_low(text):
    assert _score(text) < 50
    assert "urgency" not in _codes(text)


BRANCH_WITH_PRESSURE = [
    "SBI: Your YONO account will be blocked today. Update PAN at https://www.onlinesbi.sbi or call our branch office "
    "080-22223333 immediately.",
    "SBI: Your account will be blocked within 24 hours. Update PAN. Call branch office at 011-23456789. Visit "
    "https://www.onlinesbi.sbi",
]

BRANCH_GENUINE = [
    ("VM-HDFCBK", "HDFC Bank: Your cheque book is ready for collection. Contact branch at 022-24567890. "
                  "https://www.hdfcbank.com"),
    (None, "HDFC Bank: Your KYC is due for periodic update. Update at https://www.hdfcbank.com or contact your branch "
           "at 022-24567890"),
]


@pytest.mark.parametrize("text", BRANCH_WITH_PRESSURE)
def test_branch_landline_beside_a_pressed_threat_counts(text):
    assert _score(text) >= 50
    assert "lure_with_callback" in _codes(text)


@pytest.mark.parametrize("sender,text", BRANCH_GENUINE)
def test_branch_landline_notices_stay_low(sender, text):
    assert _score(text, sender) < 50


# (Found with finding 1, in the reviewer's inputs) "never share this code with anyone except our agent who will call
# you": the exception is the ask.
OTP_EXCEPTION_SCAMS = [
    "Your OTP is 482913. Never share this code with anyone except our agent who will call you to verify.",
    "Your SBI OTP is 551920. Do not share it with anyone except our executive, he will call you shortly to verify.",
    "OTP for card activation is 660192. Never disclose it to anyone except the bank officer who will call you now.",
]

OTP_EXCEPTION_GENUINE = [
    "OTP 4471 for your Amazon delivery. Do not share it with anyone except the delivery agent at your door.",
    "Use OTP 830021 to log in. Do not share it with anyone, including bank staff.",
]


@pytest.mark.parametrize("text", OTP_EXCEPTION_SCAMS)
def test_otp_shared_with_the_caller_is_flagged(text):
    assert _score(text) >= 50
    assert "credential_request" in _codes(text)


@pytest.mark.parametrize("text", OTP_EXCEPTION_GENUINE)
def test_otp_hand_over_and_plain_templates_stay_low(text):
    assert _score(text) < 50
