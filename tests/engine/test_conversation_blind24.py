"""General patterns behind the blind24 first read and the call leftovers (issue #5), as invented rows.

blind24 was written before reading the detector, read once and reported (P 0.857, R 1.0, FPR 0.167, median alert
0.666); these fixes came after, so blind24 is fitted now. None of these rows is a hold-out call: each phrasing, near
miss and call below is worded differently from the ``blind24`` split. Calls are fed segment by segment (final
segments, no speaker tags). Scam calls must alert at some segment (some before the payment is named); genuine calls
that use the same words must never alert.
"""

from __future__ import annotations

import pytest

from tests.support.conversation import PRODUCT, RULES
from tests.support.conversation import codes as _codes
from tests.support.conversation import feed as _feed


@pytest.mark.parametrize("text, code", [
    # an officer named with his county sheriff's office, a missed jury summons, a bench warrant, deputies sent
    ("this is sergeant paul wood with the marion county sheriff's office", "caller_claims_law_enforcement"),
    ("deputy ann cole from the polk county sheriff", "caller_claims_law_enforcement"),
    ("the court issued a warrant for failure to appear last week", "court_no_show_claim"),
    ("you were summoned for jury service in may and you never showed up", "court_no_show_claim"),
    ("there is a bench warrant in the system", "legal_threat"),
    ("otherwise we will be sending officers out to your workplace", "legal_threat"),
    ("you can post a surety bond today and it is all refunded", "bail_payment"),
    # vouchers as payment
    ("go to the pharmacy and get a paysafecard voucher", "gift_card_payment"),
    ("you will pay it with prepaid vouchers from the gas station", "gift_card_payment"),
    # secrecy and the official channel cut off
    ("i need you please not to talk to anybody at the bank about this", "secrecy_demand"),
    ("do not mention it to your brother because he will worry", "secrecy_demand"),
    ("do not ring the number on the back of your card it is compromised", "secrecy_demand"),
    ("you should not go to your local branch today", "secrecy_demand"),
    # a disconnection crew, a benefit card, an unclaimed bonus
    ("the shut off crew has your address on today's list", "utility_disconnection"),
    ("a cut off notice has already been issued for your unit", "utility_disconnection"),
    ("your medicaid card is being cancelled at the end of the week", "id_document_threat"),
    ("we are mailing out the new plastic medicare cards", "benefit_enrollment_lure"),
    ("your maturity amount of two lakh is lying unclaimed", "prize_claim"),
    ("if not claimed in ten days the money will be forfeited", "threat_consequence"),
    # fees to unlock a withdrawal, a wallet, a job
    ("you must settle the margin fee first before you can withdraw", "fee_to_release"),
    ("once you top up the platform will unlock your profits", "fee_to_release"),
    ("there is an account activation fee of fifty dollars", "fee_to_release"),
    ("the joining kit fee is 1500 rupees", "fee_to_release"),
    ("the amount is refundable with your first salary", "fee_to_release"),
    # an unnamed remote app, remote control in the victim's words
    ("the program will show you a six digit code just read it out to me", "remote_access_request"),
    ("so i should let you into my laptop", "remote_access_request"),
    ("and then you take over my cursor", "remote_access_request"),
    # the payment app named after the payee
    ("just send the 900 to my friend mark by cash app", "crypto_wire_payment"),
    # a courier collecting the card, a recovery pitch, contacts shamed
    ("we are sending a driver this evening to collect the old cards", "courier_card_collection"),
    ("the courier is coming to pick up the envelope at four", "courier_card_collection"),
    ("put the card in an envelope and seal it", "courier_card_collection"),
    ("your stolen bitcoin has been traced and it is recoverable", "recovery_pitch"),
    ("i am with the funds recovery team", "recovery_pitch"),
    ("we will message all your contacts that you are a defaulter", "contacts_shaming_threat"),
    ("we have accessed your whole contact list", "contacts_shaming_threat"),
    ("we will post your morphed photos to your relatives", "contacts_shaming_threat"),
    # sextortion, a computer said to spread viruses
    ("that clip of you will be posted on facebook tonight", "sextortion_threat"),
    ("my pc is spreading viruses to other people", "device_infected_claim"),
    ("microsoft will lock the computer permanently", "device_infected_claim"),
    # a bank's fraud-check menu (a choice, not an impostor's press 1 now)
    ("if you made this purchase press one if you did not press two", "fraud_check_menu"),
    # the code's own warning talked away; a delivery company named; card details typed into a link
    ("it says do not share it with anyone yes that is just the automated text", "code_warning_dismissed"),
    ("do not worry that warning is for strangers", "code_warning_dismissed"),
    ("hi it is kim from royal mail about your parcel", "caller_claims_company"),
    ("open the link and enter your card number", "card_details_request"),
    ("your loyalty points 8000 will expire tonight", "reward_points_lure"),
    # probes of common scripts written after the round (not hold-out rows)
    ("if the cashier asks what they are for just tell them they are presents", "cover_story_coaching"),
    ("tell the teller that the money is for a new roof", "cover_story_coaching"),
    ("do not let the bank know what this is for", "cover_story_coaching"),
    ("wrap the cash in a newspaper and our agent will come and collect it", "courier_card_collection"),
    ("a small window will pop up with a number read it to me", "remote_access_request"),
    ("we need to access your computer to process the refund", "remote_access_request"),
    ("there are hackers inside your bank account as we speak", "suspicious_activity_claim"),
    ("your ip address was used for illegal downloads", "device_infected_claim"),
    ("if you hang up your son will get hurt", "kidnap_threat"),
    ("i sent you 2000 instead of 200 by mistake", "overpayment_return"),
    ("please send back the difference today", "overpayment_return"),
    ("i am paying through phonepe just accept the request", "upi_collect_request"),
    ("keep me on speaker while you drive to the bank", "stay_on_line"),
    ("this is part of an undercover operation at your branch", "caller_claims_law_enforcement"),
    ("say nothing to the staff when you go in", "secrecy_demand"),
    ("your broadband will be disconnected today", "utility_disconnection"),
    ("your wifi has been hacked by someone nearby", "device_infected_claim"),
    ("you must join the zoom call with the inspector", "digital_arrest_script"),
    ("install the application i am sending you now", "remote_access_request"),
    ("move your savings there to keep it safe", "safe_account_transfer"),
    ("top up 5000 to reach the vip level", "fee_to_release"),
    ("there is a money laundering case against your name", "legal_threat"),
    ("feed the notes into the machine one by one", "crypto_wire_payment"),
])
def test_blind24_patterns(text, code):
    got = _codes(text)
    assert code in got, got


