"""The URL analyser's result must not depend on the interpreter's string-hash seed: two instances (or a restart)
must explain one URL the same way. Set iteration order changes with PYTHONHASHSEED, so this runs the analyser in
subprocesses with different seeds."""
import json
import os
import subprocess
import sys

URLS = [
    # a path segment spelling 'name-of-x.suffix' with hyphens: both 'a-b-c' and 'abc' are candidate names
    "http://news.example.org/video/living-to-500-with-bill-maris-of-google-ventures/518807012/",
    "http://shop.example.net/why-bank-of-x-paypal-com/login.php",
    "http://example.co/my.dhl-com/track/index.html",
]

SCRIPT = """
import json, sys
from scamshield.engine.url import analyze_url
out = []
for u in json.loads(sys.argv[1]):
    a = analyze_url(u)
    out.append([a.risk_score, [(s.code, s.weight, s.message, s.evidence) for s in a.signals]])
print(json.dumps(out, default=str, sort_keys=True))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    res = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(URLS)], env=env, capture_output=True, text=True,
                         check=True, timeout=120)
    return res.stdout


def test_url_results_do_not_depend_on_the_hash_seed():
    outs = {_run(seed) for seed in ("1", "2", "3", "4")}
    assert len(outs) == 1, outs
