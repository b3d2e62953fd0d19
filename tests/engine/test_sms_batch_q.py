"""Fixes made after the first read of SMS hold-out batch q (see src/scamshield/training/data/README.md).

Batch q's misses were keyword-light first contacts (a "Hi Mum" new number asking a favour, a wrong-number opener
that goes on to small talk, an old acquaintance or a referral pitching a trading group, a stranger asking for the
code "sent to your number by mistake", a recruiter / mentor moving to Telegram or "reply YES"), new-number money asks
in Portuguese and German, other regions' lures (Pix / Receita refunds, Mexican SAT tax-debt threats, Philippine
"ayuda" claims, a crypto withdrawal with a phone number to dispute it, a "did you attempt ...?" alert from a mobile),
a digital-arrest "statement on video call" and a Hinglish "re-verification baaki" KYC ask; its one false positive was
a friend's photo album link beside a bill "she paid already". Each fix reads a general pattern; the rows below are
invented variants of each KIND (no hold-out row is repeated), with near misses that must stay low.
"""

from __future__ import annotations

import pytest

from tests.support.sms import codes, score

FLAGGED = [
    # "Hi Mum" first stage: new number / broken phone + a favour + a chat move (EN / PT)
    ("+447911203344", "Hi Dad, I dropped my phone in the bath, this is my new number. Can you message me on WhatsApp? "
     "I need a quick favour", "new_number_favour_ask"),
    (None, "Olá pai, mudei de número, esse é meu novo. Preciso de um favor, me chama no WhatsApp",
     "new_number_favour_ask"),
    # new-number money asks in Spanish and German
    (None, "Hola mamá, cambié de número, este es mi nuevo. ¿Me puedes hacer una transferencia de 300 hoy? Es urgente",
     "new_number_money_request"),
    (None, "Hallo Mama, ich habe eine neue Nummer. Kannst du heute noch 450 Euro überweisen? Ist dringend",
     "new_number_money_request"),
    # reconnect / referral + trading + "show you" / "join"
    (None, "Long time no see! Are you still working in Hyderabad? I've been doing forex trading with a mentor, made "
     "good money. Want me to show you how?", "unsolicited_investment_pitch"),
    (None, "Hello, Suresh ji ne aapka number diya. Hum ek stock market group chalate hain, daily 5% return mila hai "
     "members ko. Join karna ho to batao", "unsolicited_investment_pitch"),
    # wrong number that goes on to small talk
    (None, "Oh sorry, wrong number! I was looking for my cousin Ravi. Anyway nice to meet you, where are you from?",
     "wrong_number_small_talk"),
    (None, "Oops, I think I saved this number as my dentist. Not you? Nice to meet you then, I'm Kavya from Mysore",
     "wrong_number_small_talk"),
    # the code 'sent to your number by mistake'
    (None, "Hi, I mistakenly gave your number while booking my train ticket. You will receive an OTP, please send it "
     "to me, sorry!", "mistaken_number_code_ask"),
    # digital arrest: a case against the Aadhaar, a statement on video call, confidential
    (None, "A case has been registered against your Aadhaar in Delhi. Be available on video call at 11 AM for the "
     "statement, the matter is confidential.", "law_enforcement_threat"),
    # crypto sign-in / withdrawal with a number to dispute it
    (None, "Your Coinbase login from a new device in Moscow. If this was not you, contact our support at "
     "+1 (213) 555-0199 immediately.", "charge_with_foreign_callback"),
    (None, "Your Kraken withdrawal of 1.2 ETH is pending. Not you? Cancel by calling support on +44 20 3966 1184",
     "crypto_account_callback"),
    # PT / ES refunds with a link
    (None, "Recibiste una devolución de impuestos pendiente de 1.850 MXN. Usted tiene un reembolso disponible: "
     "sat-devolucion-mx.com", "refund_cashback_lure"),
    (None, "Você tem uma restituição pendente de R$ 1.120,40. Resgate hoje: restitui-irpf.site", "refund_cashback_lure"),
    # Spanish tax-debt threat with a number to call
    (None, "Aviso del SAT: por su adeudo se procederá al embargo de sus cuentas. Llame hoy al 33 2104 7781.",
     "law_enforcement_threat"),
    # Hinglish re-verification / transactions will stop / send the card photo
    (None, "Aapke account ka re-verification baaki hai, aaj nahi hua to sab transactions ruk jayenge. Pan card ki photo "
     "is number pe bhejo 9812345670", "account_block_threat"),
    # Philippine benefit claim on an unofficial link
    (None, "Nakatanggap ka ng P5,000 ayuda. I-claim ngayon: ayuda-ph-claim.top", "scheme_with_unofficial_link"),
    # recruiter / mentor: task pay words and "<name> here"
    (None, "Ritu here, HR at Zenwork. We liked your profile, online work, daily payout 2000-5000. Message me on "
     "WhatsApp to start", "stranger_offer_to_chat"),
    ("+919922001133", "Coach Vikram here. My VIP members got 3 stock picks today, all green. Reply YES to get "
     "tomorrow's picks", "stranger_offer_to_chat"),
    # follow-up round (invented probes of the same kinds): a referral pitching "an opportunity" in wealth management,
    # a PT recruiter with daily earnings moving to WhatsApp, "confirm the code you receive"
    (None, "Hello, I hope you don't mind me texting. I'm Lin, I got your number from the alumni group. I work in wealth "
     "management, would love to share an opportunity", "unsolicited_investment_pitch"),
    (None, "Olá, aqui é a Carla do RH. Vimos seu currículo, temos uma vaga online com ganhos diários. Me chama no "
     "WhatsApp wa.me/5511988776655", "stranger_offer_to_chat"),
    (None, "Hi sir, I am calling from HDFC Bank credit card department. Your card limit increase is approved, please "
     "confirm the code you receive to activate.", "credential_request"),
    # second follow-up: Swahili new number + M-Pesa ask, a Spanish card block asking for the CVV, a "texted the wrong
    # person ... what's your name?" opener
    (None, "Baba, nimebadilisha namba, hii ndiyo mpya. Nitumie elfu kumi kwa M-Pesa sasa hivi", "new_number_money_request"),
    (None, "Estimado cliente, su cuenta ha sido bloqueada por seguridad. Responda con su clave y los dígitos de su "
     "tarjeta para reactivarla.", "credential_request"),
    (None, "So sorry, I messaged the wrong number, that was meant for my friend about the boat party. You seem nice "
     "though, what's your name?", "wrong_number_small_talk"),
    # a "did you attempt ...?" alert from a mobile
    ("+13125550161", "Wells Fargo Fraud Alert: Did you attempt a purchase of $740.00 at BEST BUY? Reply Y or N. If N, "
     "a specialist will call you", "alert_from_mobile_sender"),
]


