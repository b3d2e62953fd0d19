"""General patterns behind the blind30 first read (issue #5): robocall voicemails and legitimate automated calls.

blind30 (44 ASR-style robocall / voicemail transcripts, 24 scam, 20 legitimate automated calls) was written before
reading the detector and read once (P 1.0, R 0.708, F1 0.829, FPR 0, median alert 0.625 of the call; 7 misses scoring
22-48). The rules below came after, so blind30 is fitted now (after them: P 1.0, R 1.0, FPR 0, median alert 0.553 under
the evaluation script's segmentation; all splits but the sealed blind28: FP 0 -> 0, recall 0.988 -> 1.0, the older
splits unchanged at 475/475 with median alert 0.546 -> 0.542). None of the calls or phrases here is a hold-out row: each is worded
differently from the ``blind30`` split. Calls are fed segment by segment (final segments of ~14 words, no speaker
tags, lower case, no punctuation, numbers spelled out, some cut off mid-word). Scam robocalls must alert at some
segment; legitimate automated calls that use the same words (press one, your prescription, a fraud-check menu, a
planned outage, an appointment, a warranty covered repair) must never alert.
"""

from __future__ import annotations

import pytest

from scamshield.engine.conversation import normalize_transcript
from tests.support.conversation import PRODUCT, RULES, codes
from tests.support.conversation import feed as _feed


def _chunks(text, n=14):
    words = text.split()
    return [" ".join(words[i:i + n]) for i in range(0, len(words), n)]


def _alerts(text):
    return any(u.should_alert for u in _feed(_chunks(text), PRODUCT))


def _signals(text, det=RULES):
    return {s.code: s for s in _feed(_chunks(text), det)[-1].assessment.signals if s.weight != 0}


# -- a negator inside a long match that a shorter alternative of the same cue needs --------------------------------
@pytest.mark.parametrize("text, code", [
    # "could not be delivered" is what the cue describes; a gap alternative also ran on to "was returned"
    ("you have a parcel that could not be delivered and was returned to the sorting centre", "parcel_held_claim"),
    ("the package could not be delivered and has been held at the depot", "parcel_held_claim"),
    ("an overseas shipment which was not delivered and was sent back to customs", "parcel_held_claim"),
])
def test_a_negator_the_cue_needs_is_not_a_negation(text, code):
    assert code in codes(text), codes(text)


@pytest.mark.parametrize("text, code", [
    ("good news your parcel has not been held it is out for delivery today", "parcel_held_claim"),
    ("the package was never returned it is with your neighbour", "parcel_held_claim"),
])
def test_a_negator_only_in_a_gap_still_negates(text, code):
    assert code not in codes(text), codes(text)


# -- speech-to-text mis-hearings of robocall vocabulary -------------------------------------------------------------
@pytest.mark.parametrize("heard, meant", [
    ("calling from the so shul security administration", "social security administration"),
    ("the soshul security office", "social security office"),
    ("your car warrant e is about to run out", "warranty"),
])
def test_asr_repairs(heard, meant):
    assert meant in normalize_transcript(heard)


def test_a_real_warrant_is_still_a_warrant():
    assert "warranty" not in normalize_transcript("there is a warrant for your arrest")


