"""SMS / chat message analysis: cue lexicon (English + Hinglish), links, UPI ids, phone numbers, sender id.

``analyze_sms`` is pure and fast (precompiled lexicon, linear-time matching, hostile inputs cut early):

1. the text is capped and cleaned (``textmatch``), URLs / UPI ids / phone numbers are extracted from it;
2. the cue lexicon (``cues.SMS_CUES``) is matched on the text with links and UPI ids masked, keeping the strongest
   hit per signal code; negated cues ("never share your OTP") and benign contexts ("KYC completed
   successfully") do not count;
3. every link (at most ``MAX_LINKS`` distinct ones) is judged by ``url.analyze_url``; the worst one is folded in;
4. combinations add points (a hook together with a link, call-back number, UPI id or pressure);
5. the sender id is checked (an organisation's message from a personal mobile number; a registered DLT header of
   the claimed brand lowers the score slightly but never below "high" once the cues put it there);
6. ``device_info`` (screen sharing / remote access while an OTP arrives, SIM change) and an attached
   ``upi_intent`` are scored.

Layout (one concept per module; ``analyze_sms`` in this file assembles the result from them):

- ``limits``     size caps (``MAX_*``);
- ``extract``    UPI ids, phone numbers and their types, masking of links / UPI ids;
- ``sender``     sender id classification (DLT header, phone, e-mail) and brand header matching;
- ``links``      link judging, official / header-trusted / look-alike links, APK, statements on shorteners;
- ``album``      photo albums on storage hosts and the album-shaped phish;
- ``marketing``  premium-rate short codes, small print, opt-out / T&C lines;
- ``notices``    transactional / service template markers (``transactional_markers``);
- ``advice``     safety-advice markers (``safety_advice_markers``) and advice-versus-scam tests;
- ``warned``     quoted / reported lures in awareness texts, and the message's own ask outside them;
- ``otp``        code delivery, code hand-over asks, credential-ask exceptions;
- ``callback``   call-back numbers, alerts, disputes, missed-call reports, branch landlines;
- ``money``      amounts, money asks between people, payees, payment apps as the means;
- ``demands``    payment demands with the scam in their shape (exposure ultimatums, "test" payments, QR under threat);
- ``fees``       job / loan fees, own-application greetings, government schemes, details asked for a refund;
- ``stranger``   new-number / "Hi Mum", wrong-number, stranger and investment openers, mis-sent apologies;
- ``textspeak``  SMS abbreviations (u, ur, pls, msg, tmrw) spelled out before the lexicon is matched;
- ``cuesets``    groups of cue codes the combination rules test; ``clauses``: sentence / negation helpers.

Where a new rule goes: a new cue phrase (a word or phrase that is a lure, threat, ask or pressure by itself) goes in
the lexicon, ``engine/cues.py``, not here. A new pattern goes in the module of its concept above, beside the
patterns it resembles, with a comment saying what it recognises and an example; a new marker of a genuine notice or
of safety advice is one more row of the table in ``notices`` / ``advice``. The rule that turns patterns into a
signal (``Signal(code, weight, message, evidence, fraud_type)``) goes in ``analyze_sms`` below, in the
``# ---- ... ----`` section of its kind: cue hits and their exceptions; links; marketing and opt-out; lure
combinations (``lure_with_*``, new-number asks); fees, loans, schemes; call-back numbers, alerts and one-time codes;
genuine-notice offsets (negative weights); safety advice and quoted lures; between people; strangers; claims; sender
id; device, UPI intent and the learned model. A rule that lowers the score must name what makes the message safe and
check that nothing risky is in it (see the offsets sections).

``analyze_url`` and ``model_signal`` are looked up in this package's namespace at call time, so tests and the
benchmark can replace ``scamshield.engine.sms.analyze_url`` / ``.model_signal``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ...errors import InvalidInput
from ..cues import ACTION_CODES, BRAND_HEADER_KEYS, HOOK_CODES, MESSAGES, PRESSURE_CODES, SMS_CUES, mask_digits
from ..taxonomy import advice_for
from ..textmatch import normalize, strip_invisible, tokenize
from ..textmodel import model_signal, sms_model
from ..transaction import device_signals
from ..types import Assessment, Signal
from ..url import analyze_url, extract_urls
from .advice import (_CHANNEL_MARKERS, _OTHER_CHANNEL_RE, _advice_matches, _lure_outside_advice, _other_channel,
                     safety_advice_markers)
from .album import (_ALBUM_BLOCK_RE, _ALBUM_PHOTO_RE, _ALBUM_RE, _ALBUM_SIGNIN_RE, _IS_THIS_YOU_RE, _PAID_REPORT_RE,
                    _STORAGE_HOSTS)
from .callback import (_ACCOUNT_CHANGE_RE, _ACCOUNT_EVENT_RE, _ALERT_EVENT_RE, _CALL_BACK_ASK_RE, _CALL_REPORT_RE, _CALL_WORD_RE,
                       _CHARGE_EVENT_RE, _CRYPTO_RE, _DISPUTE_RE, _HELPLINE_WORDS_RE, _IVR_PROMPT_RE, _MOBILE_CALLBACK_RE, _NOT_YOU_RE,
                       _SMS_TO_NUMBER_RE, _branch_landlines)
from .clauses import _NEGATION_RE, _NEG_BEFORE_RE, _SENTENCE_SPLIT_RE, _blank_spans
from .cuesets import _ASKING_CODES, _NAME_ROOT_LURES_OK, _NOTICE_LURES, _OWN_CHANNEL_LURE_POINTS, _THREAT_CODES
from .demands import (_CRYPTO_WORD_RE, _EXPOSURE_HELD_RE, _EXPOSURE_HINTS, _EXPOSURE_THREAT_RE, _OTHERWISE_THREAT_RE,
                      _PAY_DEADLINE_RE, _PAY_ULTIMATUM_RE, _QR_PAY_RE, _TEST_PAYMENT_HINTS, _TEST_PAYMENT_RE)
from .extract import (_PHONE_CANDIDATE_RE, _HELPLINE_TYPES, _INDIAN_HELPLINE_PREFIXES, _MOBILE_TYPES, _callable_numbers, _mask,
                      _mobile_numbers, _number_types, _phone_objects, extract_phone_numbers, extract_upi_ids,
                      phone_region_hint)
from .fees import (_CLAIM_WORD_RE, _DETAILS_REPLY_RE, _ENDEARMENT_RE, _FEE_DEDUCTED_RE, _FEE_PAID_RE,
                   _GIFT_CARD_HINTS, _GIFT_CARD_PAY_RE, _GOV_SCHEME_RE, _GREETING_WORDS, _HELD_HINTS,
                   _HELD_PACKAGE_FEE_RE, _HELD_WHAT_HINTS, _HELD_WHAT_RE, _JOB_CONTEXT_RE, _JOB_FEE_RE,
                   _KEYS_BY_POST_RE, _LOAN_FEE_RE, _LOAN_GRANTED_RE, _LOAN_OVERDUE_RE, _LOAN_PAY_RE,
                   _OWN_APPLICATION_RE, _PHOTO_TO_CONTACTS_RE, _RENT_ADVANCE_RE, _RENT_HOME_RE, _ROMANCE_FEE_ASK_RE,
                   _SCAM_WORD_RE, _STRONG_DETAILS_RE)
from .limits import (MAX_CUE_CHARS, MAX_CUE_TOKENS, MAX_LINKS, MAX_PHONE_CANDIDATES, MAX_SMS_CHARS, MAX_UPI_IDS,
                     MAX_URLS_REPORTED)
from .links import (_LURE_NAME_PARTS, _APK_RE, _OFFICIAL_SUFFIXES, _SHORTENER_DOMAINS, _STATEMENT_RE, _domain_copies_brand,
                    _named_as_header, _trust_header_app_links, _trust_header_links, _trust_named_app_links,
                    _trust_named_root_links, link_signals)
from .marketing import (_COMPLIANCE_RE, _OPTOUT_LEAD_RE, _OPTOUT_RE, _OPTOUT_TAIL_RE, _OPTOUT_TARGET_RE, _REPLY_ASK_RE,
                        _SHORTCODE_RE, _SPAM_PRINT_RES, _STOP_SHORTCODE_RE, _ctia_stop_only)
from .money import (_BARE_AMOUNT_RE, _MISSENT_RETURN_RE, _MONEY_RE, _PAY_APP_RE, _PAY_APP_TAGS,
                    _PAY_MEANS_RE, _PAYEE_RE, _REQUEST_RE, _THIS_NUMBER_RE, _unit_numbers_only, money_asks)
from .notices import transactional_markers
from .otp import (code_ask_outside_lexicon, _CODE_DELIVERY_RE, _code_read_back, _is_otp_delivery, _LISTED_ASKS,
                  _OTP_SAFETY_RE, _postal_pin_code, _RECEIVED_NUMBER_ASK_RE, _TEMPLATE_SECRECY_RE, _under_prohibition)
from .pins import _MS_HINTS, malay_legal_threat, pin_to_receive, ussd_pin_ask
from .sender import _brand_header, classify_sender, header_matches_keys
from .stranger import (_CALL_ME_RE, _CHAT_BACK_RE, _CHAT_MOVE_RE, _CODE_COMING_RE, _CONTACT_MOVE_RE, _EARN_OFFER_RE,
                       _FAMILY_PRESSURE_RE, _FAVOUR_ASK_RE, _FAVOUR_MONEY_RE, _FIRST_PERSON_RE, _INVEST_HINTS,
                       _INVEST_TALK_RE, _LOST_PHONE_RE, _MEET_YOU_RE, _MISSENT_RE, _MISTAKEN_NUMBER_RE, _MISTAKE_HINTS,
                       _NAMED_OPENER_RE, _NEW_IDENTITY_RE, _NEW_NUMBER_RE, _OWN_NAME_RE, _PRONOUN_FORWARD_RE,
                       _RECONNECT_RE, _REFERRAL_RE, _SELF_INTRO_RE, _SETTLING_UP_RE, _TEACH_JOIN_RE, stranger_small_talk,
                       _MIN_DEPOSIT_RE, _RETURNS_TALK_RE, _ROMANCE_FRAME_RE, _ROMANCE_HINTS, _ROMANCE_PERSONA_RE,
                       _DAILY_PAY_RANGE_RE, _DAY_HINTS, _SAME_DAY_PAY_RE, _PART_TIME_HINTS, _PART_TIME_RE, _RECRUITER_RE, _DATING_MATCH_RE, _RETURNS_BRAG_RE,
                       _OLD_PHONE_GONE_RE, _PARENT_RE, _WRITE_BACK_RE, _NO_CALL_RE,
                       _NO_CALL_HINTS, _STRANDED_RE, find_chat_move, find_self_intro)
from .textspeak import spell_out
from .warned import (_MAX_HITS_FOR_WARNED, _MAX_WARNED_CHARS, _NO_SUCH_AFTER_RE, _NO_SUCH_LURES, _NO_SUCH_THING_RE,
                     _REPLY_BACK_RE, _own_ask, _warned_spans)

__all__ = ["analyze_sms", "extract_upi_ids", "extract_phone_numbers", "classify_sender", "MAX_SMS_CHARS",
           "MAX_CUE_CHARS", "MAX_LINKS", "transactional_markers", "safety_advice_markers"]


# A loan lure's own ask words (a fee, a payment, an app to install): not a lender's promotion.
_LOAN_ASK_RE = re.compile(r"\b(?:fee|fees|charge|charges|pay|download|install|apk|app|bhejo|bhejein|bhej do|jama|"
                          r"bharo)\b")


# The word "loan" in English and the Indian scripts (the gate of the loan-fee rule).
_LOAN_WORDS = ("loan", "लोन", "ऋण", "কর্জ", "ঋণ", "লোন", "ಸಾಲ", "ಲೋನ್", "கடன்", "லோன்", "రుణ", "లోన్", "લોન", "ਕਰਜ਼ਾ",
               "ਲੋਨ", "कर्ज")


def _add_cue_hit(best: dict[str, Signal], matched: dict[str, list[str]], hit_clauses: list[tuple[str, int]],
                 code: str, weight: float, text: str, fraud_type: str | None) -> None:
    """Count a cue read by a rule of this package (outside the lexicon) as the lexicon's own hit of ``code``: the
    signal with the lexicon's message, its matched text (digits masked) and a clause-0 hit."""
    best[code] = Signal(code, weight, MESSAGES[code], {}, fraud_type)
    matched[code].append(mask_digits(text))
    hit_clauses.append((code, 0))


def _link_signals(urls: list[str]) -> tuple[list[Signal], list[dict[str, Any]], list[str]]:
    """``links.link_signals`` with this package's ``analyze_url`` (looked up at call time: tests replace it)."""
    return link_signals(urls, analyze_url)


def _header_short_name(name: str, keys: set[str]) -> bool:
    """``name`` (a registered domain's first label) is a header brand key with at most two more letters or digits
    and no lure or service word (``links._LURE_NAME_PARTS``): the brand's own short domain, not a look-alike."""
    if not name or not name.isalnum() or any(w in name for w in _LURE_NAME_PARTS):
        return False
    return any(len(k) >= 3 and k in name and len(name) <= len(k) + 2 for k in keys)


