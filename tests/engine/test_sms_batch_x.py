"""Kinds of error found by the blind SMS batch x first read, fixed in general (own wording, no batch rows): gift cards
as payment, a partner's customs-fee ask, task-job offers in Tamil / Tagalog / Malay with a chat move, a recruiter's
daily pay range, a dating-app match or a returns brag as the way into an investment pitch, the "Hi Mum" first message
that only asks for a written reply, a stranded friend's money ask that avoids a call, Hinglish new-number fee asks,
mis-sent money asked back in Tagalog / Malay or "to this number", a booking's reply keys beside the CTIA STOP line,
and a local-format sender that is no valid number -- each with the near misses that must not fire."""

import pytest

from scamshield.engine.sms import analyze_sms


def _codes(text, sender=None):
    return {s.code: s.weight for s in analyze_sms(text, sender=sender).signals}


# ---- gift cards as payment ----

@pytest.mark.parametrize("text", [
    "The court fine is $600, you can settle it with Google Play cards at any store, send the codes here",
    "Customs released nothing yet, pay the release charge in Steam gift cards today",
    "Buy 3 Apple gift cards of $200 each and text me the codes on the back, boss needs them for clients",
])
def test_gift_card_payment_fires(text):
    assert "gift_card_payment" in _codes(text)


@pytest.mark.parametrize("text", [
    "Happy birthday love! I got you an Amazon gift card, check your inbox",
    "Thanks so much for the Steam gift card, the kids are thrilled",
    "Never pay a fine or a fee with gift cards, no government office accepts them",
    "Scammers ask you to pay with iTunes cards. Hang up and report it.",
])
def test_gift_card_near_misses_stay_out(text):
    assert "gift_card_payment" not in _codes(text)


# ---- a partner's customs-fee ask ----

@pytest.mark.parametrize("text", [
    "Honey the courier company says my gift box for you is stuck at customs, they want a clearance fee of $900. "
    "Please help me pay it, I will refund you when I land",
    "my darling, the parcel i sent you is held at the airport, you must pay the customs duty of Rs 24,000 so they "
    "release it",
])
def test_romance_customs_fee_fires(text):
    a = analyze_sms(text)
    assert "romance_customs_fee" in {s.code for s in a.signals}
    assert a.risk_score >= 50


@pytest.mark.parametrize("text", [
    # a partner telling of a fee already paid, no ask
    "Babe customs charged me 20 pounds on the parcel from your mum, I paid it already, bringing it tonight",
    # a courier's own notice has no endearment
    "Your parcel is held at customs. Pay the import duty of 2.99 GBP at royalmail.com/pay",
    # an endearment and a parcel, no fee
    "My love, your parcel came today! Left it with the neighbour",
])
def test_romance_customs_near_misses_stay_out(text):
    assert "romance_customs_fee" not in _codes(text)


# ---- task-job offers in other languages, a recruiter's daily pay range ----

@pytest.mark.parametrize("text", [
    # Tamil: per-task pay, "WhatsApp செய்யவும்"
    "பகுதி நேர வேலை: யூடியூப் வீடியோ லைக் செய்தால் தினமும் ₹3000 வரை சம்பாதிக்கலாம். உடனே WhatsApp செய்யவும்",
    # Tagalog: per-day pay and a Telegram handle, written impersonally
    "Hiring ngayon! Mag-rate lang ng hotels online, 400-2500 pesos kada araw. Message sa Telegram @rate_jobs_mnl",
    # Malay: "saya ... dari", "sehari", "sila WhatsApp saya"
    "Hai, saya Aina dari Lazada. Kerja sambilan, RM100-RM400 sehari, hanya klik like. Sila WhatsApp saya.",
])
def test_task_job_chat_move_in_other_languages(text):
    a = analyze_sms(text)
    assert "stranger_offer_to_chat" in {s.code for s in a.signals}
    assert a.risk_score >= 50


