"""Indian SMS without a sender id (pasted / forwarded text): the structural evidence that separates genuine bank,
biller, brand and awareness messages from scams, and the Hinglish / Devanagari scam forms from public advisories
(RBI, NPCI, I4C / Cyber Dost, DoT). Every case is written for this test; none is a hold-out row."""

from __future__ import annotations

import re

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
    # (the customer's own branch is a channel, not safety advice: R2 review #3)
    ("Dear Customer, re-KYC of your account is due. Please visit your home branch with your ID proof. "
     "Ignore if already submitted.", "official_channel_only"),
    # bills and dues: amount + due date
    ("JVVNL: Energy bill for account 2100XXXX is Rs 1,322, due on 18-12-2025. Pay online or at the sub-division "
     "counter.", "transactional_notice"),
    ("Your Tata AIA policy premium of Rs 22,400 is due on 02-01-2026. Pay through the Tata AIA app.",
     "transactional_notice"),
    # a brand promotion whose only link is the brand's own site
    ("Tata Play Binge: 2 months of 20+ OTT apps at no extra cost with your DTH plan. Details on tataplay.com",
     "official_links_no_lure"),
])
def test_genuine_messages_are_safe_with_an_explained_offset(text: str, code: str) -> None:
    a = analyze_sms(text)
    assert a.risk_score < 50, (a.risk_score, [(s.code, s.weight) for s in a.signals])
    sig = [s for s in a.signals if s.code == code]
    assert sig and sig[0].weight < 0, [(s.code, s.weight) for s in a.signals]
    assert sig[0].message and sig[0].evidence is not None


