"""Linear-time phrase matching over untrusted text (SMS, QR notes, call transcripts).

The pipeline is ``normalize`` -> ``tokenize`` -> ``PhraseMatcher.find`` (or ``CueSet.scan`` for the whole thing
with negation and benign-context handling). Everything is linear in the input length:

* ``normalize`` caps the raw length first, then strips zero-width / bidi controls with one ``str.translate``,
  applies NFKC, folds a few Cyrillic/Greek look-alike letters to Latin, casefolds and collapses whitespace.
* ``tokenize`` splits words with one regex without nested quantifiers. Words are letter runs joined by inner
  apostrophes, or digit runs (``24hr`` -> ``24`` ``hr``), so ``won't`` is one token (never ``won``) and
  ``shopping`` never contains the token ``pin``. Digits between letters are read as letters (``W0N`` -> ``won``).
  Sentence breaks (``. ! ?`` before a space, ``;``, newlines) give every token a clause number.
* ``PhraseMatcher`` walks a token trie from every token: O(tokens x longest phrase x gap width). No regex
  backtracking on untrusted text at all.

Phrase specs (lexicon syntax, see ``expand`` and ``PhraseMatcher``)::

    "{update|complete} {your |}kyc"   brace alternatives, expanded at compile time (no nesting)
    "otp ~3 batayein"                  ``~N`` skips 0..N arbitrary words of the same clause (N = 1..12; anything else after ``~`` is a load-time error)
    "block*"                           trailing ``*``: any word starting with ``block``
    "rs #"                             ``#``: any all-digit word

Phrases never match across clause breaks. Matching is whole-word only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Hashable, Iterable, Sequence

__all__ = [
    "MAX_RAW_CHARS",
    "MAX_TEXT_CHARS",
    "NEGATORS_BEFORE",
    "NEGATORS_AFTER",
    "Tokens",
    "PhraseHit",
    "PhraseMatcher",
    "Cue",
    "Benign",
    "CueHit",
    "CueSet",
    "normalize",
    "strip_invisible",
    "tokenize",
    "expand",
    "is_negated",
]

#: Raw characters looked at before anything else (hostile inputs are cut here, before any per-char work).
MAX_RAW_CHARS = 65_536
#: Characters kept after invisible characters are removed (an SMS is 160-1,000 characters; an e-mail-sized
#: paste still fits).
MAX_TEXT_CHARS = 5_000
MAX_TOKENS = 1_500

# Zero-width, bidi controls, soft hyphen, word joiners, BOM, variation selectors, tag characters...
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0]
    + list(range(0x200B, 0x2010))  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    + list(range(0x202A, 0x202F))  # LRE..RLO
    + list(range(0x2060, 0x2070))  # word joiner, invisible operators, LRI..PDI, deprecated format chars
    + list(range(0xFE00, 0xFE10))  # variation selectors
    + list(range(0xE0000, 0xE0080)),  # tag characters
    None,
)
# Look-alike letters used to dodge keyword filters ("КYС"). Only letters whose lowercase form is visually Latin.
_LOOKALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "ԁ": "d", "һ": "h", "ӏ": "l", "ո": "n", "ս": "u", "к": "k", "м": "m", "т": "t", "в": "b", "н": "h",
    "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    # typographic punctuation
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
# The same sets as regular expressions: a character-class ``sub`` / ``search`` is many times faster than
# ``str.translate`` with a dict table on non-ASCII text (15 ms vs 0.7-3.7 ms for 20k hostile characters).
_INVISIBLE_RE = re.compile("(?:[" + "".join(re.escape(chr(c)) for c in sorted(_INVISIBLE) if c < 0x10000) + "]"
                           "|[\U000E0000-\U000E007F])+")
_LOOKALIKE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_LOOKALIKES)) + "]")
_WS_RE = re.compile(r"\s+")
# Digits used as letters inside words ("W0N", "FL1PKART", "acc0unt"): only between two letters.
_LEET_RE = re.compile(r"(?<=[a-z])[013457@$](?=[a-z])")
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
# (a match starts only where a run of spaces / tabs starts: otherwise a long run of spaces with no newline after it
# is scanned again from each of its characters, quadratic on a hostile 5,000-space text; same matches)
_NL_RE = re.compile(r"(?<![^\S\n])[^\S\n]*\n\s*")


def strip_invisible(text: str, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Cap raw length, drop invisible/bidi characters, cap again. Keeps case (for URL/UPI extraction)."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    # Clean a window a quarter larger than the wanted size first (cheap on hostile 50k-character inputs); while
    # invisible characters ate so much of it that the result is short, clean further in doubling windows up to
    # MAX_RAW_CHARS, so padding a message with invisible characters never hides what follows.
    end = min(len(text), MAX_RAW_CHARS, max_chars + max_chars // 4 + 16)
    cleaned = _INVISIBLE_RE.sub("", text[:end])
    while len(cleaned) < max_chars and end < min(len(text), MAX_RAW_CHARS):
        nxt = min(len(text), MAX_RAW_CHARS, 2 * end)
        cleaned += _INVISIBLE_RE.sub("", text[end:nxt])
        end = nxt
    return cleaned[:max_chars]


def normalize(text: str, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Canonical form for matching: NFKC, look-alikes folded, casefolded, whitespace collapsed.

    Newlines survive (as single ``\\n``) because they separate clauses; other whitespace runs become one space.
    The result is at most about ``max_chars`` characters whatever the input size.
    """
    s = strip_invisible(text, max_chars=max_chars)
    s = unicodedata.normalize("NFKC", s)
    s = s.casefold()
    if _LOOKALIKE_RE.search(s):
        s = s.translate(_LOOKALIKES)
    s = _LEET_RE.sub(lambda m: _LEET[m.group(0)], s)
    # NFKC may expand (ligatures); re-cap so later stages stay bounded.
    s = s[: max_chars + 64]
    s = _NL_RE.sub("\n", s)
    if "\n" in s:
        return "\n".join(_WS_RE.sub(" ", part).strip() for part in s.split("\n")).strip()
    return _WS_RE.sub(" ", s).strip()