# -- the robocall script family: each phrasing raises its cue -------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("your manufacturer warranty has lapsed on the vehicle", "robocall_warranty_notice"),
    ("the protection plan on your home systems is about to expire", "robocall_warranty_notice"),
    ("press two to reinstate your vehicle coverage", "robocall_warranty_notice"),
    ("your auto coverage will be cancelled at midnight", "robocall_warranty_notice"),
    ("this is the auto protection department calling about your sedan", "robocall_warranty_notice"),
    ("a home appliance service contract for your address", "robocall_warranty_notice"),
    ("we will be closing the file on your vehicle if we do not hear back", "robocall_notice"),
    ("social security administration final notice regarding your number", "caller_claims_government"),
    ("the internal revenue service has filed a lawsuit against your name", "caller_claims_government"),
    ("the department is filing a case against you today", "legal_threat"),
    ("failing to respond will lead to your arrest", "legal_threat"),
    ("we can help with lowering the interest on your visa card", "interest_rate_reduction"),
    ("you are pre selected for our zero percent program", "interest_rate_reduction"),
    ("seniors can get a wrist brace at little or no cost", "benefit_enrollment_lure"),
    ("you are eligible for a knee brace through your plan", "benefit_enrollment_lure"),
    ("the federal government has announced a new energy rebate for home owners", "benefit_enrollment_lure"),
    ("get panels installed at no cost this summer", "benefit_enrollment_lure"),
    ("your electric bill could be eliminated completely", "benefit_enrollment_lure"),
    ("a special program that can erase your credit card debt", "benefit_enrollment_lure"),
    ("we can cut your debt in half", "benefit_enrollment_lure"),
    ("stop the collection calls for good", "benefit_enrollment_lure"),
    ("you qualify for free solar panels on your roof", "benefit_enrollment_lure"),
    ("your home is approved for the solar program", "benefit_enrollment_lure"),
    ("your gas company owes you a refund", "refund_lure"),
    ("customers were over charged on your bill last year", "refund_lure"),
    ("our agent will help you download the refund software", "remote_app_install"),
    ("china post notice about a parcel", "caller_claims_company"),
    ("this is the embassy we are holding an urgent document in your name", "id_document_threat"),
    ("otherwise it may affect your immigration status", "id_document_threat"),
    ("the enrollment window closes at the end of the week", "urgency_deadline"),
    ("your application will be marked ineligible", "threat_consequence"),
    ("our records show a past due balance on the account", "utility_bill_demand"),
    ("press one to have your free monitor shipped", "press_key_prompt"),
])
def test_robocall_script_phrases(text, code):
    assert code in codes(text), codes(text)


# -- the same words in what genuine automated calls say -------------------------------------------------------------
@pytest.mark.parametrize("text, code", [
    ("your vehicle is due for its scheduled maintenance and a tire rotation", "robocall_warranty_notice"),
    ("the repair on your dishwasher is covered under warranty", "robocall_warranty_notice"),
    ("your auto policy renews next month and the documents are in the mail", "robocall_warranty_notice"),
    ("we are filing your tax return this week", "legal_threat"),
    ("interest on your savings account has been paid", "interest_rate_reduction"),
    ("your health plan covers a flu shot at no cost", "benefit_enrollment_lure"),
    ("the state has approved the new school calendar", "benefit_enrollment_lure"),
    ("you owe a small late fee on the returned book", "refund_lure"),
    ("install the pharmacy app to get refill alerts", "remote_app_install"),
    ("your registration window is open all month", "urgency_deadline"),
])
def test_genuine_wording_does_not_raise_the_cue(text, code):
    assert code not in codes(text), codes(text)


def test_a_planned_outage_with_its_reason_reassures():
    text = "a scheduled water shut off will take place thursday from ten to two for main repairs no action is needed"
    assert "planned_outage_notice" in codes(text)


# -- a retailer or tech company calling about a charge you did not make --------------------------------------------
@pytest.mark.parametrize("text", [
    "this is amazon calling an order for a television has been placed on your account",
    "this is apple support your apple id was charged for a purchase of two hundred dollars",
])
def test_a_retailer_calling_about_a_charge_is_a_decisive_pair(text):
    assert "decisive_pair_pattern" in _signals(text), _signals(text)


@pytest.mark.parametrize("text", [
    # the bank's own fraud check is a bank claim with a choice menu, not a retailer's robocall
    "this is the fraud team at your credit union a purchase of ninety dollars was made at a pharmacy if you made this "
    "purchase press one if you did not press two",
    # a retailer's own delivery notice: no charge claimed
    "this is amazon your order has shipped and will arrive on monday no action is needed",
])
def test_no_decisive_pair_without_a_retailer_charge(text):
    assert "decisive_pair_pattern" not in _signals(text), _signals(text)