@pytest.mark.parametrize("sender,text,code", FLAGGED)
def test_batch_q_kinds_are_flagged(sender, text, code):
    got = codes(text, sender)
    assert code in got, got
    assert score(text, sender) >= 50, got


NEAR_MISSES = [
    ("+447911203344", "Hi Mum, new number! Save this one, the old phone finally died. See you Sunday x"),
    (None, "Hi Dad, my phone broke so I'm on Sam's phone. Can you pick me up at 6 from practice?"),
    (None, "Mom, need a favour - can you pick up my parcel from the neighbour today?"),
    (None, "Hi Mum, new number, need a favour - can you pick me up from the station at 7?"),
    (None, "Oi mãe, chego amanhã às 10h. Te amo!"),
    (None, "Hallo Papa, kannst du mich heute um 5 abholen? Mein Akku ist fast leer"),
    (None, "Hola mamá, ya te transferí los 200 de la luz. Besos"),
    (None, "Long time no see! Are you still in Pune? We should catch up over coffee this weekend"),
    (None, "It's been ages! I started investing in mutual funds finally lol, my CA sorted it. How's the new job?"),
    (None, "Rahul ne aapka number diya, main plumber hoon, kal subah 10 baje aa sakta hoon. Batao theek hai?"),
    (None, "Sorry wrong number, I meant to text my sister. Have a nice day!"),
    (None, "Sorry wrong number! Nice to meet you anyway haha. Bye"),
    (None, "Mom, you'll get an OTP from Amazon on your phone, please send it to me, I'm ordering the mixer on your "
     "account"),
    (None, "The police filed a case against the builder finally. Our society lawyer will update us on Friday."),
    (None, "Your Binance withdrawal of 0.42 BTC to your address is complete. If you didn't make this withdrawal, lock "
     "your account in the Binance app."),
    (None, "Receita Federal: a restituição do IRPF 2026 está disponível. Consulte no app Meu Imposto de Renda ou em "
     "gov.br/receitafederal"),
    (None, "Sin embargo, el pago de la luz ya quedó. Nos vemos el sábado"),
    (None, "Aapka KYC complete ho gaya hai. Koi verification baaki nahi hai. - SBI"),
    (None, "DSWD: Ang ayuda para sa inyong barangay ay ipamimigay sa Sabado sa covered court. Dalhin ang inyong ID."),
    (None, "Ana here from the school PTA. We need volunteers for the Saturday fair, reply YES if you can help"),
    (None, "Hi Priya, Nidhi here. Sharing the trip photos photos.app.goo.gl/Qw3rT5yU7iO9 - I paid the villa already, "
     "your share is 4,200"),
    (None, "Hi, I'm Neha from Acme HR. For the part-time cashier role please message me on WhatsApp with your "
     "availability"),
    (None, "Hi it's Sam here, Dad picks you up at 5, message me on WhatsApp if late"),
    (None, "Olá Ana, vi seu currículo na vaga de analista. Podemos marcar uma entrevista na quinta às 14h no escritório?"),
    (None, "Hey, it's Lin from the alumni group! Are you coming to the reunion on Saturday? Would love to share the photos"),
    (None, "Hi sir, Rohan from HDFC Bank branch. Your FD renewal form is ready, please visit the branch with your PAN card "
     "at your convenience."),
    (None, "Mama, nimefika salama Nairobi. Nitakupigia jioni. Nakupenda"),
    (None, "Sorry, I messaged the wrong number, that was meant for my brother. Have a good evening!"),
    (None, "Apna Aadhaar card ki copy kal office le aana, HR ko joining ke liye chahiye"),
    (None, "BBVA: Tu tarjeta fue bloqueada por 3 intentos de PIN incorrectos. Desbloquéala en la app BBVA o en un cajero."),
    (None, "Hi, I'm Arjun from Zerodha support. Your account statement for Q3 is ready in Console, want to join our "
     "free investing webinar on Sunday?"),
    (None, "Your withdrawal of Rs 5,000 at the ATM was successful. Not you? Call 1800 425 3800 (toll free)."),
]


