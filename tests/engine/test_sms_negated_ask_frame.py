"""A negated ask frame ("X will never ask you to ...") governs everything it lists, however far along the clause:
banks' advice texts stay clean, while a turn in the clause ("but", "now", "please") or a later sentence still counts."""

import pytest

from scamshield.engine.sms import analyze_sms


@pytest.mark.parametrize("text", [
    "Monzo will never ask you to move money to a safe account or to share your PIN or login code. If someone does, "
    "hang up and call us from the app.",
    "HDFC Bank never asks you to transfer money to a safe account or share your OTP.",
    "Axis Bank will not call you to ask for your card number, CVV or the OTP sent to your phone. Stay alert.",
    "Your bank does not request you to install AnyDesk or any screen sharing app or to share your UPI PIN.",
])
def test_advice_with_a_long_negated_ask_stays_low(text):
    assert analyze_sms(text).risk_score < 50


@pytest.mark.parametrize("text", [
    "We never ask you to pay upfront, but pay Rs 500 registration fee now to confirm your job: 9876543210",
    "SBI never asks for OTP. Your account is blocked, share OTP with our officer at 9876543210 to unblock",
    "Bank will not call you to share otp. Your KYC expired, click http://sbi-kyc.top to update now",
])
def test_a_turn_or_a_new_sentence_still_counts(text):
    assert analyze_sms(text).risk_score >= 50
