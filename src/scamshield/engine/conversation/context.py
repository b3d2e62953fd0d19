"""Negation and warning context around a cue match ("never share your OTP", "fraudsters pretending to be CBI")."""

from __future__ import annotations

import re

#: Weight factor of a cue said inside a sentence about scams (advice, news, a warning).
WARNING_FACTOR = 0.25
_NEGATORS = frozenset({"never", "not", "nobody", "noone", "without", "beware", "mat",
                       "nahi", "nahin", "na", "neither", "nor", "nothing"})
_NEG_PHRASES = ("no one", "if anyone", "if someone", "if somebody", "if anybody", "anyone who", "someone who",
                "if they ask", "if you are asked", "if asked", "if a caller", "if the caller", "if any caller")
_CLAUSE_WORDS = frozenset({"and", "but", "then", "so", "or", "also", "aur", "phir", "lekin", "instead", "just",
                           "now", "please", "|", ".",
                           # a new subject starts a new clause in unpunctuated speech ("can not talk long i need gift
                           # cards"); its own negator comes after it ("i do not need", "we will never ask")
                           "i", "we"})
#: After "or", a new subject starts a new clause ("do not hang up or you will be arrested").
_NEW_SUBJECT = frozenset({"else", "you", "we", "i", "they", "he", "she", "it", "your", "the", "otherwise", "aap",
                          "aapka", "aapko"})
#: Characters before a cue searched for warning words (about 20 spoken words: ASR output has few sentence ends).
_WARNING_BEFORE = 120
_NEG_AFTER = frozenset({"mat", "nahi", "nahin"})
#: A clause boundary after a cue: a Hindi negator after it belongs to the next clause ("jail jaoge phir mat bolna").
_AFTER_CLAUSE_WORDS = frozenset({"phir", "fir", "aur", "lekin", "par", "then", "and", "but", "|", "."})
_CONDITION_WORDS = frozenset({"agar", "if", "warna", "varna", "otherwise", "unless"})
#: "nahi to" / "nahin to" / "na to" is Hindi for "otherwise" ("bill bhariye nahi to connection kaat diya jayega"):
#: a clause boundary like "warna", not a negator of the cue before or after it.
_OTHERWISE_NEG = frozenset({"nahi", "nahin", "na"})
#: "we will never ask you to ...", "police never call you to ...": a negator followed within three words by one of
#: these verbs addressed to "you" (not after "if") negates the rest of the clause ("will never ask you to stay on a video call or transfer money",
#: "we will never call you to ask you to move money to a safe account").
_NEG_REQUEST_VERBS = frozenset({"ask", "asks", "request", "requests", "require", "requires", "tell", "call", "calls",
                                "contact", "want", "expect", "demand", "instruct", "force", "pressure", "bolte"})
_NEG_AFTER_PHRASES = ("with anyone", "to anyone", "with anybody", "to anybody", "to strangers", "with strangers",
                      "to any one", "with any one", "to unknown", "with unknown", "is a scam", "is a fraud")
#: A call someone got, retold with a reporting verb a few words on (blind32: "so i get a call around eleven from some
#: number saying its fedex", "my dad gets a call from an officer who says", "got this call last week the guy said").
#: Not a call the caller announces to the listener ("you will get a call from our officer who will say", "we got a call
#: from customs saying your parcel ...": the caller's own story).
_GOT_CALL = (
    r"(?:(?<!you )(?<!we )(?<!will )(?<! ll )(?:got|gets|get|getting|received|receives|had) (?:a |an |one |this |that |"
    r"some |these |those |such a )?(?:[a-z]+ ){0,2}(?:call|calls|voicemail)(?: (?!you\b|your\b)[a-z]+){0,6} "
    # "say" / "says" as speech and Singapore English report it ("got one call say from the police") (blind34 round)
    r"(?:saying|claiming|say|says|who said|who says|who claimed|who claims|pretending|and (?:the|a|this|some) "
    r"(?:[a-z]+ )?(?:said|says|goes|told)|(?:the|a|this|some) (?:guy|man|woman|lady|caller|person|voice|officer) "
    r"(?:said|says|goes|told|claimed|claims))|"
    # the call named first ("about a call you received from someone saying they were from td", "the call my dad got
    # yesterday from a man claiming"): an unknown caller's words about it (not "the call you received from our officer
    # saying", a scammer's follow-up)
    r"(?:a|the|this|that) call (?:you|she|he|they|i|my [a-z]+) (?:got|received|had|took|answered)(?: (?!your\b)[a-z]+)"
    r"{0,3} from (?:someone|somebody|some one|a man|a woman|a guy|a lady|some (?:man|woman|guy|lady|number)) "
    r"(?:saying|claiming|who said|pretending))")
