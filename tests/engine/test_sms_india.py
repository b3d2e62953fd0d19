"""Indian SMS without a sender id (pasted / forwarded text): the structural evidence that separates genuine bank,
biller, brand and awareness messages from scams, and the Hinglish / Devanagari scam forms from public advisories
(RBI, NPCI, I4C / Cyber Dost, DoT). Every case is written for this test; none is a hold-out row."""

from __future__ import annotations

import pytest

from scamshield.engine import textmodel
from scamshield.engine.sms import analyze_sms, safety_advice_markers, transactional_markers


def _codes(text: str) -> dict[str, float]:
    return {s.code: s.weight for s in analyze_sms(text).signals}


# ---- genuine messages: safe, and the offsetting signal says why ---------------------------------------------------

@pytest.mark.parametrize("text, code", [
    # safety advice that names scams (threat cues fire on it) and asks for nothing
    ("Nobody from the police, CBI or customs will ever question you on a video call. 'Digital arrest' is a scam. "
     "Report it at cybercrime.gov.in or call 1930.", "safety_advice"),
    ("ICICI Bank never asks for your OTP, CVV or PIN. If someone says your account will be blocked, hang up.",
     "safety_advice"),
    ("बैंक कभी भी आपका ओटीपी नहीं मांगता। धोखाधड़ी से सावधान रहें।", "safety_advice"),
    ("Dear Customer, re-KYC of your account is due. Please visit your home branch with your ID proof. "
     "Ignore if already submitted.", "safety_advice"),
    # bills and dues: amount + due date
    ("JVVNL: Energy bill for account 2100XXXX is Rs 1,322, due on 18-12-2025. Pay online or at the sub-division "
     "counter.", "transactional_notice"),
    ("Your Tata AIA policy premium of Rs 22,400 is due on 02-01-2026. Pay through the Tata AIA app.",
     "transactional_notice"),
    # a brand promotion whose only link is the brand's own site
    ("Get Airtel Xstream Fiber with free router installation this month. Book at airtel.in/broadband", 
     "official_links_no_lure"),
])
def test_genuine_messages_are_safe_with_an_explained_offset(text: str, code: str) -> None:
    a = analyze_sms(text)
    assert a.risk_score < 50, (a.risk_score, [(s.code, s.weight) for s in a.signals])
    sig = [s for s in a.signals if s.code == code]
    assert sig and sig[0].weight < 0, [(s.code, s.weight) for s in a.signals]
    assert sig[0].message and sig[0].evidence is not None


@pytest.mark.parametrize("text", [
    "Flat 30% off on winter wear this weekend at all Max stores. T&C apply. To opt out SMS STOP to 1909",
    "Your HDFC Bank Credit Card statement: total due Rs 6,410, minimum due Rs 320, payment due date 14-Dec-25.",
    "Bhai mera naya number save kar lo, purana wala ab band hai",
    "Got a message saying my PAN will be blocked today, it's fake right? Not clicking anything.",
    "Vodafone Idea: Rs 299 recharge successful for 9XXXXXX210. Validity 28 days. Enjoy unlimited calls.",
    "Oops, I forwarded the OTP message by mistake to the office group, deleted it already",
    "Rs 40 cashback credited to your wallet for the bill payment. Check your balance in the app.",
])
def test_genuine_messages_text_only_are_safe(text: str) -> None:
    a = analyze_sms(text)
    assert a.risk_score < 50, (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text", [
    "Kotak: Your pre-approved personal loan of up to Rs 3,00,000 is ready in the Kotak app. T&C apply. To opt out "
    "SMS STOP to 5676788",
    "Shoppers Stop: Extra 20% off on your next purchase this week. T&C. To unsubscribe SMS STOP to 1909",
])
def test_promotion_with_the_trai_optout_line(text: str) -> None:
    a = analyze_sms(text)
    codes = {s.code: s.weight for s in a.signals}
    assert codes.get("registered_promotion", 0) < 0 and "lure_with_callback" not in codes
    assert a.risk_score < 50, codes


