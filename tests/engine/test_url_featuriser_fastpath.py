"""The URL featuriser's fast paths (issue #5 speed) change no feature: host entropy counted without a Counter, and an
ASCII path's word tokens read from its bytes, must give the values, buckets and names of the plain str computation.
Non-ASCII paths (Unicode digits, which str ``\\d`` matches and bytes ``[0-9]`` does not) keep the str path."""

from __future__ import annotations

import math
import zlib
from collections import Counter

import numpy as np
import pytest

from scamshield.engine import textmodel as tm


def _counter_entropy(s: str) -> float:
    if not s:
        return 0.0
    n = len(s)
    return -sum([c / n * math.log2(c / n) for c in Counter(s).values()])


@pytest.mark.parametrize("host", [
    "", "a", "aaaa", "example.com", "helpdesk-appleaccount-inc-verifyidonline-termination.gyldige.com",
    "xn----8sbhuigubdkxi9k8a.xn--p1ai", "пример.рф", "192.168.0.1", "a1b2c3.d4e5.top", "zzzyyyxxx.ab-cd.io",
])
def test_entropy_equals_the_counter_formula(host: str) -> None:
    assert tm._entropy(host) == _counter_entropy(host)  # bit for bit: same terms, same order


def _str_word_crcs(path: str) -> list[int]:
    return [zlib.crc32(("p=" + w).encode("utf-8", "replace"), 41) for w in tm._URL_WORD.findall(path)[:40]]


@pytest.mark.parametrize("url", [
    "https://deportesherranz.com/wp-content/plugins/retail/login.php?cmd=login_submit&id=abe019b9707915c3d34aa332a0",
    "http://example.com/a1b22c333/x_y-z?q=42&r=abc#frag",
    "http://example.com/" + "word/" * 60,                                    # more than 40 words: the cap
    "http://example.com/٣٤٥/login",                                          # Arabic-Indic digits: the str path
    "http://example.com/ｌｏｇｉｎ/१२३",                                        # full-width letters, Devanagari digits
    "http://example.com/caf%C3%A9/login",
])
def test_path_word_tokens_equal_the_str_computation(url: str) -> None:
    feat = tm.url_model().featuriser if tm.url_model() is not None else tm.UrlFeaturiser()
    parts = tm.split_url(url, feat.max_chars)
    path = parts.path[: feat.max_chars]
    f = feat.features_of_parts(parts, with_names=True)
    hd = tm._host_info(parts.host)
    expected_crcs = hd.tok_crc + _str_word_crcs(path)
    n_tok = len(expected_crcs)
    th = np.asarray(expected_crcs, dtype=np.uint64) * tm._P
    expected_buckets = tm._buckets_in_place(th, feat.dim)
    assert np.array_equal(f.idx[-n_tok:], expected_buckets)
    names = list(f.names)[-n_tok:]
    words = tm._URL_WORD.findall(path)[:40]
    assert names[len(hd.toks):] == ["path-word:" + w for w in words]
    assert all(isinstance(n, str) for n in names)
    # one name at a time (an explanation's lookup) reads the same as the whole list
    assert [f.names[len(f.names) - n_tok + i] for i in range(n_tok)] == names