# A warning needs a frame: reported speech or advice. These frames are one on their own ("a man said he was from the
# bank", "sometimes they say", "fraudsters pretending to be", "beware", "just hang up").
_WARNING_RE = re.compile(
    r"\b(?:beware|awareness|no such thing as|impersonat[a-z]*|claiming to be|pretending to be|posing as|pretend to be|"
    # advice to end the call ("just hang up and call me") - never what a scammer says, except "do not hang up" and the
    # condition of a threat ("if you call the police or hang up we will hurt her")
    r"(?<!not )(?<!never )(?<!if you )(?<!you )(?<!or )(?:just |simply )?(?:hang|hung) up(?! on)|(?<!if you )(?<!you )report (?:it|them|this|the call)|"
    # a call retold by the person who got it ("a man said he was from social security", "sometimes they say your
    # grandson is in jail", "he wanted me to buy gift cards"): the scammer's words are reported, not said to you.
    # ("we had to block your card" is the caller's own story, not a retelling.)
    r"(?:a|the|some|this|that) (?:man|woman|guy|lady|caller|person|voice) (?:said|says|told me|claimed|wanted me|asked me)|"
    r"(?:a|the|some|this|that) (?:man|woman|guy|lady|caller|person|voice) (?:called|rang|phoned) (?:me|us|my [a-z]+|"
    r"her|him)(?: [a-z]+){0,2} (?:saying|and said|and told)|"
    # ... and in the present tense of a story ("so this guy calls and says this is officer smith", "this lady rings me
    # up and goes"), and the colloquial quote verb ("and he goes you need to buy gift cards", "she was like") (blind31)
    r"(?:a|the|some|this|that) (?:man|woman|guy|lady|caller|person|voice|dude|bloke|fellow) (?:calls|rings|phones)"
    r"(?: (?:me|us|my [a-z]+|her|him))?(?: up)? (?:saying|and says|and goes|and tells)|"
    r"(?:he|she) (?:goes|was like|is like)|they (?:were like|are like)|"
    r"(?:sometimes|usually|often) they (?:say|tell|call|ask|want)|"
    # advice about such calls ("if you get one do not press one to speak with a specialist") (r7 review)
    r"if you (?:get|receive|ever get|ever receive|hear) (?:one|one of (?:these|those|them)|such a call|a call like (?:this|that)|"
    r"these calls|those calls|this call|that call|these|those)|(?:i|we) (?:needed|was supposed|were supposed) to|"
    # callers described to the listener ("some people are calling customers saying your bonus is pending, pay the gst
    # charge") and the advice to ignore them
    r"(?:(?:some|many|a lot of|these|those|certain) )?(?:people|persons|callers|guys|fraudsters|scammers|numbers|gangs?) "
    r"(?:are |have been |keep |were |will |may |might )?(?:calling|phoning|ringing|messaging|texting|contacting) "
    r"(?:[a-z]+ ){0,2}(?:saying|claiming|telling|asking|and saying|and asking|and telling)|"
    r"ignore (?:those|these|such|any such|all such) (?:calls|messages|callers)|"
    # the listener told what to do about such calls, or calls described as going round ("if you get a call saying your
    # sim will be blocked it is fake", "people are getting calls that their power will be cut", "these calls where
    # they say your parcel has drugs are all fraud"); not "if you get a call from the bank" (a scammer's coaching)
    r"if you (?:ever )?(?:get|receive|got) (?:a |any |an |such )?(?:[a-z]+ )?(?:call|calls|message|messages|text|texts|"
    r"sms|voicemail|email) (?:saying|claiming|that says|telling you|asking you|where)|"
    r"(?:people|customers|folks|others|many|everyone|everybody) (?:are |have been |keep |were |have )?(?:getting|"
    r"receiving|got|received) (?:[a-z]+ ){0,2}(?:calls|messages|texts)|"
    r"(?:these|those|such) (?:[a-z]+ )?(?:calls|messages|texts) (?:where|that say|saying|in which|claiming)|"
    r"(?:people|persons|callers|anyone|anybody|someone|somebody|those|them) who (?:call|calls|called|ring|rings|phone|"
    r"message|messages|text|texts) (?:you |people |customers )?(?:[a-z]+ ){0,2}(?:saying|claiming|and say|and said)|"
    # "somebody said they were from the irs", "if anybody ever calls you saying they are from the bank"
    r"(?:somebody|someone|some one) (?:said|says|claimed|told me|called me and said|called saying)|"
    r"(?:anybody|anyone|somebody|someone|a caller)(?: ever)? (?:calls|rings|phones|messages|texts|called|rang) "
    r"(?:you |me |us |them )?(?:[a-z]+ ){0,2}(?:saying|claiming|and says|and said|pretending)|"
    # a call retold in Hindi ("kisi ne call kiya aur kaha ...", "ek aadmi ne bola ...")
    r"(?:kisi ne|kisine|ek aadmi ne|ek ladki ne|ek aurat ne|usne|unhone|caller ne)(?: [a-z]+){0,3} (?:kaha|bola|boli|"
    r"bataya)|"
    # the listener's own retelling after a conjunction ("she said ... and i had to transfer everything")
    r"(?:and|that) i had to|"
    # a call someone else got, retold (blind29): "my uncle got a call from someone saying they were from fedex",
    # "they told him he was under digital arrest", "he told me to download anydesk and read him the number". A caller
    # speaks to "you": a third person as the one told ("told him", "asked her to") or "he told me to" is a retelling
    r"(?:got|gets|get|getting|received|receives|had) (?:a |an |one |this |some )?(?:[a-z]+ )?(?:call|calls|voicemail) "
    r"from (?:someone|somebody|some one|a man|a woman|a guy|a lady|a person|people|a number|some (?:man|woman|guy|lady|"
    r"person|people|guys|number)) (?:saying|claiming|who said|who says|who claimed|pretending|telling)|"
    r"(?:he|she|they|and|then|who) (?:told|asked|wanted|made|forced|instructed|ordered|kept|convinced) (?:him|her|them)|"
    r"(?:he|she) (?:told|asked|wanted|instructed|convinced|made) me to|then (?:they|he|she) (?:said|says|goes|went)|"
    r"(?:he|she|they) (?:had|needed|was supposed|were supposed) to|"
    # the caller's instruction retold in the first person (blind32: "he said i should transfer my savings to some rbi
    # account"): a caller tells "you" to act; "he said i should / told me i had to" is the listener's own story
    r"(?:he|she|they|caller|guy|man|woman|lady|officer|person) (?:said|says|told me|tells me|kept saying|was saying) "
    r"(?:that )?(?:i|we) (?:should|must|had to|have to|need to|needed to|would have to|was supposed to|were supposed to|"
    r"would get|will get)|" + _GOT_CALL + r")\b")
# Words about scams that are a warning only inside a frame (_bare_is_framed): "fraudsters ask for your otp", "that
# is a scam", "beware of fake calls", "be careful if anyone asks". Bare, they are what impostors say too: "this is
# not a scam call", "many fraudsters are active these days, share the otp", "this is the sbi helpline", "madam
# please be careful there is a problem with your account".
_BARE_RE = re.compile(
    r"\b(?:scam|scams|scammer|scammers|scamster|scamsters|fraudster|fraudsters|"
    # "fake calls / officers / messages" is advice; "fake passports in your parcel" is the scammer's own story
    r"fake (?:[a-z]+ )?(?:calls?|callers?|officers?|officials?|agents?|executives?|messages?|sms|emails?|websites?|"
    r"links?|apps?|numbers?|customer care|helplines?|police|alerts?|notices?|profiles?|ids?)|"
    r"thag|thagi|thug|thugs|dhokha|dhokhadhadi|be careful|be alert|stay alert|cyber fraud|1930|helpline)\b")
# after a bare word: what the scammers do (third-person subject) or what to do about them
_BARE_AFTER_RE = re.compile(
    r"^(?: [a-z]+){0,2} (?:ask|asks|asked|asking|say|says|said|saying|tell|tells|told|call|calls|called|calling|"
    r"pretend|pretends|pretending|claim|claims|claimed|want|wants|wanted|will|may|might|would|can|could|try|tries|"
    r"trying|trick|tricks|use|uses|using|send|sends|steal|steals|target|targets|targeting|impersonate|often|usually|"
    r"never|generally|always|do|dont|don|mat|karte|bolte|maangte|hai|hain|of|about|with|if|when|and|or|report|"
    r"dial|number|helpline|par)\b")
