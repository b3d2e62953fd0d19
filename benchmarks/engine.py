"""Engine speed, in process: per-item p50/p99 for URLs, SMS and QR over the shared dev data, and the worst case on
hostile inputs. Prints JSON. A benchmark, not a test: nothing here is asserted.

    .venv/bin/python benchmarks/engine.py                 # everything in ../shared/data (about 60k items)
    .venv/bin/python benchmarks/engine.py --limit 3000    # a quick run
    .venv/bin/python benchmarks/engine.py --limit 3000 --kind url --breakdown    # URLs only, learned model vs rest
    .venv/bin/python benchmarks/engine.py --limit 3000 --kind url --cold-cache   # per-host caches emptied per item
    .venv/bin/python benchmarks/engine.py --limit 3000 --kind url --passes 3     # + per-item minimum over 3 passes

``--breakdown`` adds, per kind, the thread CPU time of the learned-model signal (``engine.textmodel``: featurise,
score, explain) and of the rest of the analyser, per item (two extra clock reads per model call: ~1-2 us each on a
slow VM, so the totals of a breakdown run are a little higher than those of a plain run). ``--cold-cache`` empties
every per-host cache before every item (outside the timed region): the learned URL model's host features, the brand
registry's look-alike / official-owner / word-segmentation memos, the URL host-list look-up, the public-suffix splits,
IDNA conversion and confusable keys; the figure for a stream of
hosts never seen before. Without it the caches are warm as the data set repeats hosts (as real traffic does).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SCAMSHIELD_SHARED_DATA", ROOT.parent / "shared" / "data"))

# Issue 2 §5 targets, reported beside the figures (not asserted).
TARGETS_MS = {"url_p99": 0.2, "sms_p99": 1.0, "any_input_max": 5.0}

URL_SETS = ("urls_phishtank_2020", "urls_benign_iscx2016_dev_half", "domains_benign_tranco_top10k_dev_half",
            "urls_idn_punycode_dev")
SMS_SETS = ("sms_uci_spam_collection", "sms_mendeley_smishing_dev_half")


def read_column(folder: str, column: str, limit: int | None) -> list[str]:
    path = DATA / folder / "data.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as fh:
        rows = [row[column] for row in csv.DictReader(fh) if row.get(column)]
    if limit is not None and len(rows) > limit:
        rows = random.Random(42).sample(rows, limit)
    return rows


def synthetic_qr(n: int) -> list[str]:
    """UPI deep links of the shapes seen on real QR codes, plus a few non-UPI QR payloads."""
    rnd = random.Random(7)
    handles = ["okicici", "oksbi", "okhdfcbank", "ybl", "paytm", "upi", "axl", "ibl", "apl", "sbi"]
    names = ["City Mart", "Ramesh Kumar", "SBI KYC Update", "Paytm Refund", "Electricity Board", "Anita Stores"]
    out = []
    for i in range(n):
        vpa = f"{rnd.choice(['merchant', 'ramesh', 'refund.desk', 'kyc-help', 'shop'])}{rnd.randint(1, 9999)}@{rnd.choice(handles)}"
        params = {"pa": vpa, "pn": rnd.choice(names), "cu": "INR"}
        if rnd.random() < 0.6:
            params["am"] = f"{rnd.randint(1, 200000)}.{rnd.randint(0, 99):02d}"
        if rnd.random() < 0.3:
            params["tn"] = rnd.choice(["Refund approved", "KYC fee", "Order 4411", "Prize claim processing"])
        if rnd.random() < 0.2:
            params["mc"] = str(rnd.choice([5411, 6012, 7299, 4900]))
        action = "collect" if rnd.random() < 0.1 else "pay"
        out.append(f"upi://{action}?" + "&".join(f"{k}={v.replace(' ', '%20')}" for k, v in params.items()))
        if i % 10 == 0:
            out.append(rnd.choice(["https://paytm.com/", "WIFI:S:Cafe;T:WPA;P:secret;;", "hello world",
                                   "http://sbi-kyc-update.xyz/login"]))
    return out[:n]


def hostile_inputs() -> dict[str, tuple[str, str]]:
    """name -> (kind, input). Sizes follow issue 2 §5; the HTTP layer caps some of these earlier."""
    zw = "\u200b\u200c\u200d\u2060\ufeff\u202e\u202d\u2066\u2069"
    return {
        "url_100k_char_host": ("url", "https://" + "a" * 100_000 + ".com/login"),
        "url_100k_dotted_host": ("url", "https://" + "ab." * 33_333 + "com/"),
        "url_5000_query_params": ("url", "https://example.com/p?" + "&".join(f"k{i}=v{i}" for i in range(5000))),
        "url_nul_bytes": ("url", "https://pay\x00tm.com/\x00" + "\x00" * 10_000),
        "url_50k_zero_width_rtl": ("url", "https://" + (zw * 6000)[:50_000] + "paytm.com/"),
        "sms_50k_full_of_links": ("sms", " ".join(f"http://x{i}.example{i % 97}.tk/a?b={i}" for i in range(1800))[:50_000]),
        "sms_50k_zero_width_rtl": ("sms", (zw * 6000)[:50_000]),
        "sms_50k_mixed_zw_words": ("sms", ("K\u200bY\u200dC update \u202eknil " * 2500)[:50_000]),
        "sms_nul_bytes": ("sms", "Your KYC\x00 expired " + "\x00" * 20_000 + " bit.ly/x"),
        "sms_50k_one_word": ("sms", "a" * 50_000),
        "sms_50k_digits": ("sms", "9" * 50_000),
        "sms_50k_upi_ids": ("sms", " ".join(f"pay{i}@okicici" for i in range(4000))[:50_000]),
        # 5,000 characters (the SMS analyser's cap), shapes that made a pattern backtrack or scan from every position:
        # a run of punctuation / spaces after a greeting, digits in phone-like groups behind a "new number" cue,
        # dotted words (the learned model's URL pattern)
        "sms_5k_hi_mum_punct": ("sms", "Hi mum" + "!" * 4900 + " my phone is broken, text me on my new number"),
        "sms_5k_spaces_inside": ("sms", "Your KYC" + " " * 4900 + "expired, update: bit.ly/k1"),
        "sms_5k_new_number_digits": ("sms", ("Hi mum, this is my new number, my phone is broken. " + "98765 " * 900
                                             + "can you transfer 5000 today, don't call")[:5000]),
        "sms_5k_transfer_digits": ("sms", "Hi mum, new number. transfer " + "9" * 4970),
        "sms_5k_uk_numbers": ("sms", ("0800 009 3652 £ " * 320)[:5000]),
        "sms_5k_digits_newlines": ("sms", ("9\n" * 2500)[:5000]),
        "sms_5k_dotted_words": ("sms", "Hi mum, new number, send 5000 at bit.ly/x1 " + "a." * 2478),
        "sms_5k_hyphen_labels": ("sms", "pay at x.com " + ("-".join(["a"] * 31) + ".") * 80),
        "sms_5k_dotted_run_then_at": ("sms", "a.a" * 1650 + "@ x.com"),
        "sms_5k_hyphen_run_then_upi": ("sms", "ab-" * 1650 + " pay@upi"),
        "sms_10k_emoji": ("sms", "\U0001F600" * 10_000),
        "qr_5000_params": ("qr", "upi://pay?pa=a@okicici&" + "&".join(f"x{i}=y" for i in range(5000))),
        "qr_50k_zero_width": ("qr", "upi://pay?pa=" + (zw * 6000)[:50_000] + "@ybl"),
        "qr_nul_bytes": ("qr", "upi://pay?pa=a\x00b@ybl&pn=" + "\x00" * 8000),
        "qr_100k_host_url": ("qr", "https://" + "a" * 100_000 + ".com/"),
    }


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def _summary(times: list[float]) -> dict[str, object]:
    times = sorted(times)
    return {
        "p50_ms": round(percentile(times, 50), 4),
        "p90_ms": round(percentile(times, 90), 4),
        "p99_ms": round(percentile(times, 99), 4),
        "max_ms": round(times[-1], 3) if times else None,
        "mean_ms": round(statistics.fmean(times), 4) if times else None,
    }


class StageClock:
    """Thread CPU time spent inside wrapped functions during the current item (``--breakdown``)."""

    def __init__(self) -> None:
        self.ns = {"ml_model": 0, "ml_explain": 0}
        self.depth = 0
        self._undo: list[Callable[[], None]] = []

    def wrap(self, owner: object, attr: str, stage: str) -> None:
        original = getattr(owner, attr)
        clock = time.thread_time_ns

        def timed(*args, **kwargs):
            if self.depth:  # nested call of the same stage (an SMS analysing its URLs): counted by the outer one
                return original(*args, **kwargs)
            self.depth += 1
            c0 = clock()
            try:
                return original(*args, **kwargs)
            finally:
                self.ns[stage] += clock() - c0
                self.depth -= 1

        setattr(owner, attr, timed)
        self._undo.append(lambda: setattr(owner, attr, original))

    def reset(self) -> None:
        for k in self.ns:
            self.ns[k] = 0

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


def install_breakdown() -> tuple[StageClock, StageClock]:
    """Wrap the learned-model entry points the analysers call (and the explanation inside them)."""
    from scamshield.engine import sms, textmodel, url

    model, explain = StageClock(), StageClock()
    # (sms.py calls textmodel.model_signal under the name it imported: wrapping only sms_model_signal, which it
    # does not call, timed the SMS model as zero)
    for mod, attr in ((url, "url_model_signal"), (sms, "sms_model_signal"), (sms, "model_signal")):
        if hasattr(mod, attr):
            model.wrap(mod, attr, "ml_model")
    if hasattr(textmodel.LinearTextModel, "_explain"):
        explain.wrap(textmodel.LinearTextModel, "_explain", "ml_explain")
    return model, explain


def clear_host_caches() -> None:
    """Forget every per-host cache (``--cold-cache``) this version has: the learned URL model's, the brand
    registry's memos (look-alike match and official owner by host, word segmentation by label), the url_lists host
    look-up, the public-suffix splits, IDNA conversion and confusable keys."""
    from scamshield.engine import brands, confusables, textmodel, urlparse

    from scamshield.engine import url

    for mod, name in ((textmodel, "_host_info"), (textmodel, "_bare_host_buckets"), (urlparse, "registrable"),
                      (urlparse, "to_ascii_host"), (confusables, "match_key"), (url, "_list_hits_of"),
                      (urlparse, "private_suffix"), (urlparse, "_tld_label"),
                      (urlparse, "_puny")):
        fn = getattr(mod, name, None)
        if fn is not None and hasattr(fn, "cache_clear"):
            fn.cache_clear()
    for attr in ("_memo", "_seg_memo", "_official_memo"):  # look-alike matches and official owners by host, word
        # segmentations by label
        memo = getattr(brands.default_registry(), attr, None)
        if memo is not None:
            memo.clear()


def min_cpu_over_passes(fn: Callable[[str], object], items: list[str], first: list[float], passes: int,
                        cold_cache: bool) -> list[float]:
    """Per item, the smallest thread CPU time over ``passes`` passes (``first``: the first pass's). Every pass
    starts with empty per-host caches (and model value columns by size), so an item meets the same caches as in the
    first pass; the minimum drops what a noisy neighbour added (cache thrash, a shared core), not what the input
    costs. CPU caches and branch predictors are warmer than in one pass over unseen data: a floor, not a forecast."""
    from scamshield.engine import textmodel

    best = list(first)
    cpu_clock = time.thread_time_ns
    for _ in range(passes - 1):
        clear_host_caches()
        getattr(textmodel, "_VALUES_CACHE", {}).clear()  # value columns by input size: as cold as in the first pass
        for i, item in enumerate(items):
            if cold_cache:
                clear_host_caches()
            c0 = cpu_clock()
            try:
                fn(item)
            except Exception:  # noqa: BLE001 - counted in the first pass
                pass
            best[i] = min(best[i], (cpu_clock() - c0) / 1e6)
    return best


def time_items(fn: Callable[[str], object], items: list[str], stages: tuple[StageClock, StageClock] | None = None,
               cold_cache: bool = False, passes: int = 1) -> dict[str, object]:
    """Wall time and this thread's CPU time per item. On a shared machine the wall-time tail is mostly the scheduler
    preempting us (a 4 ms time slice lands on ~1 % of items); CPU time is what the input cost. ``passes`` > 1 adds
    ``cpu_min_over_passes`` (see :func:`min_cpu_over_passes`)."""
    wall: list[float] = []
    cpu: list[float] = []
    model_cpu: list[float] = []
    explain_cpu: list[float] = []
    rest_cpu: list[float] = []
    errors: dict[str, int] = {}
    clock, cpu_clock = time.perf_counter_ns, time.thread_time_ns
    for item in items:
        if cold_cache:
            clear_host_caches()
        if stages:
            stages[0].reset()
            stages[1].reset()
        c0, t0 = cpu_clock(), clock()
        try:
            fn(item)
        except Exception as exc:  # counted, not fatal: InvalidInput on junk rows is a valid answer
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
        wall.append((clock() - t0) / 1e6)
        cpu.append((cpu_clock() - c0) / 1e6)
        if stages:
            model_cpu.append(stages[0].ns["ml_model"] / 1e6)
            explain_cpu.append(stages[1].ns["ml_explain"] / 1e6)
            rest_cpu.append(cpu[-1] - model_cpu[-1])
    # The slowest items, timed again (best of 5): tells a slow input from a scheduler hiccup.
    slowest = sorted(range(len(wall)), key=wall.__getitem__)[-5:]
    retimed = []
    for i in slowest:
        best = float("inf")
        for _ in range(5):
            t0 = clock()
            try:
                fn(items[i])
            except Exception:
                pass
            best = min(best, (clock() - t0) / 1e6)
        retimed.append({"first_ms": round(wall[i], 3), "best_of_5_ms": round(best, 3), "chars": len(items[i]),
                        "item_index": i})
    total_s = sum(wall) / 1000
    breakdown = {}
    if stages:
        fired = [e for e in explain_cpu if e > 0]
        breakdown = {"breakdown_cpu": {
            "ml_model": _summary(model_cpu),  # featurise + score (+ explain when the signal fires)
            "ml_explain_when_fired": {**_summary(fired), "n": len(fired)},
            "rest_of_analyser": _summary(rest_cpu),
            "ml_share_of_total_cpu": round(sum(model_cpu) / sum(cpu), 3) if sum(cpu) else None,
        }}
    over_passes = {}
    if passes > 1:
        over_passes = {"cpu_min_over_passes": {**_summary(min_cpu_over_passes(fn, items, cpu, passes, cold_cache)),
                                               "passes": passes}}
    return {
        "n": len(wall),
        "wall": _summary(wall),
        "cpu": _summary(cpu),
        **over_passes,
        **breakdown,
        "items_per_s": round(len(wall) / total_s, 1) if total_s else None,
        "errors": errors,
        "slowest_retimed": retimed,
        "max_retimed_ms": round(max((r["best_of_5_ms"] for r in retimed), default=float("nan")), 3),
    }


def load_analysers() -> tuple[dict[str, Callable[[str], object]], dict[str, str]]:
    found: dict[str, Callable[[str], object]] = {}
    missing: dict[str, str] = {}
    for kind, module, name in (("url", "scamshield.engine.url", "analyze_url"),
                               ("sms", "scamshield.engine.sms", "analyze_sms"),
                               ("qr", "scamshield.engine.upi", "analyze_qr")):
        try:
            found[kind] = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            missing[kind] = f"{type(exc).__name__}: {exc}"
    return found, missing


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="at most this many items per data set (seeded sample)")
    ap.add_argument("--qr", type=int, default=5000, help="synthetic QR payloads")
    ap.add_argument("--hostile-repeats", type=int, default=3, help="runs per hostile input (the worst is reported)")
    ap.add_argument("--kind", action="append", choices=("url", "sms", "qr"),
                    help="only these kinds (repeatable; default: all, and the hostile inputs)")
    ap.add_argument("--breakdown", action="store_true", help="per item: learned-model CPU vs the rest (see above)")
    ap.add_argument("--cold-cache", action="store_true", help="empty every per-host cache before every item")
    ap.add_argument("--passes", type=int, default=1,
                    help="time every item this many times (per-host caches emptied before each pass) and add the "
                         "per-item minimum CPU time: robust to noisy neighbours on a shared machine")
    args = ap.parse_args(argv)

    analysers, missing = load_analysers()
    if args.kind:
        analysers = {k: v for k, v in analysers.items() if k in args.kind}
    stages = install_breakdown() if args.breakdown else None
    report: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "loadavg_before": [round(x, 2) for x in os.getloadavg()]},
        "data_dir": str(DATA),
        "missing_analysers": missing,
        "targets_ms": TARGETS_MS,
    }
    corpora = {
        "url": [u for s in URL_SETS for u in read_column(s, "url", args.limit)],
        "sms": [t for s in SMS_SETS for t in read_column(s, "text", args.limit)],
        "qr": synthetic_qr(args.qr),
    }
    first_call: dict[str, float] = {}
    per_item: dict[str, object] = {}
    for kind, fn in analysers.items():
        items = corpora[kind]
        if not items:
            continue
        t0 = time.perf_counter()
        try:
            fn(items[0])  # imports, lazy tables, models: paid once per process
        except Exception:
            pass
        first_call[kind] = round((time.perf_counter() - t0) * 1000, 2)
        per_item[kind] = time_items(fn, items, stages, args.cold_cache, max(1, args.passes))
    report["first_call_ms"] = first_call
    report["per_item"] = per_item

    if stages:
        for st in stages:
            st.restore()
    report["options"] = {"limit": args.limit, "kind": args.kind or "all", "breakdown": args.breakdown,
                         "cold_cache": args.cold_cache, "passes": args.passes}
    hostile: dict[str, object] = {}
    for name, (kind, text) in hostile_inputs().items():
        fn = analysers.get(kind)
        if fn is None:
            continue
        worst, worst_cpu, outcome = 0.0, 0.0, "ok"
        for _ in range(max(1, args.hostile_repeats)):
            c0, t0 = time.thread_time_ns(), time.perf_counter_ns()
            try:
                result = fn(text)
                outcome = f"risk_score={getattr(result, 'risk_score', '?')}"
            except Exception as exc:
                outcome = f"raised {type(exc).__name__}"
            worst = max(worst, (time.perf_counter_ns() - t0) / 1e6)
            worst_cpu = max(worst_cpu, (time.thread_time_ns() - c0) / 1e6)
        hostile[name] = {"kind": kind, "chars": len(text), "worst_ms": round(worst, 3),
                         "worst_cpu_ms": round(worst_cpu, 3), "outcome": outcome}
    report["hostile"] = hostile

    # any input: the hostile worst case and, for the data sets, the slowest items re-timed (best of 5)
    any_max = max([v["max_retimed_ms"] for v in per_item.values()] + [v["worst_cpu_ms"] for v in hostile.values()] or [0.0])
    def p99(kind: str, clock: str) -> float | None:
        return per_item.get(kind, {}).get(clock, {}).get("p99_ms")  # type: ignore[union-attr]

    hostile_cpu = max((v["worst_cpu_ms"] for v in hostile.values()), default=None)
    report["summary"] = {
        "url_p99_ms": {"wall": p99("url", "wall"), "cpu": p99("url", "cpu")},
        "sms_p99_ms": {"wall": p99("sms", "wall"), "cpu": p99("sms", "cpu")},
        "qr_p99_ms": {"wall": p99("qr", "wall"), "cpu": p99("qr", "cpu")},
        "hostile_worst_ms": {"wall": max((v["worst_ms"] for v in hostile.values()), default=None), "cpu": hostile_cpu},
        "any_input_max_ms": round(any_max, 3),  # slowest data items re-timed, hostile inputs by CPU time
        # judged on CPU time: what the input costs, not what a noisy neighbour costs
        "url_p99_within_target": (p99("url", "cpu") or 1e9) <= TARGETS_MS["url_p99"],
        "sms_p99_within_target": (p99("sms", "cpu") or 1e9) <= TARGETS_MS["sms_p99"],
        "hostile_within_target": (hostile_cpu or 1e9) <= TARGETS_MS["any_input_max"],
    }
    report["machine"]["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]  # type: ignore[index]
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