@pytest.mark.parametrize("text, code", [
    ("this is the county clerk's office about your property tax", "caller_claims_law_enforcement"),
    ("you did show up for jury duty thank you", "court_no_show_claim"),
    ("the warrant officer course starts monday", "legal_threat"),
    ("i bought a bond fund for my retirement", "bail_payment"),
    ("the prepaid plan on my phone ran out", "gift_card_payment"),
    ("please do not tell anyone your pin", "secrecy_demand"),
    ("call the number on the back of your card if you are unsure", "secrecy_demand"),
    ("the crew will restore the power by noon", "utility_disconnection"),
    ("please bring your medicare card to the appointment", "id_document_threat"),
    ("your bonus was paid into your account last week", "prize_claim"),
    ("your account is unlocked now you can log in", "fee_to_release"),
    ("the registration for the marathon is open", "fee_to_release"),
    ("download the app from the link to track your parcel", "remote_access_request"),
    ("i sent the money to my landlord yesterday", "crypto_wire_payment"),
    ("nobody from the bank will come to collect it", "courier_card_collection"),
    ("we do not recover funds", "recovery_pitch"),
    ("i will send the holiday photos to the family group", "contacts_shaming_threat"),
    ("the windows in the house lock automatically", "device_infected_claim"),
    ("if you did not authorize this charge press one now", "fraud_check_menu"),
    ("the standard delivery window is two hours", "code_warning_dismissed"),
    ("please do not share this code it is for your security", "code_warning_dismissed"),
    ("the card number on your statement is masked", "card_details_request"),
    ("tell the teller your account number at the counter", "cover_story_coaching"),
    ("i will let the bank know you are coming in", "cover_story_coaching"),
    ("the courier will collect the parcel from the depot", "courier_card_collection"),
    ("i need to access the shared drive for the report", "remote_access_request"),
    ("the store will send back the difference as a refund", "overpayment_return"),
    ("i accepted the meeting request for friday", "upi_collect_request"),
    ("put me on speaker so grandma can hear", "stay_on_line"),
    ("the internet was slow today", "utility_disconnection"),
    ("you can move your savings to an isa if you like", "safe_account_transfer"),
    ("i won the court case against my landlord", "legal_threat"),
])
def test_blind24_near_misses(text, code):
    got = _codes(text)
    assert code not in got, got