@pytest.mark.parametrize("text", [
    "Nykaa beauty bonanza is back: buy 2 lipsticks and the 3rd one is on us. T&C. To opt out SMS STOP to 1909",
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
    "Decathlon: members get early access to the running shoe sale from Friday, only in stores. To opt out "
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
    ("Madam mera 2500 ka payment galat number pe chala gaya, aapke paas aaya hoga. Request daali hai, approve "
     "karke lauta do", "wrong_transfer_with_request"),
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
    ("Kal raat ki video call record ho gayi hai. 15 hazaar do nahi to Facebook pe daal ke gharwalon ko dikha denge",
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
    ("Namaste, courier boy here. Address confirm karne ke liye jo OTP aaya hai woh bata do, parcel abhi deliver "
     "karna hai", "credential_request"),
    # the "Hi Mum" scam: new number / lost phone + a money request
    ("Hi dad, my phone got stolen, this is a friend's phone. Can you send 6,500 for a new one today?",
     "new_number_money_request"),
    ("Mom I've got a new number, my mobile stopped working. Please send 7,000 to this account for the repair.",
     "new_number_money_request"),
    ("Hi Mum, I dropped my phone in the sink, this is my new number. Can you help me pay a bill today?",
     "new_number_money_request"),
    # paid per review + a Telegram contact
    ("Like YouTube videos from home and get paid Rs 50 a like. Limited seats, add our HR on t.me/likes_hr_desk",
     "job_task_lure"),
    # loan-app harassment
    ("LoanKart: you missed your repayment. Clear Rs 3,600 within 2 hours, otherwise we will share your morphed "
     "pictures with your relatives.", "sextortion_threat"),
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
    a = analyze_sms("Crypto signals by ex-bank traders, 5x gains in 30 days guaranteed. Seats left: 12. Enter here "
                    "chat.whatsapp.com/ZxYw98VuT")
    assert not any(d["official"] for d in a.extracted["links"])
    assert "official_links_no_lure" not in {s.code for s in a.signals}
    assert a.risk_score >= 50, [(s.code, s.weight) for s in a.signals]


def test_brand_promotion_with_official_link_and_tollfree_number() -> None:
    a = analyze_sms("Airtel Xstream: free trial for 30 days with a new fiber connection. Book at airtel.in/broadband "
                    "or call 18001030405.")
    codes = {s.code for s in a.signals}
    assert "lure_with_callback" not in codes and a.risk_score < 50, [(s.code, s.weight) for s in a.signals]


def test_account_change_alert_with_tollfree_helpline_is_a_notice() -> None:
    a = analyze_sms("Your Canara Bank ai1 profile: mobile number updated on 03-12-25 from your request. Not you? "
                    "Ring 1800 1030 to block access.")
    sig = [s for s in a.signals if s.code == "transactional_notice"]
    assert sig and set(sig[0].evidence["markers"]) >= {"account_change", "tollfree_helpline_only"}
    assert a.risk_score < 50


def test_official_link_offset_withheld_when_a_non_tollfree_number_is_given() -> None:
    text = ("Your debit card was used for GBP 1,250.00 at APPLE ONLINE STORE. If not you call fraud prevention on "
            "+44 330 380 0231. https://www.nationwide.co.uk")
    assert "official_links_no_lure" not in _codes(text)


# ---- the learned model is capped in those contexts ----------------------------------------------------------------

@pytest.mark.parametrize("text, context, offset", [
    # (texts on which the uncapped model gives more than the cap, so the cap is actually exercised; the model
    # retrained with hold-out batches a-j no longer over-scores the earlier examples -- an Amazon delivery notice and a
    # lottery-awareness alert -- so these carry more of the UK spam wording it learned: uncapped 41.5 / 43.5)
    ("Your mobile ringtone order 405-1234567 has been delivered. Details at amazon.in/orders. Txt STOP to 1909 to opt "
     "out", "transactional", "transactional_notice"),
    ("Beware: SMS claiming your mobile number won a lottery or cash prize are fake. Do not reply or click. Report at "
     "cybercrime.gov.in", "safety_advice", "safety_advice"),
])
def test_model_points_are_capped_in_structural_contexts(text: str, context: str, offset: str) -> None:
    model = textmodel.sms_model()
    assert model is not None and context in model.caps, "the shipped SMS model artefact must carry its caps"
    uncapped = textmodel.model_signal(model, "sms", text, contexts=[])
    assert uncapped is not None and uncapped.weight > model.caps[context]
    signals = {s.code: s for s in analyze_sms(text).signals}
    assert offset in signals and signals[offset].weight < 0, signals  # the context fired
    assert "ml_sms" in signals and signals["ml_sms"].weight <= model.caps[context]


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
    ("Complete Video KYC in the Kotak app", {"official_app"}),
    ("Be alert about fraud calls asking for card details", {"names_the_scam"}),
    ("These messages are fake", {"names_the_scam"}),
    ("SBI will not ask for your OTP", {"never_asks"}),
    # scammer phrasing that is no advice (R1 review)
    ("Chat with us on the WhatsApp app.", set()),
    ("Pay your bill on the Paytm app", set()),
    ("Meet me at the branch", set()),
    ("Be careful, seats are limited!", set()),
    ("Other groups are fake", set()),
    ("We will not call you", set()),
    ("Our team never sends spam.", set()),
])
def test_safety_advice_markers(text: str, expected: set[str]) -> None:
    assert set(safety_advice_markers(text)) == expected


# ---- R1 review: advice, official links and helplines appended to a scam do not excuse it ----------------------------

_SCAM_BASES = [
    "VIP stock tips group: guaranteed 40% monthly returns, IPO allotment with listing gains. Message on WhatsApp "
    "+1 202 555 0147.",
    "Earn daily profit with our expert team. Daily signals free. Details: https://youtube.com/@sbi-rewards",
    "Congratulations, you are eligible for a car in the Maruti lucky draw. Pay Rs 4,999 registration to claim it.",
    "Earn daily profit with our expert team. Daily signals free. Details: https://www.instagram.com/sbi_kyc_help",
    "Earn daily profit with our expert team. Daily signals free. Details: https://www.telegram.me/vipgroup",
    "FedEx: Your parcel to Taiwan contains drugs and fake passports, seized by customs. You face digital arrest. Stay "
    "on video call with CBI officer.",
    "Congratulations! You have won a Tata Safari in the KBC lucky draw. Contact our manager on whatsapp "
    "+44 7700 900123.",
    "Your PayPal account has been locked. Confirm your details within 24 hours or it will be permanently suspended.",
    "Your Apple ID has been locked for security reasons. Verify your details within 12 hours to avoid permanent "
    "suspension.",
    "Dear customer your SBI YONO account will be blocked today. Update your PAN immediately. Call 022-40123456.",
    "Your SBI YONO is suspended. Contact our support team at https://www.instagram.com/sbi_yono_help .",
    "Your SBI account is blocked. Install support app https://play.google.com/store/apps/details?id=com.anydesk."
    "anydeskandroid and call us.",
]
_ADVICE_SUFFIXES = [
    " Be careful, seats are limited!",
    " Other groups are fake.",
    " Chat with us on the WhatsApp app.",
    " Our team never sends spam.",
    " We will not call you.",
    " Beware of fake groups.",
    " Beware of fraudsters. Report at 1930.",
    " SBI never asks for your OTP, PIN or CVV.",
    " Do not share your OTP with anyone.",
    " Visit your nearest branch for help.",
    " Complete it in the official mobile app.",
    " Report fraud at cybercrime.gov.in or call 1930.",
    " To opt out SMS STOP to 1909",
]


@pytest.mark.parametrize("suffix", _ADVICE_SUFFIXES)
@pytest.mark.parametrize("base", _SCAM_BASES)
def test_advice_or_official_wording_appended_to_a_scam_keeps_it_flagged(base: str, suffix: str) -> None:
    a = analyze_sms(base + suffix)
    codes = {s.code: s.weight for s in a.signals}
    assert a.risk_score >= 50, (a.risk_score, codes)
    assert "safety_advice" not in codes and "official_links_no_lure" not in codes, codes


@pytest.mark.parametrize("url", [
    "https://www.telegram.me/vipgroup", "https://whatsapp.com/send?phone=919830123456", "https://web.whatsapp.com/",
    "https://instagram.com/sbi_help_desk", "https://www.youtube.com/@sbi-rewards",
    "https://play.google.com/store/apps/details?id=com.anydesk.anydeskandroid",
    "https://sites.google.com/view/sbi-kyc-update", "https://forms.gle/AbCdEf123",
    "https://www.amazon.in/gp/redirect?url=http://evil.xyz", "https://www.onlinesbi.sbi/login?next=https%3A%2F%2Fx.ru",
])
def test_links_anyone_can_create_and_open_redirects_are_never_official(url: str) -> None:
    a = analyze_sms(f"Hello, details here {url} thanks")
    assert a.extracted["links"] and not any(d["official"] for d in a.extracted["links"]), a.extracted["links"]
    assert "official_links_no_lure" not in {s.code for s in a.signals}


def test_open_redirect_on_an_official_host_gets_no_offset() -> None:
    a = analyze_sms("Hello sir, share your details here https://www.amazon.in/gp/redirect?url=http://evil.xyz")
    codes = {s.code for s in a.signals}
    assert "official_links_no_lure" not in codes and "transactional_notice" not in codes


def test_official_brand_and_government_links_stay_official() -> None:
    a = analyze_sms("Pay your e-challan at https://echallan.parivahan.gov.in or see https://www.amazon.in/orders")
    assert a.extracted["links"] and all(d["official"] for d in a.extracted["links"]), a.extracted["links"]


@pytest.mark.parametrize("text", [
    "PayPal: You have sent USD 749.00 to Coinbase Inc. Ref no 88213455. Not you? Call PayPal support +1 833 915 2071",
    "Your Norton subscription has been renewed for USD 399.99, order ID 7845123. If you did not authorize this, call "
    "+1 (888) 452-1505.",
])
def test_foreign_tollfree_numbers_are_not_indian_helplines(text: str) -> None:
    codes = {s.code: s for s in analyze_sms(text).signals}
    assert "transactional_notice" not in codes and "safety_advice" not in codes, codes


def test_indian_tollfree_helpline_still_counts() -> None:
    a = analyze_sms("Your Canara Bank ai1 profile: mobile number updated on 03-12-25 from your request. Not you? "
                    "Ring 1800 1030 to block access.")
    sig = [s for s in a.signals if s.code == "transactional_notice"]
    assert sig and "tollfree_helpline_only" in sig[0].evidence["markers"]


@pytest.mark.parametrize("text, code", [
    ("Share photos with your family and friends easily. Backup on Google Photos today.", "sextortion_threat"),
    ("Bhai rent bhej do warna landlord gussa karega", "sextortion_threat"),
    ("Bhai rent ke 12,000 bhej do warna landlord gussa karega", "sextortion_threat"),
    ("Dear applicant, consignment of passports dispatched by courier from VFS Global, AWB 123456789",
     "law_enforcement_threat"),
    ("Dear parent, Q3 school fees jama karein before 10 Dec. - DPS Noida", "advance_fee_request"),
    ("Earn 12% returns on our FD. Book online in two minutes.", "investment_lure"),
    ("HDFC Bank: You are eligible for a car loan of up to Rs 8,00,000 at attractive rates. Visit "
     "https://www.hdfcbank.com T&C apply", "prize_lottery"),
])
def test_everyday_wording_does_not_fire_scam_cues(text: str, code: str) -> None:
    a = analyze_sms(text)
    codes = {s.code for s in a.signals}
    assert code not in codes and a.risk_score < 50, (a.risk_score, codes)


@pytest.mark.parametrize("text", [
    "Your KYC is pending, reply with otp 482913 and card number to keep the account active",
    "Aapka account band ho jayega, atm pin 4821 bhej kar chalu karayein",
    "Hi mum, new number, message 9830123456 on whatsapp and send 5000 for the hospital",
    "Part time job: earn 3000 daily, call HR 98301 23456 now",
    "Your parcel AWB 55667788 is held, pay customs duty 1250 to release",
])
def test_sms_evidence_never_carries_a_digit_run(text: str) -> None:
    import re

    pieces = []
    for s in analyze_sms(text).signals:
        for key in ("matched", "amount"):
            value = s.evidence.get(key)
            pieces += value if isinstance(value, list) else [value] if value else []
    assert any("####" in str(p) for p in pieces), pieces  # a match did span the number: it is masked
    for piece in pieces:
        assert not re.search(r"\d(?:[ -]?\d){3,}", str(piece)), piece


def test_safety_advice_evidence_says_what_matched() -> None:
    sig = next(s for s in analyze_sms("HDFC Bank never asks for your OTP. Report fraud at 1930.").signals
               if s.code == "safety_advice")
    assert "never_asks" in sig.evidence["markers"] and any("never asks" in m for m in sig.evidence["matched"])


@pytest.mark.parametrize("text", [
    "RBI says: Never share your OTP. Fake KYC update SMS with links are being sent. Your bank will never ask you to "
    "update KYC by link.",
    "Digital arrest is not a thing. Police never arrest on video call. Call 1930 if someone threatens you.",
    "Cyber Dost: Fraudsters pose as TRAI officials and threaten to disconnect your number. TRAI never calls for this. "
    "Report at 1930.",
])
def test_advisories_that_describe_a_scam_in_the_third_person_keep_the_offset(text: str) -> None:
    a = analyze_sms(text)
    assert "safety_advice" in {s.code for s in a.signals} and a.risk_score < 50, \
        (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text", [
    "Arrest warrant issued in money laundering case. CBI officer will join video call. Do not share OTP.",
    "FedEx parcel seized with drugs. Stay on the video call with the customs officer. Beware of fraudsters.",
])
def test_a_third_person_lure_with_an_order_or_a_call_gets_no_offset(text: str) -> None:
    assert "safety_advice" not in _codes(text), _codes(text)


