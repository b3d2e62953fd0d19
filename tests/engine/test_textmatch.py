"""Linear-time phrase matching helpers: normalisation, whole-word matching, negation, benign context."""

from __future__ import annotations

import pytest

from scamshield.engine.textmatch import (MAX_TEXT_CHARS, Benign, Cue, CueSet, PhraseMatcher, expand, is_negated,
                                         normalize, strip_invisible, tokenize)


@pytest.mark.parametrize("raw,expected", [
    ("  Hello\t\tWORLD  ", "hello world"),
    ("ＫＹＣ ｕｐｄａｔｅ", "kyc update"),                     # fullwidth (NFKC)
    ("𝐊𝐘𝐂 update", "kyc update"),                           # mathematical bold (NFKC)
    ("K\u200bY\u200dC\u2060 up\u202edate", "kyc update"),    # zero-width and bidi controls
    ("КYС", "kyc"),                                           # Cyrillic look-alikes
    ("W0N a pr1ze", "won a prize"),                           # digits between letters
    ("kyc123 and 2024", "kyc123 and 2024"),                   # digits elsewhere untouched
    ("won’t", "won't"),                                       # typographic apostrophe
    ("line one\n\n  line two", "line one\nline two"),
    ("STRASSE", "strasse"),
])
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_caps_length_early() -> None:
    assert len(normalize("a " * 100_000)) <= MAX_TEXT_CHARS + 64
    assert normalize("\u200b" * 200_000) == ""
    assert strip_invisible("Ab\u200bC") == "AbC"   # case kept for URL / UPI extraction
    with pytest.raises(TypeError):
        normalize(None)  # type: ignore[arg-type]


def test_tokenize_words_and_clauses() -> None:
    t = tokenize(normalize("I won't go. Share OTP now! Rs.500 24hr"))
    assert t.words == ("i", "won't", "go", "share", "otp", "now", "rs", "500", "24", "hr")
    assert t.clauses[0] == t.clauses[2] != t.clauses[3] == t.clauses[5] != t.clauses[6]
    assert t.span_text(3, 5) == "share otp"


def test_expand() -> None:
    assert expand("{a|b} {c |}d") == ["a c d", "a d", "b c d", "b d"]
    assert expand("plain") == ["plain"]


M = PhraseMatcher([("pin", "pin"), ("won", "won"), ("share ~2 otp", "share_otp"), ("block*", "block"),
                   ("rs #", "money"), ("{re kyc|rekyc}", "rekyc"), ("kyc", "kyc"), ("kyc update", "kyc_update")])


def keys(text: str) -> list[str]:
    return [h.key for h in M.find(tokenize(normalize(text)))]


@pytest.mark.parametrize("text,expected", [
    ("happy shopping", []),                    # "shopping" is not "pin"
    ("enter your PIN", ["pin"]),
    ("I won't be home", []),                   # "won't" is not "won"
    ("you won!", ["won"]),
    ("share the OTP", ["share_otp"]),
    ("share your 6 otp", ["share_otp"]),
    ("share it with me and then your otp", []),  # gap too wide
    ("share it. OTP", []),                     # no match across a sentence break
    ("account blocked", ["block"]),
    ("unblock", []),
    ("pay rs 500", ["money"]),
    ("pay rs five", []),
    ("complete re-KYC", ["rekyc", "kyc"]),
    ("kyc update", ["kyc", "kyc_update"]),      # overlapping hits are all reported
])
def test_phrase_matcher(text: str, expected: list[str]) -> None:
    assert sorted(keys(text)) == sorted(expected)


def test_bad_phrase_spec() -> None:
    with pytest.raises(ValueError):
        PhraseMatcher([("~2 otp", "x")])


WIDE = PhraseMatcher([("pay ~10 now", "wide")])