# before a bare word: advice or a verdict on a call ("beware of", "report to 1930", "that was a scam")
_BARE_BEFORE_RE = re.compile(
    r"\b(?:of|about|against|report|reported|complain|complaint|dial|like|such|these|those|that is a|that was a|it is a|"
    r"it was a|it s a|that s a|this is a|was a|its a|sounds like a|call|calls|on)(?: [a-z]+)? $")
_DENIAL_RE = re.compile(r"\b(?:not|no|nahi|nahin|never|isn t|isnt|wasn t|aren t) (?:a |an |any |the |from )?(?:[a-z]+ )?$")
# A reported speaker right before a cue ("they will ask you to share the otp", "scammers say your son is in jail"):
# the cue is theirs, even when it sounds like a request.
_REPORTED_RE = re.compile(
    r"\b(?:they|he|she|scammers?|fraudsters?|someone|somebody|anyone|caller|callers|man|woman|people|thugs?|"
    r"crooks?|criminals?|impostors?|imposters?)(?: [a-z]+){0,2} (?:ask|asks|asked|say|says|said|tell|tells|told|goes|"
    r"want|wants|wanted|will|may|might|would|pretend|pretends|claim|claims|claimed|call|calls|called|had|needed)\b")
# The cue addressed to the listener by the caller: a request ("please share", "just read me", "you must", "install
# anydesk now"), the caller acting on the listener's money ("we are moving your money", "i will give you").
_DIRECT_BEFORE_RE = re.compile(
    r"\b(?:please|pls|plz|kindly|just|quickly|jaldi|abhi|now|also|immediately|you must|you need to|you have to|you "
    r"should|need you to|want you to|we need to|we are|we will|we have to|i need|i will|i am|let me|let us|lets|"
    r"let s|so that|to unblock|to verify)(?: [a-z]+)? $")
_DIRECT_AFTER_RE = re.compile(r"^(?: [a-z]+){0,4} (?:me|to me|i will give you|i give you|i will send you|we opened|"
                              r"right now|now|immediately|quickly|jaldi|abhi)\b")


def _clause_start(window: str, start: int, chars: int) -> int:
    """Where the sentence (or speaker turn) holding ``start`` begins, at most ``chars`` back."""
    lo = max(0, start - chars)
    cut = max(window.rfind(" . ", lo, start), window.rfind(" | ", lo, start))
    return cut + 3 if cut >= 0 else lo


def _clause_end(window: str, end: int, chars: int) -> int:
    """Where the sentence (or speaker turn) holding ``end`` ends, at most ``chars`` on."""
    hi = min(len(window), end + chars)
    stops = [i for i in (window.find(" . ", end, hi), window.find(" | ", end, hi)) if i >= 0]
    return min(stops) if stops else hi


def _clause_before(window: str, start: int, chars: int) -> str:
    return window[_clause_start(window, start, chars):start]


#: Reported speech right before a request ("someone calls pretending to be the bank and says your money is not safe
#: and you must move it to a safe account"): the "you must" belongs to the retold caller when a warning frame is in the
#: same sentence (checked in in_warning_context).
_REPORTED_SAYS_RE = re.compile(r"\b(?:says|said|saying|tells you|told you|telling you|claims|claiming|claimed) ")


#: The listener addressed, and the narrator of a story (or the third person the story is about), around a cue.
_SECOND_RE = re.compile(r"\b(?:you|your|yours|aap|aapka|aapke|aapki|aapko|tum|tumhara|tumhare|tumhari|tumhe)\b")
_NARRATOR_RE = re.compile(r"\b(?:i|me|my|mine|mujhe|mera|meri|mere|maine|him|his|her|hers)\b")


#: How far before a cue a turn back to the listener makes it direct (about eight spoken words).
_TURN_BEFORE = 48


def _is_direct(window: str, start: int, end: int, story: bool = False) -> bool:
    """The cue is said to the listener by the caller (not reported): see _DIRECT_BEFORE_RE / _DIRECT_AFTER_RE."""
    before = _clause_before(window, start, 60)
    if _REPORTED_RE.search(" ".join(before.split()[-8:])):
        return False
    if not story and _turn_at(window, max(0, start - _TURN_BEFORE), start) is not None:
        # the speaker has just turned from a story back to the listener ("so to stop this change | read me the otp")
        return True
    if _REPORTED_SAYS_RE.search(before) and _WARNING_RE.search(
            window, _clause_start(window, start, _WARNING_BEFORE), start) is not None:
        return False
    if _retold_call_before(window, start):
        # the scammer's own "you need to ..." quoted by the person who got the call ("so this lady rings her up and goes
        # this is the irs you need to pay today with gift cards"): quoted, not said to the listener (blind31)
        return False
    if story:
        # in a story the narrator is "i" / "me" ("there is an arrest warrant against me", "i have to transfer my fixed
        # deposit", "maine otp bata diya"): a cue is said to the listener only in a clause that speaks to "you" and not
        # of the narrator (blind34)
        local = " ".join(before.split()[-8:]) + " " + window[start:end] + " " + " ".join(
            window[end:_clause_end(window, end, 40)].split()[:4])
        if _SECOND_RE.search(local) is None or _NARRATOR_RE.search(local) is not None:
            return False
    if _DIRECT_BEFORE_RE.search(" " + before.rstrip() + " "):
        return True
    return _DIRECT_AFTER_RE.search(window[end:_clause_end(window, end, 40)]) is not None


# A recovery pitch names the scam it claims to undo ("we recover crypto people lost to scams", "we traced the money
# taken by the fraudsters"): the word is the lure, not a warning about it.
_RECOVERY_PITCH_RE = re.compile(
    r"\b(?:recover|recovers|recovered|recovering|recovery|retrieve|retrieves|retrieved|trace|traces|traced|get back|"
    r"gets back|got back)(?: [a-z]+){0,8} (?:lost|stolen|taken|scammed) (?:to|by|from|in) (?:a |the |that |those |"
    r"these |some )?$")


def is_direct(window: str, start: int, end: int, story: bool = False) -> bool:
    """The cue at ``start:end`` is addressed to the listener by the caller (a request, the caller acting on their
    money), not reported speech. ``story``: the speaker narrates a call (``narrating``), so "me" is the narrator."""
    return _is_direct(window, start, end, story)


def _bare_is_framed(window: str, s: int, e: int) -> bool:
    if _RECOVERY_PITCH_RE.search(window, max(0, s - 80), s):
        return False
    before = window[max(0, s - 24):s]
    if _DENIAL_RE.search(before):
        return False
    if _BARE_BEFORE_RE.search(before):
        return True
    return _BARE_AFTER_RE.search(window[e:e + 40]) is not None