# ---- patterns behind hold-out batch e's misses (each written for this test, not copied from the hold-out) ----------

@pytest.mark.parametrize("text, code", [
    # "Hi Mum" in Devanagari: new number + lost phone + money ask
    ("पापा ये मेरा नया नंबर है, फोन टूट गया। 12000 रुपये अभी इस नंबर पर भेज दो, कल लौटा दूंगा", "new_number_money_request"),
    # illegal loan-app recovery: shaming the borrower to their contacts
    ("Repay Rs 4,500 today otherwise we will message all your contacts and relatives with your photo.",
     "contacts_shaming_threat"),
    ("Aaj payment nahi kiya to tumhare sabhi contacts ko msg karenge ki tum fraud ho. Pay: bit.ly/rpy-now",
     "contacts_shaming_threat"),
    # disconnection threats in Marathi / Telugu / Bengali in Latin script
    ("Tumcha vij purvatha aaj raatri khandit hoil, bill pending aahe. Lagech sampark kara 9822012345",
     "utility_disconnection_threat"),
    ("Mee current bill kattaledu, ee roju current cut chestharu. Ventane call cheyandi 9000123456",
     "utility_disconnection_threat"),
    # fake invoice / auto-renewal with a foreign number to "cancel"
    ("McAfee: Your subscription was auto-renewed for USD 289.99. If you did not authorize this charge call "
     "+1 (844) 555-0123 to cancel.", "charge_with_foreign_callback"),
    ("Invoice 44120 for $599.00 (Total Protection, 2 years) processed today. Not you? Call +1 808 555 0166",
     "charge_with_foreign_callback"),
])
def test_batch_e_scam_patterns_are_flagged(text: str, code: str) -> None:
    a = analyze_sms(text)
    codes = {s.code: s for s in a.signals}
    assert a.risk_score >= 50 and code in codes, (a.risk_score, {c: s.weight for c, s in codes.items()})
    for v in codes[code].evidence.values():  # evidence carries no phone number
        assert not re.search(r"\d(?:[ -]?\d){3,}", str(v)), v


