"""Loan-recovery harassment without a payment handle, an in-person visit with documents, and a Hindi negator that
belongs to the next clause (blind34 round).

Every call here is written by hand for this file (none is copied from the hold-out CSV). Calls are fed as an ASR stream
delivers them: 12-word final segments, no speaker tags, lower case, no punctuation.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import CallState, ConversationDetector, Segment, conservative_model_scorer

PRODUCT = ConversationDetector(model_scorer=conservative_model_scorer)  # what the service runs


def stream(text: str, words: int = 12) -> list:
    state = CallState()
    toks = text.split()
    return [PRODUCT.feed(state, Segment(" ".join(toks[i:i + words]))) for i in range(0, len(toks), words)]


def heard(updates) -> dict[str, float]:
    """Signals of the call at its end, with their weights (warning-context cues included)."""
    return {s.code: s.weight for s in updates[-1].assessment.signals if s.weight}


def full(updates, code: str) -> bool:
    """``code`` heard in full (not only in a warning or a story)."""
    return any(s.code == code and s.weight > 0 and "context" not in s.evidence for s in updates[-1].assessment.signals)


# Recovery harassment: the borrower shamed to neighbours, references, the office; no UPI id, no link. Alerts.
HARASSMENT = [
    ("hinglish-guarantor-badnaami",
     "hello suresh bol rahe ho main recovery agency se bol raha hoon tumhara loan ka paisa do mahine se nahi aaya aaj "
     "raat tak jama karo nahi to tumhare guarantor ko bhi call karenge aur sabko bata denge ki tum fraud ho tumhari "
     "colony mein tumhari badnaami hogi samjhe"),
    ("english-references-office",
     "this is from the collections team of quick cash app your loan is overdue by twelve days if you do not pay by "
     "five pm today we will call all your references and everyone in your office will know that you are a fraud we "
     "will not wait anymore"),
]


@pytest.mark.parametrize("cid, text", HARASSMENT, ids=[c[0] for c in HARASSMENT])
def test_recovery_shaming_alerts(cid, text):
    updates = stream(text)
    assert full(updates, "contacts_shaming_threat"), heard(updates)
    assert any(u.should_alert for u in updates), [u.risk_score for u in updates]


# Genuine calls with the same words: no shaming cue, no alert.
GENUINE = [
    ("reference-verified",
     "namaste sir main home first finance se bol rahi hoon aapke loan application mein jo reference diye the unko humne "
     "verification ke liye call kiya tha sab theek hai aapka loan approve ho gaya hai agreement sign karne branch aa "
     "jaiye"),
    ("wedding-news",
     "haan mausi sab taiyari ho gayi hai ab toh mohalle mein sabko pata chalega ki shaadi pakki ho gayi hai mithai le "
     "aana kal"),
    ("polite-emi-bounce",
     "namaste sir main bank se bol rahi hoon aapki emi bounce ho gayi hai please account mein balance rakhiye agle "
     "hafte dobara attempt hoga aap app se bhi pay kar sakte hain dhanyavaad"),
]


@pytest.mark.parametrize("cid, text", GENUINE, ids=[c[0] for c in GENUINE])
def test_genuine_lookalikes_do_not_shame_or_alert(cid, text):
    updates = stream(text)
    assert "contacts_shaming_threat" not in heard(updates)
    assert not any(u.should_alert for u in updates), [(u.risk_score, heard([u])) for u in updates]


def test_retold_harassment_is_the_story():
    """A friend retelling a loan app's threats: the threats are heard, but in the story (no alert)."""
    updates = stream(
        "yaar mere cousin ko kal loan app walon ka call aaya tha aur bola ki tumhare contacts ko message karenge ki tum "
        "chor ho aur jail jaoge usne cyber cell mein complaint ki aur woh app hi band ho gaya")
    assert "contacts_shaming_threat" in heard(updates) and not full(updates, "contacts_shaming_threat")
    assert not any(u.should_alert for u in updates)


# A Hindi threat in the second person: "jail jaoge" is legal_threat; a "mat" in the next clause does not negate it.
@pytest.mark.parametrize("text, expected", [
    ("loan ka payment pending hai warna case file hoga aur jail jaoge phir mat bolna bataya nahi", True),
    ("paisa kal tak nahi diya to jail bhej denge", True),
    ("woh log jail gaye the pichle saal", False),          # not a threat to the listener
    ("jail mat jao bhai shanti se baat karo", False),
])
def test_hindi_jail_threat(text, expected):
    assert full(stream(text), "legal_threat") is expected


@pytest.mark.parametrize("text, negated", [
    # the "mat" belongs to the clause after "aur" / "phir": the ask before it stands
    ("abhi otp share karo aur kisi ko mat batana", False),
    # the "mat" right after the ask negates it
    ("otp share mat karna kisi ko bhi", True),
])
def test_hindi_negator_after_a_clause_word(text, negated):
    assert full(stream(text), "otp_request") is (not negated)


# A document to bring in person is not an identity detail asked on the phone; the same document asked on the call is.
VISITS = [
    ("police-station-visit",
     "good afternoon this is constable rao from the city police regarding the theft complaint you lodged please come to "
     "the police station tomorrow between ten and twelve with your pan card and the bank statement so we can record "
     "it thank you", False),
    ("branch-visit",
     "hello this is priya from your bank your kyc documents are due for the yearly update you can visit your nearest "
     "branch any day this week with your aadhaar card and one photo or update it in the app", False),
    ("asked-on-the-call",
     "this is the sbi kyc department your account will be blocked today you may visit the branch later with documents "
     "but right now tell me your aadhaar number so i can stop the block", True),
]


@pytest.mark.parametrize("cid, text, asked", VISITS, ids=[c[0] for c in VISITS])
def test_document_brought_in_person_is_no_identity_request(cid, text, asked):
    updates = stream(text)
    assert full(updates, "identity_number_request") is asked, heard(updates)
    assert any(u.should_alert for u in updates) is asked