@pytest.mark.parametrize("text,hit", [
    ("pay now", True),                                   # a gap skips 0..N words
    ("pay 10 now", True),                                # '~10' is a gap, not the literal word "10"
    ("pay " + "x " * 10 + "now", True),                  # ten skipped words: the full width
    ("pay " + "x " * 11 + "now", False),                 # eleven: one too many
    ("pay a b c. now", False),                           # gaps never cross a clause
])
def test_multi_digit_gap(text: str, hit: bool) -> None:
    assert bool(WIDE.find(tokenize(normalize(text)))) is hit


@pytest.mark.parametrize("spec", ["pay ~13 now", "pay ~99 now", "pay ~0 now", "pay ~x now", "pay ~ now",
                                  "pay ~123 now"])
def test_bad_gap_is_a_load_error(spec: str) -> None:
    with pytest.raises(ValueError, match="bad gap"):
        PhraseMatcher([(spec, "x")])


def test_shipped_cue_phrases_compile() -> None:
    # the SMS cue table is compiled with the stricter gap check at import; it must still build and match
    from scamshield.engine.cues import SMS_CUES

    assert isinstance(SMS_CUES, CueSet)


NEG = PhraseMatcher([("share ~2 otp", "ask"), ("otp ~3 {share|batayein}", "ask")])


@pytest.mark.parametrize("text,negated", [
    ("please share your otp", False),
    ("do not share your otp", True),
    ("never share your otp", True),
    ("the bank never asks you to share your otp", True),
    ("do not ignore this, share your otp", False),   # the negator binds to "ignore"
    ("otp kisi ko na share karein", True),           # Hindi: negator inside the gap
    ("otp batayein mat", True),                       # Hindi: negator after the verb
    ("no. 5: share your otp", False),                 # sentence break before the cue
])
def test_negation(text: str, negated: bool) -> None:
    t = tokenize(normalize(text))
    hits = NEG.find(t)
    assert hits
    assert is_negated(t, hits[0].start, hits[0].end) is negated


CS = CueSet(
    [Cue("kyc_lure", 30, ("kyc {pending|update|expired}", "{update|complete} ~2 kyc")),
     Cue("otp_ask", 40, ("share ~2 otp",)),
     Cue("mention", 5, ("anydesk",), negatable=False)],
    [Benign(("kyc {has been|is} ~2 {completed|updated}",), ("kyc_lure",)),
     Benign(("this is a test message",), ("*",), scope="text")],
)


@pytest.mark.parametrize("text,codes", [
    ("Your KYC is pending, update KYC now", ["kyc_lure"]),
    ("Your KYC has been completed successfully, no need to update kyc", []),
    ("Your KYC has been updated. Update kyc details for your other account", ["kyc_lure"]),  # other clause
    ("Please share the OTP", ["otp_ask"]),
    ("Never share the OTP", []),
    ("Do not install anydesk", ["mention"]),   # not negatable
    ("this is a test message: share the otp", []),
])
def test_cueset(text: str, codes: list[str]) -> None:
    assert sorted({h.cue.code for h in CS.scan(text)}) == sorted(codes)


def test_cueset_hit_text() -> None:
    hits = CS.scan("Please SHARE the OTP")
    assert hits[0].text == "share the otp"


CS2 = CueSet(
    [Cue("kyc_not_done", 30, ("kyc ~3 not ~2 updated", "kyc {nahi|nhi} hua")),
     Cue("block", 25, ("account will be blocked", "connection kaat diya jayega", "खाता बंद हो जाएगा")),
     Cue("otp_ask", 40, ("{otp|ओटीपी} ~3 {batayein|बताएं}",))],
    [Benign(("kyc {is|has been} ~2 updated",), ("kyc_not_done",))],
)


