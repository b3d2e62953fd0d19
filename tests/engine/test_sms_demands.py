"""Payment demands that carry the scam in their own shape (``engine.sms.demands``): an exposure threat with a payment
ultimatum (sextortion), a small "test" payment asked of the reader, a payment by the writer's QR code under a threat
-- each with near misses that must not fire (own wording; the kinds were misses of batches n, o, t)."""

import pytest

from scamshield.engine.sms import analyze_sms


def _codes(text, sender=None):
    return {s.code: s.weight for s in analyze_sms(text, sender=sender).signals}


@pytest.mark.parametrize("text,weight", [
    ("I recorded you through your webcam. Send 0.08 bitcoin to the wallet below within 24h or your contacts will "
     "get the video", 50),
    ("i have the pics you sent. pay $600 by tomorrow or i post them and your family will see", 40),
    ("We have footage of what you watch online. Transfer 0.2 ETH in the next 48 hours or everyone will see it.", 50),
])
def test_exposure_payment_demand_fires(text, weight):
    sig = _codes(text)
    assert sig.get("exposure_payment_demand") == weight
    assert analyze_sms(text).risk_score >= 50


@pytest.mark.parametrize("text", [
    # a warning describing the scam
    "Scammers claim to have webcam recordings and demand BTC within 48 hours or they send them to your contacts. "
    "Never pay.",
    # family sharing videos, no payment demand
    "Sending the wedding videos to your mum tonight, she asked for the clips",
    # a payment deadline about a camera sale, no exposure threat
    "Pay the 500 for the camera by Friday or I'll sell it to someone else",
    # a crypto exchange notice
    "Coinbase: your purchase of 0.002 BTC is complete. View it in the app.",
])
def test_exposure_near_misses_stay_out(text):
    assert "exposure_payment_demand" not in _codes(text)


@pytest.mark.parametrize("text", [
    "I am the buyer for your fridge, I pay by army UPI. Pehle 1 rupya bhejo check karne ke liye",
    "Before I send the 15000, please send Rs 2 to verify your UPI is active",
    "send 5 rupees to check the account, then I transfer full amount",
])
def test_test_payment_ask_fires(text):
    assert _codes(text).get("test_payment_ask") == 25


@pytest.mark.parametrize("text", [
    # the writer sends the test payment
    "I will send Rs 1 to check if your UPI works, tell me when you get it",
    # a real sum that starts with the digit 2 / 1
    "Pay Rs 2,500 for the ID card to confirm your joining",
    "Please send 10,000 to check in at the hotel tomorrow",
    # a fee with no test wording
    "Send Rs 10 for the parking please",
])
def test_test_payment_near_misses_stay_out(text):
    assert "test_payment_ask" not in _codes(text)


@pytest.mark.parametrize("text", [
    "Dear consumer pay Rs 50 meter verification via the QR I am sending, otherwise your connection will be cut today",
    "Gas connection KYC pending. Scan the QR I sent and pay 20 rupees, warna connection band ho jayega",
])
def test_qr_payment_under_threat_fires(text):
    assert _codes(text, sender="+919800011122").get("qr_payment_under_threat") == 45


@pytest.mark.parametrize("text", [
    # a shopkeeper's QR, no threat
    "Pay Rs 450 via the QR I am sending, thanks bhaiya",
    # a threat with the biller's own app, no stranger's QR
    "Pay your bill of Rs 1,284 by 15 Dec on the BESCOM Mitra app, otherwise supply may be disconnected",
    # a QR the writer received
    "Paid the plumber through the QR he sent, otherwise he'd have waited for cash",
])
def test_qr_near_misses_stay_out(text):
    assert "qr_payment_under_threat" not in _codes(text, sender="+919800011122")


@pytest.mark.parametrize("text", [
    "QuickRupee recovery: EMI 6 days overdue. Pay now or we will message all your contacts that you are a defaulter",
    "Loan overdue hai. Aaj hi pay karo warna tumhare saare contacts ko message karenge ki tum fraud ho",
])
def test_shaming_pay_ultimatum_fires(text):
    a = analyze_sms(text, sender="+919811100022")
    assert "shaming_pay_ultimatum" in {s.code for s in a.signals}
    assert a.risk_score >= 50


@pytest.mark.parametrize("text", [
    # a lender's reminder: a deadline, no threat to contacts
    "Your EMI of Rs 2,316 is due today. Pay now in the app to avoid late charges. - Bajaj Finance",
    # awareness about the threat
    "Loan apps that threaten to call your contacts if you don't pay today are illegal. Report them at 1930.",
])
def test_shaming_pay_ultimatum_near_misses(text):
    assert "shaming_pay_ultimatum" not in _codes(text, sender="+919811100022")