@pytest.mark.parametrize("text, code", [
    # a notice whose lure is real but whose only channel is official (links or the customer's own app)
    ("FedEx: Duty of Rs 2,210 is payable for shipment 7712 0099 1234 before delivery. Pay at fedex.com/en-in or "
     "in the FedEx app.", "official_links_no_lure"),
    ("UIDAI: Update your Aadhaar documents free online till 14-Jun-2026 on myaadhaar.uidai.gov.in.",
     "official_channel_only"),
    ("DHL Express: Your parcel is on hold for customs duty of Rs 640. Pay it on dhl.com with the waybill number.",
     "official_channel_only"),
    ("Your Kotak account will be frozen as Video KYC is pending as per RBI guidelines. Complete it in the Kotak app.",
     "official_channel_only"),
    # romanised Hindi due date: a biller's template
    ("PVVNL: Aapka bijli bill Rs 860 hai, khata sankhya 5512345678, antim tithi 20-12-2025.", "transactional_notice"),
    # an operator's missed-call notice
    ("Missed call alert: 98XXXXXX07 tried to call you 3 times, last at 09:14 PM on 04-Dec. -Airtel", None),
])
def test_batch_e_genuine_patterns_are_safe(text: str, code: str | None) -> None:
    a = analyze_sms(text)
    assert a.risk_score < 50 and (code is None or code in {s.code for s in a.signals}), \
        (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text", [
    # the same notices with a channel of the scammer's own, pressure, or an ask get no official-channel offset
    "FedEx: Duty of Rs 2,210 is payable for shipment 7712. Pay at fedex-duty-pay.top or call 9830012345.",
    "Your SBI account will be blocked today. Update KYC at sbi.co.in or call our officer 9876501234.",
    "Your Kotak account will be frozen within 24 hours. Complete Video KYC in the Kotak app immediately.",
    "Your PayPal account has been locked. Confirm your details or visit your nearest branch.",
    "HDFC Bank: reward points worth Rs 5,000 expire today. Share the OTP you received to redeem at hdfcbank.com.",
])
def test_official_channel_offset_needs_an_official_channel_and_no_ask(text: str) -> None:
    assert "official_channel_only" not in _codes(text), _codes(text)


@pytest.mark.parametrize("text", [
    "Chase: Your $1,240.00 purchase at BEST BUY was approved. Not you? Call the number on the back of your card.",
    "HDFC Bank: Rs 2,499 debited for Netflix subscription on card XX4412. Not you? Call 1800 202 6161.",
    "My sister in Dubai says call her on +971 50 123 4567 when you reach, she ordered the cake.",
])
def test_no_foreign_charge_callback_without_a_charge_and_a_foreign_number(text: str) -> None:
    assert "charge_with_foreign_callback" not in _codes(text), _codes(text)


@pytest.mark.parametrize("text", [
    "Hi, is this Mark? It's Vivian from the yoga class, we met at the studio last week. Still free for coffee?",
    "Sorry, I think I got the wrong number. I found your number in my contacts under 'Kevin'.",
])
def test_wrong_number_openers_are_named_but_stay_below_high(text: str) -> None:
    a = analyze_sms(text)
    assert "wrong_number_opener" in {s.code for s in a.signals} and 25 <= a.risk_score < 50, \
        (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text, code", [
    # a title's full stop does not end the sentence: "message Dr. Rao on WhatsApp" is one call to action
    ("Pre-IPO allotment with assured listing gains for our VIP members. Contact Dr. Rao on WhatsApp today.",
     "lure_with_callback"),
    # the call hand-over of a "digital arrest" call
    ("Your courier has been stopped by customs. Please hold, we are transferring your call to the CBI officer.",
     "law_enforcement_threat"),
])
def test_call_to_action_and_hand_over_patterns(text: str, code: str) -> None:
    a = analyze_sms(text)
    assert a.risk_score >= 50 and code in {s.code for s in a.signals}, \
        (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text, safe", [
    # the operator reports who called: that number is not a call-back
    ("Missed call alert: +91 97400 11223 tried to call you 4 times. Last call at 08:05. -Vi", True),
    ("You have 1 missed call from 9740011223 at 19:40 on 02-Dec. -Airtel", True),
    # the same number (or another) given to call back is still a call-back
    ("You have a missed call from 9740011223. Call 9740011223 now, your SIM will be blocked today.", False),
])
def test_reported_missed_call_numbers_are_not_call_backs(text: str, safe: bool) -> None:
    a = analyze_sms(text)
    assert (a.risk_score < 50) == safe, (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text, offset", [
    # a brand's service text with the CTIA opt-out line alone
    ("Walgreens: Your prescription is ready for pickup at your store on Main St. Reply STOP to opt out.", True),
    ("FedEx: Your package 7712 is scheduled for delivery tomorrow by 8 pm. Reply STOP to cancel.", True),
    # premium-rate / subscription spam: STOP to a short code, or another reply ask next to it
    ("Win a holiday for 2! Reply HOLIDAY now to enter the draw. Reply STOP to end.", False),
    ("Weekly ringtone club: new tones every week. Send STOP to 80082 to end service.", False),
    ("As a member you can enter our prize draw by replying with WIN. To unsubscribe text STOP", False),
])
def test_a_reply_stop_line_alone_marks_a_registered_sender(text: str, offset: bool) -> None:
    assert ("registered_promotion" in _codes(text)) == offset, _codes(text)


@pytest.mark.parametrize("text, fires", [
    ("Railway Recruitment Board: you are shortlisted for Group D. Deposit joining fee Rs 2,750 to receive your "
     "appointment letter.", True),
    ("HR Desk: your offer letter for Wipro is ready. Pay the refundable laptop deposit of Rs 4,000 via UPI "
     "wipro.hr@ybl.", True),
    # a board's own application fee on its .gov.in site, a company saying it never charges, a utility deposit
    ("SSC: Application fee of Rs 100 for CGL 2025 can be paid at ssc.gov.in till 20-12-2025.", False),
    ("Interview confirmed for 10-Dec. Infosys never charges any fee at any stage of recruitment.", False),
    ("BESCOM: Additional security deposit of Rs 540 is added to your bill, due on 15-12-2025.", False),
])
def test_recruitment_fee_request(text: str, fires: bool) -> None:
    a = analyze_sms(text)
    codes = {s.code for s in a.signals}
    assert ("recruitment_fee_request" in codes) == fires and (a.risk_score >= 50) == fires, \
        (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text", [
    "Hello, is this Priya? Sorry, wrong number I guess. I'm Grace, I do crypto trading in Singapore, nice to meet you.",
    "Hi, I got your number from a WhatsApp group. I'm Kevin, a financial analyst, interested in learning forex?",
])
def test_a_wrong_number_opener_that_turns_to_trading_is_flagged(text: str) -> None:
    a = analyze_sms(text)
    assert a.risk_score >= 50 and "stranger_investment_pitch" in {s.code for s in a.signals}, \
        (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text, prize", [
    # a lender's or issuer's greeting for the customer's own application
    ("Congratulations! Your home loan of Rs 25,00,000 has been sanctioned. EMI starts 05-Feb-26. -HDFC Ltd", False),
    ("Congrats! Your SBI credit card is dispatched and will reach you in 5 days.", False),
    # a prize claim keeps its cue
    ("Congratulations! You have won Rs 25 lakh in the KBC lucky draw. Your loan is approved for tax payment.", True),
    ("Congratulations, you are selected for a reward. Claim it now.", True),
])
def test_congratulations_on_ones_own_application_is_not_a_prize(text: str, prize: bool) -> None:
    assert ("prize_lottery" in _codes(text)) == prize, _codes(text)


