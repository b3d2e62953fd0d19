"""The SMS trainer adds hold-out batches a ... j (issue #5 cross-batch experiment, ``hold_w1_c20``) at sample weight 1
and never batch k or later, which stay honest hold-outs for the model; C is 20."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

pytest.importorskip("sklearn")

from scamshield.training.datasets import HOLDOUT_SMS_TRAIN_BATCHES, holdout_sms  # noqa: E402
from scamshield.training.train import KIND_CONFIG, load_training_data, sample_weights  # noqa: E402


def _rows() -> list[dict]:
    res = resources.files("scamshield.training.data").joinpath("sms_india_holdout.csv")
    with resources.as_file(res) as p, open(p, newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r.get("label") in ("0", "1")]


def test_training_batches_are_a_to_j_only():
    assert HOLDOUT_SMS_TRAIN_BATCHES == tuple("abcdefghij")
    assert KIND_CONFIG["sms"]["C"] == 20.0


def test_holdout_sms_rows_are_the_training_batches_at_weight_one():
    data = holdout_sms()
    rows = _rows()
    wanted = [r for r in rows if r["batch"] in HOLDOUT_SMS_TRAIN_BATCHES]
    assert len(data) == len(wanted) and len(wanted) < len(rows)
    assert data.texts == [r["text"] for r in wanted]
    assert set(sample_weights(data.sources).tolist()) == {1.0}


@pytest.mark.parametrize("builtin, batches, expect", [
    (True, None, True),
    (True, (), False),
    (False, None, False),
])
def test_load_training_data_adds_sms_holdout_with_builtin_sets(builtin, batches, expect):
    data = load_training_data("sms", [], builtin=builtin, holdout_splits=batches)
    got = {t for s, t in zip(data.sources, data.texts) if s == "sms_india_holdout"}
    a_to_j = {r["text"] for r in _rows() if r["batch"] in HOLDOUT_SMS_TRAIN_BATCHES}
    only_later = {r["text"] for r in _rows()} - a_to_j  # batch k and later
    if expect:
        assert got and got <= a_to_j and not got & only_later
    else:
        assert not got
