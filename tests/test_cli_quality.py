"""`scamshield eval` / `scamshield train`, and the FROZEN EVALUATION regression guard on the dev data."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from scamshield.cli import quality
from scamshield.evaluation import EvalRecord, summarise
from scamshield.training.datasets import read_csv, stratified_sample

DATA = Path(os.environ.get("SCAMSHIELD_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    a = typer.Typer()
    quality.register(a)

    @a.callback()
    def _root() -> None:  # keeps eval/train as sub-commands
        pass

    return a


def _write(path: Path, header: str, rows: list[tuple[str, int]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([header, "label"])
        w.writerows(rows)
    return path


SMS_ROWS = [
    ("URGENT: your account is blocked, update KYC at http://kyc-update.xyz now", 1),
    ("You have won a cash prize of 10000, call 09061701461 to claim", 1),
    ("Your parcel is held at customs, pay the fee at http://post-fee.top", 1),
    ("Congratulations! Free entry to win a car, text WIN to 80086", 1),
    ("Your electricity will be disconnected tonight, call officer 9876543210", 1),
    ("Claim your reward points before they expire: http://points-redeem.club", 1),
    ("See you at lunch tomorrow", 0),
    ("Can you call me when you are free?", 0),
    ("Reached home, thanks for the ride", 0),
    ("I'll be late, start dinner without me", 0),
    ("Happy birthday! Have a great day", 0),
    ("Meeting moved to 3pm, same room", 0),
]


def test_eval_model_only_json(app, tmp_path):
    f = _write(tmp_path / "sms.csv", "text", SMS_ROWS)
    res = CliRunner().invoke(app, ["eval", "sms", str(f), "--json", "--model-only"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["rows"] == 12 and out["fraud"] == 6 and out["legit"] == 6
    assert set(out["confusion"]) == {"tp", "fp", "tn", "fn"}
    assert sum(out["confusion"].values()) == 12
    assert out["roc_auc"] is not None and out["roc_auc"] > 0.8
    assert {"p50", "p99", "max"} <= set(out["latency_ms"])
    assert out["analyser"] == "model-only"


def test_eval_limit_and_table(app, tmp_path):
    f = _write(tmp_path / "sms.csv", "text", SMS_ROWS)
    res = CliRunner().invoke(app, ["eval", "sms", str(f), "--limit", "4", "--model-only"])
    assert res.exit_code == 0, res.output
    assert "precision" in res.stdout and "calibration" in res.stdout


def test_eval_rejects_csv_without_label(app, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("text\nhello\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", "sms", str(f), "--model-only"])
    assert res.exit_code != 0


@pytest.mark.parametrize("extra_rows,skipped", [
    ([("maybe a scam, maybe not", "maybe")], {"unusable_label": [14]}),
    ([("", "1"), ("   ", "0")], {"empty_text": [14, 15]}),
    ([("text", "2"), ("text", ""), ("text", "1.0"), ("", "1")], {"unusable_label": [14, 15, 16], "empty_text": [17]}),
    # near misses: labels with spaces around them and any non-empty text are usable, nothing is skipped
    ([("ok then", " 1 "), ("x", "0")], {}),
    ([], {}),
])
def test_eval_reports_skipped_rows(app, tmp_path, extra_rows, skipped):
    f = _write(tmp_path / "sms.csv", "text", SMS_ROWS + extra_rows)  # header + 12 rows: extra rows start on line 14
    res = CliRunner().invoke(app, ["eval", "sms", str(f), "--json", "--model-only"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[-1])
    n_skipped = sum(len(v) for v in skipped.values())
    assert out["rows"] == 12 + len(extra_rows) - n_skipped
    assert out["skipped"] == n_skipped
    assert {k: v["lines"] for k, v in out["skipped_reasons"].items()} == skipped
    assert {k: v["rows"] for k, v in out["skipped_reasons"].items()} == {k: len(v) for k, v in skipped.items()}
    if n_skipped:
        assert f"warning: skipped {n_skipped} of {12 + len(extra_rows)} rows" in res.stderr
    else:
        assert "warning" not in res.stderr


def test_eval_text_mode_warns_on_stderr_only(app, tmp_path):
    f = _write(tmp_path / "sms.csv", "text", SMS_ROWS + [("hmm", "maybe")])
    res = CliRunner().invoke(app, ["eval", "sms", str(f), "--model-only"])
    assert res.exit_code == 0, res.output
    assert "warning: skipped 1 of 13 rows: 1 with a label that is not 0 or 1 (line 14)" in res.stderr
    assert "warning" not in res.stdout and "precision" in res.stdout


@pytest.mark.parametrize("rows,why", [
    ([("hello", "maybe"), ("", "1")], "skipped 2 of 2 rows"),
    ([], "no data rows"),
])
def test_eval_with_no_usable_row_is_an_error(app, tmp_path, rows, why):
    f = _write(tmp_path / "sms.csv", "text", rows)
    res = CliRunner().invoke(app, ["eval", "sms", str(f), "--json", "--model-only"])
    assert res.exit_code == 2
    err = " ".join(res.stderr.split())  # rich wraps long lines
    assert "no usable rows" in err and why in err
    assert res.stdout.strip() == ""


def test_eval_full_transcript_reports_early_warning(app, tmp_path):
    pytest.importorskip("scamshield.engine.conversation")
    rows = [("hello I am calling from your bank\nyour account is blocked\ninstall anydesk now\nshare the otp", 1),
            ("hi it's Anna\nare we still on for lunch tomorrow\nyes see you at noon", 0)]
    f = _write(tmp_path / "calls.csv", "text", rows)
    res = CliRunner().invoke(app, ["eval", "transcript", str(f), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["analyser"] == "full"
    assert set(out["early_warning"]) >= {"median_alert_at_fraction", "scams_alerted", "scams"}


def test_train_writes_loadable_artefact(app, tmp_path):
    from scamshield.engine.textmodel import load_model  # noqa: F401  (import check)
    from scamshield.engine.textmodel import LinearTextModel

    f = _write(tmp_path / "sms.csv", "text", SMS_ROWS)
    out = tmp_path / "models"
    res = CliRunner().invoke(app, ["train", "sms", "--data", str(f), "--out", str(out), "--no-builtin"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout.strip().splitlines()[-1])
    assert report["rows"] == 12
    meta = json.loads((out / "sms.json").read_text())
    assert meta["training"]["sources"] == {"sms": {"rows": 12, "fraud": 6, "legit": 6}}
    import numpy as np

    with np.load(out / "sms.npz") as z:
        model = LinearTextModel.from_arrays("sms", {k: z[k] for k in z.files}, meta)
    assert model.predict_proba(SMS_ROWS[0][0]) > model.predict_proba(SMS_ROWS[-1][0])


# ---------------------------------------------------------------------------------------------------------------
# FROZEN EVALUATION: minimum figures on (stratified samples of) the dev data. Lower them only with a written reason
# in docs/evaluation.md; raise them when the product improves.
# ---------------------------------------------------------------------------------------------------------------

FROZEN = [
    # (kind, folder, sample size, analyser, minimums) -- measured values in docs/evaluation.md; minimums a little below
    # SMS raised after the Indian text-only work (measured: Mendeley model F1 0.985 / recall 0.971 / FPR 0, UCI model
    # 0.968 / 0.939 / 0; full+model Mendeley 0.986 / FPR 0.6 %, UCI 0.974 / FPR 0). Were 0.90/0.85, 0.85/0.80, 0.95, 0.94.
    ("sms", "sms_mendeley_smishing_dev_half", 440, "model", {"f1": 0.93, "recall": 0.90, "fpr_max": 0.03}),
    ("sms", "sms_uci_spam_collection", 800, "model", {"f1": 0.90, "recall": 0.85, "fpr_max": 0.01}),
    # lowered from 0.80: since the out-of-sample URL analysis the model alone flags only at p >= 0.99 (was 0.95)
    ("url", "urls_idn_punycode_dev", 69, "model", {"recall": 0.65}),
    ("url", "domains_benign_tranco_top10k_dev_half", 1500, "model", {"fpr_max": 0.002}),
    ("transcript", "transcripts_bothbosu_single_agent", 200, "model", {"f1": 0.95}),
    # the product (rules + model; ``--add-model`` is a no-op now that the rule detectors emit the ml_* signal)
    ("sms", "sms_mendeley_smishing_dev_half", 300, "full+model", {"f1": 0.96, "fpr_max": 0.02}),
    ("sms", "sms_uci_spam_collection", 800, "full+model", {"f1": 0.95, "fpr_max": 0.005}),
    ("url", "domains_benign_tranco_top10k_dev_half", 1500, "full+model", {"fpr_max": 0.002}),
    ("url", "urls_benign_iscx2016_dev_half", 1500, "full+model", {"fpr_max": 0.005}),
    ("url", "urls_phishtank_2020", 1500, "full+model", {"recall": 0.58}),  # 0.595 measured after the recent-kit rules
    ("url", "urls_idn_punycode_dev", 69, "full+model", {"recall": 0.75}),
    ("transcript", "transcripts_bothbosu_single_agent", 60, "full+model", {"f1": 0.95}),
]


@pytest.mark.parametrize("kind, folder, n, analyser, mins", FROZEN, ids=[f"{f[0]}-{f[1]}-{f[3]}" for f in FROZEN])
def test_frozen_evaluation(kind, folder, n, analyser, mins):
    path = DATA / folder / "data.csv"
    if not path.is_file():
        pytest.skip(f"dev data not found at {path} (set SCAMSHIELD_SHARED_DATA)")
    try:
        run = quality.model_analyser(kind) if analyser == "model" else quality.full_analyser(kind, add_model=True)
    except ImportError as exc:
        pytest.skip(f"{kind} analyser not available: {exc}")
    rows = stratified_sample(read_csv(path), n, seed=7)
    recs = []
    for t, y in zip(rows.texts, rows.labels):
        score, flagged, _ = run(t)
        recs.append(EvalRecord(y, score, flagged, 0.0, t))
    s = summarise(recs)
    if "f1" in mins:
        assert s["f1"] >= mins["f1"], s
    if "recall" in mins:
        assert s["recall"] >= mins["recall"], s
    if "fpr_max" in mins:
        assert s["fpr"] <= mins["fpr_max"], s