@pytest.mark.parametrize("text, fires", [
    ("Ladli Behna Yojana: Rs 3,000 will be credited to all women. Register with Aadhaar at ladli-behna-reg.site",
     True),
    ("Govt solar subsidy: get Rs 78,000 for rooftop panels, apply today at pm-surya-ghar-apply.online", True),
    # the scheme's own portal, or no link at all
    ("PM Kisan: 19th installment released. Check your status at pmkisan.gov.in", False),
    ("Apply for the Ayushman card at your nearest CSC with your Aadhaar and ration card.", False),
])
def test_scheme_with_unofficial_link(text: str, fires: bool) -> None:
    codes = _codes(text)
    assert ("scheme_with_unofficial_link" in codes) == fires, codes


@pytest.mark.parametrize("text", [
    "Pre-IPO shares through our app with assured listing gains of 40%. Download: ipo-quota-app.in",
    "Join our trading desk for guaranteed daily profit of 3%. Link: t.me/dailyprofitdesk",
])
def test_assured_returns_with_one_word_between(text: str) -> None:
    a = analyze_sms(text)
    assert a.risk_score >= 50 and "investment_lure" in {s.code for s in a.signals}, \
        (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("text, flagged", [
    # a relative on someone else's phone (battery dead) with an emergency and a money ask
    ("Papa main police station me hu, mobile ki battery khatam hai, is number pe 15000 bhej do turant", True),
    # genuine family chat about money stays below high
    ("Maa hospital ka bill aa gaya, 5000 bhej do please, papa ka card kaam nahi kar raha", False),
    ("Bhaiya 2000 bhej do jaldi, canteen me wallet bhool gaya", False),
    ("Didi operation ho gaya, sab theek hai. Paise ki zarurat nahi, bas aa jao shaam ko", False),
])
def test_hinglish_family_money_asks(text: str, flagged: bool) -> None:
    a = analyze_sms(text)
    assert (a.risk_score >= 50) == flagged, (a.risk_score, [(s.code, s.weight) for s in a.signals])


def _flag(text: str, sender: str | None = None) -> tuple[int, list[tuple[str, float]]]:
    a = analyze_sms(text, sender=sender)
    return a.risk_score, [(s.code, s.weight) for s in a.signals]


@pytest.mark.parametrize("text, flagged", [
    # lottery claims in other Indian scripts with a number to contact
    ("অভিনন্দন! আপনি ১০ লক্ষ টাকার লাকি ড্র জিতেছেন। দাবি করতে 9830011122 নম্বরে কল করুন।", True),
    ("अभिनंदन! तुम्ही 3 लाख रुपयांचे बक्षीस जिंकले आहे. 9822011122 वर कॉल करा.", True),
    ("வாழ்த்துக்கள்! நீங்கள் 5 லட்சம் பரிசு வென்றுள்ளீர்கள். 9444011122 அழைக்கவும்", True),
    ("అభినందనలు! మీరు లాటరీ గెలుచుకున్నారు. 9849011122 కి కాల్ చేయండి", True),
    # ordinary chat in the same scripts stays low
    ("আজ সন্ধ্যায় বাড়ি ফিরব, রাতের খাবার রেখে দিও", False),
    ("उद्या सकाळी 9 वाजता भेटू, कॉल करा जर उशीर झाला तर", False),
])
def test_regional_script_lottery(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # an army / police officer buying or selling on a marketplace, paying by QR or asking for charges first
    ("I am posted at Pathankot with BSF, selling my Royal Enfield for Rs 35,000 due to transfer. Pay Rs 3,000 "
     "transport charges first and the bike comes by army truck", True),
    ("Sir I am army man, I will buy your fridge from OLX. Payment through army account, scan the QR I send you "
     "to receive", True),
    # genuine mentions of the forces or a canteen purchase
    ("Bhaiya CSD canteen se AC liya, 28000 ka pada. Tumhe bhi chahiye toh bata dena", False),
    ("Uncle retired from the army last year, now he runs a bakery in Dehradun", False),
])
def test_forces_trade_story(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # PIN or code asks the pronoun hides ("to receive it, enter your PIN"; "send the code you receive")
    ("I have paid Rs 4,500 for the cycle. To receive it please approve and enter your UPI PIN", True),
    ("Airtel: SIM swap request received. If not made by you, forward the code you receive to this number", True),
    # a door / Wi-Fi code between people is not an OTP
    ("Can you text me the wifi code again, the guests are asking", False),
    ("Send me the code for the gate please, I'm outside", False),
])
def test_pin_and_code_asks(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # a brand's "customer care" / "helpline" on a personal mobile number: the fake customer-care number
    ("Dear HDFC customer, your card dispute is pending. Call HDFC customer care on 9123400567 to close it", True),
    ("Paytm helpline: for your cashback query call 8013400567 today", True),
    # a brand's toll-free helpline is fine
    ("HDFC Bank: For any query on your card call customer care on 1800 202 6161. Ignore if already resolved.",
     False),
])
def test_fake_customer_care_mobile(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # the identity change (new number / broken phone) with a money ask
    ("Hi Dad it's me, I've got a new number. Could you send me 300 for rent today? Will explain later", True),
    ("Hey Mom my phone is broken so using this one. Can you transfer some money for my train ticket?", True),
    # a new number without a money ask, and a money ask without the identity change
    ("Hi Mum, this is my new number, save it. Landed safely!", False),
    ("Dad can you send the money for the electricity bill, it's due tomorrow", False),
])
def test_new_number_money_ask(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, number", [
    # a North American number with its country code and no "+" is read as such (not as an Indian number)
    ("If you did not place this order call 1-855-213-4471 to cancel", "+18552134471"),
    ("Questions? 1 (888) 412-3370", "+18884123370"),
])
def test_north_american_number_without_plus(text: str, number: str) -> None:
    from scamshield.engine.sms import extract_phone_numbers
    assert number in extract_phone_numbers(text)