@pytest.mark.parametrize("text,codes,reason", [
    ("Your KYC is not updated", ["kyc_not_done"], "the negator is spelled out by the phrase, and it also "
                                                  "disqualifies the benign 'kyc is ~2 updated'"),
    ("aapka kyc nahi hua", ["kyc_not_done"], "Hinglish negator spelled out by the phrase"),
    ("Your KYC is updated", [], "benign completion suppresses the lure"),
    ("If not paid, account will be blocked", ["block"], "'not paid' is a condition, not a negation"),
    ("bhugtan na karne par connection kaat diya jayega", ["block"], "Hindi conditional 'na karne par'"),
    ("खाता बंद हो जाएगा। ओटीपी किसी को न बताएं", ["block"], "the danda ends a clause; Devanagari 'न' negates"),
    ("ओटीपी बताएं", ["otp_ask"], "Devanagari cue"),
    ("otp mat batayein", [], "Hinglish negation"),
])
def test_cueset_negation_edge_cases(text: str, codes: list[str], reason: str) -> None:
    assert sorted({h.cue.code for h in CS2.scan(text)}) == sorted(codes), reason


def test_danda_is_a_clause_break() -> None:
    t = tokenize(normalize("खाता बंद। हो जाएगा"))
    assert t.clauses[1] != t.clauses[2]


@pytest.mark.parametrize("text, same_clause", [
    ("message dr. sharma on whatsapp", True),
    ("ask mrs. rao today", True),
    ("call the doctor. sharma will answer", False),
    ("meet at 5 pm. then go", False),
])
def test_a_title_abbreviation_does_not_break_the_clause(text: str, same_clause: bool) -> None:
    from scamshield.engine.textmatch import tokenize
    t = tokenize(text)
    assert (t.clauses[0] == t.clauses[-1]) == same_clause, t.clauses


@pytest.mark.parametrize("text, words", [
    # Indian scripts other than Devanagari keep their vowel signs and viramas inside the word
    ("আপনি লটারি জিতেছেন", ("আপনি", "লটারি", "জিতেছেন")),
    ("உங்களுக்கு பரிசு கிடைத்தது", ("உங்களுக்கு", "பரிசு", "கிடைத்தது")),
    ("మీకు బహుమతి వచ్చింది", ("మీకు", "బహుమతి", "వచ్చింది")),
    ("ਤੁਹਾਡਾ ਇਨਾਮ", ("ਤੁਹਾਡਾ", "ਇਨਾਮ")),
    ("लॉटरी प्राप्त करें", ("लॉटरी", "प्राप्त", "करें")),
    ("OTP 1234 ka", ("otp", "1234", "ka")),
])
def test_tokenize_keeps_indic_combining_marks(text: str, words: tuple[str, ...]) -> None:
    assert tokenize(normalize(text)).words == words


@pytest.mark.parametrize("text, negated", [
    # "if not ..." is a condition: the instruction after it is not negated
    ("if not requested by you send the code to us", False),
    ("agar nahi kiya aapne to otp bhejo", False),
    # a plain negation still negates
    ("we have not asked you to send the code", True),
    ("please do not send the code to anyone", True),
])
def test_if_not_is_a_condition(text: str, negated: bool) -> None:
    t = tokenize(normalize(text))
    k = t.words.index("send") if "send" in t.words else t.words.index("otp")
    assert is_negated(t, k, k + 1) is negated


_HANDOVER = CueSet(
    [Cue("credential_request", 40, ("share ~3 otp",))],
    [Benign(("{delivery agent|driver} ~3 {at delivery|after receiving}",), ("credential_request",),
            unless=("{call|calls|whatsapp} ~3 {you|from|#}", "{refund|cashback}"))],
)


@pytest.mark.parametrize("text, excused", [
    ("share the otp with the delivery agent at delivery", True),
    ("share the otp with the delivery agent at delivery. he calls you from 9876543210", False),
    ("your refund is ready. share the otp with the delivery agent after receiving", False),
    ("share the otp with the driver after receiving. thanks for calling us", True),  # 'calling us' is no contact
])
def test_benign_unless_voids_the_exception_anywhere_in_the_text(text: str, excused: bool) -> None:
    hits = [h.cue.code for h in _HANDOVER.scan(text)]
    assert ("credential_request" not in hits) == excused, hits
