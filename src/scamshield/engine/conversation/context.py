"""Negation and warning context around a cue match ("never share your OTP", "fraudsters pretending to be CBI")."""

from __future__ import annotations

import re

#: Weight factor of a cue said inside a sentence about scams (advice, news, a warning).
WARNING_FACTOR = 0.25
_NEGATORS = frozenset({"never", "not", "nobody", "noone", "without", "beware", "mat",
                       "nahi", "nahin", "na", "neither", "nor"})
_NEG_PHRASES = ("no one", "if anyone", "if someone", "if somebody", "if anybody", "anyone who", "someone who",
                "if they ask", "if you are asked", "if asked", "if a caller", "if the caller", "if any caller")
_CLAUSE_WORDS = frozenset({"and", "but", "then", "so", "or", "also", "aur", "phir", "lekin", "instead", "just",
                           "now", "please", "|", "."})
#: After "or", a new subject starts a new clause ("do not hang up or you will be arrested").
_NEW_SUBJECT = frozenset({"else", "you", "we", "i", "they", "he", "she", "it", "your", "the", "otherwise", "aap",
                          "aapka", "aapko"})
#: Characters before a cue searched for warning words (about 20 spoken words: ASR output has few sentence ends).
_WARNING_BEFORE = 120
_NEG_AFTER = frozenset({"mat", "nahi", "nahin"})
#: "we will never ask you to ...", "police never call you to ...": a negator followed within three words by one of
#: these verbs addressed to "you" (not after "if") negates the rest of the clause ("will never ask you to stay on a video call or transfer money",
#: "we will never call you to ask you to move money to a safe account").
_NEG_REQUEST_VERBS = frozenset({"ask", "asks", "request", "requests", "require", "requires", "tell", "call", "calls",
                                "contact", "want", "expect", "demand", "instruct", "force", "pressure", "bolte"})
_NEG_AFTER_PHRASES = ("with anyone", "to anyone", "with anybody", "to anybody", "to strangers", "with strangers",
                      "to any one", "with any one", "to unknown", "with unknown", "is a scam", "is a fraud")
_WARNING_RE = re.compile(
    r"\b(?:scam|scams|scammer|scammers|scamster|scamsters|fraudster|fraudsters|beware|impersonat[a-z]*|"
    # "fake calls / officers / messages" is advice; "fake passports in your parcel" is the scammer's own story
    r"fake (?:[a-z]+ )?(?:calls?|callers?|officers?|officials?|agents?|executives?|messages?|sms|emails?|websites?|"
    r"links?|apps?|numbers?|customer care|helplines?|police|alerts?|notices?|profiles?|ids?)|"
    r"claiming to be|pretending to be|posing as|pretend to be|awareness|thag|thagi|thug|thugs|dhokha|"
    r"dhokhadhadi|be careful|be alert|stay alert|cyber fraud|1930|helpline|"
    # advice to end the call ("just hang up and call me") - never what a scammer says, except "do not hang up"
    r"(?<!not )(?<!never )(?<!if you )(?<!you )(?:just |simply )?(?:hang|hung) up(?! on)|report (?:it|them|this|the call)|"
    # a call retold by the person who got it ("a man said he was from social security", "sometimes they say your
    # grandson is in jail", "he wanted me to buy gift cards"): the scammer's words are reported, not said to you
    r"(?:a|the|some) (?:man|woman|guy|lady|caller|person|voice) (?:said|says|told me|claimed|wanted me|asked me)|"
    r"(?:sometimes|usually|often) they (?:say|tell|call|ask|want)|(?:i|we) (?:needed|had|was supposed|were supposed) to)\b")


def is_negated(window: str, start: int, end: int) -> bool:
    """Negation or warning-advice scope around a cue match (same clause, a few words either side)."""
    before = window[max(0, start - 60):start]
    cut = max(before.rfind(" . "), before.rfind(" | "))
    if cut >= 0:
        before = before[cut + 3:]
    words = before.split()[-8:]
    scope = 4
    for i in range(len(words) - 1, -1, -1):
        if words[i] in ("or", "nor") and i + 1 < len(words) and words[i + 1] not in _NEW_SUBJECT:
            # "never threaten you or ask for payment": the negation carries over "or" + verb (not "or else",
            # not "or you will be arrested"); look back to the negator of the first verb.
            scope = len(words) - i + 3
            continue
        if words[i] in _CLAUSE_WORDS:
            words = words[i + 1:]
            break
    if any(w in _NEGATORS for w in words[-scope:]):
        return True
    neg = max((i for i, w in enumerate(words) if w in _NEGATORS), default=-1)
    if neg >= 0 and "if" not in words[max(0, neg - 3):neg]:
        # the request must be addressed to the listener ("never ask you", "never call you to"), so "if you do not
        # call us back you will be arrested" keeps its threat
        for i in range(neg + 1, min(neg + 4, len(words) - 1)):
            if words[i] in _NEG_REQUEST_VERBS and any(
                    words[j] == "you" and j + 1 < len(words) and words[j + 1] in ("to", "for", "and")
                    for j in range(i + 1, min(i + 3, len(words)))):
                return True
    tail = " ".join(words)
    if any(p in tail for p in _NEG_PHRASES):
        return True
    inside = window[start:end].split()
    if any(w in _NEG_AFTER or w == "never" for w in inside) or ("not" in inside and inside[0] != "if"):
        return True
    after = window[end:end + 40]
    cut = after.find(" . ")
    cut2 = after.find(" | ")
    cut = min(c for c in (cut, cut2, len(after)) if c >= 0)
    after_words = after[:cut].split()[:3]
    if any(w in _NEG_AFTER for w in after_words):
        return True
    after_text = " ".join(after_words)
    return any(after_text.startswith(p) for p in _NEG_AFTER_PHRASES)


def in_warning_context(window: str, start: int, end: int) -> bool:
    lo = max(0, start - _WARNING_BEFORE)
    before = window[lo:start]
    cut = max(before.rfind(" . "), before.rfind(" | "))
    if cut >= 0:
        lo += cut + 3
    after = window[end:end + 60]
    stops = [i for i in (after.find(" . "), after.find(" | ")) if i >= 0]
    hi = end + (min(stops) if stops else len(after))
    return _WARNING_RE.search(window, lo, hi) is not None

