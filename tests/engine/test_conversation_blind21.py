"""General patterns behind the blind20 leftovers and the misses of the blind21 first read (issue #5), as invented rows.

blind21 was read once and reported (F1 0.923, recall 0.857, FPR 0); these fixes came after, so blind21 is fitted now.
None of these rows is a hold-out call: each phrasing, near miss and call below is written in other words than the
``blind20`` / ``blind21`` splits. Calls are fed segment by segment (final segments, no speaker tags). Scam calls must
alert at some segment; genuine calls must never alert. Scam-bait calls put the pitch in the victim's words ("so you
are saying ..."), so the cues must fire on the victim's restatement too.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    # utility disconnection without the word electricity next to the threat; a bill said not received
    ("sir your connection will be disconnected today at six", "utility_disconnection"),
    ("madam your supply is going to be cut off tonight", "utility_disconnection"),
    ("the bill payment of last month has not been updated", "utility_bill_demand"),
    # crypto doubling, in the caller's or the victim's words
    ("so if i send you one bitcoin you will send me two back", "investment_lure"),
    ("this plan doubles your money in two weeks", "investment_lure"),
    ("you want me to move my pension to the wallet address on the card", "crypto_wire_payment"),
    # parcel duty and a payment link
    ("there is an outstanding customs duty on your package", "fee_to_release"),
    ("you can make the payment via the link we are sending by whatsapp", "suspicious_link"),
    # a code request put as the caller's need
    ("first we need the otp that we just sent to finish the check", "otp_request"),
    ("i will need the verification code i texted you a moment ago", "otp_request"),
    # Hinglish task-job lures
    ("har review ke sau rupees milenge", "job_task_offer"),
    ("bas instagram posts like karne hain", "job_task_offer"),
    ("ghar baithe online job ke liye aapko select kiya hai", "job_task_offer"),
    ("registration ke liye paanch sau rupees jama karna hoga", "fee_to_release"),
    ("paisa bonus ke saath wapas milega", "fee_to_release"),
    # recovery pitch
    ("our team can recover the bitcoin you lost last year", "refund_lure"),
])
def test_blind21_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    ("your connection will be restored tonight", "utility_disconnection"),
    ("your bill payment was received thank you", "utility_bill_demand"),
    ("bitcoin went up and then it halved again", "investment_lure"),
    ("you need the code we sent to log in to the app yourself", "otp_request"),
    ("the duty on the parcel was already paid", "fee_to_release"),
    ("i liked the video you sent", "job_task_offer"),
    ("we will send you a link to the survey after the call", "suspicious_link"),
])
def test_blind21_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


CALLS = [
    ("scam-utility-callback-officer", True, [
        "good evening this is from the power office",
        "your previous month bill payment was not received in our system",
        "your connection will be cut today at ten so call our officer on this number now"]),
    ("scam-bait-victim-repeats-crypto", True, [
        "hello yes i am listening",
        "so what you are saying is this investment doubles in ten days",
        "and i just transfer my savings to the wallet address you sent me"]),
    ("scam-customs-duty-link", True, [
        "hello i am calling from the courier company",
        "your shipment is on hold because of unpaid import duty of 3100 rupees",
        "please pay through the link i am sending on sms or it will go back today"]),
    ("scam-code-as-need", True, [
        "hi this is the security team of your bank there was a login from a new device",
        "we have blocked it but first i need the code we sent to confirm it is you"]),
    ("scam-hinglish-task-job", True, [
        "hello sir main hr team se bol rahi hoon",
        "aapko part time job ke liye select kiya gaya hai youtube videos like karne hain",
        "har like ke pachaas rupees milenge pehle task ke liye do hazaar deposit karna padega"]),
    ("scam-bait-recovery", True, [
        "okay so you are from the agency that recovers money people lost to scams",
        "and before you release my money i must pay a recovery fee of 1500 in bitcoin first"]),
    ("genuine-utility-reminder", False, [
        "hello this is the power company with a reminder",
        "your bill payment was received thank you and your next bill is due on the tenth"]),
    ("genuine-bank-warning-recovery", False, [
        "hello this is your bank's fraud team following up on the case you reported",
        "people who lost money to scams are often called by fake recovery agents",
        "never pay anyone who says they can recover it we will never ask for your otp"]),
    ("genuine-friend-bitcoin", False, [
        "hey so i bought a little bitcoin last month",
        "it went up and down i am just holding it how is work"]),
    ("genuine-courier-delivery", False, [
        "hello madam courier se bol raha hoon aapka parcel aaj shaam tak aa jayega",
        "duty already paid hai bas ghar pe koi rahega kya"]),
]


@pytest.mark.parametrize("name, is_scam, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind21_calls(name, is_scam, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is is_scam, trace