def test_a_lure_is_not_excused_by_an_optout_line() -> None:
    a = analyze_sms("Your SBI account will be blocked today, update KYC at sbi-kyc-help.in now. To opt out SMS STOP "
                    "to 5676766")
    assert "registered_promotion" not in {s.code for s in a.signals} and a.risk_score >= 50


def test_regulatory_optout_lines_count_once() -> None:
    promo = _codes("Mega sale at Reliance Trends, up to 60% off. T&C apply. To opt out SMS STOP to 1909")
    premium = _codes("FREE entry to win a Nokia! Txt WIN to 87121 now. 150p/msg, 18+ only, T&Cs apply")
    assert promo.get("spam_marketing", 0) <= 15
    assert premium.get("spam_marketing", 0) >= 45


# ---- scams: flagged, and the new signals fire -------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    # fake debit alert with a personal mobile number (RBI advisory)
    ("Rs 24,999 has been debited from your card for an online purchase. If not done by you, call 9876543210 "
     "immediately.", "alert_with_mobile_callback"),
    ("Transaction of Rs 18,000 on your credit card is on hold. To cancel it, WhatsApp our officer on 7012398765.",
     "alert_with_mobile_callback"),
    # "sent by mistake, accept my request" (NPCI advisory)
    ("Bhai galti se aapko 3000 transfer ho gaye, please wapas kar do, maine request bheji hai", 
     "wrong_transfer_with_request"),
    ("गलती से आपके खाते में 4000 रुपये चले गए हैं, कृपया वापस भेज दें। मैंने रिक्वेस्ट भेजी है।",
     "wrong_transfer_with_request"),
    # money mule recruiting (I4C advisory), Hinglish word order
    ("Apna current account hamein kiraye pe do, har mahine 30,000 milenge, bas payments aayenge.",
     "money_mule_request"),
    # job offer with a fee
    ("You are shortlisted for a work from home job, salary 22,000 per month. Pay Rs 799 registration fee today.",
     "job_task_lure"),
    # digital arrest: summons to a video call
    ("Delhi Police cyber cell: a parcel with drugs was booked on your Aadhaar. Join the Skype video call now or "
     "face arrest.", "law_enforcement_threat"),
    # Hinglish sextortion
    ("Tumhari video hamare paas hai, viral kar denge. 20,000 bhejo warna sab contacts ko bhej denge.",
     "sextortion_threat"),
    # family emergency, Hinglish
    ("Uncle main Amit ka dost, Amit ka accident ho gaya, operation ke liye abhi is UPI pe daal do 30 hazaar",
     "family_emergency"),
    # task scam with a Telegram group as the channel
    ("Pehle 1000 deposit karo, 3 task complete karo, 1500 wapas milenge. Telegram group join karo.",
     "job_task_lure"),
    # credential theft, Hinglish
    ("Aapka account freeze hai. Apna ATM PIN bhej kar account chalu karayein.", "credential_request"),
    ("Hey, my login code went to your number by mistake, can you forward it to me?", "credential_request"),
    ("Sir this is from Jio, your eSIM activation is pending. You will get a code now, tell me the code to finish.",
     "credential_request"),
    # the "Hi Mum" scam: new number / lost phone + a money request
    ("Hi dad, my phone got stolen, this is a friend's phone. Can you send 6,500 for a new one today?",
     "new_number_money_request"),
    ("Mom I've got a new number, my mobile stopped working. Please send 7,000 to this account for the repair.",
     "new_number_money_request"),
    ("Hi Mum, I dropped my phone in the sink, this is my new number. Can you help me pay a bill today?",
     "new_number_money_request"),
    # paid per review + a Telegram contact
    ("We need people to review hotels on Google. Rs 120 per review, 30 a day. Ping me on telegram @hotel_jobs_in",
     "job_task_lure"),
    # loan-app harassment
    ("EMI overdue. Pay today or we will forward your photos to all your contacts. Pay to UPI recovery.desk@ybl",
     "sextortion_threat"),
])
def test_scams_are_flagged_with_the_signal(text: str, code: str) -> None:
    a = analyze_sms(text)
    codes = {s.code for s in a.signals}
    assert a.risk_score >= 50, (a.risk_score, [(s.code, s.weight) for s in a.signals])
    assert code in codes, [(s.code, s.weight) for s in a.signals]


