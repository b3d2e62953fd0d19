"""UTS #39 skeletons and the matching key used for host names."""

from __future__ import annotations

import pytest

from scamshield.engine import confusables as c


def test_table_loaded_from_shipped_data():
    assert c.table_size() > 6000


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("pаytm", "paytm"),  # Cyrillic а
        ("gооgle", "google"),  # Cyrillic о
        ("раураl", "paypal"),  # all Cyrillic
        ("ɑmazon", "amazon"),  # Latin alpha
        ("bankofаmerꭵca", "bankofamerica"),
        ("magazineluıza", "magazineluiza"),  # dotless i
    ],
)
def test_confusable_pairs_share_a_skeleton(a, b):
    assert c.is_confusable(a, b)
    assert c.match_key(a) == c.match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("amaz0n", "amazon"), ("paypa1", "paypal"), ("rnicrosoft", "microsoft"), ("PAYTM", "paytm"), ("pàypal", "paypal")],
)
def test_match_key_folds_case_digits_and_marks(a, b):
    assert c.match_key(a) == c.match_key(b)


@pytest.mark.parametrize(("a", "b"), [("paytm", "paytn"), ("google", "goggle"), ("münchen", "munchen-de"), ("sbi", "abi")])
def test_different_names_stay_different(a, b):
    assert c.match_key(a) != c.match_key(b)


def test_skeleton_is_the_standard_definition():
    # UTS #39: skeleton maps "m" to "rn" and digit zero to capital O; it is case-sensitive
    assert c.skeleton("m") == "rn"
    assert c.skeleton("0") == "O"
    assert c.skeleton("abc") == "abc"


@pytest.mark.parametrize(
    ("label", "mixed"),
    [("pаypal", True), ("paypal", False), ("пример", False), ("münchen", False), ("gооgle", True), ("テスト", False)],
)
def test_mixed_script(label, mixed):
    assert c.is_mixed_script(label) is mixed


def test_ascii_match_key_shortcut_equals_the_full_pipeline():
    """ASCII text takes a per-character translation: same key as NFD -> table -> casefold (twice) -> no marks,
    including the characters whose key leaves ASCII ('%' -> 'º/₀'), which take the full pipeline."""
    import random

    from scamshield.engine import confusables

    rnd = random.Random(3)
    alphabet = [chr(i) for i in range(128)]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16))) for _ in range(20000)]
    texts += [chr(i) + chr(j) for i in range(128) for j in range(128)]
    for text in texts:
        assert confusables.match_key.__wrapped__(text) == confusables._match_key(text), repr(text)