# A word (letters of any script, inner apostrophes) or a digit run, or a clause break.
# Python's ``\w`` leaves out combining marks (categories Mn / Mc), so the vowel signs and viramas of the Indian
# scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Sinhala: U+0900-U+0DFF)
# would split every word ("লটারি" -> "লট", "র"); they are letters of the word here.
_INDIC_MARKS = "".join(chr(c) for c in range(0x0900, 0x0E00) if unicodedata.category(chr(c)) in ("Mn", "Mc"))
_L = rf"(?:[^\W\d_]|[{_INDIC_MARKS}])"
# Clause breaks: ". ! ?" before a space, ";", a newline, and the Devanagari danda / double danda.
_TOKEN_RE = re.compile(rf"({_L}+(?:'{_L}+)*|\d+)|([.!?]+(?=\s|$)|[;\n\u0964\u0965])")
# The same pattern for texts that cannot meet some of its branches (the regex engine tries every branch at every
# position: fewer branches, same matches). Without a combining mark the letter alternation is ``[^\W\d_]`` alone;
# in ASCII text ``[^\W\d_]`` is ``[A-Za-z]``, ``\d`` is ``[0-9]`` and the dandas cannot occur.
_MARK_RE = re.compile(f"[{_INDIC_MARKS}]")
_TOKEN_RE_NO_MARKS = re.compile(r"([^\W\d_]+(?:'[^\W\d_]+)*|\d+)|([.!?]+(?=\s|$)|[;\n\u0964\u0965])")
_TOKEN_RE_ASCII = re.compile(r"([A-Za-z]+(?:'[A-Za-z]+)*|[0-9]+)|([.!?]+(?=\s|$)|[;\n])")


# Titles written with a full stop before a name ("Dr. Sharma", "Mr. Rao", "Smt. Devi", "Insp. Yadav").
_TITLE_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "shri", "smt", "sh", "capt", "col", "lt",
                                  "insp", "adv", "sgt", "hon"})