def analyze_sms(message: str, *, sender: str | None = None, device_info: dict | None = None,
                upi_intent: str | None = None) -> Assessment:
    """Judge one SMS / chat message (kind ``"sms"``). Raises ``InvalidInput`` for non-text input."""
    if not isinstance(message, str):
        raise InvalidInput("message must be a string")
    clean = strip_invisible(message, max_chars=MAX_SMS_CHARS)
    if not clean.strip():
        raise InvalidInput("message is empty")
    # Links and UPI ids are looked for in the whole (capped) text; everything else in the first MAX_CUE_CHARS.
    head = clean[:MAX_CUE_CHARS]
    truncated = len(clean) > MAX_CUE_CHARS

    urls = list(dict.fromkeys(extract_urls(clean)))
    upi_ids = extract_upi_ids(clean)
    norm = normalize(head, max_chars=MAX_CUE_CHARS)
    masked = _mask(norm, [*urls[:MAX_URLS_REPORTED], *upi_ids])
    # (SMS textspeak spelled out for the lexicon: "the code u receive on ur number" -- ``textspeak``)
    tokens = tokenize(spell_out(masked), max_tokens=MAX_CUE_TOKENS)
    # (local-format numbers are read in the foreign sender's country, or the text's foreign currency's, first)
    sender_info = classify_sender(sender)
    # (a local-format sender says its country only when it is a valid number there: "0712483096" is no Indian
    # number, and a Kenyan shilling amount in its text then says where its local-format numbers are -- batch x; a
    # "+44 ..." sender names its country either way)
    prefer = phone_region_hint(head, sender_info.get("country_code") if sender_info["type"] == "phone"
                               and (sender_info.get("valid") or (sender or "").lstrip().startswith(("+", "00")))
                               else None)
    phone_objs = _phone_objects(head, prefer=prefer)
    phones = list(phone_objs)

    # ---- cue hits (the lexicon) and their exceptions; quoted lures set aside ----
    best: dict[str, Signal] = {}
    matched: dict[str, list[str]] = defaultdict(list)
    claimed: dict[str, None] = {}
    hit_clauses: list[tuple[str, int]] = []  # (code, clause number) of every cue hit
    # (Never with a mobile or foreign number in the message: the awareness line gives 1930 or none.)
    no_such = _NO_SUCH_THING_RE.search(tokens.text) is not None \
        and not any(not (t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES))
                    and (t in _MOBILE_TYPES or not e.startswith("+91"))
                    for e, t in _number_types(phone_objs).items())
    hits = list(SMS_CUES.scan_tokens(tokens))
    # Cue hits inside a quoted or reported lure that the message calls fake / fraud (awareness texts; see
    # ``_warned_spans``): set aside when the message has no channel of its own and asks nothing outside them.
    link_sigs, link_details, user_pages = _link_signals(urls)
    # (an awareness text is short and has few cue hits; a message with dozens is not one, and is not searched)
    # (nor is a long one: awareness texts are short -- r6 review, slow inputs)
    warned = _warned_spans(tokens.text) if 0 < len(hits) <= _MAX_HITS_FOR_WARNED \
        and len(tokens.text) <= _MAX_WARNED_CHARS else []
    own_ask: str | None = None  # what the message asks in its own voice outside the warned lures (``_own_ask``)
    quoted_codes: list[str] = []
    if warned and not upi_ids and all(d["official"] for d in link_details) and len(link_details) == len(urls) \
            and all(t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES)
                    for e, t in _number_types(phone_objs).items()) \
            and not ("apk" in clean.lower() and _APK_RE.search(clean.lower())):
        def _in_warned(h: Any) -> bool:
            a, b = tokens.starts[h.start], tokens.ends[h.end - 1]
            return any(lo <= a and b <= hi for lo, hi in warned)
        inside = [h for h in hits if _in_warned(h)]
        outside = [h for h in hits if not _in_warned(h)]
        rest = _blank_spans(tokens.text, warned)
        reply_back = any(not _NEGATION_RE.search(part[:m.start()])
                         for part in _SENTENCE_SPLIT_RE.split(rest) for m in _REPLY_BACK_RE.finditer(part))
        own_ask = (_own_ask(rest, head) or "") if inside else None  # ("": read, no ask)
        if inside and not reply_back and not _OTHER_CHANNEL_RE.search(rest) and not own_ask \
                and not _lure_outside_advice(tokens, [(h.cue.code, tokens.clauses[h.start]) for h in outside
                                                      if h.cue.code != "brand_claim"],
                                             [n for n, _ in _advice_matches(head)]):
            quoted_codes = sorted({h.cue.code for h in inside if h.cue.code != "brand_claim"})
            hits = outside
    for hit in hits:
        cue = hit.cue
        if cue.code == "brand_claim":
            claimed.setdefault(cue.tag or "*", None)
            continue
        if no_such and cue.code in _NO_SUCH_LURES and hit.end <= len(tokens.words) \
                and _NO_SUCH_AFTER_RE.match(tokens.text, tokens.ends[hit.end - 1]):
            # "डिजिटल अरेस्ट जैसा कुछ नहीं होता" / "there is no such thing as digital arrest" in the Indian
            # languages: the awareness line denies the lure in its own clause (batch k).
            continue
        if cue.code in _LISTED_ASKS and _under_prohibition(tokens, hit.start):
            continue
        if cue.code == "credential_request" and _postal_pin_code(tokens, hit.end):
            continue
        if cue.code == "family_emergency" and _unit_numbers_only(hit.text):
            continue
        hit_clauses.append((cue.code, tokens.clauses[hit.start]))
        text = mask_digits(hit.text)  # evidence never carries an OTP, PIN, card or phone number
        if text not in matched[cue.code] and len(matched[cue.code]) < 5:
            matched[cue.code].append(text)
        cur = best.get(cue.code)
        if cur is None or cue.weight > cur.weight:
            best[cue.code] = Signal(cue.code, cue.weight, MESSAGES.get(cue.code, cue.code), {}, cue.fraud_type)
    # "GPay kar de 98110...", "paytm me bhej do", "send it on PhonePe": a payment app named as the means of paying
    # between people is not a claim to BE that app (batch j). Only when every mention of the app is such a means
    # and nothing else claims an organisation.
    low_norm = norm.lower()
    if quoted_codes:
        # (the code read-back / forward asks below are read on the text without the warned quotes too)
        low_norm = _blank_spans(low_norm, _warned_spans(low_norm))
    pay_means = _PAY_MEANS_RE.search(low_norm) if claimed else None
    # (Not with a lure, urgency or ask beside it: "I sent 5000 by mistake, please GPay me back" -- r5 review.)
    # (A deadline in a sentence of its own -- "I sent you 2500 on GPay. Fill the group form by tonight" -- is not
    # such pressure: it presses no payment; batch s.)
    urgency_apart = pay_means is not None and "urgency" in best and not any(
        _PAY_MEANS_RE.search(sent) and any(u in sent for u in matched["urgency"])
        for sent in _SENTENCE_SPLIT_RE.split(low_norm))
    if pay_means and set(claimed) <= _PAY_APP_TAGS \
            and not (set(best) & (HOOK_CODES | PRESSURE_CODES | _ASKING_CODES) - {"spam_marketing", "authority_claim"}
                     - ({"urgency"} if urgency_apart else set())) \
            and len(_PAY_MEANS_RE.findall(low_norm)) >= len(_PAY_APP_RE.findall(low_norm)):
        claimed.clear()
    else:
        pay_means = None
    # A one-time code asked for in shapes the lexicon does not read: a reply with the code ("If you did not request
    # this, reply with the OTP to cancel"), "share it with no one except <person>", an ask to forward it on
    # (``otp.code_ask_outside_lexicon``).
    if "credential_request" not in best and (ask := code_ask_outside_lexicon(low_norm, tokens.words)):
        _add_cue_hit(best, matched, hit_clauses, "credential_request", ask[0], ask[1], "OTP_THEFT")
    # ... or called "the number you receive" by someone speaking for a bank, card or app (``_RECEIVED_NUMBER_ASK_RE``).
    if "credential_request" not in best and claimed and ("number" in low_norm or "digit" in low_norm) \
            and (rn := _RECEIVED_NUMBER_ASK_RE.search(low_norm)) \
            and not _NEG_BEFORE_RE.search(low_norm[max(0, rn.start() - 24):rn.start()]):
        _add_cue_hit(best, matched, hit_clauses, "credential_request", 40, rn.group(0)[:40], "OTP_THEFT")
    # "Nagkamali po ako ng send ng ₱3,000 sa GCash ninyo, pakibalik po", "tersalah transfer RM200, tolong pulangkan":
    # the mis-sent money and the return ask in Tagalog / Malay (the lexicon holds English, Hinglish, Hindi, Swahili
    # and Pidgin) -- the same cue, read here (batch x).
    if "wrong_transfer_return" not in best \
            and ("nagkamali" in low_norm or "pakibalik" in low_norm or "tersalah" in low_norm) \
            and (wm := _MISSENT_RETURN_RE.search(low_norm)) \
            and not _NEG_BEFORE_RE.search(low_norm[max(0, wm.start() - 24):wm.start()]):
        _add_cue_hit(best, matched, hit_clauses, "wrong_transfer_return", 30, wm.group(0)[:40], "PAYMENT_FRAUD")
    # A code-delivery template's own safety line ("Your code is 772190. Don't share it with anyone.") is not a
    # secrecy demand: with a code delivered and no other channel (a call, an officer), that cue hit is dropped.
    if "secrecy_demand" in best and matched["secrecy_demand"] \
            and all(_TEMPLATE_SECRECY_RE.match(m) for m in matched["secrecy_demand"]) \
            and _is_otp_delivery(tokens.words) and _CODE_DELIVERY_RE.search(low_norm) \
            and not _OTHER_CHANNEL_RE.search(low_norm):
        del best["secrecy_demand"]
        del matched["secrecy_demand"]
        hit_clauses = [hc for hc in hit_clauses if hc[0] != "secrecy_demand"]
    # ---- links: which are the brand's own (header, named root, app deep link) ----
    # A link to the site named by the registered header counts as official only in a message with no lure: with a
    # KYC / block / refund lure the header's own name is what a look-alike domain copies (AX-HDFCBK + hdfcbk.in).
    if sender_info["type"] == "dlt" and not (set(best) & HOOK_CODES - {"spam_marketing", "authority_claim"}):
        _trust_header_links(link_details, sender_info["header"])
        if _trust_header_app_links(link_details, sender_info["header"]):
            # The brand's own app link no longer counts as the message's riskiest link: judge the rest.
            rest = [u for u in urls[:MAX_LINKS] if not any(d["official"] and d["url"] == u[:200] for d in link_details)]
            link_sigs = _link_signals(rest)[0] if rest else []
    # (Not with a threat, KYC / PAN / verification, bill, parcel or refund lure: "Rajesh: your account is frozen,
    # complete KYC at rajesh.com" names its own domain as cheaply as a shop does -- r5 review. A loyalty-points
    # notice ("Boots: your points are worth £6.40, spend them at boots.com") is what the trust is for.)
    if not (set(best) & HOOK_CODES - _NAME_ROOT_LURES_OK):
        _trust_named_root_links(link_details, head)
    if sender_info["type"] != "dlt" and not (set(best) & HOOK_CODES - {"spam_marketing", "authority_claim"}) \
            and _trust_named_app_links(link_details, set(tokens.words)):
        rest = [u for u in urls[:MAX_LINKS] if not any(d["official"] and d["url"] == u[:200] for d in link_details)]
        link_sigs = _link_signals(rest)[0] if rest else []
    # Links that all lead to an official domain of a known brand or to a government site (.gov.in, .nic.in), or
    # (with its sender id) to the site of the registered DLT header that sent the message.
    official_links = bool(link_details) and all(d["official"] for d in link_details) and len(urls) <= MAX_LINKS
    # ---- marketing: premium-rate short codes, small print, opt-out lines ----
    sc = _SHORTCODE_RE.search(head)
    # "To unsubscribe SMS STOP to 56161" in a promotion whose every link is the brand's own site: the opt-out line
    # Indian aggregators register (TRAI), not a premium-rate short code; it counts with the T&C line.
    if sc and official_links and _OPTOUT_LEAD_RE.search(head[max(0, sc.start() - 30):sc.end()].lower()) \
            and not _SHORTCODE_RE.search(head, sc.end()):
        matched["spam_marketing"].append("stop opt-out line")
        sc = None
    # "Txt STOP to 60777 to opt out", "Reply STOP to 56161 to unsubscribe" (UK / US / AU / IN aggregators' 5-digit
    # opt-out numbers, batch j): the keyword is STOP (or UNSUB / OPTOUT / END) and the line says it ends the
    # messages; with no premium-rate small print ("150p/msg", "£1.50/wk", "18+") and no other "text WORD" ask, it is
    # the opt-out line, not a premium-rate short code (which asks you to text a word to join or claim).
    if sc and _STOP_SHORTCODE_RE.match(sc.group(0)) and not _SHORTCODE_RE.search(head, sc.end()) \
            and not any(rx.search(head) for rx in _SPAM_PRINT_RES):
        low_sc = head.lower()
        window = low_sc[max(0, sc.start() - 30):sc.end() + 30]
        rest = low_sc[:sc.start()] + " " + low_sc[sc.end():]
        if (_OPTOUT_LEAD_RE.search(window) or _OPTOUT_TAIL_RE.match(low_sc[sc.end():])) \
                and not _REPLY_ASK_RE.search(_OPTOUT_LEAD_RE.sub(" ", rest)):
            matched["spam_marketing"].append("stop opt-out line")
            sc = None
    shortcode = sc is not None
    if shortcode:
        matched["spam_marketing"].append("premium short code")
    for rx in _SPAM_PRINT_RES:
        m = rx.search(head)
        if m:
            matched["spam_marketing"].append(mask_digits(m.group(0)[:20]))
    compliance_only = False
    if matched.get("spam_marketing"):
        # Several independent marketing markers are much stronger evidence than one. From a registered Indian
        # DLT header, opt-out / T&C wording is what TRAI requires of promotional senders: a few points only.
        # The opt-out and "T&C apply" lines TRAI requires of every registered promotional sender count once
        # together: on their own they mark a promotion, not premium-rate spam.
        hits = matched["spam_marketing"]
        compliance = [h for h in hits if _COMPLIANCE_RE.match(h)]
        n = len(hits) - len(compliance) + (1 if compliance else 0)
        compliance_only = bool(compliance) and len(compliance) == len(hits)
        # So is the opt-out line alone in a message whose every link is the brand's own site.
        weight = 5 if (sender_info["type"] == "dlt" or (compliance_only and official_links)) and not shortcode \
            else min(50, 15 * n)
        best["spam_marketing"] = Signal("spam_marketing", weight, MESSAGES["spam_marketing"], {}, "SPAM")
    # ---- cue exceptions that need the whole message; signals from the cue hits and links ----
    # "Congratulations! Your loan of Rs 2,00,000 is sanctioned": a lender's or issuer's greeting for the customer's
    # own application, not a prize -- when "congratulations" is the only prize wording.
    if "prize_lottery" in best and best["prize_lottery"].weight <= 15 \
            and all(m in _GREETING_WORDS for m in matched["prize_lottery"]) and _OWN_APPLICATION_RE.search(head.lower()):
        del best["prize_lottery"]
    # "Processing fee of Rs 1,999 + GST will be deducted from the disbursal amount", "Processing fee Rs 999 paid": a
    # lender's notice states the fee it deducts or has received; nobody is asked to pay it (no UPI id, no number to call, every link official).
    if "advance_fee_request" in best and (_FEE_DEDUCTED_RE.search(low_norm) or _FEE_PAID_RE.search(low_norm)) \
            and not upi_ids \
            and not _mobile_numbers(_number_types(phone_objs)) and all(d["official"] for d in link_details):
        del best["advance_fee_request"]
    # (So is a sanction letter's loan wording when the fee is deducted and there is no link, UPI id or mobile at all.)
    if "loan_lure" in best and _FEE_DEDUCTED_RE.search(low_norm) and not urls and not upi_ids \
            and not _mobile_numbers(_number_types(phone_objs)):
        del best["loan_lure"]
    signals = [Signal(s.code, s.weight, s.message, {"matched": matched[s.code]}, s.fraud_type)
               for s in best.values()]

    signals.extend(link_sigs)
    named = [c for c in claimed if c != "*"]
    lures_here = sorted(set(best) & HOOK_CODES - {"spam_marketing", "authority_claim"})
    if named and user_pages and lures_here and not any(s.code == "malicious_link" for s in link_sigs):
        # "SBI: your YONO is suspended, contact our support team at instagram.com/sbi_yono_help": a brand's support,
        # KYC or rewards page is on its own domain; a profile, channel, form or chat link is whoever made it. (A
        # brand's "follow us on Instagram" promotion has no lure and does not get this.)
        signals.append(Signal("brand_claim_user_content_link", 20, "Names a brand and a problem or offer, but links "
                              "to a page anyone can create (social profile, video channel, form, site builder, chat "
                              "invite) instead of the brand's own site",
                              {"claims": named[:5], "lures": lures_here[:5], "hosts": sorted({mask_digits(h) for h in user_pages})[:5]},
                              "PHISHING_LINK"))
    if named and lures_here and not any(s.code == "malicious_link" for s in link_sigs):
        # "HDFC Bank: your KYC has expired, update at hdfcbk.in": a link whose domain is built from the named
        # brand's name or header key but is not the brand's site (nor a page on a shared host) is a look-alike.
        copied = sorted({str(d["registered_domain"]) for d in link_details
                         if not d["official"] and not d["shared"] and _domain_copies_brand(d, named)})
        if copied:
            signals.append(Signal("brand_name_in_unofficial_link", 20, "Names a brand with a lure and links to a "
                                  "domain built from that brand's name which is not the brand's own site",
                                  {"claims": named[:5], "domains": [mask_digits(c) for c in copied[:3]]},
                                  "PHISHING_LINK"))
    # A link whose domain is built from the name of a brand the message names or whose registered (DLT) header sent
    # it, and which is not that brand's site ("HDFCBK: limit enhancement pending, accept within 24 hrs at
    # hdfc-limitupgrade.in", a bare domain): a look-alike. The header does not vouch for it (no registered-sender or
    # header-match offset below), and with pressure, an ask or a hook -- or when it copies the sending header's
    # own brand -- it is a signal even without a lexicon lure. The
    # brand's own short domain named exactly as its header (hdfcbk.io from HDFCBK) is not a look-alike (batch p).
    header_brands = [b for b, keys in BRAND_HEADER_KEYS.items() if header_matches_keys(sender_info["header"], keys)] \
        if sender_info["type"] == "dlt" and link_details else []
    # (a short domain built on one of the sending header's brand keys with a letter or two and no other word --
    # kmbl.in from VK-KOTAKB -- is that brand's own short domain: registered senders may only send whitelisted links
    # since TRAI's 2024 direction; a look-alike adds a hyphen or a lure / service word: hdfc-limitupgrade.in)
    own_short_names = {k.lower() for b in header_brands for k in (b.replace(" ", ""), *BRAND_HEADER_KEYS.get(b, ()))}
    lookalike_domains = sorted({
        str(d["registered_domain"]) for d in link_details
        if not d["official"] and not d["shared"] and not d["deep_link"]
        and not (sender_info["type"] == "dlt" and _named_as_header(d, sender_info["header"]))
        and not _header_short_name(str(d["registered_domain"] or "").split(".", 1)[0], own_short_names)
        and _domain_copies_brand(d, list(dict.fromkeys([*named, *header_brands])))}) if link_details else []
    if lookalike_domains and not any(s.code in ("brand_name_in_unofficial_link", "malicious_link") for s in signals) \
            and (set(best) & (PRESSURE_CODES | ACTION_CODES | HOOK_CODES)
                 # (or the link copies the brand whose own registered header sent it: "AX-HDFCBK ... accept it at
                 # hdfc-limitupgrade.in" -- a brand's header sends its own domains, which url.py knows as official)
                 or bool(header_brands) and any(not d["official"] and not d["shared"] and not d["deep_link"]
                        and not _named_as_header(d, sender_info["header"]) and _domain_copies_brand(d, header_brands)
                        for d in link_details)):
        signals.append(Signal("brand_lookalike_link", 25, "Links to a domain built from the name of the brand it "
                              "names or whose sender header it came from, which is not that brand's site, and "
                              "presses you to act on it",
                              {"brands": list(dict.fromkeys([*named, *header_brands]))[:5],
                               "domains": [mask_digits(c) for c in lookalike_domains[:3]],
                               "from_header": bool(header_brands)}, "PHISHING_LINK"))
    # An APK link is a link: looked for in the whole (capped) text. Every rule below reads the cue window, as the cue
    # phrases do (MAX_CUE_CHARS; a longer text has text_truncated): some 90 scans of a hostile 5,000-character text
    # cost ~8 ms, of the 1,600-character window a third of that.
    low_whole = clean.lower()
    apk = _APK_RE.search(low_whole) if "apk" in low_whole else None
    low_clean = head.lower()
    # Money asks ("transfer Rs 8,000", "5000 bhej do") in the window (the pattern's amount-first branches cost ~12 ms
    # a scan of a hostile 5,000-character text of digits before money_asks); the first one found once.
    _asks: list = []

    def asks_in_head() -> re.Match[str] | None:
        if not _asks:
            _asks.append(next(money_asks(low_clean), None))
        return _asks[0]

    # An amount in the window ("Rs 5,000", "£45.00"), also found once (~1.6 us a character on a run of digits).
    _amount: list = []

    def money_in_head() -> re.Match[str] | None:
        if not _amount:
            _amount.append(_MONEY_RE.search(head))
        return _amount[0]
    if apk:
        signals.append(Signal("apk_link", 35, "Links to or names an Android app file (.apk) to install: banks, "
                              "utilities and government departments never send apps by message",
                              {"matched": mask_digits(apk.group(0)[:40])}, "PHISHING_LINK"))

    # ---- call-back numbers: what the message asks to call (opt-out targets and missed-call reports set aside) ----
    codes = set(best)
    otp_message = _is_otp_delivery(tokens.words)
    # Numbers other than toll-free / shared-cost helplines (mobiles, landlines, foreign numbers).
    # A number reported as the caller of a missed call ("Missed call alert: 98201 44321 tried to call you 2 times")
    # is not a number the message asks you to call: call-backs are judged on the text without those reports.
    callback_text = head.lower()
    # The number an opt-out line sends STOP to ("Reply STOP ALL to +1 415-237-0403 to unsubscribe") is where a
    # reply goes to end the messages, not a number the message asks you to call (batch i).
    base_objs = phone_objs
    if phone_objs and "stop" in callback_text and _OPTOUT_TARGET_RE.search(callback_text):
        callback_text = _OPTOUT_TARGET_RE.sub(" ", callback_text)
        base_objs = _phone_objects(callback_text, prefer=prefer)
    optout_text = callback_text
    if base_objs and "call" in callback_text and _CALL_REPORT_RE.search(callback_text):
        callback_text = _CALL_REPORT_RE.sub(" ", callback_text)
        number_types = _number_types(_phone_objects(callback_text, prefer=prefer))
    else:
        number_types = _number_types(base_objs) if base_objs else {}
    callable_numbers = _callable_numbers(number_types)
    if base_objs and not callable_numbers and number_types != _number_types(base_objs) \
            and _CALL_BACK_ASK_RE.search(callback_text):
        # "Missed call from 98201 44321 ... call back": with no other number given, the reported caller is the
        # number the message asks you to call.
        callback_text = optout_text
        number_types = _number_types(base_objs)
        callable_numbers = _callable_numbers(number_types)
    # An Indian landline given as the branch's or office's own number ("call the branch at 080-2222 3333") in a
    # message whose every link is the brand's official site: what couriers, banks and clinics print; fake helplines
    # are mobiles (RBI, I4C advisories). Never a mobile, a foreign or a non-geographic number (batch i).
    branch_lines = _branch_landlines(callback_text, number_types) if official_links and callable_numbers else set()
    # A brand's promotion: its only lure is marketing wording, every link is the brand's own site, and the only
    # numbers are toll-free helplines. Marketing wording is then not a fraud lure.
    # Only the opt-out / T&C lines matched: a marketing message, not a lure to combine with links or numbers.
    hooks = sorted(codes & HOOK_CODES - ({"spam_marketing"} if compliance_only else set()))
    brand_promo = official_links and not callable_numbers and not shortcode \
        and set(hooks) <= {"spam_marketing", "authority_claim"}
    if brand_promo and "spam_marketing" in best and best["spam_marketing"].weight > 15:
        # A brand's promotion on its own site ("free gift on orders above Rs 1,499. Shop: nykaa.com. To opt out SMS
        # STOP to 56161"): its marketing wording counts as one marker, not as premium-rate spam.
        signals = [Signal(sg.code, 15, sg.message, {**sg.evidence, "brand_promotion": True}, sg.fraud_type)
                   if sg.code == "spam_marketing" else sg for sg in signals]
    # A registered lender's or card issuer's promotion from a promotional DLT header ("BZ-BAJAJF-P": TRAI's "-P"
    # suffix; "pre-approved personal loan up to Rs 5,00,000, no paperwork, check offer: <link>"): its loan wording is
    # marketing, not a loan-app lure. Only when the loan wording is the only hook and nothing asks for a fee, payment,
    # download or credential: no UPI id, no number to call, no APK, no risky link (the URL analyser below its signal
    # level), no threat. The lure then counts as a hint, adds no link / amount combination, and the model is capped
    # as for a promotion. Text only (no header) the same message stays a loan-app lure.
    lender_promo = sender_info["type"] == "dlt" and bool(sender_info.get("promotional")) and "loan_lure" in hooks \
        and set(hooks) <= {"loan_lure", "spam_marketing", "authority_claim"} \
        and not any(_LOAN_ASK_RE.search(m) for m in matched["loan_lure"]) and not _LOAN_FEE_RE.search(low_clean) \
        and not upi_ids and not callable_numbers and not apk and not (codes & (_ASKING_CODES | _THREAT_CODES)) \
        and not any(sg.code in ("malicious_link", "suspicious_link") for sg in link_sigs)
    if lender_promo:
        signals = [Signal(sg.code, 10, sg.message, {**sg.evidence, "registered_promotion": sender_info["header"]},
                          sg.fraud_type) if sg.code == "loan_lure" else sg for sg in signals]
    # ---- lure combinations: a lure with a link, number, UPI id, amount or pressure; new-number asks ----
    strong_hooks = [c for c in hooks if best[c].weight >= 20]
    if hooks and not brand_promo and not lender_promo:
        if urls and not official_links:
            signals.append(Signal("lure_with_link", 15, "A lure or threat together with a link",
                                  {"lures": hooks, "links": len(urls)}, "PHISHING_LINK"))
        # (The branch's landline excuses the number only when no threat is pressed with urgency beside it -- r5
        # review: "your account will be blocked today ... call our branch office 080-... immediately".)
        elif (phones and not (official_links and set(callable_numbers) <= branch_lines
                              and not (codes & _THREAT_CODES and codes & PRESSURE_CODES))) or shortcode \
                or "callback_request" in codes \
                or ("wrong_transfer_return" in codes and _THIS_NUMBER_RE.search(low_clean)):
            # (a 'return it to this number' ask names the writer's own number as the payee -- "nirudishie kwa namba
            # hii", "isi number pe bhej do": the sender's number is the channel; batch x, known miss of v)
            signals.append(Signal("lure_with_callback", 15, "A lure or threat together with a number to call",
                                  {"lures": hooks, "phone_numbers": len(phones)}, None))
        if upi_ids:
            signals.append(Signal("lure_with_upi_id", 10, "A lure together with a UPI id to pay",
                                  {"lures": hooks, "upi_ids": [mask_digits(v) for v in upi_ids[:3]]}, "PAYMENT_FRAUD"))
        money = money_in_head() if codes & {"prize_lottery", "refund_cashback_lure", "job_task_lure",
                                                  "investment_lure", "family_emergency", "wrong_transfer_return",
                                                  "sextortion_threat", "money_mule_request", "loan_lure",
                                                  "advance_fee_request", "forces_trade_story"} else None
        if not money and codes & {"wrong_transfer_return", "family_emergency", "money_mule_request"}:
            # "galti se 5000 transfer ho gaya", "maine 3000 bhej diye", "I sent 2500 by mistake": a bare figure next
            # to a transfer word is the amount in chat-style asks (no "Rs" in them).
            money = _BARE_AMOUNT_RE.search(low_clean)
        if money:
            signals.append(Signal("lure_with_amount", 15, "A prize, refund, earnings promise or money demand with "
                                  "a money amount", {"amount": mask_digits(money.group(0)[:32])}, None))
        if codes & PRESSURE_CODES:
            signals.append(Signal("lure_with_pressure", 10, "A lure or threat with urgency or secrecy",
                                  {"lures": hooks, "pressure": sorted(codes & PRESSURE_CODES)}, None))
        # "Hi Mum, new number, my phone broke -- can you transfer Rs 8,000?" (the "Hi Mum" scam): a new number or
        # lost phone together with a money request.
        if "family_emergency" in codes and any(not _unit_numbers_only(ma.group(0)) for ma in money_asks(low_clean)):
            # The identity change itself ("this is my new number", "my phone broke", "naya number") with the money
            # ask is the whole scam; an emergency story alone ("Maa hospital ka bill aa gaya, 5000 bhej do") is what
            # genuine family chat says too and stays a hint.
            # Settling up a shared expense without hurry or a payee of its own ("new number, send me the 500 for
            # dinner when you can") is how real people change numbers too: a hint only.
            new_identity = any(_NEW_IDENTITY_RE.search(m) for m in matched["family_emergency"]) \
                or bool(_LOST_PHONE_RE.search(low_clean)) or bool(_NEW_NUMBER_RE.search(low_clean))
            pressure = bool(codes & PRESSURE_CODES) or bool(_FAMILY_PRESSURE_RE.search(low_clean))
            payee = bool(upi_ids) or bool(_PAYEE_RE.search(low_clean))
            settling_up = bool(_SETTLING_UP_RE.search(low_clean))
            signals.append(Signal("new_number_money_request", 40 if new_identity and (pressure or payee or not settling_up)
                                  else 20,
                                  "Says it is a relative on a new number or a borrowed phone and asks for money: "
                                  "call the person on the number you know",
                                  {"lures": ["family_emergency"], "asks_for": "money", "new_number_claim": new_identity,
                                   "pressure": pressure, "own_payee": payee,
                                   "settling_up": settling_up}, "FAMILY_EMERGENCY"))
        # "Hi Mum, my phone broke, this is my temporary number ... text me back on WhatsApp, need a favour": the first
        # message of the scam, before a sum is named -- a new-number / lost-phone claim with an ask for a favour or
        # help (batch q). A new number alone ("save this one") or an emergency report asks for nothing.
        elif "family_emergency" in codes and _FAVOUR_ASK_RE.search(low_clean) and sender_info["type"] != "dlt" \
                and (any(_NEW_IDENTITY_RE.search(m) for m in matched["family_emergency"])
                     or _LOST_PHONE_RE.search(low_clean) or _NEW_NUMBER_RE.search(low_clean)):
            chat_move = bool(find_chat_move(low_clean) or _CHAT_BACK_RE.search(low_clean))
            # A friend who asks to be called ("need your help with the playlist, call me when free") offers the
            # voice the scam avoids: without a money, code or chat-app ask that is a hint only (r6 review).
            call_me = not chat_move and bool(_CALL_ME_RE.search(low_clean)) \
                and not _FAVOUR_MONEY_RE.search(low_clean) and not (codes & _ASKING_CODES)
            signals.append(Signal("new_number_favour_ask", 40 if chat_move else 10 if call_me else 25,
                                  "Says it is a relative on a new number or a broken / "
                                  "borrowed phone and asks for a favour (the 'Hi Mum' scam's first message, before "
                                  "the money ask): call the person on the number you know",
                                  {"matched": mask_digits(_FAVOUR_ASK_RE.search(low_clean).group(0)[:30]),
                                   "moves_chat": chat_move, "asks_to_be_called": call_me},
                                  "FAMILY_EMERGENCY"))
        # "Hi Mum, this is my new number, old one's broken. Text me when you get this x", "Mum my phone's broken ...
        # can you text me on whatsapp": the scam's very first message asks only for a written reply on the new
        # number (or a chat app), never a call (batch x; known misses of t, v). To a parent with a broken / lost old
        # phone, 40; otherwise 25. A new number with a plan ("save this one, see you Sunday") asks for no reply.
        elif "family_emergency" in codes and sender_info["type"] != "dlt" \
                and (reply_ask := _WRITE_BACK_RE.search(low_clean)) and not _CALL_ME_RE.search(low_clean) \
                and (any(_NEW_IDENTITY_RE.search(m) for m in matched["family_emergency"])
                     or _LOST_PHONE_RE.search(low_clean) or _NEW_NUMBER_RE.search(low_clean)):
            old_gone = bool(_LOST_PHONE_RE.search(low_clean) or _OLD_PHONE_GONE_RE.search(low_clean))
            parent = bool(_PARENT_RE.search(low_clean))
            signals.append(Signal("new_number_write_back", 40 if old_gone and parent else 25,
                                  "Says it is a relative on a new number (the old phone broken or lost) and asks "
                                  "you to text back on it or on a chat app, not to call (the 'Hi Mum' scam's first "
                                  "message): call the person on the number you know",
                                  {"matched": reply_ask.group(0)[:30], "old_phone_gone": old_gone,
                                   "to_parent": parent}, "FAMILY_EMERGENCY"))
        # "Sent by mistake, please return it -- I have sent you a request": the request is a collect request
        # (NPCI advisory); accepting it with the UPI PIN pays the fraudster.
        if "wrong_transfer_return" in codes and _REQUEST_RE.search(low_clean):
            signals.append(Signal("wrong_transfer_with_request", 20, "Asks to return money 'sent by mistake' and "
                                  "mentions a payment request: accepting a collect request with your UPI PIN pays "
                                  "the sender, it never returns money",
                                  {"lures": ["wrong_transfer_return"], "mentions": "payment request"},
                                  "UPI_COLLECT_LURE"))
        # A bank credit alert ("Rs 10,000 credited to your A/c XX1234 ... Avl Bal") that asks for the money back:
        # banks' alerts never ask that; the fake-credit SMS does, before a collect request or a call (NPCI, I4C:
        # check the balance in your bank's app). Batch i.
        if "wrong_transfer_return" in codes:
            alert = set(transactional_markers(head))
            if "debit_credit" in alert and alert & {"masked_account", "available_balance", "reference"}:
                signals.append(Signal("credit_alert_return_request", 15, "Reads like a bank's credit alert but asks "
                                      "for money 'sent by mistake' back: banks' alerts never ask that (check the "
                                      "balance in your bank's app; fake-credit SMS come before a collect request)",
                                      {"markers": sorted(alert & {"debit_credit", "masked_account",
                                                                  "available_balance", "reference"})},
                                      "PAYMENT_FRAUD"))
        # A stranger's "wrong number" opener that turns to trading or crypto: the pig-butchering approach (FBI IC3,
        # FTC, I4C advisories).
        # Only with a move to another channel (a link, an app, Telegram / WhatsApp, "reply"): a real wrong-number
        # text or an old acquaintance who mentions trading asks for nothing.
        if "wrong_number_opener" in codes and "investment_lure" in codes \
                and (urls or codes & {"app_install_request", "link_click_request", "callback_request"}
                     or _CONTACT_MOVE_RE.search(low_clean)):
            signals.append(Signal("stranger_investment_pitch", 20, "A stranger who got your number 'by mistake' "
                                  "brings up trading, crypto or investing (how pig-butchering scams begin)",
                                  {"lures": ["wrong_number_opener", "investment_lure"]}, "INVESTMENT_SCAM"))
        has_action = bool(urls or phones or upi_ids or (codes & ACTION_CODES) - {"guided_action"})
        if len(strong_hooks) >= 2 and has_action:
            signals.append(Signal("lure_with_action", 10, "Several lures together with a call to action",
                                  {"lures": strong_hooks}, None))

    # ---- fees, loans, schemes ----
    # A government scheme or benefit with a link that is not a government or official site: schemes are applied
    # for on .gov.in / .nic.in portals, in official apps or at a CSC (PIB fact checks of fake "yojana" sites).
    if urls and not official_links and not any(d["official"] for d in link_details) \
            and (gov := _GOV_SCHEME_RE.search(low_clean)):
        signals.append(Signal("scheme_with_unofficial_link", 20, "Names a government scheme or benefit but links to "
                              "a site that is not a government or official one (schemes are applied for on .gov.in "
                              "portals, official apps or a Common Service Centre)",
                              {"scheme": gov.group(0)[:30], "links": len(urls)}, "GOVERNMENT_IMPERSONATION"))
        codes.add("scheme_with_unofficial_link")

    # An overdue loan and the borrower's photo threatened to their contacts (Hinglish loan-app recovery threat).
    if "contacts_shaming_threat" not in codes and (ph := _PHOTO_TO_CONTACTS_RE.search(low_clean)) \
            and _LOAN_OVERDUE_RE.search(low_clean):
        signals.append(Signal("contacts_shaming_threat", 40, MESSAGES["contacts_shaming_threat"],
                              {"matched": ph.group(0)[:40]}, "LOAN_APP_SCAM"))
        codes.add("contacts_shaming_threat")

    # The contacts-shaming threat as an ultimatum on a payment ("Pay today or we will call your father and your office
    # colleagues"): the recovery agent's demand itself, which no regulated lender makes (RBI fair-practice code; batch
    # o miss). Not the threat reported in a warning (the lexicon's hit is set aside there).
    if "contacts_shaming_threat" in codes and (pd := _PAY_DEADLINE_RE.search(low_clean)):
        signals.append(Signal("shaming_pay_ultimatum", 15, "Demands a payment by a deadline under the threat of "
                              "telling your family, colleagues or contacts: regulated lenders and their agents may "
                              "not do this (report the app; do not pay under threat)",
                              {"matched": mask_digits(pd.group(0)[:30])}, "LOAN_APP_SCAM"))
        codes.add("shaming_pay_ultimatum")

    # A rental token / advance with the keys sent by courier or post: an owner who never meets the tenant (the scam
    # itself, as the lexicon's same-clause "deposit ... courier you the keys", 50).
    if "key" in low_clean and (keys := _KEYS_BY_POST_RE.search(low_clean)) and _RENT_HOME_RE.search(low_clean) \
            and _RENT_ADVANCE_RE.search(low_clean) and "advance_fee_request" not in codes:
        signals.append(Signal("rental_keys_by_post", 50, "A rental token or advance with the keys sent by courier or "
                              "post: the owner never meets the tenant (rental scam; see the home and meet the owner "
                              "before paying anything)", {"matched": keys.group(0)[:30]}, "PAYMENT_FRAUD"))
        codes.add("rental_keys_by_post")

    # A fee, fine, bill or release paid in gift cards, or cards to buy and their codes to send: nobody genuine takes
    # payment that way (batch x). Not in a negated or warning sentence ("never pay anyone in gift cards",
    # "scammers ask you to pay with gift cards").
    if "card" in low_clean and any(h in low_clean for h in _GIFT_CARD_HINTS) and sender_info["type"] != "dlt" \
            and (gc := _GIFT_CARD_PAY_RE.search(low_clean)) \
            and not any(_NEGATION_RE.search(sent) or _SCAM_WORD_RE.search(sent)
                        for sent in _SENTENCE_SPLIT_RE.split(low_clean) if gc.group(0)[:20] in sent):
        signals.append(Signal("gift_card_payment", 35, "Asks for a fee, fine, bill or debt to be paid in gift cards, "
                              "or for gift cards to be bought and their codes sent: no customs office, court, "
                              "utility, employer or bank takes gift cards (the code is cash to whoever reads it)",
                              {"matched": mask_digits(gc.group(0)[:40])}, "PAYMENT_FRAUD"))
        codes.add("gift_card_payment")
    # A partner's endearment with a package held by customs / an airport / a diplomat and a fee to release it: the
    # romance scam's customs-fee ask (FBI IC3, I4C: the 'gift parcel' never exists). From a personal number or no
    # sender; not a business's customs notice (no endearment) nor a partner's talk of a fee already paid.
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _HELD_WHAT_HINTS) \
            and any(h in low_clean for h in _HELD_HINTS) \
            and (held := _HELD_PACKAGE_FEE_RE.search(low_clean)) and _HELD_WHAT_RE.search(low_clean) \
            and (endear := _ENDEARMENT_RE.search(low_clean)) \
            and (codes & {"advance_fee_request", "parcel_customs_lure", "gift_card_payment"}
                 or asks_in_head() or _ROMANCE_FEE_ASK_RE.search(low_clean)):
        # (the whole ask -- a sum and "please help me pay it" -- 50; the frame with a fee cue only, 30)
        whole = bool(money_in_head()) and bool(_ROMANCE_FEE_ASK_RE.search(low_clean)
                                                     or asks_in_head())
        signals.append(Signal("romance_customs_fee", 50 if whole else 30, "A partner's endearment with a package held "
                              "by customs, an "
                              "airport or a diplomat and a fee to release it: the romance scam's customs-fee ask (the "
                              "parcel does not exist; never pay a fee for someone you have not met)",
                              {"endearment": endear.group(0), "matched": mask_digits(held.group(0)[:40]),
                               "amount_and_ask": whole},
                              "PARCEL_CUSTOMS"))
        codes.add("romance_customs_fee")

    # ---- payment demands with the scam in their shape (``demands``) ----
    # An exposure threat with a payment ultimatum: "I have recordings from your camera ... transfer 0.05 BTC within
    # 48 hours or everyone sees it" (sextortion; batch o / t misses).
    if any(h in low_clean for h in _EXPOSURE_HINTS) and (held_x := _EXPOSURE_HELD_RE.search(low_clean)) \
            and _PAY_ULTIMATUM_RE.search(low_clean) \
            and (thr := _EXPOSURE_THREAT_RE.search(low_clean)) \
            and not (quoted_codes or _SCAM_WORD_RE.search(low_clean)
                     or any(_NEGATION_RE.search(sent) and _EXPOSURE_THREAT_RE.search(sent)
                            for sent in _SENTENCE_SPLIT_RE.split(low_clean))):
        crypto = bool(_CRYPTO_WORD_RE.search(low_clean))
        signals.append(Signal("exposure_payment_demand", 50 if crypto else 40, "Claims to hold recordings or photos "
                              "of you and demands a payment by a deadline or they are shown to your family or "
                              "contacts (sextortion: do not pay, do not reply, report it; the 'recordings' are "
                              "usually invented)", {"held": held_x.group(0)[:20], "threat": thr.group(0)[:30],
                                                    "crypto": crypto}, "SEXTORTION"))
        codes.add("exposure_payment_demand")
    # A "test" payment asked of the reader ("first you send Rs 1 to check UPI working"): a buyer or officer who pays
    # does not need the reader's money first (OLX / classifieds scams; batch n miss).
    if sender_info["type"] != "dlt" and any(h in low_clean for h in _TEST_PAYMENT_HINTS) \
            and (tp := _TEST_PAYMENT_RE.search(low_clean)):
        signals.append(Signal("test_payment_ask", 25, "Asks you to send a small 'test' amount to check a UPI id or "
                              "account: how fake buyers and officials start a collect or QR fraud",
                              {"matched": mask_digits(tp.group(0)[:40])}, "PAYMENT_FRAUD"))
        codes.add("test_payment_ask")
    # A payment by the writer's QR code under a threat ("pay Rs 10 registration via the QR I am sending, else old meter
    # will be removed tomorrow"): utilities and officials bill in their own app or site (batch n miss).
    if sender_info["type"] in ("phone", "none") and "qr" in low_clean and (qr := _QR_PAY_RE.search(low_clean)) \
            and (ot := _OTHERWISE_THREAT_RE.search(low_clean)):
        signals.append(Signal("qr_payment_under_threat", 45, "Asks for a payment by a QR code the writer is sending, "
                              "with a threat if you do not (a meter removed, a connection cut, a fine): utilities and "
                              "officials bill in their own app or site, never by a stranger's QR",
                              {"matched": qr.group(0)[:30], "threat": ot.group(0)[:30]}, "PAYMENT_FRAUD"))
        codes.add("qr_payment_under_threat")
    # A PIN asked so that money comes IN ("scan karke PIN daliye to amount aapke account me aa jayega"): a PIN only
    # authorises a payment out, so the ask is a collect / QR fraud whoever sends it (end-of-session set; ``pins``).
    # (the lexicon's English pin_to_receive cue says the same: not counted twice)
    if "pin_to_receive" not in codes and (ptr := pin_to_receive(low_clean)):
        signals.append(Signal("pin_to_receive_money", 50, "Asks you to enter a PIN to receive money: a UPI / ATM / "
                              "wallet PIN only ever sends money out of your account, never brings it in",
                              {"pin_ask": ptr[0][:30], "receive": mask_digits(ptr[1][:40])}, "UPI_COLLECT_LURE"))
        codes.add("pin_to_receive_money")
    # A USSD code to dial and a PIN to confirm it with, beside a number to call ("dial *334# and confirm with your
    # M-PESA PIN sent by agent 07.."): mobile-money "limit upgrade" / agent fraud (``pins``).
    # (any number written like a phone number, in any country's format, other than an Indian 1800 / 1860 helpline:
    # the agent's "07.." number is read in no region when the text names none)
    dialled = [m.group(0) for m in _PHONE_CANDIDATE_RE.finditer(head)
               if not re.sub(r"\D", "", m.group(0)).startswith(("1800", "1860"))][:5] \
        if ("#" in low_clean or any(h in low_clean for h in _MS_HINTS)) else []
    if "pin_to_receive_money" not in codes and dialled and (up := ussd_pin_ask(low_clean)):
        signals.append(Signal("ussd_pin_with_number", 35, "Asks you to dial a USSD code and confirm with your PIN, "
                              "with a number to call: a provider's own menu never needs an agent's number, and the "
                              "PIN entered there authorises whatever the caller set up", {"ussd": up[0][:20],
                                                                                         "pin_ask": up[1][:30]},
                              "PAYMENT_FRAUD"))
        codes.add("ussd_pin_with_number")
    # A Malay police / court threat with a contact to make now (PDRM / Bank Negara impersonation; ``pins``).
    if "law_enforcement_threat" not in codes and (mlt := malay_legal_threat(low_clean, bool(dialled))):
        signals.append(Signal("malay_legal_threat", 45, "Threatens arrest, a criminal case or legal action in the "
                              "name of the police, a court or a regulator and asks you to call a number: officials "
                              "do not settle cases by phone (PDRM / Bank Negara impersonation)",
                              {"threat": mlt[0][:30], "authority": mlt[1][:20]}, "DIGITAL_ARREST"))
        codes.add("malay_legal_threat")

    job_fee = _JOB_FEE_RE.search(low_clean) if "fee" in low_clean or "charge" in low_clean or "deposit" in low_clean \
        or "amount" in low_clean or "money" in low_clean else None
    if job_fee and _JOB_CONTEXT_RE.search(low_clean) and money_in_head() \
            and not (official_links and not callable_numbers and not upi_ids):
        # With a way to pay it (UPI id, a link that is not official, a number to call) the ask is complete.
        pay_channel = bool(upi_ids or callable_numbers or (urls and not official_links))
        signals.append(Signal("recruitment_fee_request", 50 if pay_channel else 25, "A job offer or selection that "
                              "asks for a fee or deposit (registration, joining, verification, security): employers "
                              "and recruitment boards do not charge to hire",
                              {"matched": mask_digits(job_fee.group(0)[:40]), "payment_channel": pay_channel},
                              "JOB_TASK_SCAM"))
        codes.add("recruitment_fee_request")

    # A loan "approved / sanctioned" whose fee (processing, file, insurance, GST...) is to be paid to a UPI id, a
    # personal or foreign number or a link that is not the lender's site: the advance-fee loan scam (RBI, I4C
    # advisories: regulated lenders deduct charges from the disbursal or bill them in their own app, never ask for a
    # transfer to a person first). A sanction letter that deducts the fee, or says it was paid, has no such ask.
    loan_fee = _LOAN_FEE_RE.search(low_clean) if any(w in low_clean for w in _LOAN_WORDS) \
        and _LOAN_GRANTED_RE.search(low_clean) else None
    if loan_fee and _LOAN_PAY_RE.search(low_clean) \
            and (upi_ids or callable_numbers or (urls and not official_links)):
        signals.append(Signal("loan_fee_request", 45, "Says a loan is approved and asks for a fee (processing, file, "
                              "insurance, GST) to be paid to a UPI id, a personal number or a link first: lenders "
                              "deduct charges from the loan, they never ask for a transfer before disbursal",
                              {"matched": mask_digits(loan_fee.group(0)[:40]),
                               "channel": "upi_id" if upi_ids else "phone" if callable_numbers else "link"},
                              "LOAN_APP_SCAM"))
        codes.add("loan_fee_request")

    # ---- call-back numbers, alerts and one-time codes ----
    # An organisation's message that asks to call a personal mobile number: Indian banks, utilities and
    # couriers publish toll-free (1800/1860) or landline helplines, and block-by-SMS numbers ("SMS BLOCK to ...")
    # are not call-backs. Fake "customer care" / "officer" numbers are mobiles (RBI, I4C advisories).
    mobiles = _mobile_numbers(number_types) if claimed and "callback_request" in codes else []
    named_brand = any(c != "*" for c in claimed)
    if mobiles and not (len(mobiles) == 1 and _SMS_TO_NUMBER_RE.search(callback_text)):
        # Called the brand's "customer care" / "helpline" / "care executive": the fake customer-care number (RBI
        # and I4C advisories: search-engine and SMS 'helplines' that are mobiles) -- a named brand's own helpline
        # is never a personal mobile.
        care = _HELPLINE_WORDS_RE.search(callback_text) if named_brand else None
        signals.append(Signal("org_callback_to_mobile", 35 if care else 20, "Claims to be an organisation but asks "
                              "you to call or message a personal mobile number (official helplines are toll-free or "
                              "landlines)",
                              {"claims": list(claimed)[:5], "mobile_numbers": len(mobiles),
                               "helpline_wording": care.group(0) if care else None},
                              "BANK_KYC_IMPERSONATION" if any(c != "*" for c in claimed) else None))
        codes.add("org_callback_to_mobile")

    # A transaction / account alert that gives a personal mobile number to call: the fake-alert pattern ("Rs 45,000
    # charged on your card, if not you call 98..."). Block-by-SMS numbers do not count.
    low_head = head.lower()
    all_mobiles = _mobile_numbers(number_types)
    mobile_callback = bool(all_mobiles) and bool(_MOBILE_CALLBACK_RE.search(callback_text)) \
        and not (len(all_mobiles) == 1 and _SMS_TO_NUMBER_RE.search(callback_text))
    # (With the brand's call-back already counted, only when the alert also disputes the charge: "If not done by
    # you, call back" on a charge is the whole fake-alert script.)
    if mobile_callback and (_ALERT_EVENT_RE.search(low_head) or _ACCOUNT_CHANGE_RE.search(low_head)) \
            and ("org_callback_to_mobile" not in codes or _DISPUTE_RE.search(low_head)):
        signals.append(Signal("alert_with_mobile_callback", 30, "A transaction or account alert that asks you to call "
                              "or message a personal mobile number (banks and card issuers give toll-free or "
                              "published helplines; fake alerts give the fraudster's mobile)",
                              {"mobile_numbers": len(all_mobiles)}, "BANK_KYC_IMPERSONATION"))
        codes.add("alert_with_mobile_callback")

    # A one-time code delivered together with a way to hand it to someone: a personal mobile number to call ("Your
    # code is 4409... If you did not request it call 98765... now") or an ask to reply with / send / forward / read
    # the code back ("reply with the OTP to cancel"). Genuine OTP templates give no personal number and only ever
    # say never to share the code; the call or the read-back is how the fraudster gets it (r5 / batch i, j review).
    if otp_message and _CODE_DELIVERY_RE.search(low_head):
        code_callback = bool(all_mobiles) and bool(_MOBILE_CALLBACK_RE.search(callback_text)) \
            and not (len(all_mobiles) == 1 and _SMS_TO_NUMBER_RE.search(callback_text))
        read_back = _code_read_back(low_head)
        if code_callback or read_back:
            signals.append(Signal("code_handover_ask", 20 if "credential_request" in codes and not code_callback
                                  else 50, "Delivers a one-time code and asks you to call a personal mobile number "
                                  "or to send, reply with or read the code back (banks' and apps' OTP messages only "
                                  "ever say never to share it)",
                                  {"mobile_callback": code_callback,
                                   "read_back": mask_digits(read_back)[:40] if read_back else None},
                                  "OTP_THEFT"))
            codes.add("code_handover_ask")

    # An account statement or e-statement "available" behind a URL shortener, from anyone but the brand's own
    # registered header: banks deliver statements by e-mail or on their own site / app, and a shortened link hides
    # where the "statement" leads (the r2 review's e-statement phish on a look-alike header).
    if _STATEMENT_RE.search(low_head) and not (dlt_brand := sender_info["type"] == "dlt"
                                               and _brand_header(sender_info["header"])) \
            and any(str(d["registered_domain"] or "").lower() in _SHORTENER_DOMAINS for d in link_details):
        signals.append(Signal("statement_on_shortener", 25, "Offers an account statement behind a URL shortener, "
                              "not from the bank's own registered sender: banks deliver statements by e-mail or in "
                              "their own app or site", {"links": len(urls)}, "PHISHING_LINK"))
        codes.add("statement_on_shortener")

    # A charge, renewal or invoice of an amount with a foreign number to call about it ("Your Norton subscription renewed for USD
    # 399.99, if you did not authorize this call +1 888 ..."): the fake-invoice / refund call-back scam (FTC, I4C).
    # Indian brands give 1800/1860 helplines; foreign banks' genuine alerts say "call the number on your card".
    foreign_callables = [e for e in callable_numbers if not e.startswith("+91")]
    # (An amount, or -- for a withdrawal of crypto or a sign-in, which carry none -- the "not you? call" dispute line.)
    dispute = _DISPUTE_RE.search(low_head) if foreign_callables else None
    # (A payee, device, password or number changed on the account, with "if this wasn't you" -- batch u.)
    change = _ACCOUNT_CHANGE_RE.search(low_head) if foreign_callables else None
    # (So is a withdrawal, sign-in or charge: "if this wasn't you call support at +1 ..." is the same dispute line as
    # "not you? call" -- batch r's crypto withdrawal.)
    if not dispute and foreign_callables and (change or _ACCOUNT_EVENT_RE.search(low_head)
                                              or _CHARGE_EVENT_RE.search(low_head)):
        dispute = _NOT_YOU_RE.search(low_head)
    if foreign_callables and "alert_with_mobile_callback" not in codes and _CALL_WORD_RE.search(low_head) \
            and ((_CHARGE_EVENT_RE.search(low_head) and (money_in_head() or dispute))
                 or (dispute and (_ACCOUNT_EVENT_RE.search(low_head) or change))):
        # (The dispute line leading straight to the call -- "if this wasn't you, call us on ...", "si usted no lo
        # realizó ... llame al" -- is the call-back script itself: genuine alerts send the customer to the app or
        # the number on the card.)
        direct = bool(dispute) and any(_CALL_WORD_RE.search(low_head[nm.end():nm.end() + 50])
                                       for nm in _NOT_YOU_RE.finditer(low_head))
        signals.append(Signal("charge_with_foreign_callback", 50 if direct else 45 if dispute else 30,
                              "A charge, renewal or invoice "
                              "with a foreign number to call to cancel or dispute it (fake-invoice refund scams give "
                              "their own number; check the charge in the official app or on your statement)",
                              {"foreign_numbers": len(foreign_callables),
                               "dispute_wording": dispute.group(0)[:40] if dispute else None}, "TECH_SUPPORT"))
        codes.add("charge_with_foreign_callback")
        # A crypto withdrawal / sign-in "not you? call support at +1 ...": exchanges do not take disputes by phone
        # (FTC advisories; batch q).
        if dispute and (cr := _CRYPTO_RE.search(low_head)) and _ACCOUNT_EVENT_RE.search(low_head):
            signals.append(Signal("crypto_account_callback", 15, "A crypto withdrawal or sign-in alert with a phone "
                                  "number to dispute it: exchanges do not take disputes by phone",
                                  {"matched": cr.group(0)[:20]}, "TECH_SUPPORT"))

    # An IVR prompt copied into a text ("If not you, press 1 or call 1-888-512-...") beside a number that is not an
    # Indian toll-free / shared-cost helpline: the call-back scam's robocall script. Only with a lure, a charge or
    # alert to call about, or a dispute line ("if not you"): "call 1800 266 2666 and press 1 to block your card" is
    # a bank's own instruction, and a statement reminder with a menu option asks for nothing.
    if "press" in low_head and (ivr := _IVR_PROMPT_RE.search(low_head)) and "law_enforcement_threat" not in codes \
            and any(not (t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES))
                    for e, t in number_types.items() if e in callable_numbers) \
            and ("charge_with_foreign_callback" in codes or "alert_from_mobile_sender" in codes
                 or _NOT_YOU_RE.search(low_head) or _DISPUTE_RE.search(low_head)
                 or codes & HOOK_CODES - {"spam_marketing", "authority_claim"}):
        signals.append(Signal("ivr_prompt_in_text", 15, "Copies a phone menu ('press 1') into a text next to a "
                              "number that is not an official helpline: the script of call-back scams (a text "
                              "cannot be pressed; call the number on your card or in the official app)",
                              {"matched": ivr.group(0)}, "TECH_SUPPORT"))
        codes.add("ivr_prompt_in_text")

    # A bank or card alert -- an amount charged, declined or attempted, and a "was this you? / if not you" line --
    # sent from a personal mobile number: banks send alerts from registered headers, short codes or their own
    # names, never from a mobile; the fake alert's "reply NO and our fraud team will call you" is the lead-in to a
    # safe-account call (batch p; UK Finance / I4C advisories).
    # (An account change -- payee, device, password, number -- carries no amount: its "not you?" line stands in.)
    if sender_info["type"] == "phone" and sender_info.get("mobile") \
            and ((_ALERT_EVENT_RE.search(low_head) and money_in_head()) or _ACCOUNT_CHANGE_RE.search(low_head)) \
            and (nm := _NOT_YOU_RE.search(low_head) or _DISPUTE_RE.search(low_head)):
        signals.append(Signal("alert_from_mobile_sender", 30, "A bank or card alert with a 'was this you? / if not "
                              "you' line sent from a personal mobile number: banks never send alerts from one",
                              {"matched": nm.group(0)[:30], "country_code": sender_info.get("country_code")},
                              "BANK_KYC_IMPERSONATION"))
        codes.add("alert_from_mobile_sender")

    # ---- genuine-notice offsets (negative weights): transactional templates, official links, registered senders ----
    # Fixed-format transactional / service notice with nothing risky in it: offsets the learned model, which
    # learned "Rs", numbers and links as spam from UK/US data and over-scores Indian bank and biller templates.
    risky_link = any(s.code in ("malicious_link", "suspicious_link") for s in link_sigs)
    dlt = sender_info["type"] == "dlt"
    # Nothing in the message leads anywhere risky: no risky link or APK, no personal mobile number to call back.
    # A foreign number (other than an Indian toll-free helpline) is what fake invoices and refund scams give
    # ("Not you? Call PayPal support +1 833 ..."); Indian banks', billers' and merchants' templates never do.
    foreign_number = any(not e.startswith("+91") for e in callable_numbers)
    quiet = not risky_link and not apk and not mobile_callback and "org_callback_to_mobile" not in codes \
        and not foreign_number and "alert_from_mobile_sender" not in codes and not lookalike_domains
    model_contexts: list[str] = []  # caps on the learned model's points (``signal.caps`` in the artefact)
    # Marketing wording is not a fraud lure when a registered (DLT) business sender uses it.
    lure_codes = set(hooks) - ({"authority_claim", "spam_marketing"} if dlt or brand_promo else {"authority_claim"})
    if not lure_codes and quiet and ("link_click_request" not in codes or official_links):
        markers = transactional_markers(head)
        if phones and all(t in _HELPLINE_TYPES and e.startswith(_INDIAN_HELPLINE_PREFIXES)
                          for e, t in _number_types(phone_objs).items()):
            markers.append("tollfree_helpline_only")
        elif base_objs and not number_types:
            # Every number is the reported caller of a missed call and nothing asks to call it back.
            markers.append("caller_reported_only")
        if otp_message:
            markers.append("otp_delivery")
            # The code's own "do not share it / we never ask for it" line: the fixed shape of an OTP template
            # (the message is already quiet: no lure, risky link, call-back number or foreign number).
            # Not while the device is at risk (screen shared, remote-access app, new SIM): the code is then what the
            # fraudster is watching for, and the device signals must not be offset.
            device_risk = any(sg.weight > 0 for sg in device_signals(device_info, context="sms",
                                                                     otp_message=otp_message))
            # Not with an ask (the code sent back or on to a number) or a mobile number anywhere (r5 review).
            if not device_risk and _CODE_DELIVERY_RE.search(low_head) and _OTP_SAFETY_RE.search(low_head) \
                    and not _OTHER_CHANNEL_RE.search(low_head) and not (codes & _ASKING_CODES) \
                    and not _mobile_numbers(number_types):
                markers.append("otp_safety_line")
        if official_links:
            markers.append("official_links_only")
        if len(markers) >= 2 or (markers and dlt):
            signals.append(Signal("transactional_notice", -20, "Reads like a fixed-format transactional or service "
                                  "notice (masked account, reference number, due date, delivery status, official "
                                  "link) with no lure, risky link or personal call-back number",
                                  {"markers": markers[:6]}, None))
            model_contexts.append("transactional")
        elif official_links and not callable_numbers:
            # A promotion or notice whose every link is the brand's own site (or a government site), and no
            # number to call other than a toll-free / shared-cost helpline.
            signals.append(Signal("official_links_no_lure", -10, "Every link leads to an official site of a known "
                                  "brand or to a government site, and there is no lure, risky link or personal "
                                  "call-back number", {"links": len(urls), "domains": sorted({
                                      mask_digits(str(d["registered_domain"])) for d in link_details})[:5]}, None))
            model_contexts.append("official_link")
        elif dlt:
            # TRAI DLT: headers are registered to a business and every template is pre-approved; with no lure,
            # risky link or personal call-back the text is an ordinary promotion or service message.
            signals.append(Signal("registered_sender_no_lure", -15, "Sent from a registered business header (TRAI "
                                  "DLT) and contains no lure, risky link or personal call-back number",
                                  {"header": sender_info["header"]}, None))
        elif not callable_numbers and (((not urls or official_links) and (optout := _OPTOUT_RE.search(low_head)))
                                       or (compliance_only and (optout := _ctia_stop_only(low_head, official_links)))):
            # TRAI requires every registered promotional sender to carry an opt-out line ("To opt out SMS STOP to
            # 1909 / 5676766"); premium-rate opt-outs go to 5-digit short codes, which do not count here.
            signals.append(Signal("registered_promotion", -10, "Carries the opt-out line registered senders must "
                                  "include (TRAI; US/UK carrier rules), and has no lure, unofficial link or personal "
                                  "call-back number", {"marker": "opt-out line (SMS STOP to a 4- or 7-10-digit number, "
                                                                 "or 'reply STOP' alone)",
                                                       "matched": mask_digits(optout.group(0)[:60])}, None))
            model_contexts.append("promotion")
    # A brand's own registered header (TRAI DLT: a header of a known brand, e.g. VK-VIINFO) with no lure, whose only
    # risky-looking links are on a shortener or deep-link host ("vi.app.link/rech", "bit.ly/..."): since TRAI's
    # direction of Aug 2024 (in force Oct 2024) a registered sender's message carrying a URL that the sender has not
    # whitelisted on the DLT platform is not delivered, so those hosts say little here. The link's points are
    # offset and the model is capped as for a promotion. Not with any lure, ask, UPI id, app, call-back number, or
    # a link the URL analyser judges dangerous (a look-alike header with a lure stays as it was). The brand's own
    # short domain named exactly as its header ("hdfcbk.io" from VM-HDFCBK) counts too: from anyone else, or with a
    # lure, a domain named after the header is the imitation the URL analyser reads it as (batch p).
    elif not lure_codes and dlt and _brand_header(sender_info["header"]) and risky_link and not apk \
            and not mobile_callback and "org_callback_to_mobile" not in codes and not foreign_number \
            and not upi_ids and not (codes & _ASKING_CODES) \
            and not any(s.code == "malicious_link" for s in link_sigs) \
            and all(d["official"] or d["shared"] or d["deep_link"] or _named_as_header(d, sender_info["header"])
                    for d in link_details) \
            and len(link_details) == len(urls):
        pts = sum(s.weight for s in link_sigs if s.code == "suspicious_link")
        signals.append(Signal("registered_brand_shared_link", -pts, "Sent from a known brand's registered header "
                              "(TRAI DLT) with no lure; its only risky-looking links are on a shortener or deep-link "
                              "host, which registered senders must whitelist (TRAI, 2024)",
                              {"header": sender_info["header"],
                               "hosts": sorted({mask_digits(str(d["registered_domain"])) for d in link_details
                                                if d["shared"] or d["deep_link"]
                                                or _named_as_header(d, sender_info["header"])})[:5]}, None))
        model_contexts.append("promotion")
    # A notice-type lure (KYC, PAN/Aadhaar, block, parcel duty, reward points, refund, bill, challan) whose only
    # channel is the brand's or government's own: every link is official, or there is no link and the message points
    # to the customer's own app or branch; no number to call other than a toll-free helpline, no UPI id, no ask for a
    # credential, payment or secrecy, no urgency ("within 24 hours"); without a link, no "confirm your details"
    # either (confirm how? by reply). Genuine banks, couriers and UIDAI send such notices ("customs duty payable, pay
    # at dhl.com", "update Aadhaar documents on myaadhaar.uidai.gov.in"); a scam needs a channel of its own.
    channel = _advice_matches(head) if lure_codes and not urls else []
    # Another way to reach the reader besides the official one ("reply with your Aadhaar number", "our officer will
    # call you", "keep your OTP ready"): the official pointer is then cover, not the message's only channel.
    other_channel = _other_channel(low_head, otp_message)
    own_channel = (bool(urls) and official_links) or bool(_CHANNEL_MARKERS & {n for n, _ in channel})
    if lure_codes and lure_codes <= _NOTICE_LURES and own_channel and quiet \
            and not (set(callable_numbers) - branch_lines) and not other_channel \
            and not upi_ids and not apk and not (codes & _ASKING_CODES) and not (codes & PRESSURE_CODES) \
            and (urls or "verification_request" not in codes) \
            and not (sender_info["type"] == "phone" and claimed):
        # The notice's lures count at most _OWN_CHANNEL_LURE_POINTS together (at least 15 points off).
        lure_pts = sum(best[c].weight for c in lure_codes if c in best)
        signals.append(Signal("official_channel_only", -max(15, lure_pts - _OWN_CHANNEL_LURE_POINTS),
                              "A notice (KYC, bill, parcel, points, refund) whose only channel is official: every "
                              "link is the brand's or a government site, or it points to your own app or branch; no "
                              "number to call, UPI id or request for a credential or payment",
                              {"lures": sorted(lure_codes)[:6],
                               "channel": "official links" if urls else "own app or branch"}, None))
        # With no link and no number at all the message asks for nothing risky, as safety advice does.
        model_contexts.append("official_link" if urls else "safety_advice")

    # ---- safety advice and quoted lures (negative weights) ----
    # Safety advice (banks, regulators, police awareness SMS) that asks for nothing risky: it names scams, so the
    # threat cues fire on it; the advice and the absence of any risky ask offset them.
    # A money demand or threat with an amount, or a bank's message from a personal number, is never excused.
    # Advice appended to a scam ("... Beware of fraudsters. Report at 1930.") must not excuse it: any number to call
    # other than an Indian toll-free helpline, any link other than a government site, and any lure, threat, ask or
    # pressure outside the advice's own sentences rule the offset out.
    asks = bool(codes & _ASKING_CODES) or ("remote_access_app" in best and best["remote_access_app"].weight >= 50) \
        or any(s.code == "lure_with_amount" for s in signals) or "sextortion_threat" in codes \
        or (sender_info["type"] == "phone" and bool(claimed)) or bool(callable_numbers) or other_channel \
        or bool(own_ask)
    if quiet and not asks and own_ask is None and not upi_ids and not apk and len(tokens.text) <= _MAX_WARNED_CHARS:
        # (the message's own ask in its own voice: read outside the warned lures, as above; advice is short)
        asks = _own_ask(_blank_spans(tokens.text, warned) if warned else tokens.text, head) is not None
    gov_links = all(d["official"] and str(d["registered_domain"] or "").endswith(_OFFICIAL_SUFFIXES)
                    for d in link_details) and len(link_details) == len(urls)
    if quiet and not asks and not upi_ids and not apk and (not urls or gov_links) \
            and "transactional" not in model_contexts:
        advice = _advice_matches(head)
        # The customer's own app or branch alone is a channel, not advice ("Update via YONO app or visit branch").
        if advice and not {n for n, _ in advice} <= _CHANNEL_MARKERS \
                and not _lure_outside_advice(tokens, hit_clauses, [n for n, _ in advice]):
            signals.append(Signal("safety_advice", -25, "Gives safety advice (never share an OTP, names a scam, "
                                  "points to 1930 / cybercrime.gov.in) and asks for nothing risky: no lure outside "
                                  "the advice, no credential, payment, call-back number other than a toll-free "
                                  "helpline, non-government link, UPI id or app",
                                  {"markers": [n for n, _ in advice], "matched": [t for _, t in advice]}, None))
            model_contexts.append("safety_advice")

    # The lure cues set aside above (a quoted or reported lure the message calls fake, with no channel or ask of its
    # own): said here, and the learned model -- which reads the quoted lure's words -- is capped as for advice.
    if quoted_codes:
        signals.append(Signal("quoted_lure_warning", -10, "Quotes or reports a scam message in order to call it fake "
                              "or fraud, and has no link, number, UPI id or ask of its own: the quoted lure is not "
                              "this message's claim", {"quoted_lures": quoted_codes[:8]}, None))
        if "safety_advice" not in model_contexts:
            model_contexts.append("safety_advice")

    # ---- between people: payment apps, shared albums, mis-sent apologies ----
    # Money between people by a payment app ("Bhai 10k chahiye, GPay kar de 98110..."; "send it on PhonePe"): no
    # lure, threat, ask for a credential, urgency, link, UPI id or call-back -- a friend's ask, which the learned
    # model (trained on brand-naming spam) over-reads. A stranger's new-number, emergency or "wrong transfer" ask
    # carries its own cue and is not offset (batch j).
    if pay_means and not lure_codes and not (codes & (PRESSURE_CODES | _ASKING_CODES | ACTION_CODES)) and quiet \
            and not urls and not upi_ids and sender_info["type"] in ("phone", "none") \
            and not any(s.code in ("new_number_money_request", "org_callback_to_mobile", "loan_fee_request")
                        for s in signals):
        signals.append(Signal("payment_app_between_people", -15, "Names a payment app only as the way to pay a "
                              "person, with no lure, threat, urgency, link, UPI id or credential ask",
                              {"matched": mask_digits(pay_means.group(0)[:30])}, None))

    # A photo album, folder or document shared between friends ("wedding photos ka link drive.google.com/drive/
    # folders/...", "trip pics photos.app.goo.gl/..."): every link is on a storage / photo host, the text names what is
    # shared (photos of an event, notes, slides), and there is no lure, threat, pressure, ask, claim or number; the
    # hosting points of the link are offset. "Is this you in this video?" is the lure, not an album (batch f/j).
    album = _ALBUM_RE.search(low_head) if urls and not codes and not claimed and not upi_ids and not apk \
        and not phones and sender_info["type"] in ("phone", "none") else None
    if album and not _IS_THIS_YOU_RE.search(low_head) and not _ALBUM_BLOCK_RE.search(_PAID_REPORT_RE.sub(" ", masked.lower())) \
            and len(link_details) == len(urls) \
            and all(str(d.get("host") or "").lower() in _STORAGE_HOSTS and "/forms/" not in str(d.get("url") or "")
                    for d in link_details) \
            and not any(sg.code == "malicious_link" for sg in link_sigs):
        pts = sum(sg.weight for sg in link_sigs if sg.code == "suspicious_link")
        if pts:
            signals.append(Signal("shared_album_link", -pts, "Shares photos, a folder or a document on a storage "
                                  "host between people, with no lure, ask, claim, urgency or number",
                                  {"matched": album.group(0)[:30]}, None))

    # The album-shaped phish: a personal sender's (or unknown sender's) photos / video "album" on a storage or forms
    # host that asks to sign in, log in or give an email / password to view it, is a Google Form, or asks "are these
    # your photos?" / "video of you" -- the hook of credential phish and extortion, never how friends share (r5).
    photo = _ALBUM_PHOTO_RE.search(low_head) if urls and sender_info["type"] in ("phone", "none") and not apk \
        and len(link_details) == len(urls) \
        and all(str(d.get("host") or "").lower() in _STORAGE_HOSTS for d in link_details) else None
    if photo:
        form = any("/forms/" in str(d.get("url") or "") for d in link_details)
        hook = _ALBUM_SIGNIN_RE.search(masked.lower()) or _IS_THIS_YOU_RE.search(low_head)
        if form or hook:
            signals.append(Signal("album_link_lure", 35, "Shares a photo or video 'album' on a storage or forms host "
                                  "that asks you to sign in or give your email / password to see it, is a form, or "
                                  "says the photos are of you: the hook of account phish and extortion",
                                  {"matched": photo.group(0)[:20], "form": form,
                                   "hook": hook.group(0)[:30] if hook else None}, "PHISHING_LINK"))
            codes.add("album_link_lure")

    # A real mis-sent text: "Sorry wrong number! I meant to text my sister about ...", "was meant for my cousin":
    # the sender apologises for a message meant for someone they know, and asks, offers and points to nothing (no
    # link, number, UPI id, chat move, investment pitch or ask). The opener's own points stay; the learned model,
    # which has seen wrong-number openers as scams, is offset (r2 review row; issue #5 retrained model).
    if "wrong_number_opener" in codes and _MISSENT_RE.search(low_clean) and not urls and not phones \
            and not stranger_small_talk(low_clean) \
            and not upi_ids and not apk and sender_info["type"] in ("phone", "none") \
            and not find_chat_move(low_clean) and not _CONTACT_MOVE_RE.search(low_clean) \
            and not (codes & (_ASKING_CODES | ACTION_CODES | PRESSURE_CODES)) \
            and not any(sg.code == "stranger_investment_pitch" for sg in signals):
        signals.append(Signal("missent_apology", -15, "Apologises for a text meant for someone the sender knows "
                              "and asks for nothing: no link, number, chat move, payment or credential",
                              {"matched": _MISSENT_RE.search(low_clean).group(0)[:30]}, None))

    # ---- strangers: chat moves, investment pitches, wrong-number small talk, mistaken-number codes ----
    # A stranger (a personal number, or no sender) who moves the talk to a chat app or a channel of their own and
    # offers earnings, returns, a loan, a limit or points; or opens "is this Mr Sharma?" and moves to a chat app
    # (batch n). A registered header, an intro alone or an offer alone is not this.
    if sender_info["type"] in ("phone", "none") and not apk and (chat := find_chat_move(low_clean)):
        offer = _EARN_OFFER_RE.search(low_clean)
        intro = find_self_intro(low_clean)
        opener = "wrong_number_opener" in codes or _NAMED_OPENER_RE.search(low_clean)
        # (A trivial paid task -- liking videos, rating hotels, the lexicon's job_task_lure -- is the stranger's own
        # offer even when written impersonally: "Hiring! like videos, ₱500-₱3,000 kada araw, message sa Telegram
        # @...", batch x.)
        # (So is a pay range per day for part-time / online work: "400-2500 pesos kada araw, online".)
        pay_range = bool(_PART_TIME_RE.search(low_clean) and _DAILY_PAY_RANGE_RE.search(low_clean))
        if offer and (intro or _FIRST_PERSON_RE.search(low_clean) or "job_task_lure" in codes or pay_range):
            signals.append(Signal("stranger_offer_to_chat", 50 if intro or pay_range else 40, "A stranger offers earnings, "
                                  "returns, a loan, a limit or points and moves the talk to a chat app or a link, app "
                                  "or QR of their own (how task-job, investment-group and fake banker scams start)",
                                  {"channel": mask_digits(chat.group(0)[:30]), "offer": mask_digits(offer.group(0)[:20]),
                                   "introduced": bool(intro)}, "INVESTMENT_SCAM"))
        elif opener:
            signals.append(Signal("stranger_moves_chat", 25 if "wrong_number_opener" in codes else 50,
                                  "A stranger's 'is this ...?' opener that moves the talk to a chat app (how "
                                  "pig-butchering scams begin)", {"channel": mask_digits(chat.group(0)[:30])},
                                  "INVESTMENT_SCAM"))

    # A recruiter's self-introduction from a personal number (or none) with a pay range per day for part-time,
    # remote or minutes-a-day work ("I'm Jessica from a recruitment agency ... online part time role, $80-$300 daily"):
    # the task-job hook even before the chat move (SPF / MAS, FTC, I4C advisories). A real recruiter names the role,
    # the place and an interview and pays by the hour or month; a pay range alone, or an intro alone, is not this.
    if sender_info["type"] in ("phone", "none") and not any(sg.code == "stranger_offer_to_chat" for sg in signals) \
            and any(h in low_clean for h in _PART_TIME_HINTS) and _PART_TIME_RE.search(low_clean) \
            and (pay := (_DAILY_PAY_RANGE_RE.search(low_clean) if any(h in low_clean for h in _DAY_HINTS) else None)
                 # (or, for a trivial paid task -- rating hotels, liking videos -- pay "the same day" / "daily payout"
                 # without a range: "rate hotels on google maps from your phone, paid same day via UPI", batch v)
                 or (_SAME_DAY_PAY_RE.search(low_clean) if "job_task_lure" in codes else None)) \
            and (find_self_intro(low_clean) or "job_task_lure" in codes) \
            and (_RECRUITER_RE.search(low_clean) or "job_task_lure" in codes):
        signals.append(Signal("recruiter_daily_pay_range", 40, "Someone introducing themselves as a recruiter offers "
                              "part-time, remote or minutes-a-day work at a pay range per day (how task-job scams "
                              "begin: real recruiters name the role and an interview, and pay by the hour or month)",
                              {"pay": mask_digits(pay.group(0)[:30])}, "JOB_TASK_SCAM"))
        codes.add("recruiter_daily_pay_range")

    # A money ask from a personal number (or none) whose writer is stranded or cut off from their own money (stuck at
    # the airport, card blocked, wallet lost) and will not take a call ("call mat karna, boarding me hu", "don't
    # call, in a meeting"): the friend-in-distress impersonation -- the voice would give it away (batch x). Each part
    # alone is ordinary; a money ask that avoids a call without the stranded story is a hint.
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _NO_CALL_HINTS) \
            and (nc := _NO_CALL_RE.search(low_clean)) \
            and any(not _unit_numbers_only(ma.group(0)) for ma in money_asks(low_clean)):
        stranded = _STRANDED_RE.search(low_clean)
        signals.append(Signal("money_ask_avoids_call", 45 if stranded else 15, "Asks for money and says not to call "
                              "(busy, boarding, in a meeting)" + (", stranded or cut off from their own money" if
                                                                  stranded else "") + ": someone posing as a friend "
                              "or relative avoids a call because the voice would give them away -- call them on the "
                              "number you know", {"no_call": nc.group(0)[:30],
                                                  "stranded": stranded.group(0)[:30] if stranded else None},
                              "FAMILY_EMERGENCY"))
        codes.add("money_ask_avoids_call")

    # Batch q: a stranger's way in (reconnecting, a referral, a wrong number, "is this ...?") that turns to trading or
    # crypto and offers to teach, show or let the reader join ("want me to show you how?", "join karna hai to batao").
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _INVEST_HINTS) \
            and not any(sg.code in ("stranger_investment_pitch",
                                                                        "stranger_offer_to_chat") for sg in signals) \
            and (topic := (inv.group(0) if (inv := _INVEST_TALK_RE.search(low_clean))
                           else matched["investment_lure"][0] if matched.get("investment_lure") else None)) \
            and (tj := _TEACH_JOIN_RE.search(low_clean)) \
            and (way_in := _RECONNECT_RE.search(low_clean) or _REFERRAL_RE.search(low_clean)
                 or _NAMED_OPENER_RE.search(low_clean) or _DATING_MATCH_RE.search(low_clean)
                 # (a self-introduction with a short-period returns brag: "I am Dr. Sarah, investment advisor ... my
                 # students earned 35% this week" -- batches t / x)
                 or (_RETURNS_BRAG_RE.search(low_clean) if find_self_intro(low_clean) else None)):
        # (with the proof the pitch shows -- a short-period returns brag, "I made 2.3 lakh last week" -- 50)
        brag = _RETURNS_BRAG_RE.search(low_clean)
        signals.append(Signal("unsolicited_investment_pitch", 50 if brag else 40, "Someone who reconnects out of the "
                              "blue, was 'given your number' or asks 'is this ...?' brings up trading or crypto and "
                              "offers to show you or let you join (how investment-group and pig-butchering scams "
                              "begin)",
                              {"way_in": way_in.group(0)[:30], "topic": topic[:20], "offer": tj.group(0)[:20],
                               "returns_brag": brag.group(0)[:30] if brag else None},
                              "INVESTMENT_SCAM"))
        codes.add("unsolicited_investment_pitch")
    # A stranger's investment pitch that names the minimum stake ("min $250 to start", "start with just 5000")
    # beside what it is to earn (returns, profit, "made 4x", "30%"): the entry ticket of fake trading platforms
    # and groups (batch u). Not from a registered header (a fund house's "start a SIP with just Rs 500").
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _INVEST_HINTS) \
            and ("min" in low_clean or "start" in low_clean or "begin" in low_clean or "invest " in low_clean) \
            and (md := _MIN_DEPOSIT_RE.search(low_clean)) and _RETURNS_TALK_RE.search(low_clean) \
            and ("investment_lure" in codes or "unsolicited_investment_pitch" in codes
                 or _INVEST_TALK_RE.search(low_clean)):
        signals.append(Signal("minimum_deposit_pitch", 20, "Names a minimum deposit to start investing next to "
                              "talk of returns or profit (the entry ticket of fake trading platforms and investment "
                              "groups)", {"matched": mask_digits(md.group(0)[:30])}, "INVESTMENT_SCAM"))
        codes.add("minimum_deposit_pitch")
    # A romance-scam opener: a persona (deployed soldier, army / UN doctor, peacekeeper, oil-rig engineer) in a
    # stranger's frame (found your profile, "you look kind", "I need a trustworthy person", "want to be friends"), or
    # that frame with a move to a chat app ("add me on telegram"), from a personal number or no sender. The persona
    # or the frame alone is what family and friends write too ("my brother is an army doctor").
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _ROMANCE_HINTS) \
            and (frame := _ROMANCE_FRAME_RE.search(low_clean)):
        persona = _ROMANCE_PERSONA_RE.search(low_clean)
        chat = find_chat_move(low_clean)
        # (two parts of the frame -- "saw your profile, want to be friends?" -- with the chat move count as much as
        # the persona does)
        frames = len({m.group(0) for m in _ROMANCE_FRAME_RE.finditer(low_clean)})
        if persona or (chat and _FIRST_PERSON_RE.search(low_clean)):
            signals.append(Signal("romance_persona_opener", 50 if chat and (persona or frames >= 2)
                                  else 40 if persona else 35,
                                  "A stranger's romance opener: a persona abroad (deployed soldier, army or UN "
                                  "doctor, oil-rig engineer) or a 'saw your profile / you look kind' approach that "
                                  "moves to a chat app (how romance and pig-butchering scams begin)",
                                  {"persona": persona.group(0)[:30] if persona else None, "frame": frame.group(0)[:30],
                                   "channel": mask_digits(chat.group(0)[:30]) if chat else None}, "INVESTMENT_SCAM"))
            codes.add("romance_persona_opener")
    if "wrong_number_opener" in codes and sender_info["type"] in ("phone", "none") \
            and (talk := stranger_small_talk(low_clean)
                 or (_OWN_NAME_RE.search(low_clean) and _MEET_YOU_RE.search(low_clean))):
        signals.append(Signal("wrong_number_small_talk", 30, "A 'wrong number' message that goes on to small talk "
                              "(nice to meet you, where are you from, I am ... from ...): a real mis-sent text ends "
                              "with the apology; this is how pig-butchering and romance scams make first contact",
                              {"matched": talk.group(0)[:30]}, "INVESTMENT_SCAM"))
        codes.add("wrong_number_small_talk")
    if sender_info["type"] in ("phone", "none") and any(h in low_clean for h in _MISTAKE_HINTS) \
            and _PRONOUN_FORWARD_RE.search(low_clean) \
            and (mk := _MISTAKEN_NUMBER_RE.search(low_clean)) and _CODE_COMING_RE.search(low_clean):
        signals.append(Signal("mistaken_number_code_ask", 55, "Says your number was used 'by mistake' and asks you to "
                              "forward the code you are about to receive: that code opens an account or a payment "
                              "in your name (OTP theft)", {"matched": mask_digits(mk.group(0)[:30])}, "OTP_THEFT"))
        codes.add("mistaken_number_code_ask")

    # ---- claims: identity details asked by reply for a refund, rebate or grant ----
    if (dm := _DETAILS_REPLY_RE.search(low_clean)) and _CLAIM_WORD_RE.search(low_clean) \
            and not _NEG_BEFORE_RE.search(low_clean[max(0, dm.start() - 24):dm.start()]) \
            and not any(sg.code == "credential_request" and sg.weight >= 40 for sg in signals):
        strong = _STRONG_DETAILS_RE.search(low_clean, dm.start(), dm.end() + 40)
        signals.append(Signal("details_by_reply_for_claim", 50 if strong else 35, "Asks you to reply with your name, date of birth or "
                              "bank details to receive a refund, rebate or grant: tax offices and banks never ask "
                              "for these by text", {"matched": mask_digits(dm.group(0)[:40])}, "GOVERNMENT_IMPERSONATION"))

    # ---- sender id ----
    # Sender id.
    named_claims = [c for c in claimed if c != "*"]
    if sender_info["type"] == "phone" and claimed:
        if sender_info.get("country_code") == 91:
            signals.append(Signal("sender_personal_number", 20,
                                  "Claims to be from a bank or organisation but was sent from a personal number "
                                  "(Indian organisations send from registered DLT headers such as VK-HDFCBK)",
                                  {"claims": list(claimed)[:5]}, "BANK_KYC_IMPERSONATION" if named_claims else None))
        else:
            signals.append(Signal("sender_foreign_number", 25,
                                  "Claims to be from a bank or organisation but was sent from a foreign number",
                                  {"claims": list(claimed)[:5], "country_code": sender_info.get("country_code")},
                                  "BANK_KYC_IMPERSONATION" if named_claims else None))
    elif sender_info["type"] == "dlt" and named_claims:
        header = sender_info["header"]
        verified = [c for c in named_claims if header_matches_keys(header, BRAND_HEADER_KEYS.get(c, ()))]
        positive = sum(s.weight for s in signals if s.weight > 0)
        if verified and positive < 50 and not lookalike_domains:
            signals.append(Signal("sender_header_matches_brand", -10,
                                  "Sent from a registered sender header of the brand it names",
                                  {"header": header, "brands": verified}, None))

    # ---- device, UPI intent, learned model, truncation; the result ----
    signals.extend(device_signals(device_info, context="sms", otp_message=otp_message))

    if upi_intent:
        from ..upi import analyze_upi_intent, parse_upi

        try:
            intent = parse_upi(upi_intent)
        except InvalidInput as e:
            signals.append(Signal("malformed_upi_intent", 15, "The attached UPI link is malformed",
                                  {"error": e.message[:120]}, "PAYMENT_FRAUD"))
        else:
            for s in analyze_upi_intent(intent):
                signals.append(Signal(s.code, s.weight, s.message, {**s.evidence, "source": "upi_intent"},
                                      s.fraud_type))

    if lender_promo:
        model_contexts.append("promotion")
    learned = model_signal(sms_model(), "sms", head, contexts=model_contexts)
    if learned is not None:
        signals.append(learned)
    if truncated:
        signals.append(Signal("text_truncated", 0, f"Only the first {MAX_CUE_CHARS} characters were read for "
                              f"wording and numbers (links and UPI ids: the first {MAX_SMS_CHARS})",
                              {"analysed_chars": MAX_CUE_CHARS, "visible_chars": len(clean)}, None))

    a = Assessment("sms", signals, extracted={
        "extracted_urls": urls[:MAX_URLS_REPORTED],
        "extracted_upi_ids": upi_ids,
        "extracted_phone_numbers": phones,
        "sender_type": sender_info["type"],
        "links": link_details,
    })
    recs = [advice_for(ft) for ft in a.detected_fraud_types]
    if not a.is_safe:
        if urls:
            recs.append("Do not open the link. Use the official app or type the official address yourself.")
        recs.append("Report it at cybercrime.gov.in or call 1930; forward fraudulent SMS to Sanchar Saathi (Chakshu).")
    a.recommendations = list(dict.fromkeys(recs))
    return a