# -- whole robocalls (invented, worded unlike the hold-out) ---------------------------------------------------------
_SCAM_ROBOCALLS = [
    "this message is for the owner of the vehicle our records show the manufacturer warranty on your car has expired "
    "and your file is about to be closed press one to speak with a coverage specialist today",
    "tended warranty department we have tried to reach you several times this is your final courtesy call your "
    "coverage will be cancelled press one to speak with a specialist",
    "this is your last chance to renew your auto protection plan before your coverage is cancelled if you do not act "
    "now all repairs will come out of your pocket press one to talk to an agent",
    "ment is calling to inform you that your social security number will be cancelled today because of illegal "
    "activities please press one to speak to the case officer",
    "this is the final notice from the internal revenue service there is a lawsuit filed under your name press one to "
    "speak with an officer before the case goes to court",
    "you have been approved for a free diabetic glucose monitor at no cost under your medicare plan press one to have "
    "it shipped today",
    "hi this is card member services there is no problem with your account but your interest rate can be lowered to "
    "zero percent press one to speak with a representative",
    "federal student aid notice your loans are eligible for complete forgiveness but the program closes friday press "
    "one to enroll a small document fee applies",
    "this is apple care your apple id has been used to purchase an item for four hundred ninety nine dollars if you did "
    "not make this purchase press one to speak to an apple advisor",
    "this is the chinese embassy there is an important notice about your passport please press nine to speak to our "
    "staff or your visa status will be affected",
    "lar program in your area your home qualifies for free solar panels under a new state program we just need to "
    "confirm your electric account number",
    "this is the energy rebate department your utility company has over charged you and you are owed a refund of three "
    "hundred dollars press one and have your bank details ready",
    "we are calling from the power company your electricity will be disconnected in one hour for non payment call the "
    "billing officer right away",
]
_GENUINE_AUTOMATED = [
    "this is the pharmacy at your local grocery store your prescription is ready for pick up if you would like to "
    "speak with a pharmacist press one",
    "hello this is an automated reminder your appointment with doctor smith is tomorrow at ten press one to confirm or "
    "press two to cancel",
    "reply yes or press one to confirm your appointment with the eye clinic on friday at nine thirty",
    "this is the fraud department at your credit union we noticed a charge of eighty dollars at a gas station if you "
    "made this purchase press one if you did not press two",
    "this is the county election office reminding you that early voting ends friday press one to hear your polling "
    "place hours",
    "this is your car dealer service department your vehicle is due for an oil change and your warranty service is "
    "covered press one to schedule",
    "this is the water department a planned water shut off will take place on thursday from ten a m to two p m for "
    "main repairs we apologize for the inconvenience",
    "this is the county court jury office your jury service has been confirmed for monday no action is needed if you "
    "have questions call the jury office",
    "your amazon order of kitchen towels has shipped and will arrive on wednesday this is an automated message you do "
    "not need to do anything",
    "this is a message from the school district our registration window closes at the end of the week please complete "
    "your child's enrollment online",
    "this is city power and light our records show your account has a past due balance of forty dollars you can pay "
    "online or at any payment center to avoid late fees",
    "hello from your health plan we want to make sure you know about your free flu shot at any in network pharmacy no "
    "appointment needed",
    "this is the dmv reminding you that your driver license expires next month you can renew online or at any office",
    "hi this is the food bank thank you for your gift last year press one if you would like to donate again this season",
]


@pytest.mark.parametrize("text", _SCAM_ROBOCALLS)
def test_scam_robocalls_alert(text):
    assert _alerts(text)


@pytest.mark.parametrize("text", _GENUINE_AUTOMATED)
def test_genuine_automated_calls_stay_quiet(text):
    assert not _alerts(text)