def _own_negation(inside: list[str], after: str, regex: "re.Pattern[str] | None") -> bool:
    """The negator inside a match is part of what the cue describes ("your parcel could not be delivered", "my
    phone is not working", "bill update nahi hua"): without it the cue's pattern no longer matches from the same
    word. A negator the pattern merely lets through in a gap ("your parcel has not been held") is not."""
    if regex is None:
        return False
    kept = [w for w in inside if w not in _NEG_AFTER and w not in ("never", "not")]
    if len(kept) == len(inside):
        return False
    if regex.match(" ".join(kept) + after) is None:
        return True
    # A long match may run on past the negated phrase a shorter alternative describes ("parcel that could not be
    # delivered and was returned": a gap alternative reaches "was returned"): the shortest match of the pattern from
    # the same word decides. It holds the negator and no longer matches without it: the negator is the cue's own.
    for n in range(1, len(inside)):
        head = inside[:n]
        if regex.match(" ".join(head)) is not None:
            if any(w in _NEG_AFTER or w in ("never", "not") for w in head):
                kept_head = [w for w in head if w not in _NEG_AFTER and w not in ("never", "not")]
                return regex.match(" ".join(kept_head)) is None
            return False
    return False


#: A threat's own "never" / "not" ("you will never see her again", "you will not see him alive"): it ends there and
#: does not negate what comes next in unpunctuated speech ("... never see her again wire 3000 dollars now").
_THREAT_IDIOM_END = frozenset({"again", "alive"})


def _after_threat_idiom(words: list[str]) -> list[str]:
    """The words after the last "never / not see ... again / alive" in ``words`` (all of them if there is none)."""
    for i in range(len(words) - 1, 0, -1):
        if words[i] in _THREAT_IDIOM_END and any(
                words[j] in ("see", "hear") and j > 0 and words[j - 1] in ("never", "not")
                for j in range(max(1, i - 4), i)):
            return words[i + 1:]
    return words


_AUX = frozenset({"do", "does", "did", "will", "would", "should", "must", "shall", "can", "could"})
#: Words allowed between a negator and a request verb in a caller's promise ("not going to ask for", "never ever ask for").
_PROMISE_FILLERS = frozenset({"going", "gonna", "to", "want", "need", "ever", "be", "ask", "asking"})


def _verb_negated(words: list[str]) -> bool:
    """The last clause of ``words`` has a negated verb ("never ask you to move money", "we will not call", "do not
    pay"), not a negated description ("i am not a robot", "you are not in trouble")."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _CLAUSE_WORDS and words[i] not in ("i", "we"):
            words = words[i + 1:]
            break
    return any(w == "never" or (w == "not" and k > 0 and words[k - 1] in _AUX) or w in ("dont", "cannot")
               for k, w in enumerate(words))


#: A clause of its own: "your" / "aapka" + up to three words + a finite verb ("your account will be frozen", "your
#: bank account is blocked", "aapka sim band ho jayega" is Hindi word order and not covered).
_OWN_SUBJECT_RE = re.compile(
    r"(?:your|aapka|aapki|aapke)(?: [a-z]+){1,3}? (?:will|would|shall|is|are|was|has|have|had|gets|got|get|can|may|"
    r"might|must|is going|are going)(?: [a-z]+)? |"
    # Hindi order: "aapka account band ho jayega", "aapka sim block kar diya jayega"
    r"(?:aapka|aapki|aapke|apka|apki|apke)(?: [a-z]+){1,3}? (?:band|bandh|block|freeze|suspend|deactivate|cancel|kat|"
    r"cut|disconnect|seal)(?: ho| kar| kar diya| kar di)? (?:jayega|jayegi|jaega|jaegi|jaayega|jaayegi|jayenge|"
    r"jaenge|denge|dega|degi)")
_SUBJECT_OBJECT_VERBS = frozenset({
    # a verb right before "your" takes it as its object ("do not share your otp it is secret", "never tell your pin")
    "share", "tell", "give", "send", "read", "say", "show", "disclose", "provide", "enter", "type", "update", "link",
    "block", "freeze", "close", "suspend", "lock", "change", "verify", "confirm", "use", "pay", "transfer", "move",
    "ask", "asking", "call", "contact", "bata", "batana", "do", "dena", "with", "to", "for", "of", "about", "on", "in",
    "if", "that", "say", "saying", "says", "said"})


_YOUR_RE = re.compile(r"(?<![a-z])(?:your|aapka|aapki|aapke|apka|apki|apke) ")


def _own_clause_start(window: str, start: int, end: int) -> int | None:
    """Where the cue's own clause starts when the match (or the two words before it) opens with a subject of its own
    followed by a finite verb ("... is not linked with aadhaar | your account will be frozen"); None otherwise.
    A "your" that is a verb's object ("do not share your otp", "never tell your pin is needed") is no such start."""
    lo = max(0, start - 24)
    for m in _YOUR_RE.finditer(window, lo, end):
        pos = m.start()
        if pos > start:
            break
        if not _OWN_SUBJECT_RE.match(window, pos):
            continue
        prev = window[max(0, pos - 30):pos].split()
        if prev and (prev[-1] in _SUBJECT_OBJECT_VERBS
                     or (prev[-1] == "you" and len(prev) >= 2 and prev[-2] in _SUBJECT_OBJECT_VERBS)):
            continue
        return pos
    m = _YOUR_RE.match(window, start)
    if m and _OWN_SUBJECT_RE.match(window, start):
        prev = window[max(0, start - 30):start].split()
        if not prev or not (prev[-1] in _SUBJECT_OBJECT_VERBS
                            or (prev[-1] == "you" and len(prev) >= 2 and prev[-2] in _SUBJECT_OBJECT_VERBS)):
            return start
    return None


#: "... share the otp only with me", "give it only to me": an ask the caller makes for themselves, whatever warning or
#: negation came before it in the sentence (R6 review F2).
_ONLY_ME_RE = re.compile(r" (?:[a-z0-9]+ ){0,2}only (?:with|to) (?:me|us)\b")


