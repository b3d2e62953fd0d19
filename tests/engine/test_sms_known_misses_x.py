"""Known misses of earlier batches taken in the batch x round, fixed in general (own wording): a task recruiter who
pays "the same day" for a trivial task (no pay range), and a one-time code asked for as "the number you receive" by
someone speaking for a bank or app, a mobile number written in a 4-6 / 4-3-3 grouping as the call-back of an account
alert -- each with near misses that must not fire."""

import pytest

from scamshield.engine.sms import analyze_sms


def _codes(text, sender=None):
    return {s.code: s.weight for s in analyze_sms(text, sender=sender).signals}


@pytest.mark.parametrize("text", [
    "Hi, I'm Sana from Bluepeak Media. We are hiring part-time: just like YouTube videos from your phone, 20 min a "
    "day, paid same day on UPI. Shall I explain?",
    "Hello, this is Arjun from a digital agency, hiring part time to rate restaurants on Google, daily payout. Free?",
])
def test_task_recruiter_paid_same_day_fires(text):
    a = analyze_sms(text)
    assert "recruiter_daily_pay_range" in {s.code for s in a.signals}
    assert a.risk_score >= 50


@pytest.mark.parametrize("text", [
    # a real part-time job: no trivial online task
    "Hi, I'm Asha from Instamart hiring. Part-time store pickers in Koramangala, paid weekly, walk-in interview Monday",
    # same-day payout wording in a platform's own notice, no recruiter
    "Your same-day payout of Rs 1,240 for 6 deliveries has been processed. - Swiggy Partner",
])
def test_task_recruiter_near_misses(text):
    assert "recruiter_daily_pay_range" not in _codes(text)


@pytest.mark.parametrize("text", [
    "Sir, I am Mr Rao from ICICI credit card department. Your limit increase is approved, please confirm the number "
    "you receive now",
    "Paytm KYC team: to complete verification share the 6 digit number that came to your mobile",
])
def test_code_called_the_number_you_receive(text):
    assert _codes(text).get("credential_request") == 40


@pytest.mark.parametrize("text", [
    # a friend asks for a phone number
    "Tell me the number you got from the clinic, I need to book an appointment too",
    # a bank's warning not to share it
    "HDFC Bank: never share the number you receive by SMS with anyone, not even bank staff",
    # no organisation claimed
    "can you tell me the number you got in the lottery draw at the fair? mine was 42",
])
def test_received_number_near_misses(text):
    assert _codes(text).get("credential_request", 0) < 40


# ---- a mobile number written in another grouping is still a mobile to call back ----

@pytest.mark.parametrize("text", [
    "Axis Bank: a new payee was added to your account. If this was not you call our fraud desk on 9830 412765 now",
    "SBI: Rs 18,000 debited from your account. If not done by you, call 98304 12765 immediately",
    "HDFC: new device registered to your NetBanking. Not you? Call 9830 412 765 to block",
])
def test_alert_with_mobile_callback_in_any_grouping(text):
    assert "alert_with_mobile_callback" in _codes(text)


@pytest.mark.parametrize("text", [
    # the bank's toll-free helpline in 4-3-4 grouping
    "Axis Bank: a new payee was added to your account. If this was not you call 1860 419 5555",
    # a friend's number in chat, no alert
    "Reached Pune, the new flat is great. Call me on 9830 412765 when you're free",
])
def test_mobile_grouping_near_misses(text):
    assert "alert_with_mobile_callback" not in _codes(text)