@dataclass(frozen=True, slots=True)
class Tokens:
    """Words of a normalised text with their character spans and clause numbers."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    clauses: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        """Original (normalised) text covering tokens ``start``..``end``-1."""
        if start >= end:
            return ""
        return self.text[self.starts[start]: self.ends[end - 1]]


def tokenize(normalized: str, *, max_tokens: int = MAX_TOKENS) -> Tokens:
    """Split an already ``normalize``-d text into words (at most ``max_tokens``)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    clauses: list[int] = []
    clause = 0
    if normalized.isascii():
        pattern = _TOKEN_RE_ASCII
    else:
        pattern = _TOKEN_RE if _MARK_RE.search(normalized) else _TOKEN_RE_NO_MARKS
    for m in pattern.finditer(normalized):
        w = m[1]
        if w is None:
            # "Message Dr. Sharma on WhatsApp": the full stop of a title is not a sentence break.
            if m[2] == "." and words and words[-1] in _TITLE_ABBREVIATIONS:
                continue
            clause += 1
            continue
        words.append(w)
        s, e = m.span()
        starts.append(s)
        ends.append(e)
        clauses.append(clause)
        if len(words) >= max_tokens:
            break
    return Tokens(normalized, tuple(words), tuple(starts), tuple(ends), tuple(clauses))


_BRACE_RE = re.compile(r"\{([^{}]*)\}")


def expand(spec: str) -> list[str]:
    """Expand ``{a|b}`` alternatives (bash-like, not nested): ``"{re |}kyc {now|today}"`` -> 4 strings."""
    out = [spec]
    result: list[str] = []
    while out:
        s = out.pop()
        m = _BRACE_RE.search(s)
        if not m:
            result.append(" ".join(s.split()))
            continue
        for alt in m.group(1).split("|"):
            out.append(s[: m.start()] + alt + s[m.end():])
    result.reverse()
    return [r for r in dict.fromkeys(result) if r]


