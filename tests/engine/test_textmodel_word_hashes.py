"""The text featuriser hashes word bigrams from the tokens' UTF-8 bytes joined by a space (each token encoded once);
table test that this equals hashing the joined string (tm._words_hashes, the reference), including non-ASCII tokens,
digits placeholders, lone surrogates in the input and the currency token."""

from __future__ import annotations

import numpy as np
import pytest

from scamshield.engine import textmodel as tm


@pytest.mark.parametrize("text", [
    "Update your KYC today or your account will be blocked",
    "aapka account band ho jayega, KYC update karein",
    "आपका खाता बंद हो जाएगा केवाईसी अपडेट करें",
    "ನಿಮ್ಮ ಖಾತೆ ಸ್ಥಗಿತ • வங்கி கணக்கு • Ünïcödé café naïve",
    "Rs 2,499.00 debited from A/c XX4417 ₹ 500 £6.40 $12",
    "lone \ud800 surrogate \udfff here \ud83d",
    "emoji 🎁🎉 gift 🎁 claim now!!! 🎁",
    "one",
    "",
    "_ __ ___ a_b",
])
@pytest.mark.parametrize("kind", ["sms", "transcript"])
def test_word_hashes_equal_the_reference(kind, text):
    m = tm.load_model(kind)
    feat = m.featuriser
    t = feat.normalise(text)
    tokens = tm._WORD.findall(t)
    ref = tm._words_hashes(tokens, seed=23, ngrams=feat.word_ngrams)
    f = feat.features(text)
    n_word = ref.size
    got = f.idx[f.idx.size - n_word:] if n_word else f.idx[:0]
    expect = (ref >> np.uint64(64 - feat.dim.bit_length() + 1)).astype(np.intp)
    assert np.array_equal(got, expect), repr(text)
    assert f.val.size == f.idx.size
