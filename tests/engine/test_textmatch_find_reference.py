"""PhraseMatcher.find against the previous, straightforward walk (string-keyed edges, every token tried as a start,
one method call per step): the same hits, in the same order, with the same phrase and end chosen per key and start.
The reference below is that walk, kept verbatim apart from reading the edges from a string map rebuilt here."""

from __future__ import annotations

import random

import pytest

from scamshield.engine.cues import SMS_CUES
from scamshield.engine.textmatch import PhraseHit, PhraseMatcher, Tokens, normalize, tokenize


def _string_edges(m: PhraseMatcher) -> dict[str, int]:
    return {f"{node}\x1f{w}": c for w, d in m._by_word.items() for node, c in d.items()}


def reference_find(m: PhraseMatcher, edges: dict[str, int], tokens: Tokens, max_hits: int = 512) -> list[PhraseHit]:
    words, clauses = tokens.words, tokens.clauses
    n = len(words)
    root_special = 0 in m._prefix or 0 in m._num

    def advance(node: int, j: int, clause: int, stack: list) -> None:
        if j >= n or clauses[j] != clause:
            return
        w = words[j]
        c = edges.get(f"{node}\x1f{w}")
        if c is not None:
            stack.append((c, j + 1))
        prefixes = m._prefix.get(node)
        if prefixes:
            for p, pc in prefixes:
                if w.startswith(p):
                    stack.append((pc, j + 1))
        if w.isdigit():
            c = m._num.get(node)
            if c is not None:
                stack.append((c, j + 1))

    hits: list[PhraseHit] = []
    for i in range(n):
        if not root_special and ("0\x1f" + words[i]) not in edges:
            continue
        clause = clauses[i]
        seen: set = set()
        stack: list[tuple[int, int]] = []
        advance(0, i, clause, stack)
        while stack:
            node, j = stack.pop()
            ends = m._ends.get(node)
            if ends:
                for pid in ends:
                    key, phrase = m._payloads[pid]
                    if key not in seen:
                        seen.add(key)
                        hits.append(PhraseHit(key, i, j, phrase))
                        if len(hits) >= max_hits:
                            return hits
            gaps = m._gap.get(node)
            if gaps:
                for width, gchild in gaps:
                    for k in range(width + 1):
                        jj = j + k
                        if jj > n or (k and clauses[jj - 1] != clause):
                            break
                        advance(gchild, jj, clause, stack)
            advance(node, j, clause, stack)
    return hits


VOCAB = ["otp", "share", "your", "kyc", "update", "block", "blocked", "blocking", "pay", "now", "rs", "500", "12",
         "na", "not", "the", "link", "click", "won", "prize", "account", "bank", "sbi", "today"]
SPECS = [
    ("share ~2 otp", "ask"), ("otp ~3 {share|batayein}", "ask"), ("{update|complete} {your |}kyc", "kyc"),
    ("block*", "block"), ("rs #", "money"), ("# otp", "num_first"), ("acc* ~1 block*", "acct"), ("pay ~4 now", "pay"),
    ("click {the |}link", "link"), ("won ~2 prize", "prize"), ("your account", "acct2"), ("otp", "otp"),
    ("sbi ~1 account ~2 block*", "deep"), ("link", "link2"),
]
MATCHERS = {
    "with_root_specials": PhraseMatcher(SPECS),
    "literal_roots_only": PhraseMatcher([s for s in SPECS if not s[0].startswith(("#", "acc*"))]),
}


def _random_text(rnd: random.Random) -> str:
    out = []
    for _ in range(rnd.randint(0, 40)):
        out.append(rnd.choice(VOCAB))
        r = rnd.random()
        if r < 0.08:
            out.append(".")
        elif r < 0.12:
            out.append(";")
    return " ".join(out)


@pytest.mark.parametrize("name", sorted(MATCHERS))
def test_find_equals_reference_walk_on_random_texts(name: str) -> None:
    m = MATCHERS[name]
    edges = _string_edges(m)
    rnd = random.Random(5)
    for _ in range(400):
        toks = tokenize(normalize(_random_text(rnd)))
        for max_hits in (512, 3):
            assert m.find(toks, max_hits=max_hits) == reference_find(m, edges, toks, max_hits)


SMS_TEXTS = [
    "Dear customer your SBI account will be blocked today. Update your KYC now: click the link sbi-kyc.xyz",
    "Never share your OTP with anyone. SBI never asks for OTP or PIN.",
    "You have WON Rs 50,000 in the KBC lottery! Call 9876543210 to claim your prize; pay Rs 500 processing fee",
    "apna OTP kisi ko na batayein. Aapka khata band ho jayega, turant KYC update karein",
    "Hi mom, my phone broke, this is my new number. Can you send me 2000 for the repair, urgent please",
    "Your electricity connection will be disconnected tonight at 9.30 pm as your previous month bill was not updated",
    "",
]


def test_find_equals_reference_walk_on_the_sms_lexicon() -> None:
    m = SMS_CUES._matcher
    edges = _string_edges(m)
    for text in SMS_TEXTS:
        toks = tokenize(normalize(text))
        assert m.find(toks, max_hits=128) == reference_find(m, edges, toks, 128)
