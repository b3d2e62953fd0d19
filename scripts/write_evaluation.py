"""Run every `scamshield eval` on ../shared/data (+ the cross-source script) and print docs/evaluation.md.

    .venv/bin/python scripts/write_evaluation.py [--data-dir ../shared/data] [--cross-source FILE.json]
        [--skip-cross-source] > docs/evaluation.md

Each figure is produced by the same code as `scamshield eval KIND DATA.csv --json` (the exact command is printed
next to it). `--cross-source FILE.json` reuses a saved output of scripts/cross_source_eval.py (it retrains models,
which takes a few minutes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

from scamshield.cli.quality import evaluate
from scamshield.engine import textmodel

SETS = [
    ("sms", "sms_uci_spam_collection"),
    ("sms", "sms_mendeley_smishing_dev_half"),
    ("url", "urls_phishtank_2020"),
    ("url", "urls_benign_iscx2016_dev_half"),
    ("url", "domains_benign_tranco_top10k_dev_half"),
    ("url", "urls_idn_punycode_dev"),
    ("transcript", "transcripts_bothbosu_single_agent"),
]


def f(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.4f}"
    return str(x)


def run_sets(root: Path, analyser: str) -> list[dict[str, Any]]:
    out = []
    for kind, folder in SETS:
        path = root / folder / "data.csv"
        if not path.is_file():
            continue
        print(f"eval {analyser} {kind} {folder}", file=sys.stderr)
        try:
            s = evaluate(kind, path, model_only=(analyser == "model-only"), progress=False, worst=3,
                         add_model=(analyser == "full+model"))
        except ImportError as exc:
            out.append({"kind": kind, "folder": folder, "error": str(exc)})
            continue
        s["folder"] = folder
        out.append(s)
    return out


def table(results: list[dict[str, Any]], analyser: str) -> list[str]:
    flag = {"model-only": " --model-only", "full+model": " --add-model"}.get(analyser, "")
    lines = ["| set | rows (fraud/legit) | precision | recall | F1 | FPR | ROC-AUC | p50 / p99 ms | command |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for s in results:
        cmd = f"`scamshield eval {s['kind']} ../shared/data/{s['folder']}/data.csv{flag}`"
        if "error" in s:
            lines.append(f"| {s['folder']} | – | – | – | – | – | – | – | not available: {s['error']} |")
            continue
        lat = s["latency_ms"]
        lines.append(f"| {s['folder']} | {s['rows']} ({s['fraud']}/{s['legit']}) | {f(s['precision'])} | "
                     f"{f(s['recall'])} | {f(s['f1'])} | {f(s['fpr'])} | {f(s['roc_auc'])} | "
                     f"{lat.get('p50', 0):.3f} / {lat.get('p99', 0):.3f} | {cmd} |")
    extra = [s for s in results if s.get("early_warning")]
    for s in extra:
        ew = s["early_warning"]
        lines.append("")
        lines.append(f"Early warning ({s['folder']}, {analyser}): median alert at "
                     f"{f(ew['median_alert_at_fraction'])} of the call (by utterances); "
                     f"{ew['scams_alerted']}/{ew['scams']} scam calls alerted; "
                     f"{f(ew['share_alerted_within_30pct'])} of scam calls alerted within the first 30 %.")
    return lines


def calibration_md(results: list[dict[str, Any]]) -> list[str]:
    lines = []
    for s in results:
        if "error" in s or s["fraud"] == 0 or s["legit"] == 0:
            continue
        lines.append(f"**{s['folder']}** ({s['analyser']}):")
        lines.append("")
        lines.append("| score band | rows | observed fraud rate | mean score |")
        lines.append("|---|---:|---:|---:|")
        for r in s["calibration"]:
            lines.append(f"| {r['band']} | {r['rows']} | {f(r['fraud_rate'])} | {f(r['mean_score'])} |")
        lines.append("")
    return lines


def errors_md(results: list[dict[str, Any]]) -> list[str]:
    lines = ["URL rows are not quoted: PhishTank / ISCX rows may not be redistributed (see docs/models.md).", ""]
    for s in results:
        if "error" in s or s["kind"] == "url":
            continue
        for key, title in (("worst_false_positives", "false positives"), ("worst_false_negatives", "false negatives")):
            if s[key]:
                lines.append(f"- {s['folder']} worst {title}: " + "; ".join(
                    f"[{r['score']:.0f}] `{r['text'][:90].replace('`', '')}`" for r in s[key]))
    return lines


PRODUCT_KINDS = ("url_product", "sms_product")


def _pct(x: Any) -> str:
    return "–" if x is None else f"{100 * x:.2f} %"


def url_product_md(res: dict[str, Any]) -> list[str]:
    """Combined analyser out of sample (A/B by registered domain) + the simulated policy curve."""
    runs = res["runs"]
    lines = ["Halves (rows): " + "; ".join(f"{side}: " + ", ".join(f"{n} {c}" for n, c in h.items())
                                           for side, h in res["halves"].items()) + ".", ""]
    lines += ["| train → test | PhishTank recall | ISCX FPR | Tranco FPR | hand-written legit FPR (flagged/rows) | "
              "rules alone: PhishTank recall |", "|---|---:|---:|---:|---:|---:|"]
    for name, run in runs.items():
        hm = run["handmade_benign"]["product"]
        lines.append(f"| {name} (shipped analyser) | {f(run['phishtank']['product']['recall'])} | "
                     f"{_pct(run['iscx']['product']['fpr'])} | {_pct(run['tranco']['product']['fpr'])} | "
                     f"{_pct(hm['fpr'])} ({hm['fp']}/{hm['rows']}) | {f(run['phishtank']['rules_only']['recall'])} |")
    lines += ["", "**Policy curve** (same rows; score = clamp(rule points + model points), flagged at ≥ 50; "
              "A→B / B→A). *bare* = cap on a host without a path, *shared* = cap on shortener / free-hosting / "
              "user-content / dynamic-DNS hosts:", "",
              "| policy (knots p→points) | bare / shared cap | PhishTank recall | ISCX FPR | Tranco FPR | "
              "hand-written legit flagged |", "|---|---|---|---|---|---|"]
    for pname, pol in res["policies"].items():
        cells = []
        for src in ("phishtank", "iscx", "tranco", "handmade_benign"):
            vals = [runs[r][src]["policies"][pname] for r in runs]
            if src == "phishtank":
                cells.append(" / ".join(f(v["recall"]) for v in vals))
            elif src == "handmade_benign":
                cells.append(" / ".join(f"{v['fp']}" for v in vals) + f" of {vals[0]['rows']}")
            else:
                cells.append(" / ".join(_pct(v["fpr"]) for v in vals))
        knots = ", ".join(f"{p:g}→{w:g}" for p, w in pol["knots"])
        caps = f"{pol['bare_host_cap']:g} / {pol['shared_host_cap']:g}" if pol["bare_host_cap"] < 100 else "none"
        lines.append(f"| {'**shipped**' if pname == 'SHIPPED' else pname}: {knots} | {caps} | " + " | ".join(cells) + " |")
    lines += ["", "Model alone on the test half (probability cuts; PhishTank recall / ISCX FPR / Tranco FPR / "
              "hand-written FPR):", ""]
    lines += ["| train → test | p ≥ 0.5 | p ≥ 0.8 | p ≥ 0.95 |", "|---|---|---|---|"]
    for name, run in runs.items():
        cells = []
        for i in range(3):
            cells.append(" / ".join([f(run["phishtank"]["model_alone_at_p"][i]["recall"])]
                                    + [_pct(run[s]["model_alone_at_p"][i]["fpr"])
                                       for s in ("iscx", "tranco", "handmade_benign")]))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "Hand-written legitimate URLs flagged by the shipped analyser, by category (A→B model / B→A model): "
              + "; ".join(f"{c} {v['flagged']}/{runs['B->A']['handmade_benign']['by_category'][c]['flagged']} of "
                          f"{v['rows']}" for c, v in runs["A->B"]["handmade_benign"]["by_category"].items()) + "."]
    lines += ["", "Calibration of the shipped analyser's score out of sample (test half, PhishTank + ISCX + Tranco "
              "pooled; the mix is ~45 % phishing, far richer than real traffic):", "",
              "| score band | " + " | ".join(f"{r} rows / fraud rate" for r in runs) + " |",
              "|---|" + "---|" * len(runs)]
    pooled = {}
    for rname, run in runs.items():
        bands: dict[str, list[float]] = {}
        for src in ("phishtank", "iscx", "tranco"):
            for b in run[src]["calibration"]:
                acc = bands.setdefault(b["band"], [0, 0.0])
                acc[0] += b["rows"]
                acc[1] += (b["fraud_rate"] or 0.0) * b["rows"]
        pooled[rname] = bands
    for band in next(iter(pooled.values())):
        cells = []
        for rname in runs:
            n, fr = pooled[rname][band]
            cells.append(f"{n} / {f(fr / n) if n else '–'}")
        lines.append(f"| {band} | " + " | ".join(cells) + " |")
    return lines


def sms_product_md(res: dict[str, Any]) -> list[str]:
    lines = ["| train → test | rows (fraud/legit) | precision | recall | F1 | FPR | ROC-AUC |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for name, r in res.items():
        p = r["product"]
        lines.append(f"| {name} | {p['rows']} ({p['fraud']}/{p['legit']}) | {f(p['precision'])} | {f(p['recall'])} | "
                     f"{f(p['f1'])} | {_pct(p['fpr'])} | {f(p['roc_auc'])} |")
    lines += ["", "Calibration (full analyser score, out of sample):", ""]
    for name, r in res.items():
        lines.append(f"- {name}: " + "; ".join(f"{c['band']}: {c['rows']} rows, fraud rate {f(c['fraud_rate'])}"
                                               for c in r["calibration"]))
    return lines


def cross_md(cross: dict[str, Any]) -> list[str]:
    lines = ["| kind | train → test | rows (fraud/legit) | ROC-AUC | P / R / F1 / FPR at p≥0.5 | "
             "P / R / F1 / FPR at p≥0.8 | P / R / F1 / FPR at p≥0.95 |", "|---|---|---|---:|---|---|---|"]
    for kind, runs in cross.items():
        if kind in PRODUCT_KINDS:
            continue
        for name, r in runs.items():
            cells = []
            for c in r["at_probability"]:
                cells.append(" / ".join(f(c[k]) for k in ("precision", "recall", "f1", "fpr")))
            lines.append(f"| {kind} | {name} | {r['rows']} ({r['fraud']}/{r['legit']}) | {f(r['roc_auc'])} | "
                         + " | ".join(cells) + " |")
    return lines


def model_latency(root: Path, n: int = 2000) -> list[str]:
    """Per-item latency of the learned part alone (probability; and signal incl. explanation)."""
    import time

    from scamshield.evaluation import percentiles
    from scamshield.training.datasets import read_csv, stratified_sample

    sets = {"url": "urls_phishtank_2020", "sms": "sms_uci_spam_collection",
            "transcript": "transcripts_bothbosu_single_agent"}
    builders = {"url": (textmodel.url_model, textmodel.url_model_signal),
                "sms": (textmodel.sms_model, textmodel.sms_model_signal),
                "transcript": (textmodel.transcript_model, textmodel.transcript_model_signal)}
    lines = ["| model | items | predict_proba p50 / p99 ms | signal (+explain) p50 / p99 ms |", "|---|---:|---|---|"]
    for kind, folder in sets.items():
        path = root / folder / "data.csv"
        if not path.is_file():
            continue
        texts = stratified_sample(read_csv(path), n, seed=1).texts
        get, sig = builders[kind]
        m = get()
        if m is None:
            continue
        for t in texts[:50]:
            m.predict_proba(t)
        a, b = [], []
        for t in texts:
            t0 = time.perf_counter()
            m.predict_proba(t)
            t1 = time.perf_counter()
            sig(t)
            t2 = time.perf_counter()
            a.append((t1 - t0) * 1000)
            b.append((t2 - t1) * 1000)
        pa, pb = percentiles(a), percentiles(b)
        lines.append(f"| {kind} | {len(texts)} | {pa['p50']:.3f} / {pa['p99']:.3f} | {pb['p50']:.3f} / {pb['p99']:.3f} |")
    return lines


def _script_json(name: str, *args: str) -> dict[str, Any]:
    here = Path(__file__).resolve().parent
    res = subprocess.run([sys.executable, str(here / name), "--json", *args], capture_output=True, text=True,
                         check=True)
    return json.loads(res.stdout)


def holdouts_md(cross: dict[str, Any] | None) -> list[str]:
    """The hand-written hold-outs (CC0): Indian SMS, ASR-style calls, recent phishing shapes. The rules were tuned on
    each after its first read; the transcript model also trains on the call splits up to blind14 (docs/models.md)."""
    out = ["These sets are **written by the project** (src/scamshield/training/data/README.md) and rules were improved "
           "after reading their misses, so every figure here is **optimistic**; the *first read* figures (the code "
           "of the previous release, commit c54f346, or the first run on rows written later) are the honest ones. "
           "They exist because no openly licensed labelled Indian SMS or real scam-call transcript set is available.",
           "", "**Indian SMS** — `.venv/bin/python scripts/sms_india_eval.py` (flagged = risk score ≥ 50):", "",
           "| mode | rows (fraud/legit) | precision | recall | F1 | FPR |", "|---|---|---:|---:|---:|---:|"]
    sms = _script_json("sms_india_eval.py")
    for mode in ("with_sender", "text_only"):
        groups = [("all", sms[mode]["overall"])] + [(f"batch {k}", v) for k, v in sms[mode]["batches"].items()]
        for name, r in groups:
            out.append(f"| {mode.replace('_', ' ')}, {name} | {r['rows']} ({r['fraud']}/{r['legit']}) | "
                       f"{f(r['precision'])} | {f(r['recall'])} | {f(r['f1'])} | {_pct(r['fpr'])} |")
    out += ["", "First reads: the previous release (c54f346) scored batch a (328 rows, written before any rule change "
            "for it) F1 0.865 / FPR 7.2 % with the sender and 0.830 / 12.2 % text only; batch b (73 rows written "
            "after the first round of changes) scored F1 0.842 / FPR 2.4 % on its first run with the new code "
            "(0.628 / 7.3 % with the previous release). Batch c (273 rows, third session, written before that "
            "session's SMS changes) first read F1 0.936 / FPR 3.1 % with the sender and 0.918 / 4.9 % text only; "
            "batch d (110 rows, written before that session's tuning and read once after it) first read F1 0.955 / "
            "FPR 1.5 % text only (the previous rules: 0.932 / 3.1 %) — batch d's first read is the figure to quote; "
            "a cue was narrowed after it, so its row below is fitted too. Fourth session (each batch written before "
            "the code changes it then guided, all of them unlike the earlier ones: other regions, recent lures, "
            "genuine traffic first): batch e first read F1 0.879 / FPR 11.9 % text only (0.899 / 8.3 % with the "
            "sender), batch f 0.905 / 4.2 % (0.913 / 4.2 %), batch g 0.923 / 3.3 % (0.947 / 0 %), batch h — written "
            "after every fix and two adversarial reviews — 0.961 / 3.3 % both ways. Fifth session (each batch "
            "written before the round it then guided; k–m by a hand that had read the rules, so optimistic): batch i "
            "(196 rows) first read F1 0.954 / FPR 1.5 % / recall 0.939 with the sender (0.939 / 3.1 % text only), "
            "batch j (67) 0.882 / 5.9 % / 0.94, batch k (123) 0.894 / 1.3 % / 0.826 (0.905 / 0 % text only), batch "
            "l (60) 0.889 / 0 % / 0.80, batch m (101, written after an adversarial review's fixes) 0.881 / 1.8 % / "
            "0.804, batch n (111, fraud written to avoid the obvious keywords: polite openers, chats moved to "
            "WhatsApp, recruiters, relationship managers) 0.764 / 0 % / 0.618 (0.756 / 1.8 % text only), batch o "
            "(48, written after every fix, never tuned on) 0.790 / 3.8 % / 0.682 both ways. Sixth session (each "
            "batch written blind by a new hand, committed, read once, then fitted): batch p (118 rows: 2025–26 "
            "Indian lures from personal numbers and spoofed headers in English, Hinglish and five Indian scripts, "
            "UK / US / AU / SG smishing, genuine alerts and awareness texts quoting lures) **0.925 / 7.6 % / 0.942** "
            "with the sender (0.906 / 9.1 % text only; every false positive an awareness text quoting a lure, since "
            "handled by `quoted_lure_warning`), batch q (117 rows, half without a sender id; keyword-light "
            "openers — new-number favours, wrong-number small talk, investment mentors, recruiters — and Spanish, "
            "Portuguese, German, Tagalog, Swahili lures) **0.813 / 1.6 % / 0.698** both ways (rows without a "
            "sender 0.762 / 3.0 %); batch r (60 rows, 30 fraud: common Indian and international lures in plain "
            "wording, written by the sixth session's coordinator at its start, shown to no contributor, read at the "
            "start and the end, never tuned on) F1 0.949 / FPR 3.3 % / recall 0.933 on the previous release, "
            "**0.966 / 0 % / 0.933** after the session, with and without the sender; batch s (80 rows, written at the "
            "session's end by a hand that had not read the detector, read once on the final code) **0.957 / 2.2 % / "
            "0.943** with the sender, 0.941 / 2.2 % / 0.914 text only. Seventh session: batch t (60 rows, the "
            "coordinator's, shown to no contributor, never tuned on) F1 0.880 / FPR 0 / recall 0.786 with the sender "
            "on the previous release (0.857 / 0 text only), 0.902 / 0 / 0.821 at the end (0.880 / 0 / 0.786 text only); batch u (130 rows, written blind, "
            "keyword-light lures in six Indian scripts and eight other countries, hard genuine look-alikes) first read "
            "**0.865 / 5.3 % / 0.818** with the sender (0.838 / 8.0 % text only), fitted after; batch v (90 rows, "
            "written at the session's end outside the repository and read once on the final code) **0.761 / 8.0 % / "
            "0.675** with the sender (0.725 / 8.0 % / 0.625 text only) — the least flattering and the most honest "
            "figure of the session: soft lures without the words rules key on, and awareness texts; after a round on "
            "its kinds of error (fitted) 0.889 / 0 / 0.80 with the sender, 0.857 / 0 / 0.75 text only. Eighth session: "
            "batch w (70 rows, the coordinator's, written blind at the start, shown to no contributor, never tuned "
            "on) F1 0.909 / FPR 0 / recall 0.833 on the previous release, 0.929 / 0 / 0.867 at the end (both ways); "
            "batch x (90 rows, written blind: wrong-number and 'Hi Mum' openers, task-job recruiters in Tamil / "
            "Tagalog / Malay, romance customs fees, GCash / M-PESA reversal asks, hard genuine alerts) first read "
            "**0.833 / 4 % / 0.75** both ways, fitted after; batch z (70 rows, written with w at the session's start "
            "outside the repository, read once on the final code) **0.893 / 2.5 % / 0.833** with the sender, "
            "0.912 / 2.5 % / 0.867 text only (a Hinglish message retelling a digital-arrest call to a sister flagged; "
            "missed: a card-limit phish on a bare look-alike domain under the bank's own DLT header, a Kenyan Fuliza "
            "PIN ask, a Malay police threat, an OLX 'scan and enter PIN to receive' QR, a romance-crypto opener), "
            "after a round on those kinds (fitted) 0.983 / 0 / 0.967. False positives on unseen genuine traffic are low once a batch's kind of "
            "genuine text has been seen (0–2 %); recall on unseen fraud wordings (0.6–0.94) is the gap. The honest "
            "figure for unseen Indian and international SMS is the first read of the latest batch, not the fitted "
            "rows below.", "",
            "**Calls, streamed like speech-to-text** (no speaker tags, lower case, mis-hearings; 10–20-word "
            "segments) — `.venv/bin/python scripts/transcript_robustness_eval.py --split tuning|blind|blind2|...`:",
            "",
            "| split | calls (scam/legit) | precision | recall | F1 | FPR | median alert at | alerted within 30 % | "
            "segment CPU p50 / p99 |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|"]
    for split in _call_splits():
        r = _script_json("transcript_robustness_eval.py", "--split", split)
        cpu = r["segment_cpu_ms"]
        out.append(f"| {split} | {r['calls']} ({r['scams']}/{r['legit']}) | {f(r['precision'])} | {f(r['recall'])} | "
                   f"{f(r['f1'])} | {_pct(r['fpr'])} | {f(r['median_alert_at_fraction'])} of the call | "
                   f"{_pct(r.get('share_scams_alerted_within_30pct'))} | {cpu['p50']} / {cpu['p99']} ms |")
    out += ["", "First reads: the previous release scored the tuning split F1 0.763 (recall 0.658, FPR 8.9 %) and the "
            "blind split F1 0.71 (recall 0.55); the blind split's first and only clean run with the new code gave "
            "recall 0.65 / F1 0.79 — the figure to quote. The median alert position is late on short voicemails "
            "(a 40–80-word message cut into 10–20-word segments cannot alert before a third of it is heard); on "
            "calls of 150+ words it is 0.29 of the call, and on BothBosu 0.08. The blind2 split (78 calls, third "
            "session) first read P 0.969 / R 0.775 / F1 0.861 / FPR 2.6 % (median alert 0.574) before that "
            "session's call changes, which its misses then guided. With Twilio interim results "
            "(`SCAMSHIELD_TWILIO_PARTIAL_RESULTS=1`; `--interim-every 4`) the median alert moves to ~0.54. Fourth "
            "session, each split written before the changes it then guided: blind3 (60 robocall voicemails and "
            "look-alikes) first read F1 0.852 / FPR 3.3 % / median alert 0.60; blind4 (20 calls, written after that "
            "round) F1 0.889 / recall 0.80 / FPR 0 / median 0.95; blind5 (40 longer calls, 122–636 words) F1 0.95 "
            "/ FPR 5 % / median 0.33; blind6 (6 long calls) F1 1.0 / FPR 0 / median 0.42; blind7 (40 calls, "
            "written after two adversarial reviews and their fixes) F1 0.857 / recall 0.75 / FPR 0 / median "
            "0.56. Fifth session (each split committed before its first read, then fitted; blind10 onwards by a "
            "hand that had read the detector): blind8 (53 calls) P 0.962 / R 0.806 / F1 0.877 / FPR 4.5 % / median "
            "0.706; blind9 (20) R 0.75 / F1 0.857 / FPR 0; blind10 (30, SG / MY / PH / NG / CA / IE / UAE) P 0.818 / "
            "R 0.5625 / F1 0.667 / FPR 14.3 %; blind11–blind19 (16–20 calls each) recall 0.5, 0.4, 0.6, 0.4, 0.8, "
            "0.7, 0.6, 0.5, 0.7 with precision 1.0 and FPR 0 on every one; blind20 (20) P 1.0 / R 0.70 / F1 0.824; "
            "fp1 (58 calls: 47 genuine calls that use scam vocabulary innocently, 11 scam controls) 2 of 47 "
            "genuine calls alerted (FPR 4.3 %: a friend on bitcoin seed phrases, a bank's 'we will never ask you "
            "to … share your passcode' cut mid-sentence), 10 of 11 controls; blind21 (24) P 1.0 / R 0.857 / F1 "
            "0.923 / FPR 0; blind22 (16) P 1.0 / R 0.667 / F1 0.80 / FPR 0 (scam-bait calls where the victim restates "
            "the pitch: a restated ask is now read as the ask); blind23 (16, 8 bait calls, written after every "
            "fix, never tuned on) **P 1.0 / R 0.80 / F1 0.889 / FPR 0 / median 0.62** — the honest figure for "
            "unseen calls in the fifth session. Sixth session (each split written blind by a new hand, every scam "
            "paired with a genuine call from the same kind of caller): blind24 (24 calls) first read **P 0.857 / "
            "R 1.0 / F1 0.923 / FPR 16.7 % / median 0.666** (false alerts: a bank IVR's 'press two to speak to a "
            "fraud specialist', an insurance agent warning about fake bonus calls); blind25 (24 calls, 18 of "
            "295–491 words) **P 0.80 / R 1.0 / F1 0.889 / FPR 25 % / median 0.28** (false alerts: genuine calls "
            "that warn about the scam they resemble). Recall on unseen scams rose (1.0 on both), the false alerts "
            "moved to genuine calls that talk about scams; both fitted after. blind26 (12 short calls, written by "
            "the sixth session's coordinator at its start, shown to no contributor, never tuned on) F1 1.0 / FPR 0 "
            "on the previous release and after the session, median alert 0.647 both times (short calls alert late); "
            "blind27 (20 calls written at the session's end by a hand that had not read the detector, read once on "
            "the final code) **P 1.0 / R 1.0 / FPR 0 / median 0.326** (3 of 10 scams within the first 30 %). Seventh "
            "session: blind28 (12 calls, the coordinator's, never tuned on) P 0.75 / R 1.0 / FPR 33 % on the previous "
            "release and the same at the end, median alert 0.458 -> 0.407 (a friend retelling a digital-arrest call, an insurance renewal that "
            "says 'no need to share any OTP'); blind29 (30 calls: voicemails, 450–530-word scam-bait calls, genuine "
            "calls that retell scams) first read P 0.882 / R 1.0 / FPR 13.3 % / median 0.397; blind30 (44 robocall "
            "voicemails and legitimate automated calls) **R 0.708** / FPR 0 / median 0.625; blind31 (40, written to "
            "test whether the blind30 fixes generalise) P 0.913 / R 0.955 / FPR 11.1 % / median 0.52 — all three "
            "fitted after; blind32 (24 calls written at the session's end outside the repository, read once on the "
            "final code) **P 0.917 / R 0.917 / F1 0.917 / FPR 8.3 % / median 0.343**, fitted after (1.0 / 1.0 / 0). "
            "Eighth session: blind33 (24 calls, the coordinator's, written blind at the start, never tuned on) P 0.917 "
            "/ R 0.917 / FPR 8.3 % / median 0.384 on the previous release (a friend retelling a digital-arrest call "
            "alerted), **P 1.0 / R 0.917 / FPR 0** at the end — the retelling cleared by the general speaker-role "
            "mechanism (narrated calls vs live demands, tracked over the whole call), not by a rule for it; blind34 "
            "(28 calls written blind: retellings in English and Hinglish, a bank's awareness voicemail, a police "
            "follow-up, late-revealing scams) first read **P 0.722 / R 0.929 / FPR 35.7 % / median 0.512**; blind35 "
            "(20 long two-sided calls as recorded, written blind) first read P 0.909 / R 1.0 / FPR 10 % / median "
            "0.233 (a customer's own call to a bank helpline with a verification code alerted); both fitted after; "
            "blind36 (24 calls written at the session's start outside the repository, read once on the final code) "
            "**P 1.0 / R 1.0 / FPR 0 / median 0.308** (6 of 12 scams within the first 30 %). "
            "Retold scam calls (a friend or "
            "a reporter quoting the scammer) are the recurring false alert: each round's frame covered its own "
            "wordings, not the next hand's. Since commit 81a54e5 the transcript "
            "model is also trained on splits tuning … blind14 (docs/models.md): for the model only blind15 and "
            "later are unseen (there the retrained model catches 57 of 60 scam calls against 56 before, with no "
            "false alert, median alert 0.739 against 0.852). Every split's row below is fitted.", ""]
    hp = None
    if cross is not None:
        runs = cross.get("url_product", {}).get("runs") or cross.get("url_product", {})
        for name in ("A->B", "B->A"):
            r = runs.get(name, {}) if isinstance(runs, dict) else {}
            if isinstance(r, dict) and "handmade_phish_optimistic" in r:
                hp = hp or []
                prod = r["handmade_phish_optimistic"].get("product", r["handmade_phish_optimistic"])
                hp.append(f"{name}: {prod.get('tp', '?')} of {prod.get('rows', '?')}")
    if hp:
        out += ["**Recent phishing URL shapes** (`urls_phish_handwritten.csv`, 126 invented URLs of 2024–2026 kit "
                "shapes, never trained on), caught by the product with the model of each half: " + "; ".join(hp)
                + " (the previous release: 101 / 104 of 126).", ""]
    out += _url_holdouts()
    return out


def _call_splits() -> list[str]:
    """Every split of the hand-written call hold-out, in the order the splits were written."""
    import csv
    from importlib import resources

    res = resources.files("scamshield.training.data").joinpath("transcripts_realistic_holdout.csv")
    with resources.as_file(res) as p, open(p, newline="", encoding="utf-8") as fh:
        return list(dict.fromkeys(r["split"] for r in csv.DictReader(fh) if r.get("split")))


def _url_holdouts() -> list[str]:
    """URL hold-outs 2 to 15 scored by the shipped analyser (its model was trained on the dev data, not on these)."""
    import csv
    from importlib import resources

    from scamshield.engine.url import analyze_url

    def rows(name: str) -> list[dict[str, str]]:
        res = resources.files("scamshield.training.data").joinpath(name)
        if not res.is_file():
            return []
        with resources.as_file(res) as p, open(p, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    parts = []
    for n in ("2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "15"):
        phish, legit = rows(f"urls_phish_holdout{n}.csv"), rows(f"urls_benign_holdout{n}.csv")
        if not phish or not legit:
            continue
        caught = sum(analyze_url(r["url"]).risk_score >= 50 for r in phish)
        flagged = sum(analyze_url(r["url"]).risk_score >= 50 for r in legit)
        parts.append(f"hold-out {n}: {caught} of {len(phish)} phishing caught, {flagged} of {len(legit)} "
                     f"legitimate flagged")
    if not parts:
        return []
    return ["**URL hold-outs 2 to 15** (`urls_{phish,benign}_holdout{2..15}.csv`, no 14; invented, each written "
            "before the URL changes it then guided), shipped analyser: " + "; ".join(parts) + ". First reads: "
            "hold-out 2 113 of 127 caught / 2 of 133 flagged (the code before the fourth session's URL work); "
            "hold-out 3, written after all of it and two reviews, 86 of 104 caught (0.83) / 1 of 105 flagged "
            "(F1 ≈ 0.90); hold-out 4 (fifth session: 2025–2026 kit shapes, toll / e-challan / parcel smishing "
            "domains, Cloudflare / Vercel / Firebase / Google Sites hosting, OAuth consent, click-tracking links "
            "among the legitimate ones), 106 of 117 caught (0.906) / 3 of 109 flagged (F1 ≈ 0.94); hold-out 5 (sixth "
            "session: Telegraph, published Google documents, app-link redirectors, QR shorteners, IPFS, "
            "dynamic DNS, many regions) **124 of 160 caught (0.775) / 2 of 137 flagged (F1 0.867)**; hold-out 6 "
            "(sixth session, written after hold-out 5's fixes: free and shared hosts only, brandless pages "
            "included, and 80 legitimate pages on the same hosts) **46 of 60 caught / 14 of 80 flagged (F1 "
            "0.767)** — the first reads are the honest figures; hold-outs 2–5 are fitted, hold-out 6 only "
            "slightly (two lure words). Hold-out 6's legitimate flags are small-business / blog / form pages on "
            "site builders that the learned model is ≥ 99 % sure of (free hosting 30 + the model's shared-host "
            "raise 20 = 50): dropping that raise would clear half of them but lose 31 / 146 PhishTank phish out "
            "of sample (docs/models.md); it is kept, a known trade-off. Hold-out 7 (40 / 40, written by the "
            "sixth session's coordinator at its start and shown to no contributor; read at the session's start and "
            "end, never tuned on): 37 of 40 caught / 0 of 40 flagged (F1 0.961) on the previous release (616a215), "
            "38 of 40 / 0 of 40 (F1 0.974) after the session. Hold-out 8 (67 / 65, written at the session's end "
            "by a hand that had not read the detector; read once, never tuned on): 67 of 67 caught / 0 of 65 "
            "flagged, with thin margins (legitimate forms.gle and Netlify / Vercel pages at 44–49, the weakest "
            "catches at 53–60) and a phishing side that leans on brand-plus-keyword names, so optimistic. Seventh "
            "session: hold-out 9 (40 / 40, the coordinator's, never tuned on) 40 of 40 caught / 0 of 40 flagged on "
            "the previous release and at the end, with thin margins (weakest catch 50, highest legitimate 44); "
            "hold-out 10 (80 / 80, 2025–26 feed shapes, many brandless) first read **74 of 80 caught / 1 of 80 "
            "flagged (F1 0.955)**, fitted on two kinds after (sideloaded APKs, brand + lure in a shortener alias); "
            "hold-out 11 (50 / 50, written at the session's end outside the repository, read once on the final "
            "code) **45 of 50 caught / 3 of 50 flagged (F1 0.918)** — the flags include `google.github.io` "
            "(a brand's own GitHub Pages read as brand-in-subdomain; fixed after: 45 / 2). Hold-out 7's count rose by one after a "
            "general shortener-alias rule (a miss of its kind had been named in the sixth session's notes). Eighth "
            "session: hold-out 12 (50 / 50, the coordinator's, written blind at the start, shown to no contributor, "
            "never tuned on) 48 of 50 caught / 0 of 50 flagged on the previous release and at the end (the misses are "
            "bare Microsoft / Google Forms links, undecidable from the address); hold-out 13 (55 / 55, written blind "
            "by the URL contributor) first read **51 of 55 caught / 1 of 55 flagged**, fitted on two kinds after "
            "(one-letter typos of long brand names, two government names in one commercial domain); hold-out 15 "
            "(50 / 50, written at the session's start outside the repository, read once on the final code) **47 of "
            "50 caught / 0 of 50 flagged (F1 0.969)** (misses: an Indian bank's name with card / limit words on a "
            "new gTLD, a scholarship-scheme domain, a bare forms.gle link at 49), after a round on those kinds "
            "(fitted: shared card / limit lure words for Indian banks, government scheme portals) 49 of 50.", ""]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--cross-source", default=None, help="saved JSON of scripts/cross_source_eval.py")
    ap.add_argument("--skip-cross-source", action="store_true")
    args = ap.parse_args(argv)
    root = Path(args.data_dir)
    full = run_sets(root, "full")
    combined = run_sets(root, "full+model")
    model = run_sets(root, "model-only")
    cross: dict[str, Any] | None = None
    if args.cross_source:
        cross = json.loads(Path(args.cross_source).read_text())
    elif not args.skip_cross_source:
        here = Path(__file__).resolve().parent
        res = subprocess.run([sys.executable, str(here / "cross_source_eval.py"), "--data-dir", str(root)],
                             capture_output=True, text=True, check=True)
        cross = json.loads(res.stdout)
    versions = {k: (m.version if m else "absent") for k, m in
                (("sms", textmodel.sms_model()), ("url", textmodel.url_model()),
                 ("transcript", textmodel.transcript_model()))}
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    out: list[str] = []
    w = out.append
    w("# Evaluation")
    w("")
    how = ("`.venv/bin/python scripts/write_evaluation.py > docs/evaluation.md`" if not args.cross_source else
           "`.venv/bin/python scripts/cross_source_eval.py > cross.json` then "
           "`.venv/bin/python scripts/write_evaluation.py --cross-source cross.json > docs/evaluation.md`")
    w(f"Generated by {how} on {dt.date.today()} "
      f"(commit {commit}, Python {platform.python_version()}, {platform.machine()}). Model artefacts: "
      + ", ".join(f"{k} `{v}`" for k, v in versions.items()) + ".")
    w("")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    w(f"Load average when the run started: {load:.1f} (2 cores, shared with other work: latency p99 figures "
      "here are inflated by scheduling; p50 is the more faithful number).")
    w("")
    w("Label 1 = fraud/spam/phishing. *flagged* = `not is_safe` (risk score ≥ 50). Latency is per item, in process, "
      "measured inside the eval loop on a shared 2-core machine (see `benchmarks/` for the dedicated figures).")
    w("")
    w("## Read this first (caveats)")
    w("")
    w("- **The shipped models are trained on these dev sets** (SMS: UCI + Mendeley dev half + the CC0 Indian set; "
      "URLs: PhishTank 2020 + ISCX dev half + Tranco dev half + the built-in documentation and synthetic legitimate URLs; transcripts: BothBosu + the CC0 calls + the hand-written call hold-out splits tuning … blind14). The *full* and *model-only* "
      "tables below are therefore **in-sample** for the learned part and say little about generalisation. The "
      "honest figures are the **out-of-sample** (rules + model, A/B halves and cross-source) and **cross-source** "
      "ones further down, where the test side was never trained on.")
    w("- Single-class sets (PhishTank: all phishing; ISCX/Tranco: all legitimate) have no precision/ROC-AUC of their "
      "own: read recall on PhishTank/IDN and FPR on ISCX/Tranco.")
    w("- Calibration depends on the class mix: dev sets are much richer in fraud than real traffic, so a band's "
      "observed fraud rate here over-states what a deployment will see.")
    w("- The dev data has almost no Indian UPI/KYC/Aadhaar content and no real (non-LLM) call audio; see "
      "`../shared/data/README.md`.")
    w("")
    w("## How thresholds were chosen")
    w("")
    w("`is_safe` = risk score < 50 everywhere (one rule). The learned models map their calibrated probability to "
      "signal points through knots (and, for URLs, caps) stored in each artefact (docs/models.md):")
    w("")
    w("- **SMS**: 0.5 → 0, 0.8 → 30, 0.95 → 50, 1.0 → 60 — alone it flags at p ≥ 0.95. Kept: out of sample the "
      "combined analyser stays at ≤ 1 % FPR both ways (UCI → Mendeley and back, table below) and lower knots cost "
      "recall without lowering the Mendeley FPR (its two false positives are contact-list spam the rules also "
      "score).")
    w("- **URL**: 0.6 → 0, 0.8 → 20, 0.98 → 40, 1.0 → 60 — alone it flags only at p ≥ 0.99; **bare host** (no "
      "path/query) capped at 45 points, so a domain root is never flagged by the model alone; **shared host** "
      "(a rule found a shortener, free hosting, user-content host or dynamic DNS) capped at 14 points — 20 when "
      "the model is very confident (p ≥ 0.99), so a free-hosted page the model is sure of flags (30 + 20) — while "
      "a shortener's opaque code (**shortened_link**) stays at 14 however confident the model is, so "
      "`bit.ly/abc123` (35 + 14) stays *medium* unless a lure word, brand look-alike or other rule agrees; a "
      "review / traffic / whois page about another site (**about_site_page**) capped at 20; **static asset** (the last path segment is a .js/.css/image/font/media file) "
      "capped at 20 points (hand-written legitimate URLs flagged out of sample 1 / 1 → 0 / 0, ISCX 3 / 7 → 3 / 4, "
      "PhishTank unchanged). Chosen from the *policy curve* of the combined analyser out of sample (below): it is "
      "the highest-recall row that keeps Tranco ≤ 0.1 %, ISCX ≤ 1 % and at most one hand-written legitimate URL "
      "flagged per half. Nothing below p = 0.6: out of sample ~30 % of the hand-written legitimate URLs score "
      "p ≥ 0.5, and starting at 0.5 instead (row *shipped knots from p=0.5*) gains 0.3 % recall for a few-point "
      "signal on ordinary links. Before this analysis (featuriser v2; 50 points at p = 0.95; no caps) the same A/B "
      "measurement gave PhishTank recall 0.68 / 0.63, ISCX FPR 1.72 % / 0.10 %, Tranco 0 % / 0 % and 10 / 13 of "
      "the hand-written legitimate URLs flagged (4.1 % / 5.3 %); the first row of the curve is those old knots on "
      "the v3 features.")
    w("- **Transcripts**: 0.5 → 0, 0.9 → 30, 0.98 → 50, 1.0 → 60, and the live-call detector caps the call model "
      "at 25 points (`engine/conversation/transcript.py` `MODEL_MAX_POINTS`): the held-out-scenario rows show that the "
      "model's thresholds do not carry over to unseen topics.")
    w("")
    w("## What was done about dataset artefacts")
    w("")
    w("- Transcripts: `Suspect:` / `Innocent:` (and other speaker tags) are stripped before featurising; prefixes "
      "of calls are trained too, one utterance per line, like streaming ASR.")
    w("- SMS: lower-casing, digit runs squashed by length, currency symbols unified, URLs / e-mails / UPI ids "
      "replaced by tokens, mojibake removed; a small CC0 set of Indian-format legitimate alerts and Indian lures "
      "(weighted ×3) so that digit-heavy genuine bank alerts are not taken for UK premium-rate spam.")
    w("- URLs: the scheme, `www.` and trailing `/` are not features (ISCX benign is 91 % `http://`, Tranco "
      "100 % `https://`, PhishTank 46 %); overall/path length features were removed (ISCX benign URLs are long "
      "deep links, the reverse of real-world lore); every benign site's bare host is added as a benign example "
      "(ISCX has no bare-host URLs, PhishTank 13 %). Featuriser v3 dropped host length, label count and subdomain "
      "depth: every legitimate training host is a bare registrable domain (Tranco lists registrable domains; the "
      "ISCX benign list comes from ~130 sites, all `www.`), so the model had learned \"any subdomain = phishing\" "
      "and scored `news.ycombinator.com/item?id=123` or `docs.google.com/...` at p ≈ 0.9–0.98. Pairing Tranco "
      "hosts with ISCX paths was tried and rejected (worse out of sample). Without Tranco in training the model "
      "flags most bare popular domains (first cross-source URL row) — the shipped model therefore trains on the "
      "Tranco dev half, and the honest figures are the A/B rows.")
    w("")
    w("## Full product analyser (`scamshield eval`)")
    w("")
    out.extend(table(full, "full"))
    w("")
    w("## Rules + learned model (`scamshield eval … --add-model`)")
    w("")
    w("The product analyser plus the learned model's signal (`ml_sms` / `ml_url` / `ml_transcript`), added by the "
      "eval command when the analyser does not emit it itself. When the rule detectors call `engine.textmodel` "
      "directly, this equals the first table.")
    w("")
    out.extend(table(combined, "full+model"))
    w("")
    w("## Learned model alone (`scamshield eval … --model-only`)")
    w("")
    w("Score = 100 × calibrated probability; flagged = the model's signal weight alone reaches 50 points "
      "(p ≥ 0.95 for SMS, p ≥ 0.99 for URLs, p ≥ 0.98 for transcripts; the URL caps for bare and shared hosts "
      "are applied by the analyser, not here; see docs/models.md).")
    w("")
    out.extend(table(model, "model-only"))
    w("")
    if cross is not None and "url_product" in cross:
        w("## Out of sample, rules + model combined (the product) — `scripts/cross_source_eval.py`")
        w("")
        w("The honest figures for the shipped analyser: the learned model is retrained on one half and the FULL "
          "analyser (`engine.url.analyze_url` / `engine.sms.analyze_sms`, i.e. exactly what `scamshield eval` runs) "
          "is scored on the other. URL sources are split by registered domain (`sha256(\"oos:\" + domain)` "
          "parity), so no site is on both sides. *Hand-written legit* = "
          "`src/scamshield/training/data/urls_benign_handwritten.csv` (CC0, 247 realistic legitimate URLs of kinds "
          "the dev data lacks: news/forum/query-string pages, e-commerce product pages, Indian bank / government / "
          "utility sites, CDN assets, app links over https, shortener roots, user-content hosts; never trained on).")
        w("")
        out.extend(url_product_md(cross["url_product"]))
        w("")
    if cross is not None and "sms_product" in cross:
        w("### SMS, rules + model, cross-source")
        w("")
        out.extend(sms_product_md(cross["sms_product"]))
        w("")
    if cross is not None:
        w("## Cross-source, learned model alone (train on one source, test on another)")
        w("")
        w("Model alone, retrained on the *train* side only (same code, seeds and hyper-parameters as the shipped "
          "models). For single-class tests (Tranco) only FPR is meaningful.")
        w("")
        out.extend(cross_md(cross))
        w("")
        w("Cross-source calibration (score = 100 × p):")
        w("")
        for kind, runs in cross.items():
            if kind in PRODUCT_KINDS:
                continue
            for name, r in runs.items():
                if r["fraud"] and r["legit"]:
                    w(f"- {kind} {name}: " + "; ".join(
                        f"{c['band']}: {c['rows']} rows, fraud rate {f(c['fraud_rate'])}" for c in r["calibration"]))
        w("")
    w("## Hand-written hold-outs (Indian SMS, ASR-style calls, recent phishing shapes)")
    w("")
    out.extend(holdouts_md(cross))
    w("## Latency of the learned part alone")
    w("")
    w("Per item, in process, after warm-up (transcripts: whole calls, i.e. the largest rolling context).")
    w("")
    out.extend(model_latency(root))
    w("")
    w("## Calibration tables (full analyser: are scores of 80 right ~80 % of the time?)")
    w("")
    w("**No — the risk score is a conservative sum of explained points, not a probability.** On every dev set and "
      "out of sample (URL table above), items scored 50–75 (*high*) and 75–90 are fraud far more often than 50–90 % "
      "of the time (transcripts: 76 % / 95 %), and for SMS and URLs the 25–50 (*medium*) band is mostly fraud too "
      "(transcripts: ~4 %); the score under-states the fraud rate on these fraud-rich mixes. What the bands do "
      "mean: ≥ 50 (*high*, `is_safe` false) is rarely legitimate (FPR ≤ 1 % on every legitimate set; out of "
      "sample ≤ 0.1 % on ISCX and Tranco and 0 of 247 hand-written legitimate URLs); "
      "< 25 (*low*) still holds missed fraud (recall is the weak side). Real traffic has far less fraud than these "
      "sets, so the fraud rate in each band will be lower there. Summary (band 75–90, full analyser): "
      + "; ".join(f"{s['folder']}: {next(b['rows'] for b in s['calibration'] if b['band'] == '75-90')} rows, "
                  f"fraud rate {f(next(b['fraud_rate'] for b in s['calibration'] if b['band'] == '75-90'))}"
                  for s in full if "error" not in s and s["fraud"] and s["legit"]) + ".")
    w("")
    out.extend(calibration_md(full))
    w("## Calibration tables (rules + learned model)")
    w("")
    out.extend(calibration_md(combined))
    w("## Worst errors (rules + learned model; texts truncated)")
    w("")
    out.extend(errors_md(combined))
    w("")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