@pytest.mark.parametrize("text, flagged", [
    # an appointment reminder with its own reply keyword from a plain number is a service notice
    ("Bright Smile Clinic: your appointment Thu 11 Dec 10:20am. Reply Y to confirm or call 0161 496 0123 to change.",
     False),
    ("Hair by Neha: booking confirmed for Sat 14 Dec at 4pm. Reply C to cancel.", False),
    # the same reply keyword with a lure and an unofficial link is not excused
    ("Royal Mail: your parcel is on hold due to an unpaid shipping fee. Reply Y to confirm redelivery and pay at "
     "royalmail-redelivery-fee.com", True),
])
def test_appointment_reminder_with_reply_keyword(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("sender, text, flagged", [
    # a registered header's own site (not in the brand registry) with the opt-out line registered senders carry
    ("VM-DOMINO", "Domino's: 50% off on all large pizzas till Sunday. Order on dominos.co.in. T&C. To opt out SMS "
                  "STOP DOM to 56767", False),
    ("JD-CHAAYO", "Chaayos: Free cutting chai with any snack today. Order at chaayos.com. To unsubscribe SMS STOP "
                  "to 56161", False),
    # the header's name inside a longer or hyphenated domain, or a lure with it, is not trusted
    ("VM-DOMINO", "Domino's: your reward of Rs 500 expires today, claim now at dominos-rewards.top", True),
    ("VM-CHAAYO", "Chaayos: KYC pending for your wallet, update at chaayoswallet-kyc.in to avoid block", True),
])
def test_link_to_the_sending_headers_own_site(sender: str, text: str, flagged: bool) -> None:
    score, sigs = _flag(text, sender)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # a 5-digit opt-out number after "To unsubscribe" in a promotion whose links are the brand's own site
    ("Flipkart: Big Saving Days from 10 Dec, up to 80% off. Shop on flipkart.com. T&C. To unsubscribe SMS STOP to "
     "56161", False),
    # premium-rate spam: the short code is the ask itself, no official link
    ("FREE entry to win a weekly prize! Txt WIN to 87121 now. 150p/msg. To opt out txt STOP to 87121", True),
])
def test_optout_short_code_in_a_brand_promotion(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("sender, text, flagged", [
    # a known brand's own header, no lure, its link on a deep-link / shortener host (TRAI URL whitelisting)
    ("JM-AIRTEL-P", "Airtel: Rs 449 pack now with 3GB/day and Xstream Play for 28 days. Recharge here "
                    "bit.ly/3rc449X T&C", False),
    # the same header with a lure, a look-alike header with a lure, or the same text from a phone number
    ("JM-AIRTEL-P", "Airtel: your SIM will be blocked today due to pending KYC. Update at airtel.app.link/kyc", True),
    ("VM-ARTLKY", "Airtel: your SIM will be blocked today due to pending KYC. Update at airtel.app.link/kyc", True),
    ("+919830011223", "Airtel: your SIM will be blocked today, update KYC now at airtel.app.link/kyc", True),
])
def test_brand_header_with_shortener_link(sender: str, text: str, flagged: bool) -> None:
    score, sigs = _flag(text, sender)
    assert (score >= 50) == flagged, (score, sigs)
    if not flagged:
        assert "registered_brand_shared_link" in {c for c, _ in sigs}, sigs


@pytest.mark.parametrize("text, amount", [
    # amounts written with the amount words of other Indian scripts
    ("আপনি ৫ লক্ষ টাকা জিতেছেন", True),
    ("நீங்கள் 10 லட்சம் ரூபாய் வென்றுள்ளீர்கள்", True),
    ("మీకు 2 లక్షలు వచ్చాయి", True),
    ("আজ ৫ টায় দেখা হবে", False),   # a time, not an amount
])
def test_amounts_in_other_indian_scripts(text: str, amount: bool) -> None:
    from scamshield.engine.sms import _MONEY_RE
    assert bool(_MONEY_RE.search(text)) == amount


@pytest.mark.parametrize("text, excused", [
    # a delivery / ride code handed over at the door or in the car
    ("Swiggy Instamart: your order is arriving. Share OTP 5521 with the delivery partner at the time of delivery.",
     True),
    ("Flipkart: Open Box Delivery today. Share the code 8812 with the delivery executive only after receiving your "
     "product", True),
    ("Uber: Share PIN 4410 with your driver to start the trip.", True),
    # the same ask without the hand-over moment, or tied to a refund / a call, is not excused
    ("Share the OTP with our delivery executive when he calls you to process the refund", False),
    ("Share the OTP with the delivery boy, he will call you for verification", False),
])
def test_delivery_code_handover(text: str, excused: bool) -> None:
    assert ("credential_request" not in _codes(text)) == excused, _codes(text)


@pytest.mark.parametrize("text, flagged", [
    # the identity change in other words ("phone cracked", "texting from a friend's phone") with a money ask
    ("Hi Dad, phone cracked so I'm messaging from a friend's phone. Could you send 400 for the deposit today?", True),
    ("Mummy mera phone kharab ho gaya, ab ye naya number hai. 5000 transfer kar do please", True),
    # the same identity change with no money ask stays a hint
    ("Hi Mum phone cracked, texting from a friend's phone. Home by 8, don't wait for dinner", False),
])
def test_new_identity_wordings(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # the forces seller / buyer story in Hindi and Marathi (Devanagari)
    ("मैं आर्मी में हूँ, मेरा तबादला हो गया है, अपनी बाइक 20000 में बेचनी है। पहले 2000 ट्रांसपोर्ट चार्ज भेजें", True),
    ("मी सीआरपीएफ मध्ये आहे, माझी बदली झाली, फ्रिज विकायचा आहे. आधी ट्रान्सपोर्ट चार्ज पाठवा", True),
    # an ordinary mention of the army or a transfer
    ("भैया आर्मी कैंटीन से टीवी लिया, बहुत सस्ता मिला", False),
    ("पापा का तबादला पुणे हो गया है, हम अगले महीने शिफ्ट होंगे", False),
])
def test_forces_trade_story_devanagari(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # a brand's promotion on its own site: its marketing wording counts once
    ("Myntra: Free gift with every order above Rs 999 this weekend! Shop on myntra.com. T&C. To opt out SMS STOP to "
     "56161", False),
    # the same wording with a look-alike link is not a brand promotion
    ("Myntra: Free gift with every order above Rs 999 this weekend! Claim at myntra-gifts.top. To opt out SMS STOP "
     "to 56161", True),
])
def test_brand_promotion_marketing_counts_once(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


# ---- R2 review findings (issue #5): each reproduction, and one or two variants written for this test -------------
# (sender, text, scam): scam rows must score >= 50, genuine rows < 50.
_R2_ROWS = [
    # 1. a missed-call framing must not hide the call-back number
    (None, "Missed call from 9876543210 regarding your electricity bill of Rs 1,240 due. Call back to avoid "
           "disconnection.", True),
    (None, "Missed call from 9820144321. Txn of Rs 45,000 on your SBI card XX1234 at Amazon. If not done by you, call "
           "back.", True),
    (None, "You have a missed call from +91 70123 45678 about your gas connection bill of Rs 860. Please call us back "
           "today to avoid supply cut.", True),
    (None, "Missed call alert from 8123456789: Rs 12,000 debited from your ICICI a/c XX4411. Not you? Call us back "
           "immediately.", True),
    # ... while the operator's own missed-call notice stays a notice
    (None, "Missed call alert: +91 98201 44321 tried to call you 3 times. Last call at 09:12. -Airtel", False),
    # 2. a header that merely contains a brand key is not the brand's header
    ("VK-CLICKS", "Dear customer, your statement is ready: https://bit.ly/3xkYz12", True),
    ("VM-POSTIN", "Dear customer, your statement is ready: https://bit.ly/3xkYz12", True),
    ("AD-YESWIN", "Dear customer, your statement is ready: https://bit.ly/3xkYz12", True),
    ("VK-SBIXYZ", "Dear customer, your statement is ready: https://bit.ly/3xkYz12", True),
    ("JM-HDFCXY", "Dear customer, your e-statement is available: https://bit.ly/4aBcD9q", True),
    # 3. an own-app / branch pointer does not excuse another channel (a reply ask, a promised call, an OTP)
    (None, "SBI: Your KYC is pending. Update via YONO app or visit branch. Our KYC officer will call you for "
           "verification, keep your OTP ready.", True),
    (None, "HDFC Bank: your KYC has expired. Update at https://www.hdfcbank.com or reply with your Aadhaar number and "
           "date of birth to update instantly.", True),
    (None, "SBI: Your KYC is pending and account will be blocked. Update via YONO app or visit your branch. Officer "
           "will call you shortly for video KYC.", True),
    (None, "ICICI Bank: your KYC is due. Complete it on the iMobile app or at your nearest branch. Our executive will "
           "call you today, please keep the OTP ready.", True),
    (None, "Axis Bank: KYC update pending. Update at https://www.axisbank.com or simply reply with your PAN and Aadhaar "
           "number to complete it now.", True),
    # 4. the delivery hand-over exception does not cover a call, a number or a refund in the same message
    (None, "Your refund of Rs 2,499 is ready. Share the OTP with our delivery executive only after receiving the "
           "package when he calls you from 9123456780.", True),
    (None, "Your parcel will arrive today. Share OTP 4471 with the delivery agent only at delivery. Agent will call "
           "from 9876543210 to confirm.", True),
    (None, "Cashback of Rs 750 approved. Give the OTP to our delivery boy only when he reaches you, he will WhatsApp "
           "you on 9988776655.", True),
    (None, "Swiggy: your order is arriving. Share OTP 5521 with the delivery partner at the time of delivery.", False),
    # 5. a link named after the sender header is no official channel for a lure
    ("AX-HDFCBK", "HDFC Bank: Your KYC has expired. Update at https://hdfcbk.in/kyc", True),
    ("JD-SBIINB", "SBI: Your PAN is not linked, account suspended. Update at https://sbiinb.co/pan", True),
    (None, "HDFC Bank: Your KYC has expired. Update at https://hdfcbk.in/kyc", True),
    # 6. colours and schools are not the armed-forces trade story
    ("VM-MYNTRA", "Navy & Air Force blue shirts on sale from Rs 399. Ends tonight! Shop https://www.myntra.com/shirts "
                  "T&C apply", False),
    (None, "Army Public School book sale: buy class 5 books for Rs 1,200 at school counter till Friday, hurry limited "
           "stock.", False),
    (None, "Kendriya Vidyalaya Air Force Station: annual day tickets Rs 100, buy at the school office before Monday, "
           "limited seats.", False),
    (None, "I am an army officer, got transferred to Pune, selling my Activa for Rs 18,000. Pay Rs 1,500 transport "
           "charges first on 9876501234", True),
    # 7. settling up between friends is not the new-number scam; the script with a rush or a payee is
    (None, "Phone battery low, will call you later. Send me the 200 for the cab via gpay please", False),
    (None, "Hey it's Ankit, this is my new number, save it. Also send me the 500 for dinner last night when you can.",
     False),
    (None, "New number, saved? Btw pay me the 150 for the chai whenever.", False),
    (None, "Mom my phone is dead, using a friend's phone. Need Rs 5,000 urgently, send now to 9876543210@paytm, don't "
           "tell dad.", True),
    # 8. a wrong number or a meetup that mentions trading, with no move to another channel
    (None, "Sorry wrong number! I meant to text my sister about our gold trading account lol", False),
    (None, "We met at the fintech meetup last week, I was the one talking about forex trading apps. Nice meeting you!",
     False),
    (None, "Oops wrong number, sorry! Was meant for my cousin about his crypto investment club meeting.", False),
    ("AX-ICICIT", "Your ICICI Bank Forex card XX4521 has been loaded with USD 500. Avl bal USD 500.", False),
    (None, "Oops, wrong number! But since we are chatting, have you tried crypto trading? Download the app at "
           "https://cryptx-pro.top", True),
    # 9. a government app's store listing is an official link
    (None, "PM Kisan yojana: download the official PM Kisan app "
           "https://play.google.com/store/apps/details?id=com.nic.project.pmkisan", False),
    (None, "PM Kisan yojana: download the official PM Kisan app "
           "https://play.google.com/store/apps/details?id=com.pmkisan.rewards.apk", True),
]


@pytest.mark.parametrize("sender, text, scam", _R2_ROWS)
def test_r2_review_rows(sender: str | None, text: str, scam: bool) -> None:
    a = analyze_sms(text, sender=sender)
    assert (a.risk_score >= 50) == scam, (a.risk_score, [(s.code, s.weight) for s in a.signals])


@pytest.mark.parametrize("header, brand_header", [
    ("HDFCBK", True), ("SBIINB", True), ("ICICIT", True), ("LICIND", True), ("CBSSBI", True), ("INDPST", True),
    ("JIOINF", True), ("CLICKS", False), ("POSTIN", False), ("YESWIN", False), ("SBIXYZ", False), ("AJIOIN", False),
    ("EKARTL", False), ("HDFCKY", False),
])
def test_brand_header_is_a_registered_form_not_a_substring(header: str, brand_header: bool) -> None:
    from scamshield.engine.sms import _brand_header

    assert _brand_header(header) == brand_header


def test_header_matching_brand_link_is_not_official_for_a_lure() -> None:
    a = analyze_sms("HDFC Bank: Your KYC has expired. Update at https://hdfcbk.in/kyc", sender="AX-HDFCBK")
    codes = {s.code for s in a.signals}
    # the link is judged either by the SMS rule or, when the URL analyser already finds the look-alike (a domain
    # named after the bank's DLT header imitates it), by the link's own verdict; never as the bank's channel
    assert "official_channel_only" not in codes
    assert codes & {"brand_name_in_unofficial_link", "malicious_link"}
    assert a.risk_score >= 50


def test_app_and_branch_pointers_alone_are_not_safety_advice() -> None:
    a = analyze_sms("SBI: Your KYC is pending. Update via YONO app or visit branch. Our KYC officer will call you for "
                    "verification, keep your OTP ready.")
    codes = {s.code for s in a.signals}
    assert not codes & {"safety_advice", "official_channel_only"} and "credential_request" in codes


@pytest.mark.parametrize("text", [
    "Congratulations! You won Rs 25,000 cashback. Pay Rs 99 fee to 9876543210@paytm to claim now.",
    "PM Kisan installment of Rs 6,000 pending. Claim at http://pmkisan-9876543210.top/apply",
    "Your KYC is pending, update at https://sbi-9876543210.xyz/kyc or your account will be blocked",
])
def test_vpa_and_url_evidence_masks_phone_numbers(text: str) -> None:
    for s in analyze_sms(text).signals:
        if s.code == "ml_sms":
            continue
        assert not re.search(r"\d{5,}", repr(s.evidence)), (s.code, s.evidence)


# ---- batch h fresh read (issue #5): the general patterns behind its errors; every row written for this test -------

@pytest.mark.parametrize("text, flagged", [
    # a stranger reporting the reader's relative in custody, with a call / secrecy / money ask
    ("Madam your daughter has been detained by the police in a drugs case. Call this number at once and tell nobody.",
     True),
    ("Aapka beta giraftar ho gaya hai, case band karne ke liye turant 9812345670 par call karein", True),
    ("Your husband is in police custody after an accident. Send Rs 20,000 now for his release.", True),
    # a relative telling of a son's arrest in a film, or the writer's own brush with police: no ask, stays quiet
    ("Did you watch the film last night? The son gets arrested in the end, what a twist", False),
    ("Got stopped by traffic police near Silk Board, paid the fine, reaching home late", False),
])
def test_relative_in_custody_report(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("text, flagged", [
    # the new-number claim with a bill of the writer's own that the reader is to pay
    ("Hey Dad, it's me on a new number, my old phone got stolen. There's an invoice I have to pay today, can you "
     "help?", True),
    ("Hi mum new phone so save this one. Got my rent that I must pay by tonight and I'm locked out of my account", True),
    # the same identity change with a bill the writer pays themselves, no ask of the reader
    ("Hi mum, new number! Paid the electricity bill already, don't worry about it x", False),
])
def test_new_number_own_bill_to_pay(text: str, flagged: bool) -> None:
    score, sigs = _flag(text)
    assert (score >= 50) == flagged, (score, sigs)


@pytest.mark.parametrize("sender, text, flagged", [
    # a known brand's registered header with its app's deep link (AppsFlyer / Branch account named after the app)
    ("AD-SWIGGY", "Free delivery on your next 2 orders this weekend. Use code FREEDEL. Order: swiggy.onelink.me/Ab1",
     False),
    ("VM-AIRTEL", "Get 20% off on Airtel Black plans this week. Upgrade in the app: airtel.onelink.me/xyz9", False),
    # the same host with a lure from the same header, or with no header, keeps its points
    ("AD-SWIGGY", "Your Swiggy account is blocked, verify KYC now: swiggy.onelink.me/kyc", True),
    ("AD-FREEGF", "Your account is blocked, verify KYC now: kyc-help.onelink.me/kyc", True),
    # the brand's app link from another header, or beside a look-alike link, is judged as before
    ("AD-OFFERS", "Free delivery on your next 2 orders this weekend. Use code FREEDEL. Order: swiggy.onelink.me/Ab1",
     True),
    ("AD-SWIGGY", "Free delivery on your next 2 orders. Order: swiggy.onelink.me/Ab1 or claim cashback at "
                  "swiggy-cash.top", True),
])
def test_registered_brand_app_deep_link(sender: str, text: str, flagged: bool) -> None:
    a = analyze_sms(text, sender=sender)
    assert (a.risk_score >= 50) == flagged, (a.risk_score, [(s.code, s.weight) for s in a.signals])