@pytest.mark.parametrize("text", [
    "Hello, I'm Grace from a staffing agency in Sydney. Flexible online part time role, A$150-A$400 daily. "
    "May I explain in 2 mins?",
    "Hi, this is Ken, HR at a recruitment firm. Remote role, 30-60 mins a day, USD 120-450 daily. Reply 1 to know more",
])
def test_recruiter_daily_pay_range_fires(text):
    assert "recruiter_daily_pay_range" in _codes(text)


@pytest.mark.parametrize("text", [
    # a real recruiter: a role, a place, an interview; hourly pay
    "Hi Tom, it's Sarah from Hays. The warehouse temp role in Leeds pays 12.50 an hour, Mon-Fri. Free for a call?",
    # a pay range per day without a recruiter's self-introduction
    "Event crew wanted Saturday, 900-1200 daily depending on hours, reply to the Facebook post",
    # a gig platform's pitch from no one in particular, no part-time / remote wording
    "Drivers in your city earn 150-300 daily on weekends. Sign up at uber.com/drive",
])
def test_recruiter_near_misses_stay_out(text):
    assert "recruiter_daily_pay_range" not in _codes(text)


@pytest.mark.parametrize("text", [
    # a shop's hiring ad: a per-day wage and WhatsApp, no trivial task, no intro, no first person
    "Hiring delivery riders in Andheri, Rs 800/day plus fuel. Walk in at the store with your licence",
    # a brand's WhatsApp channel with cashback
    "Chat with us on WhatsApp for order updates. Get 5% cashback on your next order. T&C apply",
])
def test_task_job_near_misses_stay_low(text):
    assert analyze_sms(text).risk_score < 50


# ---- the way into an investment pitch: a dating-app match, a self-introduction with a returns brag ----

@pytest.mark.parametrize("text", [
    "hey it's Mei, we matched on Hinge :) my aunt trades gold on a platform, I made $4,000 last week. want me to "
    "show you how?",
    "Good day, I'm Victor, a crypto mentor from Toronto. My students earned 28% this week on my signals. Interested?",
])
def test_investment_pitch_way_in_fires(text):
    sig = _codes(text)
    assert sig.get("unsolicited_investment_pitch") == 50


@pytest.mark.parametrize("text", [
    # a dating match with no trading talk
    "Hey it's Tom, we matched on Hinge! Fancy a drink Friday? I know a nice wine bar",
    # a fund house's intro with no brag and no way in
    "Hi, I'm Raj from Zerodha. Would you like to learn about our new index fund? Interested?",
    # a friend talking about the market, no stranger's way in
    "Nifty gained 2% this week, glad I didn't sell. Lunch tomorrow?",
])
def test_investment_pitch_near_misses_stay_out(text):
    assert "unsolicited_investment_pitch" not in _codes(text)


# ---- "Hi Mum" first message that only asks for a written reply ----

@pytest.mark.parametrize("text", [
    "Hi Dad, new number, my old phone is smashed. Text me back when you see this",
    "Mom it's me, my phone's broken, this is my new number. Can you message me on WhatsApp?",
])
def test_new_number_write_back_to_parent_fires(text):
    sig = _codes(text, sender="+447700900777")
    assert sig.get("new_number_write_back") == 40
    assert analyze_sms(text, sender="+447700900777").risk_score >= 50


@pytest.mark.parametrize("text,max_weight", [
    # a new number with a plan, no reply ask
    ("Hi Mum, new number! Save this one. See you Sunday for lunch x", 0),
    # asks to be called: the voice the scam avoids
    ("Hi Dad, new number, old one broke. Call me tonight when you're free", 0),
    # a friend, not a parent: a hint only
    ("Hey it's Sam, new number! Old phone died. Text me when you're free", 25),
])
def test_new_number_write_back_near_misses(text, max_weight):
    assert _codes(text, sender="+447700900777").get("new_number_write_back", 0) <= max_weight


# ---- a stranded friend's money ask that avoids a call ----

@pytest.mark.parametrize("text", [
    "Bro stuck at the station, wallet got stolen. Send 3000 on this number GPay, don't call, battery dying",
    "Didi main highway pe phas gayi hu, card declined ho gaya. 5000 bhej do please, call mat karna abhi",
])
def test_stranded_money_ask_avoiding_call_fires(text):
    assert _codes(text).get("money_ask_avoids_call") == 45


