"""Genuine-call false-alert round fp1 (issue #5): genuine calls that use scam vocabulary innocently.

First read of split fp1 (47 genuine calls, 11 scam controls): one false alert - a friend chatting about buying
bitcoin ("he says you should write the seed phrase down on paper and never tell anyone") scored 74 because the
seed-phrase cue counted any mention of a recovery phrase as an ask, and "never tell anyone" read as a secrecy demand.
Fixes, as table rows (scam rows must alert at some segment, genuine rows must never alert; calls are fed segment by
segment, no speaker tags):

1. seed_phrase_request needs an ask: a verb asking for the phrase (tell / read / verify / enter / import ... the
   recovery phrase, we need your 12 words, the seed phrase - read it out to me); a bare mention is not an ask.
2. Advice to keep your own secret ("write the seed phrase down and never tell anyone", "otp ya pin kisi ko mat
   batana", "bank kabhi nahi maangta") is reassurance (voided, like all reassurance, once the call asks for
   something).
3. Control miss: a landlord who cannot show the flat and "will mail you the keys once you send the first month's
   rent and deposit" now reads as unseen goods + deposit before viewing.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, Segment, _default_detector

DETECTOR = _default_detector()


def _feed(segments):
    state = CallState()
    return [DETECTOR.feed(state, Segment(s)) for s in segments]


def _alerts(segments) -> bool:
    return any(u.should_alert for u in _feed(segments))


def _codes(segments) -> dict[str, float]:
    return {s.code: s.weight for s in _feed(segments)[-1].assessment.signals}


# (id, is_scam, segments)
CALLS = [
    # --- seed phrase: mentions and advice stay quiet
    ("g-crypto-friend-advice", False, [
        "dude so i finally bought some bitcoin like fifty bucks on coinbase just to see what the fuss is about",
        "my cousin keeps going on about wallets and seed phrases and stuff",
        "he says you should write the seed phrase down on paper and never tell anyone so i did that",
        "anyway are you coming to the game on friday"]),
    ("g-crypto-friend-recovery-words", False, [
        "so the app gave me twelve words when i set it up",
        "the recovery phrase is on a card in the safe and i keep the backup words at my mums",
        "never share them with anyone right that is what the guide said",
        "anyway how is the new job"]),
    ("g-son-explains-wallet", False, [
        "mum it is me about that ledger thing i set up for you",
        "keep the recovery phrase in the envelope i gave you and do not show it to anyone not even me",
        "if you lose the device you can restore everything from it yourself",
        "ok see you on sunday for lunch"]),
    ("g-hinglish-bank-branch-advice", False, [
        "namaste sir main state bank ki gandhi nagar branch se bol rahi hoon",
        "aapne kal passbook update ke liye form diya tha wo ho gaya hai aap kabhi bhi branch aa ke le sakte hain",
        "aur haan apna aadhaar card saath le aana koi otp ya pin phone pe kisi ko mat batana bank kabhi nahi maangta"]),
    # --- seed phrase: scam counterparts still alert
    ("s-wallet-support-verify", True, [
        "hi this is the support team from your crypto wallet we have detected an unauthorised login",
        "to secure your funds we need to verify your twelve word recovery phrase",
        "please read it out to me now otherwise your funds will be frozen"]),
    ("s-exchange-need-seed", True, [
        "hello this is coinbase security your account is being accessed from russia",
        "we need your seed phrase to move your coins to a safe vault right now",
        "do not hang up or you will lose everything"]),
    ("s-seed-read-out", True, [
        "this is the wallet recovery desk your wallet will be suspended today",
        "your secret recovery phrase please read it to me word by word so we can sync your wallet",
        "it is urgent do not tell anyone about this call"]),
    ("s-hinglish-otp-secrecy", True, [
        "hello sir main bank se bol raha hoon aapka kyc update nahi hua hai aapka account aaj band ho jayega",
        "abhi aapke phone pe ek otp aayega wo mujhe bata dijiye",
        "aur ye baat kisi ko mat batana warna account block ho jayega"]),
    # --- the deposit control and a genuine landlord
    ("s-landlord-abroad-mail-keys", True, [
        "hi yes about the apartment it is still available but i am working abroad at the moment",
        "so i can not show it to you i will mail you the keys once you send the first month's rent and deposit by "
        "zelle today",
        "there is lots of interest so if you do not send it today i will give it to someone else"]),
    ("s-landlord-courier-keys", True, [
        "the flat is yours but i am overseas with work",
        "we will courier you the keys as soon as you transfer the deposit and first month rent by wire transfer",
        "please do it today other people want it"]),
    ("g-landlord-keys-after-signing", False, [
        "hi it is mr ahmed your new landlord the tenancy agreement is signed so you are all set",
        "i will post you the spare keys to the new address next week and you can collect the main set from me on "
        "saturday at the flat",
        "rent is due on the first by standing order like we agreed"]),
]


@pytest.mark.parametrize("cid,is_scam,segments", CALLS, ids=[c[0] for c in CALLS])
def test_fp1_calls(cid, is_scam, segments):
    assert _alerts(segments) is is_scam, (cid, _codes(segments))


@pytest.mark.parametrize("text,asked", [
    ("he says you should write the seed phrase down on paper", False),
    ("wallets and seed phrases and stuff", False),
    ("the app gave me twelve words when i set it up", False),
    ("please verify your twelve word recovery phrase", True),
    ("read me the twelve words of your recovery phrase", True),
    ("we need your seed phrase to secure the coins", True),
    ("your recovery phrase please read it out to me", True),
    ("enter your secret recovery phrase on the form", True),
])
def test_seed_phrase_is_an_ask_not_a_mention(text, asked):
    assert ("seed_phrase_request" in {c for c, w in _codes([text]).items() if w > 0}) is asked


# 4. Found on the full run's segmentation: a genuine fraud team's advice "we will never ask you to move money to a safe
#    account or share your one time passcode" alerted (61) when the segment ended at "passcode": the "or" list's second
#    verb did not share the first verb's negator (the warning frame "if anyone calls saying ..." came one segment too
#    late). A cue that opens the second verb of an "or" list is negated when the first verb is (a negated verb, not a
#    negated description, and not inside a condition).
_ADVICE = ("hello this is the fraud team at harbour bank you called us earlier reporting a suspicious text message "
           "thank you for that we have checked your account and there is no unusual activity we will never ask you "
           "to move money to a safe account or share your one time passcode")
OR_LIST_CALLS = [
    ("g-bank-advice-cut-at-passcode", False, [_ADVICE, "if anyone calls saying they are from us hang up and call the "
                                                       "number on your card"]),
    ("g-bank-advice-do-not", False, [
        "this is your bank confirming the new card has been sent to your home address",
        "please do not transfer money to anyone who calls you or share your pin or one time passcode",
        "activate it at any cash machine"]),
    ("s-or-list-not-negated-description", True, [
        "this is your bank fraud department your account is compromised you are not in trouble",
        "please move money to a safe account or share your one time passcode now so we can block the fraudster"]),
    ("s-or-list-condition", True, [
        "this is the bank security team your card will be blocked today",
        "if you do not pay the fee or share your one time passcode now your account will be closed"]),
]


@pytest.mark.parametrize("cid,is_scam,segments", OR_LIST_CALLS, ids=[c[0] for c in OR_LIST_CALLS])
def test_or_list_negation(cid, is_scam, segments):
    assert _alerts(segments) is is_scam, (cid, _codes(segments))


@pytest.mark.parametrize("text,cue,negated", [
    ("we will never ask you to move money to a safe account or share your one time passcode",
     "share your one time passcode", True),
    ("we will never threaten you or ask for payment", "ask for payment", True),
    ("do not move money or share your otp", "share your otp", True),
    ("if you do not pay or share your otp your account will be blocked", "share your otp", False),
    ("i am not a robot move the money or share your otp", "share your otp", False),
    ("we do not want trouble so pay the fine or share your otp", "share your otp", False),
])
def test_or_list_negator_carries(text, cue, negated):
    from scamshield.engine.conversation.context import is_negated
    s = text.index(cue)
    assert is_negated(text, s, s + len(cue)) is negated