_GAP_RE = re.compile(r"~(\d{1,2})")
# Widest gap a phrase may use: wider gaps would let one phrase span most of a clause (and cost time per word).
MAX_GAP = 12


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A phrase matched on tokens ``start``..``end``-1. ``key`` is what the phrase was registered with."""

    key: Hashable
    start: int
    end: int
    phrase: str


class PhraseMatcher:
    """Whole-word, multi-phrase matcher over ``Tokens`` (overlapping hits are all reported).

    Build once (at import), call ``find`` many times. The trie is stored as maps of ints and tuples of ints (the
    literal edges as ``word -> {node: child}``: one map per distinct word, holding only ints, so the garbage
    collector does not track it) -- never as hundreds of thousands of nested dicts the garbage collector would
    have to walk, adding multi-millisecond pauses to unrelated requests.
    """

    def __init__(self, phrases: Iterable[tuple[str, Hashable]]) -> None:
        # literal edges by word: word -> {node: child}
        by_word: dict[str, dict[int, int]] = {}
        self._num: dict[int, int] = {}
        prefix: dict[int, dict[str, int]] = {}
        gap: dict[int, dict[int, int]] = {}
        ends: dict[int, list[int]] = {}
        self._payloads: list[tuple[Hashable, str]] = []
        payload_ids: dict[tuple[Hashable, str], int] = {}
        cache: dict[str, tuple[str, ...]] = {}
        self._nodes = 1
        self.max_len = 0
        count = 0

        def child(mapping: dict, key: Any) -> int:
            c = mapping.get(key)
            if c is None:
                c = mapping[key] = self._nodes
                self._nodes += 1
            return c

        for spec, key in phrases:
            for phrase in expand(spec):
                count += 1
                parts: list[str] = []
                for raw in phrase.split():
                    words = cache.get(raw)
                    if words is None:
                        if raw.startswith("~"):
                            # '~10' must be a gap, never silently the word "10"; '~x', '~' or '~99' are errors
                            g = _GAP_RE.fullmatch(raw)
                            if g is None or not 1 <= int(g.group(1)) <= MAX_GAP:
                                raise ValueError(f"bad gap {raw!r} in phrase spec {phrase!r}: use ~1..~{MAX_GAP}")
                        if _GAP_RE.fullmatch(raw) or raw == "#" or (raw.endswith("*") and len(raw) > 1):
                            words = (raw.casefold(),)
                        else:
                            # Tokenize literals like text so "re-kyc" == "re kyc", "a/c" == "a c".
                            words = tokenize(normalize(raw)).words
                        cache[raw] = words
                    parts.extend(words)
                if not parts or _GAP_RE.fullmatch(parts[0]) or _GAP_RE.fullmatch(parts[-1]):
                    raise ValueError(f"bad phrase spec: {phrase!r}")
                node, width = 0, 0
                for p in parts:
                    g = _GAP_RE.fullmatch(p)
                    if g:
                        n = int(g.group(1))
                        node = child(gap.setdefault(node, {}), n)
                        width += n
                    elif p == "#":
                        node = child(self._num, node)
                        width += 1
                    elif p.endswith("*") and len(p) > 1:
                        node = child(prefix.setdefault(node, {}), p[:-1])
                        width += 1
                    else:
                        node = child(by_word.setdefault(p, {}), node)
                        width += 1
                pid = payload_ids.get((key, phrase))
                if pid is None:
                    pid = payload_ids[(key, phrase)] = len(self._payloads)
                    self._payloads.append((key, phrase))
                lst = ends.setdefault(node, [])
                if pid not in lst:
                    lst.append(pid)
                self.max_len = max(self.max_len, width)
        self._prefix = {n: tuple(d.items()) for n, d in prefix.items()}
        self._gap = {n: tuple(d.items()) for n, d in gap.items()}
        self._ends = {n: tuple(v) for n, v in ends.items()}
        self._root_special = 0 in self._prefix or 0 in self._num
        # Literal edges are kept by word (word -> {node: child}): a find looks each token up once, then follows
        # edges by integer node, with no per-step key to build.
        self._by_word = by_word
        self.size = count

    def find(self, tokens: Tokens, *, max_hits: int = 512) -> list[PhraseHit]:
        """All hits, ordered by start token; for one key and start token only one hit is kept. Stops after
        ``max_hits`` hits (repetitive hostile text cannot make the caller's work grow past that)."""
        words, clauses = tokens.words, tokens.clauses
        n = len(words)
        ends_map, gap_map, payloads = self._ends, self._gap, self._payloads
        prefix_map, num_map = self._prefix, self._num
        by_word = self._by_word
        # per token: its literal edges ({node: child}, None when no phrase spells the word), looked up once
        edges_of = [by_word.get(w) for w in words]
        num0 = num_map.get(0)
        prefix0 = prefix_map.get(0)
        hits: list[PhraseHit] = []
        stack: list[tuple[int, int]] = []
        push = stack.append

        def advance(node: int, j: int, clause: int) -> None:
            """Push the children of ``node`` that consume word ``j`` (literal edge, then prefixes, then "#")."""
            if j >= n or clauses[j] != clause:
                return
            em = edges_of[j]
            if em is not None:
                c = em.get(node)
                if c is not None:
                    push((c, j + 1))
            if node in prefix_map:
                w = words[j]
                for p, pc in prefix_map[node]:
                    if w.startswith(p):
                        push((pc, j + 1))
            if node in num_map and words[j].isdigit():
                push((num_map[node], j + 1))

        for i in range(n):
            # a walk from token i pushes nothing unless the root has a child for word i: skip it at once
            em = edges_of[i]
            if (em is None or 0 not in em) and not (num0 is not None and words[i].isdigit()) and not (
                    prefix0 is not None and any(words[i].startswith(p) for p, _ in prefix0)):
                continue
            clause = clauses[i]
            seen: set[Hashable] = set()
            advance(0, i, clause)
            while stack:
                node, j = stack.pop()
                ends = ends_map.get(node)
                if ends:
                    for pid in ends:
                        key, phrase = payloads[pid]
                        if key not in seen:
                            seen.add(key)
                            hits.append(PhraseHit(key, i, j, phrase))
                            if len(hits) >= max_hits:
                                return hits
                gaps = gap_map.get(node)
                if gaps:
                    for width, gchild in gaps:
                        for k in range(width + 1):
                            jj = j + k
                            if jj > n or (k and clauses[jj - 1] != clause):
                                break
                            advance(gchild, jj, clause)
                advance(node, j, clause)
        return hits


#: Words that negate a following cue ("do not share", "never asks", "kabhi na batayein").
NEGATORS_BEFORE = frozenset({
    "not", "never", "no", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "won't", "wont", "cannot",
    "can't", "cant", "nor", "neither", "nobody", "noone", "without", "avoid", "beware", "refrain", "shouldn't",
    "shouldnt", "mustn't", "isn't", "aren't",
    # Hindi (romanised)
    "mat", "na", "nahi", "nahin", "nhi", "naa", "kabhi",
    # Hindi (Devanagari): "कभी ... न", "मत", "नहीं"
    "न", "ना", "नहीं", "नही", "मत", "कभी",
})
#: Words that negate a preceding cue (Hindi puts the negation after the object: "OTP share na karein").
NEGATORS_AFTER = frozenset({"mat", "na", "nahi", "nahin", "nhi", "naa", "mt", "न", "ना", "नहीं", "नही", "मत"})
# "do not ignore / delay ..." keeps the urging sense: the negator binds to this verb, not to the cue after it.
_CONDITIONALS = frozenset({"if", "unless", "agar", "yadi", "अगर", "यदि"})
_NEGATION_BREAKERS = frozenset({"ignore", "delay", "wait", "miss", "forget", "hesitate", "late", "panic",
                                 # "if not updated / paid, your account will be blocked": a condition, not a negated
                                 # cue; Hindi conditionals "bhugtan na karne par", "update nahi kiya to".
                                 "updated", "paid", "completed", "done", "verified", "linked", "submitted",
                                 "karne", "karane", "hone", "kiya", "kiye", "kia", "karoge", "karenge", "kiya",
                                 "करने", "होने", "किया", "किए", "करेंगे"})


def is_negated(tokens: Tokens, start: int, end: int, *, before: int = 4, after: int = 2,
               negators_before: frozenset[str] = NEGATORS_BEFORE,
               negators_after: frozenset[str] = NEGATORS_AFTER, literal: frozenset[str] = frozenset()) -> bool:
    """Is the hit on tokens ``start``..``end``-1 negated within its clause?

    Looks ``before`` words back and ``after`` words ahead (Hindi negators only), and inside the hit itself
    (gap phrases such as ``otp ~3 batayein`` can swallow "na"). ``do not ignore`` does not negate, nor does a
    conditional ("if not paid", "na karne par"). ``literal``: the words of the matched phrase itself -- a negator
    the phrase spells out ("kyc not updated", "pan card link nahi") is part of the cue, not a negation of it.
    """
    words, clauses = tokens.words, tokens.clauses
    clause = clauses[start]
    lo = max(0, start - before)
    for k in range(start - 1, lo - 1, -1):
        if clauses[k] != clause:
            break
        if words[k] in negators_before:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if nxt in _NEGATION_BREAKERS:
                return False
            # "If not requested by you, send the code to cancel": "if not ..." is a condition; the instruction
            # after it is not negated (as with "if not paid").
            if k > 0 and words[k - 1] in _CONDITIONALS and clauses[k - 1] == clause:
                return False
            return True
    for k in range(start + 1, end):
        w = words[k]
        if (w in negators_before or w in negators_after) and w not in literal:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if nxt in _NEGATION_BREAKERS:
                continue
            return True
    hi = min(len(words), end + after)
    for k in range(end, hi):
        if clauses[k] != clause:
            break
        if words[k] in negators_after:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return nxt not in _NEGATION_BREAKERS
    return _under_negated_ask(words, clauses, start, clause, negators_before)


#: Verbs of an ask frame: in "Monzo will never ask you to move money to a safe account or to share your PIN", what
#: follows "never ask you to" is everything the bank does not ask for, however far along the clause it runs.
_ASK_FRAME_VERBS = frozenset({"ask", "asks", "request", "requests", "tell", "tells", "require", "requires", "want",
                              "wants", "expect", "expects", "call", "calls", "sms", "text", "texts", "message",
                              "messages", "email", "emails", "contact", "contacts"})
# A turn in the clause ends what the ask frame governs: "we never ask you to pay upfront, but pay Rs 500 now".
_ASK_FRAME_STOPS = frozenset({"but", "however", "lekin", "magar", "instead", "except", "unless", "if", "so", "now",
                              "today", "please", "pls", "kindly"})
_ASK_FRAME_REACH = 16


def _under_negated_ask(words: tuple[str, ...] | list[str], clauses, start: int, clause: int,
                       negators_before: frozenset[str]) -> bool:
    """Does the hit sit inside a negated ask frame ("never asks you to ...", "will not call you to ...") earlier in
    its clause, with no turn ("but", "please", "now" ...) in between?"""
    lo = max(0, start - _ASK_FRAME_REACH)
    for k in range(start - 1, lo - 1, -1):
        if clauses[k] != clause or words[k] in _ASK_FRAME_STOPS:
            return False
        if words[k] in _ASK_FRAME_VERBS:
            # "never ask", "will never ask", "does not ask", "will not ask": a negator one or two words before
            for j in (k - 1, k - 2):
                if j >= 0 and clauses[j] == clause and words[j] in negators_before:
                    return True
    return False


_LITERALS: dict[str, frozenset[str]] = {}


def _literal_words(phrase: str) -> frozenset[str]:
    """Words a phrase spells out (cached; the set of phrases is fixed at import)."""
    lit = _LITERALS.get(phrase)
    if lit is None:
        lit = _LITERALS[phrase] = frozenset(phrase.split())
    return lit


def _inner_negator(tokens: Tokens, start: int, end: int, literal: frozenset[str]) -> bool:
    """A negator swallowed by a gap inside the hit (not one the phrase spells out)."""
    words = tokens.words
    for k in range(start + 1, end - 1):
        w = words[k]
        if (w in NEGATORS_BEFORE or w in NEGATORS_AFTER) and w not in literal:
            return True
    return False


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexicon entry: phrases that add ``weight`` points under signal ``code``.

    ``negatable`` cues are dropped when negated ("never share your OTP"). Weight 0 cues are context only
    (e.g. which brand the text claims to be from); ``tag`` is free-form data for the caller.
    """

    code: str
    weight: float
    phrases: tuple[str, ...]
    fraud_type: str | None = None
    negatable: bool = True
    tag: str | None = None


@dataclass(frozen=True, slots=True)
class Benign:
    """Benign context ("your KYC has been completed successfully"): suppresses hits of ``codes`` in the same
    clause (``scope="clause"``) or the whole text (``scope="text"``). ``codes=("*",)`` suppresses all. Any phrase
    of ``unless`` anywhere in the text voids it ("share the OTP with the delivery agent at delivery" excuses the
    ask, not when the same message also says "he will call you from 98..." or offers a refund)."""

    phrases: tuple[str, ...]
    codes: tuple[str, ...]
    scope: str = "clause"
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CueHit:
    cue: Cue
    start: int
    end: int
    text: str


@dataclass(slots=True)
class CueSet:
    """A compiled lexicon: ``scan(text)`` returns the cue hits left after negation and benign suppression."""

    cues: Sequence[Cue]
    benign: Sequence[Benign] = ()
    _matcher: PhraseMatcher = field(init=False, repr=False)

    def __post_init__(self) -> None:
        entries: list[tuple[str, Hashable]] = []
        for i, cue in enumerate(self.cues):
            entries.extend((p, ("c", i)) for p in cue.phrases)
        for i, b in enumerate(self.benign):
            entries.extend((p, ("b", i)) for p in b.phrases)
            entries.extend((p, ("u", i)) for p in b.unless)
        self._matcher = PhraseMatcher(entries)

    def scan(self, text: str | Tokens) -> list[CueHit]:
        tokens = text if isinstance(text, Tokens) else tokenize(normalize(text))
        return self.scan_tokens(tokens)

    def scan_tokens(self, tokens: Tokens, *, max_hits: int = 128) -> list[CueHit]:
        raw = self._matcher.find(tokens, max_hits=max_hits)
        suppress_text: set[str] = set()
        suppress_clause: dict[int, set[str]] = {}
        voided = {h.key[1] for h in raw if h.key[0] == "u"}  # type: ignore[index]
        for h in raw:
            kind, idx = h.key  # type: ignore[misc]
            if kind == "b" and idx not in voided:
                if _inner_negator(tokens, h.start, h.end, _literal_words(h.phrase)):
                    continue  # "kyc is not updated" is not the benign "kyc is updated"
                b = self.benign[idx]
                if b.scope == "text":
                    suppress_text.update(b.codes)
                else:
                    suppress_clause.setdefault(tokens.clauses[h.start], set()).update(b.codes)
        out: list[CueHit] = []
        for h in raw:
            kind, idx = h.key  # type: ignore[misc]
            if kind != "c":
                continue
            cue = self.cues[idx]
            if suppress_text and (cue.code in suppress_text or "*" in suppress_text):
                continue
            sc = suppress_clause.get(tokens.clauses[h.start])
            if sc and (cue.code in sc or "*" in sc):
                continue
            if cue.negatable and is_negated(tokens, h.start, h.end, literal=_literal_words(h.phrase)):
                continue
            out.append(CueHit(cue, h.start, h.end, tokens.span_text(h.start, h.end)))
        return out