@pytest.mark.parametrize("sender,text", NEAR_MISSES)
def test_batch_q_near_misses_stay_low(sender, text):
    assert score(text, sender) < 50, codes(text, sender)


def test_album_link_with_a_payment_told_as_done_is_offset():
    text = "Trip pics here photos.app.goo.gl/Lm4nB8vC2xZ1 - she paid already for the cab, all settled"
    assert "shared_album_link" in codes(text)
    # ...but an album that asks to pay is not
    ask = "Trip pics here photos.app.goo.gl/Lm4nB8vC2xZ1 - pay Rs 500 to unlock the full album"
    assert "shared_album_link" not in codes(ask)


def test_favour_ask_weighs_more_with_a_chat_move():
    plain = "Hi Mum, this is my new number, my phone broke. I need a favour"
    moved = plain + ", text me on WhatsApp"
    assert "new_number_favour_ask" in codes(plain) and "new_number_favour_ask" in codes(moved)
    assert score(moved) > score(plain)


def test_aadhaar_number_and_dob_ask_is_a_details_request():
    # a hint (20), not a verdict alone: HR and relatives ask for ID numbers too
    text = "Apna PAN number aur date of birth is number pe bhejo, aapka LPG subsidy ka 620 rupay account me aa jayega"
    assert "personal_details_request" in codes(text)


def test_mistaken_number_needs_the_forward_ask():
    told = "Hi, I accidentally entered your number while signing up. You will get a code, just ignore it, sorry!"
    assert "mistaken_number_code_ask" not in codes(told)
    assert score(told) < 50