@pytest.mark.parametrize("text, code", [
    ("i am not going to ask for your card number", "card_details_request"),
    ("we will never ask for your pin", "pin_password_request"),
])
def test_a_callers_promise_not_to_ask_is_not_an_ask(text, code):
    assert code not in _codes(text)


@pytest.mark.parametrize("text, code", [
    ("somebody said they were from the tax office and that there was a warrant for my arrest", "legal_threat"),
    ("if anybody ever calls you saying they are from the bank and asks you to buy gift cards", "gift_card_payment"),
    ("some people are calling customers saying the bonus is pending pay a processing fee", "fee_to_release"),
])
def test_retold_callers_are_a_warning(text, code):
    signal = [s for s in _feed([text], RULES)[-1].assessment.signals if s.code == code]
    assert signal and signal[0].evidence.get("context") == "warning", signal


def test_cues_retold_in_a_warning_do_not_make_a_pattern_group():
    """Two quarter-weight cues of one group (a retold warrant and a retold robocall) are not that group heard."""
    segments = ["somebody said there was a warrant for my arrest and called about my car warranty expiring",
                "yeah and then they said i had to pay with gift cards i just laughed"]
    signals = _feed(segments, RULES)[-1].assessment.signals
    assert not any(s.code == "ftc_pattern" for s in signals), [(s.code, s.weight) for s in signals]


def test_a_press_prompt_inside_a_fraud_check_menu_earns_nothing():
    segments = ["this is the card fraud centre of first state bank calling about your card ending in 2210",
                "a purchase of 84 dollars at a gas station if you made this purchase press one",
                "if you did not make this purchase press two to speak to a fraud specialist"]
    last = _feed(segments, RULES)[-1].assessment
    press = [s for s in last.signals if s.code == "press_key_prompt"]
    assert press and press[0].weight == 0 and "reason" in press[0].evidence
    assert not any(u.should_alert for u in _feed(segments))


def test_secrecy_voids_a_callers_reassurance():
    segments = ["hello this is the fraud team at your bank we will never ask for your pin",
                "please do not speak to anyone at your local branch about this"]
    signals = _feed(segments, RULES)[-1].assessment.signals
    reassure = [s for s in signals if s.code == "legit_reassurance"]
    assert reassure and reassure[0].weight == 0 and "secrecy_demand" in reassure[0].evidence["voided_by"]