def is_negated(window: str, start: int, end: int, regex: "re.Pattern[str] | None" = None) -> bool:
    """Negation or warning-advice scope around a cue match (same clause, a few words either side).

    ``regex`` is the cue's compiled pattern: with it, a negator inside the match that the pattern itself needs
    (see ``_own_negation``) does not negate the cue."""
    words = _clause_before(window, start, 60).split()[-8:]
    if _ONLY_ME_RE.match(window, end) and not (words and words[-1] in _NEGATORS) and words[-2:-1] != ["not"]:
        # "do not believe them, share the otp only with me": the caller's own ask (R6 review F2)
        return False
    # "we will never ask you to move money to a safe account or share your one time passcode": a cue that opens the
    # second verb of an "or" list shares the first verb's negator, however long the first verb's object (not "or
    # you will be arrested", not a condition: "if you do not pay or share the otp")
    before = _clause_before(window, start, 120).split()[-16:]
    first = (window[start:end].split() or [""])[0]
    joint = 2 if len(before) >= 3 and before[-1] == "to" and before[-2] in ("or", "nor") else 1
    carried = (len(before) >= 2 and before[-joint] in ("or", "nor") and first not in _NEW_SUBJECT
               and not any(w in _CONDITION_WORDS for w in before))
    if carried and _verb_negated(before[:-joint]):
        return True
    words = _after_threat_idiom(words)
    for i in range(len(words) - 2, -1, -1):
        if words[i] in _OTHERWISE_NEG and words[i + 1] in ("to", "toh"):
            words = words[i + 2:]  # the threat after "nahi to" (otherwise) is not negated by it
            break
        if (words[i] in _OTHERWISE_NEG and i + 2 < len(words) and words[i + 2] in ("to", "toh")
                and words[i + 1] not in _OTHERWISE_NEG):
            # "payment nahi kiya to ...", "bill nahi bhara to ...": "if not done, then" - the threat after it is not
            # negated by the condition's "nahi"
            words = words[i + 3:]
            break
    own = _own_clause_start(window, start, end)
    if own is not None:
        # the words before the cue's own subject belong to another clause; only a negator right before the subject
        # ("not your account") or inside the cue's own clause still counts
        words = _clause_before(window, own, 60).split()[-8:]
        words = words[-1:] if words and words[-1] in _NEGATORS else []
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
        # "nobody from microsoft will ever call you about": the negating subject's own words come before its verb
        reach = 7 if words[neg] in ("nobody", "noone") else 4
        for i in range(neg + 1, min(neg + reach, len(words) - 1)):
            if words[i] in _NEG_REQUEST_VERBS and any(
                    words[j] == "you" and j + 1 < len(words) and words[j + 1] in ("to", "for", "and", "about")
                    for j in range(i + 1, min(i + 3, len(words)))):
                return True
        # "i am not going to ask for your full card number", "we will never ask for your pin": the caller's own
        # promise (a request verb with "for" right after it, at most "going to" / "want to" between)
        for i in range(neg + 1, min(neg + 5, len(words) - 1)):
            if (words[i] in _NEG_REQUEST_VERBS and words[i + 1] == "for"
                    and all(w in _PROMISE_FILLERS for w in words[neg + 1:i])):
                return True
    tail = " ".join(words)
    if any(p in tail for p in _NEG_PHRASES):
        return True
    inside = window[start:end].split()
    if ((any(w in _NEG_AFTER or w == "never" for w in inside) or ("not" in inside and inside[0] != "if"))
            and not _own_negation(inside, window[end:end + 200], regex)):
        return True
    after_all = window[end:_clause_end(window, end, 40)].split()[:4]
    after_words = after_all[:3]
    for i, w in enumerate(after_words):
        if (w in _CONDITION_WORDS or (w in _OTHERWISE_NEG and after_all[i + 1:i + 2] == ["to"])
                or w in _AFTER_CLAUSE_WORDS):
            # "police aapke ghar aayegi agar paise nahi bheje": the "nahi" is the condition's; "update kar lijiye
            # nahi to ...": otherwise; "jail jaoge phir mat bolna", "otp share karo aur kisi ko mat batana": the "mat"
            # negates the next clause's verb (blind34)
            after_words = after_words[:i]
            break
    if any(w in _NEG_AFTER for w in after_words):
        return True
    after_text = " ".join(after_words)
    return any(after_text.startswith(p) for p in _NEG_AFTER_PHRASES)


#: The caller's own introduction ("this is officer brown from the irs", "i am calling from the sbi card department",
#: "main mumbai cyber crime se inspector sharma bol raha hoon", "this is sbi"): a warning frame said before it ("someone
#: said you were expecting my call", "if you get a call saying your kyc is expired that is a scam") does not reach
#: past it - what follows is the caller's own turn (R6 review F1 / F2). Not a quoted introduction ("he said this is
#: amazon", "the caller goes hi this is officer brown": _QUOTED_INTRO_RE).
_ORG_NOUN = (r"(?:bank|department|dept|team|board|police|office|desk|centre|center|support|service|services|agency|"
             r"administration|company|authority|branch|cell|bureau|division|unit|helpline|card|cards|customs|court)")
_SELF_INTRO_RE = re.compile(
    r"\b(?:this is (?:officer|inspector|agent|detective|sergeant|constable|captain|deputy|lieutenant|marshal|mr|mrs|"
    r"ms|dr|an automated (?:message|call)|a call from|(?:the |your )?(?:[a-z]+ ){0,3}" + _ORG_NOUN + r"\b|"
    r"sbi|hdfc|icici|axis|kotak|paytm|phonepe|amazon|microsoft|apple|irs|hmrc|ssa|fedex|dhl|ups|usps|visa|mastercard|"
    r"barclays|hsbc|natwest|lloyds|santander|chase|citi|paypal|medicare|social security|[a-z]+ (?:calling|speaking|"
    r"here from|from the|from your|from [a-z]+ (?:bank|police|department|support)))|"
    r"(?:i am|i m|im) (?:calling|speaking|phoning) (?:you )?(?:from|on behalf of)|"
    r"(?:i am|i m|im) (?:officer|inspector|agent|detective|sergeant|constable|an officer|an agent|the officer|"
    r"(?:[a-z]+ ){0,2}from (?:the |your )?(?:[a-z]+ ){0,3}" + _ORG_NOUN + r"\b)|"
    r"my name is [a-z]+(?: [a-z]+)? (?:from|and i am calling|calling from)|"
    r"main (?:[a-z]+ ){0,6}(?:se )?(?:bol|baat kar) (?:raha|rahi) (?:hoon|hu|hun|hoo))")
#: A reported introduction: a reporting verb (and a greeting) right before it.
_QUOTED_INTRO_RE = re.compile(
    r"\b(?:said|says|saying|say|told me|told us|told her|told him|tells me|telling me|claimed|claiming|claims|goes|"
    r"went|was like|is like|asked|kaha|bola|boli|bole|"
    # a script quoted as an example in a report or a warning ("you have all heard them this is cardholder services",
    # "calls like this is the social security administration") (r7 review)
    r"heard (?:them|these|those|this one|that one)|(?:calls|messages|voicemails|scripts?|robocalls) like|"
    r"(?:they|it|the call|the script) (?:opens|open|starts|start) with)(?: (?:hello|hi|hey|sir|madam|maam|mam|ma am|ji|yes|good "
    r"morning|good afternoon|good evening|that|like)){0,2} $")
