"""The transcript trainer adds the hold-out splits written before blind15 (issue #5 cross-split experiment) and
never the later ones, which stay honest hold-outs for the model."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

pytest.importorskip("sklearn")

from scamshield.training.datasets import HOLDOUT_TRAIN_SPLITS, holdout_transcripts  # noqa: E402
from scamshield.training.train import load_training_data, sample_weights  # noqa: E402


def _splits() -> dict[str, int]:
    res = resources.files("scamshield.training.data").joinpath("transcripts_realistic_holdout.csv")
    with resources.as_file(res) as p, open(p, newline="", encoding="utf-8") as fh:
        out: dict[str, int] = {}
        for r in csv.DictReader(fh):
            if r.get("label") in ("0", "1"):
                out[r["split"]] = out.get(r["split"], 0) + 1
        return out


def test_training_splits_stop_before_blind15():
    assert "blind14" in HOLDOUT_TRAIN_SPLITS and "tuning" in HOLDOUT_TRAIN_SPLITS
    assert not any(s.startswith("blind") and s[5:].isdigit() and int(s[5:]) >= 15 for s in HOLDOUT_TRAIN_SPLITS)


def test_holdout_rows_are_only_the_training_splits_cut_into_finals():
    data = holdout_transcripts()
    counts = _splits()
    assert len(data) == sum(n for s, n in counts.items() if s in HOLDOUT_TRAIN_SPLITS)
    assert {e["split"] for e in data.extra} == set(HOLDOUT_TRAIN_SPLITS) & set(counts)
    lines = [ln for t in data.texts for ln in t.split("\n")]
    assert max(len(ln.split()) for ln in lines) <= 20  # 10-20-word finals, as the live stream delivers them
    assert set(sample_weights(data.sources).tolist()) == {1.0}
    assert set(sample_weights(holdout_transcripts(weighted=True).sources).tolist()) == {3.0}


@pytest.mark.parametrize("builtin, splits, expect", [
    (True, None, True),
    (True, (), False),
    (False, None, False),
])
def test_load_training_data_adds_holdout_with_builtin_sets(builtin, splits, expect):
    data = load_training_data("transcript", [], builtin=builtin, holdout_splits=splits)
    got = {e.get("split") for s, e in zip(data.sources, data.extra) if s.startswith("transcripts_realistic_holdout")}
    if expect:
        assert got <= set(HOLDOUT_TRAIN_SPLITS) and "blind14" in got and "blind15" not in got
        # prefixes (35 % / 65 % of the finals) are added for the hold-out calls too
        assert any(s == "transcripts_realistic_holdout:prefix" for s in data.sources)
    else:
        assert not got
