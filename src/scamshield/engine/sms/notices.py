"""Genuine-notice markers: the fixed formats of transactional / service templates (TRAI DLT) -- a masked account,
a reference number, a debit / credit verb, a due date, delivery status, an appointment, a balance, a bill amount.

``transactional_markers`` names those found; ``analyze_sms`` counts them (``transactional_notice``) only in a message
with no lure, risky link or personal call-back number. Each marker is one row of ``_TXN_MARKERS``: its name, the
substrings one of which it needs (a cheap gate; None = always tried) and its pattern, run on the lower-cased text."""

from __future__ import annotations

from .markers import Marker, marker


# (The APK, transactional-marker and SMS-to-number patterns run on a lower-cased copy of the text.)
# Markers of the fixed formats Indian banks, wallets, merchants and utilities send (TRAI DLT transactional /
# service templates): a masked account or card number, a transaction reference, a debit/credit verb with an
# amount, a due date, delivery status. Counted only when the text has no lure, no risky link and no call-back to
# a personal mobile number.
_TXN_MARKERS: tuple[Marker, ...] = (
    marker("masked_account", ("x", "*", ".."),
           r"(?:\b(?:a/?c|acct?|account|card|ending|no\.?|aadhaar|aadhar)\s?(?:no\.?\s?)?"
           r"(?:[x*]{1,12}|\.{2,4})\s?\d{2,6}\b|\b[x*]{2,}\d{3,6}\b|\b(?:[x*]{4}\s){2}\d{4}\b)"),
    marker("reference", None,
           r"\b(?:ref(?:erence)?\.?\s?(?:no|id)?|utr|rrn|txn\s?(?:id|no)|upi\s?ref|imps\s?ref|"
           r"awb|pnr|order\s?(?:id|no)?|booking\s?(?:id|no)|consumer\s?(?:no|number|id)?|policy\s?no|"
           r"folio|uan|ack(?:nowledgement)?\.?\s?no|(?:ca|k|sc|rr|bp|lab|service|application|claim|"
           r"ticket|receipt|account)\s?(?:no|id|number)|uhid|arn|urn|lan)\b\W{0,3}[a-z]{0,6}\d{4,}"
           # a courier's waybill: "Shipment 7712839102", "tracking no. 88120344" (8-14 digits in one run; a short
           # figure after "shipment" is a count: "shipment 2 of 3")
           r"|\b(?:shipment|tracking|consignment|docket)\s?(?:no|id|number)?\b\W{0,3}[a-z]{0,3}\d{8,14}\b"
           # a mobile-money transaction code ("QLK4X2M9PA Confirmed.": M-PESA, Kenya)
           r"|\b(?=[a-z]*\d)[a-z0-9]{10}\sconfirmed\b"),
    marker("debit_credit", ("debit", "credit", "withdrawn", "spent", "deposit", "received", "paid", "sent",
                            "transferred", "refunded", "डेबिट", "क्रेडिट", "जमा", "प्राप्त"),
           r"\b(?:debited|credited|withdrawn|spent|deposited|received|paid|sent|"
           r"transferred|refunded)\b|डेबिट|क्रेडिट|जमा किए|जमा की|प्राप्त हुआ|प्राप्त हो"),
    marker("due_date", ("due", "pay", "valid", "expir", "renew", "तिथि", "दिनांक", "tithi", "tarikh", "tareekh",
                        "last date"),
           r"\b(?:due(?:\s?date)?|(?:pay|payable|valid|expires?|renew)\s?(?:on|by|before|till|upto|up to)"
           r"|due\s?(?:on|by))\W{0,3}\d{1,2}(?:st|nd|rd|th)?\s?[-/ ]\s?(?:\d{1,2}\b|(?:jan|feb|mar|apr|may|jun|"
           r"jul|aug|sep|oct|nov|dec)[a-z]{0,6}\b)|(?:अंतिम तिथि|दिनांक|\bantim tithi|\bantim tarikh|\blast date|"
           r"\bakhri tarikh|\bakhiri tareekh)\W{0,3}\d{1,2}\s?[-/]\s?\d{1,2}"),
    marker("delivery_status", ("deliver", "shipped", "dispatched", "picked", "arriving"),
           r"\b(?:out for delivery|delivered|shipped|dispatched|picked up|arriving)\b"),
    # A change to the account the customer made ("you have initiated adding a new payee", "mobile number updated").
    marker("account_change", ("you have", "you've", "payee", "beneficiary", "mobile number", "email id", "address",
                              "nominee", "password", "mpin", "upi pin", "limit"),
           r"\b(?:you have|you've) (?:initiated|added|registered|changed|requested|enabled|"
           r"disabled)\b|\b(?:payee|beneficiary|mobile number|email id|address|nominee|"
           r"password|mpin|upi pin|limit)\b[^.\n]{0,20}\b(?:added|changed|updated|registered|"
           r"modified|reset)\b"),
    # An operator's missed-call / call-waiting notice ("Missed call alert: 98XXXXXX21 called you 2 times").
    marker("call_alert", ("call",),
           r"\bmissed call alert\b|\b(?:called|tried to call|tried calling) you\b[^.\n]{0,30}?"
           r"\b(?:at \d|\d+ times?|while|when)"),
    # An appointment or booking reminder with its own reply keyword ("appointment Tue 9 Dec 3:15pm. Reply Y to
    # confirm or call the surgery to rearrange"): clinics, salons and restaurants send these from plain numbers.
    marker("appointment", None,
           r"\b(?:appointment|appt|consultation|booking|reservation|check-?up|vaccination)\b"
           r"(?:[^.\n]{0,40}?\b(?:confirmed|booked|scheduled|reminder|on|at|for)\b)?\W{0,3}"
           r"(?:\d|mon|tue|wed|thu|fri|sat|sun|today|tomorrow)"),
    marker("reply_to_confirm", None,
           r"\breply\W{0,2}(?:y|yes|n|no|c|1|2|ok)\W{0,2}(?:to|2)\W{0,2}(?:confirm|cancel|"
           r"rearrange|reschedule|change)\b"),
    # A service's own status line ("Your sample has been collected", "complaint is registered", "report is ready")
    # and its own promise of what it will do next ("Reports will be emailed within 24 hours"): lab, hospital,
    # service-desk and order notices (batch i).
    marker("service_status", ("collected", "received", "registered", "generated", "ready", "processed", "confirmed",
                              "accepted", "approved", "resolved", "closed", "submitted", "completed"),
           r"\b(?:sample|samples|specimen|report|reports|test results?|complaint|request|prescription|refill|"
           r"application|claim|ticket|booking|order|registration)\b[^.\n]{0,30}?\b(?:has been|"
           r"have been|is|are|was)\s(?:successfully\s)?(?:collected|received|registered|"
           r"generated|ready|processed|confirmed|accepted|approved|resolved|closed|submitted|"
           r"completed)\b"),
    # A utility's outage notice with its restoration estimate ("We are aware of an outage in your area. Est.
    # restoration 6:30 PM", "power supply will be restored by 5 pm"): it states what the utility is doing, asks nothing.
    marker("outage_restoration", ("outage", "interruption", "shutdown", "power cut", "restor"),
           r"\b(?:outage|interruption|shutdown|power cut)s?\b[^\n]{0,80}?\b(?:est(?:imated|\.)?\s?(?:time of\s)?"
           r"restoration|restor(?:ation|ed)\s(?:by|at|time|expected|eta)|expected to be restored)\b"),
    # ... and its own way to report one ("Reply OUT to report", "report an outage at pge.com/outages").
    marker("outage_report", ("report",),
           r"\breply\W{0,2}[a-z]{2,6}\W{0,2}to report\b(?![^.\n]{0,30}\b(?:fraud|scam|unauthori[sz]ed|transaction|"
           r"not you))|\breport (?:an |the |a |your )?(?:power )?(?:outage|interruption|power cut)\b"),
    marker("service_promise", ("will", "shall"),
           r"\b(?:will|shall)\s(?:be\s)?(?:emailed|mailed|sent|shared|delivered|credited|"
           r"processed|reflected|dispatched|available|ready|refunded|resolved|uploaded|"
           r"reversed|settled)\b[^.\n]{0,20}?\b(?:within|in (?:the )?next)\b"),
    marker("available_balance", ("avl", "avail", "total"),
           r"\b(?:avl|avail(?:able)?|total)\.?\s?(?:bal(?:ance)?|lmt|limit)\b"
           r"|\bnew\s(?:[a-z-]{2,10}\s)?balance\b"),
    # "bill of Rs 1,243", "EMI of Rs 12,450", "premium of Rs 7,842", "minimum due Rs 720".
    marker("bill_amount", ("bill", "emi", "premium", "instal", "due"),
           r"\b(?:bill|emi|premium|instal?ment|amount due|total due|minimum due|total amount due)"
           r"\b[^.\n]{0,40}?(?:₹|\brs\.?|\binr)\s?\d"),
)



def transactional_markers(text: str) -> list[str]:
    """Names of the fixed-format transactional markers found in ``text`` (see ``_TXN_MARKERS``)."""
    low = text.lower()
    # (the rows unpacked rather than ``Marker.search``: this runs on every quiet message, and is cheaper so)
    return [name for name, hints, rx in _TXN_MARKERS
            if (hints is None or any(h in low for h in hints)) and rx.search(low)]
