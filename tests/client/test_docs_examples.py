"""Every example and command in docs/client.md runs against a real (development) server and does what it says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import queue
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from tests.client.conftest import SECRET, server_env
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "client.md").read_text()


def block(kind: str, name: str) -> str:
    m = re.search(rf"<!-- {kind}: {name} -->\s*```\w+\n(.*?)```", DOC, re.S)
    assert m, f"docs/client.md has no {kind} block {name!r}"
    return m.group(1)


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> Iterator[dict[str, str]]:
    tmp = tmp_path_factory.mktemp("docs-server")
    server_vars = server_env(tmp, env="development")
    server = ServerProcess(server_vars, log_path=tmp / "server.log").start(timeout=90)
    try:
        # The doc's setup commands (all but `make run`, which is what ServerProcess stands in for).
        setup = "\n".join(line for line in block("command", "setup").splitlines() if not line.startswith("make run"))
        setup = setup.replace("http://127.0.0.1:8000", server.base_url)
        shell_env = {**os.environ, **server_vars, "PATH": f"{ROOT / '.venv' / 'bin'}:{os.environ['PATH']}"}
        out = subprocess.run(["bash", "-euo", "pipefail", "-c", setup + '\necho "$SCAMSHIELD_URL"; echo "$SCAMSHIELD_TOKEN"'],
                             cwd=ROOT, env=shell_env, capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        url, token = out.stdout.strip().splitlines()[-2:]
        assert url == server.base_url and token.count(".") == 2
        yield {**shell_env, "SCAMSHIELD_URL": url, "SCAMSHIELD_TOKEN": token, "SCAMSHIELD_JWT_SECRET": SECRET}
    finally:
        server.stop()


def run_example(name: str, env: dict[str, str]) -> str:
    r = subprocess.run([sys.executable, "-c", block("example", name)], env=env, cwd=ROOT, capture_output=True,
                       text=True, timeout=90)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


def test_analysis_example(env):
    out = run_example("analysis", env)
    assert re.search(r"^url: \d+/100 (high|critical) safe=False$", out, re.M)
    assert "brand_in_subdomain" in out and "error: 422 validation_error" in out
    assert re.search(r"^qr: \d+ (high|critical) \[.*'upi_collect_request'", out, re.M)


def test_ledger_example(env):
    out = run_example("ledger", env)
    assert "new payee? True" in out
    assert re.search(r"1 payment\(s\), total 120\.50, trusted=True", out)
    assert "payments: ['120.50'] more: False" in out


def test_transcript_example(env):
    out = run_example("transcript", env)
    assert re.search(r"^ALERT [A-Z_]+ risk=\d+ on call CA[0-9a-f]{32}$", out, re.M), out


def test_protection_example_and_simulate_command(env):
    proc = subprocess.Popen([sys.executable, "-u", "-c", block("example", "protection")], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    incoming: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [incoming.put(line) for line in proc.stdout], daemon=True).start()

    def read_until(pattern: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = incoming.get(timeout=max(0.05, deadline - time.monotonic()))
            except queue.Empty:
                break
            lines.append(line.rstrip())
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no {pattern!r} in output: {lines}")

    try:
        read_until(r"^state: connected$")
        read_until(r"^protecting call CA-demo-call-0001 \(via ws\)$")
        sim = subprocess.run(["bash", "-euo", "pipefail", "-c", block("command", "simulate")], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
        assert sim.returncode == 0 and '"alert_id"' in sim.stdout, sim.stdout + sim.stderr
        alert_id = re.search(r'"alert_id"\s*:\s*"([^"]+)"', sim.stdout).group(1)
        read_until(rf"^ALERT BANK_KYC_IMPERSONATION risk=90 call=None test=True id={alert_id}$")
        read_until(r"^resume point: since=\d+$")
    finally:
        proc.terminate()
        proc.wait(10)
    assert proc.returncode is not None