@pytest.mark.parametrize("text", [
    # advice wording does not excuse a risky ask
    "Beware of fraud! Your KYC expires today. Call our KYC officer on 9123456780 to keep your account active.",
    "Never share your OTP with anyone. To receive the Rs 5,000 cashback, enter your UPI PIN now.",
    "SBI never asks for OTP. Your YONO is blocked, update PAN at sbi-yono-help.in/kyc now",
])
def test_safety_advice_never_offsets_a_risky_ask(text: str) -> None:
    a = analyze_sms(text)
    assert "safety_advice" not in {s.code for s in a.signals}
    assert a.risk_score >= 50, (a.risk_score, [(s.code, s.weight) for s in a.signals])


def test_messenger_invite_links_are_not_official_sites() -> None:
    a = analyze_sms("Join our share market group for free daily tips, members earned 200% returns last month. Join: "
                    "chat.whatsapp.com/AbCdEf12345")
    assert not any(d["official"] for d in a.extracted["links"])
    assert "official_links_no_lure" not in {s.code for s in a.signals}
    assert a.risk_score >= 50, [(s.code, s.weight) for s in a.signals]


def test_brand_promotion_with_official_link_and_tollfree_number() -> None:
    a = analyze_sms("Airtel Xstream: free trial for 30 days with a new fiber connection. Book at airtel.in/broadband "
                    "or call 18001030405.")
    codes = {s.code for s in a.signals}
    assert "lure_with_callback" not in codes and a.risk_score < 50, [(s.code, s.weight) for s in a.signals]


def test_account_change_alert_with_tollfree_helpline_is_a_notice() -> None:
    a = analyze_sms("Alert: you have added a new beneficiary RAHUL S in Axis Bank Internet Banking. If not done by "
                    "you, call 18604195555 immediately.")
    sig = [s for s in a.signals if s.code == "transactional_notice"]
    assert sig and set(sig[0].evidence["markers"]) >= {"account_change", "tollfree_helpline_only"}
    assert a.risk_score < 50


def test_official_link_offset_withheld_when_a_non_tollfree_number_is_given() -> None:
    text = ("Your debit card was used for GBP 1,250.00 at APPLE ONLINE STORE. If not you call fraud prevention on "
            "+44 330 380 0231. https://www.nationwide.co.uk")
    assert "official_links_no_lure" not in _codes(text)


# ---- the learned model is capped in those contexts ----------------------------------------------------------------

@pytest.mark.parametrize("text, context", [
    ("Your BESCOM bill of Rs 1,540 for account 7712XXXX is due on 15-12-2025. Pay at bescom.co.in", "transactional"),
    ("Axis Bank never asks for your card PIN or OTP. Beware of callers who say your card will be blocked.",
     "safety_advice"),
])
def test_model_points_are_capped_in_structural_contexts(text: str, context: str) -> None:
    model = textmodel.sms_model()
    if model is None or context not in model.caps:
        pytest.skip("no SMS model artefact with caps")
    ml = [s for s in analyze_sms(text).signals if s.code == "ml_sms"]
    assert not ml or ml[0].weight <= model.caps[context]


# ---- the marker helpers ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Pay by 08-Dec at the counter", {"due_date"}),
    ("EMI of Rs 4,100 is due on 05-12-2025", {"due_date", "bill_amount"}),
    ("Aadhaar XXXX XXXX 4410 updated", {"masked_account"}),
    ("K No 1234567890 and UHID 10293847", {"reference"}),
    ("pay 10 lakh now", set()),
    ("due 2 days", set()),
])
def test_transactional_markers(text: str, expected: set[str]) -> None:
    assert set(transactional_markers(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("HDFC Bank never asks for OTP", {"never_asks"}),
    ("This is a scam, ignore it", {"names_the_scam"}),
    ("This is not a scam, genuine offer", set()),
    ("Report at cybercrime.gov.in or dial 1930", {"report_channel"}),
    ("Do not share your OTP with anyone", {"do_not_share"}),
    ("Visit your nearest branch with documents", {"visit_branch"}),
])
def test_safety_advice_markers(text: str, expected: set[str]) -> None:
    assert set(safety_advice_markers(text)) == expected