#: A verdict closing a warning sentence ("... that is a scam"): a clause after it that opens with a claim about the
#: listener's own account ("your kyc is expired") is the caller's own, not the warning's subject.
_VERDICT_RE = re.compile(
    r"\b(?:that is|that s|thats|it is|it s|its|this is|those are|these are|they are) (?:a |an |all |just a |"
    r"definitely a |totally a |obviously a |clearly a )?(?:scam|scams|fake|fraud|frauds)\b")


def _frame_floor(window: str, lo: int, start: int) -> int:
    """Where a warning frame may begin for a cue at ``start``: after the caller's own (unquoted) introduction or, for
    a cue in a clause of its own ("your kyc is expired"), after a verdict that closed the warning sentence before."""
    floor = lo
    for m in _SELF_INTRO_RE.finditer(window, max(0, lo - 40), min(len(window), start + 80)):
        if m.start() > start:
            break
        if m.start() < lo and m.end() <= lo:
            continue
        if _QUOTED_INTRO_RE.search(window, max(0, m.start() - 40), m.start()):
            continue
        floor = max(floor, m.start())
    own = None
    for m in _VERDICT_RE.finditer(window, floor, start):
        if own is None:
            own = _own_clause_start(window, start, start + 1)
            if own is None:
                break
        if m.end() <= own:
            floor = max(floor, m.end())
    return floor


#: "someone said / told me ..." and "anybody calls you saying ..." report a third party only when no introduction of
#: the caller's own follows: "someone told me you want to close your credit card i am calling from the sbi card
#: department" is the caller's opener (R6 review F1), "someone said they were from the irs" a retelling.
_OPENER_FRAMES = ("somebody", "someone", "some one", "anybody", "anyone", "kisi ne", "kisine")


def _intro_after(window: str, pos: int) -> bool:
    """An unquoted self-introduction of the caller within ~20 words after ``pos``."""
    for m in _SELF_INTRO_RE.finditer(window, pos, min(len(window), pos + 140)):
        if not _QUOTED_INTRO_RE.search(window, max(0, m.start() - 40), m.start()):
            return True
    return False


#: A retold call ("so this guy calls and says ...", "and he goes ...", "a man called me saying ..."): a friend quoting a
#: scammer goes on for several sentences, so this frame reaches further back than the others (blind31: "he goes you
#: need to go to the store and buy five hundred dollars in google play gift cards to protect your account and do not
#: tell anyone or you will be arrested"). Still bounded by the call's tail and by the caller's own introduction.
_RETOLD_CALL_RE = re.compile(
    r"\b(?:(?:a|the|some|this|that) (?:man|woman|guy|lady|caller|person|voice|dude|bloke|fellow) (?:calls|rings|phones|"
    r"called|rang|phoned)(?: (?:me|us|my [a-z]+|her|him))?(?: up)?(?: [a-z]+){0,2} (?:saying|and says|and said|and goes|"
    r"and tells|and told)|(?:he|she) (?:goes|was like|is like)|they (?:were like|are like)|"
    # an automated call retold ("this robot voice was like this is cardholder services", "the recording goes") (r7)
    r"(?:a|the|this|that|some) (?:robot |robotic |recorded |automated |computer )?(?:voice|robot|recording|message) "
    r"(?:was like|is like|goes|went)|"
    # scripts quoted in a news report, a podcast or a warning talk ("police are warning residents about scam calls
    # the callers claim to be from the irs", "today we are talking robocalls you have all heard them this is
    # cardholder services"): the quoted script is the subject of the report (r7 review)
    r"(?:police|officials|authorities|the ftc|the fbi|the bbc|regulators|banks|experts|the council) (?:are |is |have "
    r"been )?(?:warning|warned|cautioning|alerting) (?:[a-z]+ ){0,2}(?:about|of|that|residents|people|customers|consumers|"
    r"the public|viewers|listeners|seniors|everyone)|(?:we are|we re|we will be|today we are|today we re) (?:talking|"
    r"talking about|going to talk about|discussing|looking at) (?:[a-z]+ ){0,2}(?:robocalls|robo calls|scam calls|"
    r"scams|phone scams|fraud calls|spam calls)|you (?:have |ve )?(?:all |probably |likely )?(?:heard|gotten|had|"
    r"received) (?:them|these|those|one of these|one of those|these calls|those calls)|(?:the |these |those )?"
    r"(?:callers|scammers|fraudsters|crooks|robocallers) (?:claim|claims|say|pretend|pose|offer|tell|threaten)|"
    r"others (?:offer|say|claim|threaten|promise)|" + _GOT_CALL + r")\b")
_RETOLD_BEFORE = 220


def in_warning_context(window: str, start: int, end: int) -> bool:
    """A cue said inside a warning about scams: a reported-speech or advice frame within the sentence (about 20 words
    back, a few after), and the cue itself not a request the caller makes of the listener ("please share the otp",
    "read me the code", "we are moving your money", "the account i will give you"): a denial ("this is not a scam
    call", "that was a fraudster, we are the real bank") does not make the caller's own asks a warning."""
    if _is_direct(window, start, end):
        return False
    lo = _frame_floor(window, _clause_start(window, start, _WARNING_BEFORE), start)
    hi = _clause_end(window, end, 60)
    for m in _WARNING_RE.finditer(window, lo, hi):
        if not (m.group(0).startswith(_OPENER_FRAMES) and _intro_after(window, m.end())):
            return True
    if any(_bare_is_framed(window, m.start(), m.end()) for m in _BARE_RE.finditer(window, lo, hi)):
        return True
    return _retold_call_before(window, start)


def _retold_call_before(window: str, start: int) -> bool:
    """A retold-call frame (_RETOLD_CALL_RE) in the sentence before ``start``, after the caller's own introduction,
    and no turn back to the listener (``_turn_at``) between the frame and the cue."""
    lo = _clause_start(window, start, _RETOLD_BEFORE)
    m = _RETOLD_CALL_RE.search(window, lo, start)
    if m is None:  # most cues: no such frame at all, so no introduction to look for
        return False
    if _turn_at(window, m.end(), start) is not None:
        return False
    far = _frame_floor(window, lo, start)
    return far <= m.start() or _RETOLD_CALL_RE.search(window, far, start) is not None


