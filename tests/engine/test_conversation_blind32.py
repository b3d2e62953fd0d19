"""General patterns behind the blind32 first read (issue #5): a scam call retold in the first person or about a
relative, and loan-app recovery harassment.

blind32 (24 calls written before reading the detector) was read once (P 0.917, R 0.917, FPR 0.083). Its two errors were
of two kinds, each fixed by a general rule tested here:

* a friend retelling a call ("so i get a call around noon from some number saying ...", "my dad gets a call from an
  officer who says ...", "he said i should transfer my savings ..."): the got-a-call frame now allows a few words
  between the call and the reporting verb, and the caller's instruction retold in the first person ("he said i
  should", "she told me i had to") is reported speech - a caller tells "you" to act;
* a loan-app recovery call in Hinglish threatening to message the borrower's contacts and send edited photos: the
  contacts-shaming cue now reads passive threats ("your contacts will be informed"), threats conditional on payment
  ("otherwise we will call your office"), Hinglish ("contacts ko message jayega", "office mein sabko bataenge",
  "photo edit karke sabko") and a new cue asks to pay to a personal UPI id.

None of the calls or phrases here is a hold-out row. Calls are fed segment by segment (14-word final segments, no
speaker tags, lower case, no punctuation, numbers spelled out). Genuine calls must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import PRODUCT, RULES
from tests.support.conversation import feed as _feed


def _chunks(text, n=14):
    words = text.split()
    return [" ".join(words[i:i + n]) for i in range(0, len(words), n)]


def _alerts(text):
    return any(u.should_alert for u in _feed(_chunks(text), PRODUCT))


def _signals(text, det=RULES):
    return {s.code: s.weight for s in _feed(_chunks(text), det)[-1].assessment.signals if s.weight != 0}


# -- a scam call retold, in many phrasings: must stay quiet --------------------------------------------------------
RETOLD = [
    "you know what happened today i get a call at ten from some number saying my courier was stopped with fake "
    "documents and he said i should transfer my savings to a rbi account for verification and i would get it back "
    "so i cut it and called my brother",
    "so i got one of those calls yesterday around noon from an unknown number the man claimed to be from customs and "
    "said i had to send all my money to a verification account i just hung up on him",
    "my dad gets a call from an officer who says his account is linked to a crime and he needs to move his money to "
    "a safe government account for checking so we all went to the police station together",
    "my uncle got this call last week the guy said he was from cbi and told him to transfer his fixed deposit to a "
    "government verification account within the hour luckily my cousin stopped him in time",
    "apparently they said her aadhaar was used in money laundering and she had to move her money to a safe account "
    "for verification she nearly did it before her son came home",
    "she said they wanted her to shift all her savings into a secure rbi account and keep it quiet from the family "
    "thank god she called me first",
    "guess what my flatmate had a call this morning from some number and the officer says she must shift her salary "
    "into a safe rbi account by evening she was shaking when she told me",
    "he kept saying we had to move the money to a secure government account for checking and that we would get it "
    "back in an hour so my wife just put the phone down",
]


@pytest.mark.parametrize("text", RETOLD)
def test_retold_call_stays_quiet(text):
    assert not _alerts(text)
    assert _signals(text).get("safe_account_transfer", 0) < 45


# -- the same vocabulary said to the listener: must alert --------------------------------------------------------
DIRECT = [
    "hello sir i am calling from the cbi cyber cell your aadhaar is linked to a money laundering case you must "
    "transfer your savings to a safe rbi verification account within one hour or you will be arrested",
    "sir we got a call from mumbai police saying your account is used in a crime so you should transfer your fixed "
    "deposit to a safe rbi account immediately and keep it secret",
    "this is officer sharma my senior said you should transfer your money to the verification account he told me you "
    "have to do it today do not tell your family",
    "you will get a call from our rbi officer who will say your account is compromised please move your balance to "
    "the safe account he gives you",
    "madam this is the customs department i got a report from the airport that your parcel has drugs you need to "
    "move all your savings to a secure government account for checking today",
]


@pytest.mark.parametrize("text", DIRECT)
def test_direct_scam_still_alerts(text):
    assert _alerts(text)


# -- loan-app recovery harassment: must alert ---------------------------------------------------------------------
LOAN_SCAM = [
    "hello am i speaking to rohit i am calling from quick rupee loan app recovery team your loan is overdue by three "
    "days pay six thousand today before five pm otherwise all your contacts will be informed that you are a "
    "defaulter and we will also call your office",
    "haan suresh main easy cash app ki recovery team se bol raha hu tera loan overdue hai aaj hi paanch hazaar bhar "
    "de warna tere saare contacts ko call jayega ki tu chor hai company ka account band hai isliye mere personal "
    "upi pe karo",
    "sir aapka loan due hai agar aaj payment nahi kiya to aapke office mein bhi sabko bataenge aur photo edit karke "
    "sabko bhejenge abhi personal upi pe payment kijiye",
    "this is the recovery agent from flash loan your payment is pending if you do not pay today we will message all "
    "your contacts and your employer and put your name on social media pay on my personal upi now",
]


@pytest.mark.parametrize("text", LOAN_SCAM)
def test_loan_recovery_harassment_alerts(text):
    assert "contacts_shaming_threat" in _signals(text)
    assert _alerts(text)


# -- genuine collection, reminder and family calls with the same words: must stay quiet ---------------------------
GENUINE = [
    "good morning this is priya from the bank collections team your emi of five thousand is overdue by three days "
    "please pay through the app or at the branch a late fee applies and it may be reported to the credit bureau",
    "namaste sir bank se bol rahi hu aapki emi due hai kripya app se ya branch mein payment kar dijiye late fee lagegi",
    "hey bro i edited your photos from the trip i will send them to you tonight and you can share them with your "
    "family",
    "hi its the school office just to let you know your contact details will be updated and parents will be informed "
    "about the trip next week",
    "beta tumhari shaadi ki photo edit karke bhej dunga kal tak aur haan mummy ko bata dena",
    "my cousin took a loan from some app and the recovery guys said they would message all his contacts so he "
    "complained to the police and they stopped",
]


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_loan_and_photo_calls_stay_quiet(text):
    assert not _alerts(text)


@pytest.mark.parametrize("text", [
    "they will message all your contacts that you are a fraud",
    "your contacts will be informed today",
    "warna tere saare contacts ko message jayega",
    "nahi to aapke office mein bhi sabko bataenge",
    "teri photo edit karke sabko bhejenge",
])
def test_contacts_shaming_wordings_are_read(text):
    assert "contacts_shaming_threat" in _signals(text)


@pytest.mark.parametrize("text", [
    "company ka account abhi band hai isliye mere personal upi pe karo",
    "please pay the dues on my personal upi id today",
])
def test_personal_upi_payment_is_read(text):
    assert "personal_upi_payment" in _signals(text)
