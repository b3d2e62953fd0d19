"""The SMS trainer can add hold-out batches (issue #5 cross-batch experiment, ``hold_w1_c20``) at sample weight 1 when
asked; by default it adds none and C is 5 (the experiment's model was shipped and taken back: it lost out of sample
across sources, docs/models.md "Third look")."""

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


A_TO_J = tuple("abcdefghij")


def test_by_default_no_holdout_batch_is_training_data():
    assert HOLDOUT_SMS_TRAIN_BATCHES == ()
    assert KIND_CONFIG["sms"]["C"] == 5.0


def test_holdout_sms_rows_are_the_asked_batches_at_weight_one():
    data = holdout_sms(A_TO_J)
    rows = _rows()
    wanted = [r for r in rows if r["batch"] in A_TO_J]
    assert len(data) == len(wanted) and len(wanted) < len(rows)
    assert data.texts == [r["text"] for r in wanted]
    assert set(sample_weights(data.sources).tolist()) == {1.0}


@pytest.mark.parametrize("builtin, batches, expect", [
    (True, A_TO_J, True),
    (True, None, False),  # the default: none
    (True, (), False),
    (False, A_TO_J, False),
])
def test_load_training_data_adds_sms_holdout_with_builtin_sets(builtin, batches, expect):
    data = load_training_data("sms", [], builtin=builtin, holdout_splits=batches)
    got = {t for s, t in zip(data.sources, data.texts) if s == "sms_india_holdout"}
    a_to_j = {r["text"] for r in _rows() if r["batch"] in A_TO_J}
    only_later = {r["text"] for r in _rows()} - a_to_j  # batch k and later
    if expect:
        assert got and got <= a_to_j and not got & only_later
    else:
        assert not got