# The speaker turning from a story back to the listener (blind34 round): "a man called us and said he is your husband
# he told us to change the number | so to stop this change read me the otp", "some people got calls from fake officers
# saying the power will be cut | but your case is real your bill is pending". Scammers tell such stories to pre-empt
# doubt; what follows the turn is said to the listener. Not a filler ("so you know", "but you see"), not a quote ("he
# said so you must pay": a reporting verb in the four words before the turn).
_TURN_RE = re.compile(
    r"\b(?:so|but|now|anyway|thats why|that is why|therefore|however)(?: in| for)? (?:(?:your|aapka|aapke|aapki)\b|"
    r"(?:you|aap)(?! know\b| see\b| guys\b| mean\b| believe\b| imagine\b)\b|"
    r"to (?:stop|block|cancel|avoid|prevent|protect|secure|reverse|fix|save|verify|undo) (?:this|it|that|the [a-z]+)"
    r"(?: [a-z]+)? (?:read|tell|give|send|share|pay|transfer|confirm|verify|install|download|click|press|open|enter|"
    r"type)\b)")
_REPORT_VERB_RE = re.compile(r"\b(?:said|says|say|goes|told|tells|asked|asks|saying|claimed|claims|claiming|was like|"
                             r"is like|bola|boli|bole|kaha)\b")


def _turn_at(window: str, lo: int, hi: int) -> int | None:
    """Start of the last turn back to the listener (``_TURN_RE``) starting in ``window[lo:hi]``, or None."""
    last = None
    for m in _TURN_RE.finditer(window, lo, min(len(window), hi + 40)):
        if m.start() >= hi:
            break
        if _REPORT_VERB_RE.search(" ".join(window[max(0, m.start() - 40):m.start()].split()[-4:])):
            continue
        last = m.start()
    return last


#: A verdict with advice said right after a retold lure, in the next segment ("the screen says there's a virus and to
#: call microsoft" | "that's a scam pop up don't call the number"): the lure was a warning's subject, not a caller's
#: words. Not a denial ("this is not a scam do not hang up"), not the victim telling a scammer off ("this is a scam
#: don't call me again": the advice must be about a number, link, payment or app).
_LATE_VERDICT_RE = re.compile(
    r"\b(?:that is|thats|it is|its|this is|those are|these are|they are) (?:a |just a |all |definitely a |totally a |"
    r"obviously a |clearly a )?(?:scam|scams|fake|fraud|a fraud)(?: [a-z]+){0,4} (?:(?:do not|never) (?:call|click|"
    r"pay|press|download|install|send|buy|give) (?:the|that|this|it|them|any|anything|those|these)|(?:just |simply )?"
    r"(?:ignore it|ignore them|delete it|delete them|close it|restart it|restart the|hold the power))\b")


def late_verdict(window: str, boundary: int) -> bool:
    """A verdict with advice at the start of the new segment (its first ~12 words) - see _LATE_VERDICT_RE."""
    # the verdict may start just before the boundary ("... yeah that is" | "a scam do not call the number")
    hi = min(len(window), boundary + 140)
    return any(m.end() > boundary for m in _LATE_VERDICT_RE.finditer(window, max(0, boundary - 40), hi))



# -- the speaker's role over the whole call (blind34) ---------------------------------------------------------------
# A warning frame reaches about a sentence; a friend retelling a scam call, or a bank's voicemail describing what
# fraudsters say, goes on for many segments, and ASR output has no sentence ends to carry the frame. So the call keeps
# three counts (``CallState.story``): *anchors* (a call someone got, or scam calls as the topic: "i get this call from
# some number saying", "ek ajeeb call aaya tha", "there has been an increase in calls where fraudsters pretend"),
# *frames* (a third party's words reported: "he said", "they told me", "they got him to", "ek aadmi bola", "they may
# say") and *live* markers (the speaker making a demand of the listener now: "i am transferring your call", "listen
# carefully", "do you understand", "read me the code", "do not disconnect", "i will give you the account", "press
# nine", "abhi paise daalo"). The speaker narrates when the call holds an anchor and frames outnumber live demands:
# the cues then belong to the story unless addressed to the listener (``is_direct``). A scammer who relays a
# superior's words ("the senior officer said you have to stay on this video call") makes live demands around them.
_THIRD = (r"(?:he|she|they|the guy|this guy|that guy|some guy|the man|this man|one man|a man|the woman|this woman|"
          r"a woman|the lady|this lady|a lady|the caller|the officer|the bloke|some bloke|this bloke|the person|"
          r"the fellow|the voice|the recording|fraudsters|scammers|the scammer|the fraudster|criminals|someone|somebody|"
          r"some one|anyone|anybody|a caller)")
_STORY_ANCHOR_RE = re.compile(
    r"\b(?:" + _GOT_CALL + r"|(?<!you )(?<!we )(?:got|get|gets|received|had) (?:one of (?:those|these) |such a |a "
    r"(?:weird|strange|funny|scary|dodgy|fake|scam|fraud|suspicious) (?:[a-z]+ )?)(?:call|calls|phone call)|"
    # the listener's own odd call, asked about by a relative ("mom said you got a weird phone call yesterday")
    r"(?:you|u) (?:got|get|received|had) (?:a |one of those |such a )(?:weird|strange|funny|scary|dodgy|fake|scam|"
    r"fraud|suspicious|bad)(?: [a-z]+)? (?:call|calls|phone call|voicemail)|"
    r"(?:someone|somebody|some one|some guy|a guy|a man|a woman|a lady|this guy|this man|this lady|some bloke|"
    r"this bloke|some number|an unknown number) (?:called|rang|phoned|calls|rings|phones) (?:me|him|her|us|my|"
    r"dad|mom|mum|papa|mummy)|"
    r"(?:(?:ek|koi) )?(?:[a-z]+ )?(?:call|phone|fone) (?:aaya|aya|aayi|aai) (?:tha|thi)|mujhe (?:ek )?(?:[a-z]+ )?"
    r"(?:call|phone) (?:aaya|aya)|"
    r"what happened to (?:me|him|her|my [a-z]+|us)|(?:you|u) (?:will not|won t|wont|will never) believe|"
    # a call imagined for the listener's sake ("imagine your phone rings and someone says", "suppose you get a call")
    r"(?:imagine|suppose|let us say|lets say|let s say|pretend) (?:that )?(?:your phone rings|you get a call|you "
    r"receive a call|someone calls|somebody calls|a man calls|a stranger calls|you pick up)|"
    r"(?:fraudsters|scammers|criminals|con artists|crooks|cheats|thugs) (?:[a-z]+ )?(?:pretend|pose|posing|pretending|"
    r"say|claim|call|calling|ask|use|may|will|often|usually|are)|"
    r"(?:increase|rise|spate|wave) (?:in|of) (?:[a-z]+ )?(?:calls|scams|fraud)|(?:calls|scams) where|"
    r"(?:we are|we re|today we are|i want to) (?:talking|talk|going to talk|discussing) (?:about )?(?:[a-z]+ ){0,2}"
    r"(?:scams|scam calls|fraud|phone scams|robocalls))\b")