@pytest.mark.parametrize("text,max_weight", [
    # stranded, asks for money, but wants a call
    ("Stuck in traffic, can you pay the 500 for the pizza? Call me when it arrives", 0),
    # avoids a call, asks for money, not stranded: a hint
    ("Can't talk, in a meeting. Can you GPay 500 to the plumber when he comes", 15),
    # stranded and busy, asks no money
    ("Stuck at the airport, flight delayed. Don't call, I'll text when I land", 0),
])
def test_stranded_near_misses(text, max_weight):
    assert _codes(text).get("money_ask_avoids_call", 0) <= max_weight


# ---- Hinglish new-number fee asks ----

def test_hinglish_new_number_fee_ask_to_upi_id():
    text = "Papa ye mera naya number hai, purana kho gaya. Exam fees 12,000 bharni hai aaj, is UPI pe bhej do arjun.fee@okaxis"
    assert _codes(text, sender="+919812300001").get("new_number_money_request") == 40


def test_new_number_without_money_ask_stays_low():
    text = "Papa ye mera naya number hai, purana band kar diya. Sunday ko ghar aa raha hu"
    assert "new_number_money_request" not in _codes(text, sender="+919812300001")


# ---- mis-sent money asked back: Tagalog / Malay, "to this number" ----

@pytest.mark.parametrize("text", [
    "Good eve po, nagkamali po ako ng padala ng 2,500 sa inyong GCash. Pakibalik po sa 09171234567, salamat",
    "Maaf, saya tersalah transfer RM300 ke akaun anda. Tolong pulangkan ke nombor ini segera",
])
def test_missent_return_in_tagalog_and_malay(text):
    assert "wrong_transfer_return" in _codes(text)


@pytest.mark.parametrize("text", [
    "Pakibalik po yung libro ko bukas, salamat",
    "Ate, napadala ko na yung 2,000 sa GCash mo, pambili ng gamot ni Lola. Pa-confirm lang po",
    "Terima kasih, saya dah transfer RM50 untuk hadiah cikgu",
])
def test_missent_near_misses_stay_out(text):
    assert "wrong_transfer_return" not in _codes(text)


def test_return_to_this_number_counts_as_the_callback():
    text = "Habari, nimekutumia Ksh 1,800 kimakosa, tafadhali nirudishie kwa namba hii haraka"
    sig = _codes(text)
    assert "lure_with_callback" in sig
    assert analyze_sms(text).risk_score >= 50


def test_invalid_local_sender_does_not_hide_the_currency_region():
    # "0722..." is no valid Indian number; the Kenyan shilling says where the local-format number in the text is
    text = "Nimekosea kutuma Ksh 2,000 kwa M-PESA yako. Tafadhali nirudishie kwa 0722556677"
    a = analyze_sms(text, sender="0722556677")
    assert a.extracted["extracted_phone_numbers"] == ["+254722556677"]
    assert a.risk_score >= 50


# ---- a booking's reply keys beside the CTIA STOP line ----

@pytest.mark.parametrize("text", [
    "Bright Smile Dental: reminder of your cleaning Thu 3:15 PM. Reply C to confirm or R to reschedule. Reply STOP "
    "to opt out.",
    "Salon Nova: see you Sat 11 AM. Reply 1 to confirm, 2 to cancel. Reply STOP to unsubscribe",
])
def test_booking_reply_keys_are_not_a_premium_ask(text):
    sig = _codes(text, sender="+13105550100")
    assert "registered_promotion" in sig
    assert analyze_sms(text, sender="+13105550100").risk_score < 50


@pytest.mark.parametrize("text", [
    "Reply YES to confirm your subscription to daily horoscopes. Reply STOP to opt out",
    "You have won a prize! Reply CLAIM to confirm. Reply STOP to opt out",
])
def test_subscription_and_claim_replies_are_still_asks(text):
    assert "registered_promotion" not in _codes(text, sender="+13105550100")
