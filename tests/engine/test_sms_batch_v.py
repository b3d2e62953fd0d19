"""Kinds of error found by the end-of-session SMS batch v read, fixed in general (own wording, no batch rows):
Hinglish awareness frames ("koi call kare ki ...", "turant kaat do", "kabhi ... nahi karti"), a service notice with
the CTIA HELP + STOP lines, a utility outage notice with its restoration estimate -- and the scams that resemble them."""

import pytest

from scamshield.engine.sms import analyze_sms


@pytest.mark.parametrize("text", [
    # Hinglish awareness forwards: the lure is reported after "koi call kare ki" / "agar koi bole" and called off
    "Koi call kare ki aapka courier me drugs mile hain aur officer video call karega, turant kaat do. "
    "Police kabhi video call pe arrest nahi karti. 1930 pe report karo.",
    "Agar koi bole ki aapka bijli connection aaj raat kaat denge, turant call kaat do. "
    "Bijli vibhag kabhi aise message nahi bhejta.",
    "Jab koi message kare ki aapka SIM band ho jayega, phone kaat do. Company kabhi OTP nahi maangti.",
    # CTIA service notices: HELP and STOP are the compliance keywords, not an ask
    "Oakridge Pharmacy: your refill is ready for pickup at 88 Elm Ave. Questions? Reply HELP. Reply STOP to opt out.",
    "Greenway Clinic: your prescription has been processed. Reply HELP for help. Reply STOP to cancel.",
    # utility outage notices
    "Northside Power: we are aware of an outage in your area. Est. restoration 8:15 PM. Reply OUT to report.",
    "City Water: supply interruption on Ring Rd due to repairs, estimated restoration 4 PM. Report an outage at "
    "citywater.example/outage",
])
def test_notices_and_awareness_stay_low(text):
    assert analyze_sms(text).risk_score < 50


@pytest.mark.parametrize("text", [
    # the lure in the message's own voice, or a warning frame followed by its own ask
    "Aapka parcel customs me pakda gaya hai. CBI officer video call karega, turant 9876543210 pe call karo warna "
    "arrest hoga",
    "Koi call kare ki aapka account band hoga to 1930 pe report karo. Ab apna OTP bhejo 9876543210 pe verify ke liye",
    # premium-rate spam keeps its points beside a HELP line
    "WIN a free iPhone! Reply HELP for info. Reply STOP to opt out. Txt WIN to 80888 now, 150p/msg",
    # an "outage" used as the threat: pay now or be cut off
    "Power outage in your area. Your connection will be cut tonight. Pay pending bill Rs 1200 now to avoid "
    "disconnection: bit.ly/pwr12x",
])
def test_resembling_scams_still_flagged(text):
    assert analyze_sms(text).risk_score >= 50


@pytest.mark.parametrize("text", [
    # a foreign account alert whose dispute line leads straight to a number to call
    "Ulster Bank: a new payee was added to your account. If this wasn't you, call us on +44 20 7946 0312 now",
    # Spanish: an unrecognised charge, "si usted no lo realizó ... llame al" a local number read in the currency's region
    "Santander: Compra no reconocida por $3,200.00 MXN en su tarjeta. Si usted no la realizó llame al 81 3344 5566",
])
def test_foreign_dispute_line_to_a_number_is_flagged(text):
    assert analyze_sms(text).risk_score >= 50


@pytest.mark.parametrize("text", [
    # genuine alerts send the customer to the app or the number on the card
    "Your card ending 4411 was charged $120.00. If this wasn't you, review it in the app or call the number on the "
    "back of your card.",
    "Banorte: Su compra por $1,250.00 MXN en Liverpool fue aprobada. Consulte su saldo en la app.",
    "Banorte: Cargo por $450.00 MXN aplicado a su tarjeta terminación 4411. Si no lo reconoce, repórtelo desde la app.",
])
def test_foreign_alerts_without_a_number_stay_low(text):
    assert analyze_sms(text).risk_score < 50


@pytest.mark.parametrize("text", [
    # a recovery firm offering to get back money lost to an earlier scam
    "We are a licensed fund recovery agency. We can help you recover your lost funds from fake trading apps. "
    "Reply YES for a free consultation",
    # a recruiter's fee called refundable after joining
    "Congratulations, you are shortlisted for Flipkart delivery associate, salary 24k. Uniform fee Rs 1500 refundable "
    "after joining, pay to HR on 9876543210",
    # a work-from-phone offer in Bengali with a chat link
    "ঘরে বসে প্রতিদিন ২০০০ টাকা আয় করুন, শুধু ফোন লাগবে। যোগাযোগ করুন wa.me/919876543210",
])
def test_recovery_recruitment_and_job_offers_flagged(text):
    assert analyze_sms(text).risk_score >= 50


@pytest.mark.parametrize("text", [
    "Cyber Cell: to recover lost funds from a fraud, report at cybercrime.gov.in or call 1930 at once. "
    "We never charge a fee.",
    "Joining formalities: please bring your documents on Monday 10 am. Uniform will be provided by the company free "
    "of cost.",
    "We are hiring! Part-time barista, weekends, apply in store at 12 High St.",
    "Hi po, hiring kami ng part time cashier sa tindahan, apply lang sa store namin sa Rizal St.",
])
def test_job_and_recovery_near_misses_stay_low(text):
    assert analyze_sms(text).risk_score < 50


@pytest.mark.parametrize("text, flagged", [
    # a rental token paid to an owner who sends the keys by courier
    ("Hello, I own the 2BHK flat in Wakad you saw online. I am posted in Pune Army camp now, pay Rs 12,000 token "
     "advance to my UPI and keys will be sent by courier", True),
    # near misses: keys handed over in person, a locksmith's courier, a hotel key card
    ("Hi, your lease is signed. Keys will be handed over at the society office on Saturday 11 am by the caretaker.",
     False),
    ("Your replacement car keys will be sent by courier within 3 working days. Order ref 88213344", False),
    ("Room 304 booked, deposit received. Your key card will be at reception; the welcome kit comes by post.", False),
])
def test_rental_keys_by_post(text, flagged):
    sigs = {s.code for s in analyze_sms(text).signals}
    assert ("rental_keys_by_post" in sigs) == flagged
    assert (analyze_sms(text).risk_score >= 50) == flagged


@pytest.mark.parametrize("text, flagged", [
    # Hinglish loan-app recovery threat: the borrower's photo to their contacts
    ("tumhara loan 5 din se overdue hai, aaj raat tak 3200 nahi bhara to saare contacts ko tumhari photo bhejenge. "
     "final notice", True),
    # near misses: friends sharing photos, an EMI reminder beside a family photo
    ("Bhai contacts ko photo bhejenge kal, trip wali, sab dekhenge", False),
    ("EMI due hai kal, aur haan family me photo bhej dena shaadi ki", False),
])
def test_hinglish_photo_to_contacts_threat(text, flagged):
    assert (analyze_sms(text).risk_score >= 50) == flagged