CALLS = [
    ("scam-sheriff-jury-bond-before-the-ask", True, [
        "good morning this is deputy sam ortiz with the lake county sheriff's office",
        "you were summoned for jury service in june and you did not show up for jury duty",
        "so the judge issued a bench warrant and i have to ask you not to discuss this with anyone"]),
    ("scam-courier-collects-card", True, [
        "hello this is the card security team at your bank i will not ask for your pin",
        "your card was copied at a cash machine please do not speak to anyone at your branch",
        "we are sending a courier to your home to collect the card put it in an envelope"]),
    ("scam-recovery-unnamed-app", True, [
        "hi i am calling from the digital asset recovery unit about the money you lost",
        "we traced the wallets and about twenty thousand is recoverable",
        "download the app from the link i texted it will give you an id number read it to me"]),
    ("scam-loan-app-shaming", True, [
        "this is the recovery desk of the quick cash app your loan is overdue",
        "we have your full contact list if you do not pay today",
        "we will message all your contacts that you are a thief"]),
    ("scam-pig-butchering-unlock", True, [
        "hi dear it is me again your balance on the platform looks great",
        "but you need to pay the margin fee first before you can withdraw",
        "deposit it in usdt today and the platform will unlock your withdrawal"]),
    ("scam-medicare-card-robocall", True, [
        "this is a message from the medicare benefits office",
        "the old paper cards are being deactivated this month",
        "to keep your coverage press one now and verify your medicare number"]),
    ("scam-delivery-code-warning-dismissed", True, [
        "hello it is jo from the canada post delivery office about your parcel",
        "you will get a text now with a code read me that code",
        "yes it says do not share it but that is just the standard message"]),
    ("scam-cover-story-cash-courier", True, [
        "this is the fraud investigations unit we think a cashier at your branch is stealing",
        "withdraw nine thousand in cash and if the teller asks tell them it is for a new car",
        "put the cash in an envelope and our officer will come and collect it tonight"]),
    ("genuine-son-asks-for-help-honestly", False, [
        "hi mum it is tom from my usual number my car failed its inspection",
        "could you lend me three hundred pounds i will pay you back at the end of the month",
        "no rush and you can ring dad first if you want to talk it over"]),
    ("genuine-bank-ivr-menu", False, [
        "this is the fraud prevention line of your bank with a message about your card ending in 4410",
        "a purchase of 56 dollars at a pharmacy if you recognize this transaction press one",
        "if you do not recognize it press two to speak to a fraud specialist",
        "we will never ask for your pin or full card number you can also call the number on the back of your card"]),
    ("genuine-bank-cancels-card", False, [
        "hi it is the fraud team from your bank i will not ask for any codes on this call",
        "we blocked a payment and cancelled your card a new one is in the post",
        "just cut up the old card yourself nobody will come to collect it"]),
    ("genuine-agent-warns-bonus-calls", False, [
        "hello sir this is your insurance agent your premium is due next week",
        "some people are calling customers saying the bonus is pending pay a processing fee",
        "the company never calls for that please ignore those calls"]),
    ("genuine-recovery-warning", False, [
        "hello this is the fraud reporting centre following up on your report",
        "we do not recover funds and anyone who says your money is recoverable for a fee is a second scam",
        "please hang up on them"]),
    ("genuine-jury-office", False, [
        "hello this is the jury office of the county court",
        "your request to move your jury service was approved your new date is the third of march",
        "there is nothing to pay"]),
]


@pytest.mark.parametrize("name, is_scam, segments", CALLS, ids=[c[0] for c in CALLS])
def test_blind24_calls(name, is_scam, segments):
    updates = _feed(segments)
    trace = [(u.risk_score, sorted((s.code, s.weight) for s in u.assessment.signals if s.weight)) for u in updates]
    assert any(u.should_alert for u in updates) is is_scam, trace


HOOKS = [
    ("sheriff-warrant-secrecy", [
        "good afternoon this is lieutenant ray dunn with the clark county sheriff's office",
        "you were summoned for jury duty and you did not show up for jury duty so there is a bench warrant",
        "i have to ask you not to discuss this with anyone until it is cleared"]),
    ("bank-secrecy-from-branch", [
        "hello this is the card security team at your bank your card has been cloned",
        "we think it was someone inside the branch so please do not speak to anyone at your branch"]),
]


@pytest.mark.parametrize("name, segments", HOOKS, ids=[h[0] for h in HOOKS])
def test_the_hook_alerts_before_any_payment_is_named(name, segments):
    """An impersonation with a threat and a secrecy demand is the hook: the alert need not wait for the money ask."""
    updates = _feed(segments)
    assert any(u.should_alert for u in updates), [(u.risk_score, sorted((s.code, s.weight) for s in
                                                                        u.assessment.signals if s.weight))
                                                  for u in updates]