_STORY_FRAME_RE = re.compile(
    r"\b(?:" + _THIRD + r" (?:said|says|told|tells|asked|wanted|kept saying|kept asking|kept telling|got (?:me|him|"
    r"her|them|us) to|made (?:me|him|her|them|us)|was like|were like|goes|claimed|may say|will say|might say|"
    r"usually say|often say|would say|may ask|will ask|might ask|then ask|ask you)|"
    # what scammers do, in the present ("they say there is a suspicious payment", "scammers ask the customer to")
    r"(?:they|fraudsters|scammers|criminals|crooks) (?:then |usually |often |sometimes |will |may |might )?(?:say|ask|"
    r"tell|claim|want|demand|pretend)|"
    # the subject left out after "and" / "then" in a story ("she sent a qr code and told me to scan it")
    r"(?:and|then) (?:told|asked|wanted|made) (?:me|him|her|us|them) to|"
    # a call reported with "that" (Nigerian / Indian English: "somebody called me that he is from the bank")
    r"(?:called|rang|phoned) (?:me|him|her|us|my [a-z]+) (?:that|to say)|"
    r"(?:ek aadmi|ek ladki|ek aurat|ek banda|woh aadmi|usne|unhone|woh|wo) (?:ne )?(?:bola|boli|bole|kaha|bataya)|"
    r"(?:aur|phir|fir|toh|to) (?:bola|boli|bole|kaha)(?: ki)?|(?:bola|boli|bole|kaha) ki)\b")
_LIVE_RE = re.compile(
    r"\b(?:(?:i am|i m|im) (?:transferring|connecting|putting) (?:your|you)|listen (?:to me )?carefully|"
    r"do you understand|are you (?:listening|there|with me)|read me the|tell me the (?:otp|code|pin|number)|"
    r"(?:do not|don t|dont) (?:disconnect|cut the call|cut this call|hang up|put the phone down)|"
    r"(?:stay|remain) on (?:the|this) (?:line|call|video call|video)|i will (?:give|send) you|open your [a-z]+ app|"
    r"press (?:one|two|three|four|five|six|seven|eight|nine|zero|[0-9])|"
    r"(?:abhi|turant|jaldi) (?:[a-z]+ ){0,2}(?:karo|bhejo|daalo|dalo|batao|bataiye|kijiye|kariye)|"
    r"aapko (?:[a-z]+ ){0,3}bhej (?:raha|rahi|rahe) (?:hoon|hu|hun|hain)|"
    r"phone mat (?:kaatna|kaatiye|katna)|kisi ko (?:mat batana|batana mat|mat bataiye|bataana mat)|"
    r"(?:you|aap) (?:have to|must|need to) (?:pay|transfer|send|install|download|share|read|buy|move|deposit) "
    r"(?:[a-z]+ ){0,3}(?:now|today|immediately|right now|within))\b")
#: The caller relaying a superior's words to the listener ("my senior has said you must stay on the video call", "mere
#: senior ne bola hai ki aapko ...", "my manager said your kyc is pending"): the speaker's own side, not a story.
_RELAY_RE = re.compile(
    r"\b(?:my|our|mere|mera|hamare|humare) (?:senior|seniors|manager|supervisor|boss|officer|senior officer|superior|"
    r"team leader|head|sir|saheb|sahab|bade sahab|department)(?: [a-z]+)? (?:said|says|has said|told me|has told me|"
    r"has instructed|instructed|wants|has asked|asked me|ne bola|ne kaha|ne bataya|ka kehna hai|keh rahe)\b")
#: Words before a live marker that make it quoted ("he told me do not disconnect"): a frame within this many chars (about
#: a sentence of speech) and no turn back to the listener between them.
_LIVE_QUOTED_BEFORE = 120
#: Anchors / frames / live markers counted per segment (a hostile segment repeating one phrase adds at most this).
_STORY_PER_SEGMENT = 3


def story_counts(window: str, boundary: int) -> tuple[int, int, int, int]:
    """Anchors, frames, live markers and relays (see above) whose match ends inside the new segment (after
    ``boundary``). A relay counts as a live marker too."""
    lo = max(0, boundary - 60)
    relays = sum(1 for m in _RELAY_RE.finditer(window, lo) if m.end() > boundary)
    anchors = sum(1 for m in _STORY_ANCHOR_RE.finditer(window, lo) if m.end() > boundary)
    frames = sum(1 for m in _STORY_FRAME_RE.finditer(window, lo) if m.end() > boundary)
    live = 0
    for m in _LIVE_RE.finditer(window, lo):
        if m.end() <= boundary:
            continue
        frame = None
        for frame in _STORY_FRAME_RE.finditer(window, max(0, m.start() - _LIVE_QUOTED_BEFORE), m.start()):
            pass
        if frame is not None and _turn_at(window, frame.end(), m.start()) is None:
            # quoted: "he told me do not disconnect", "someone says hello im calling from your bank ... please tell
            # me the otp"; not after a turn back to the listener ("he said ... so to stop it read me the otp")
            continue
        live += 1
    live += relays
    return (min(anchors, _STORY_PER_SEGMENT), min(frames, _STORY_PER_SEGMENT), min(live, _STORY_PER_SEGMENT),
            min(relays, _STORY_PER_SEGMENT))


def narrating(counts: "list[int] | tuple[int, ...]") -> bool:
    """The speaker tells of calls made by others (a retelling, an awareness talk), not making one: an anchor, and
    reported frames outnumbering live demands (``story_counts``)."""
    anchors, frames, live = counts[:3]
    return anchors >= 1 and frames >= 1 and anchors + frames >= 2 and frames > live


def relaying(counts: "list[int] | tuple[int, ...]") -> bool:
    """The caller relays a superior's words ("my senior has said you must ...") and is not narrating: what is reported
    to the listener in the second person is the caller's own demand."""
    return len(counts) > 3 and counts[3] >= 1 and not narrating(counts)


def addressed(window: str, start: int, end: int) -> bool:
    """The cue's clause speaks to the listener ("you", "your", "aapko") and not of a narrator or a third person."""
    before = _clause_before(window, start, 60)
    local = " ".join(before.split()[-8:]) + " " + window[start:end] + " " + " ".join(
        window[end:_clause_end(window, end, 40)].split()[:4])
    return _SECOND_RE.search(local) is not None and _NARRATOR_RE.search(local) is None
