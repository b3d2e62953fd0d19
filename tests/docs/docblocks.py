"""Extract and run the code blocks of the Markdown docs.

Conventions (documented in docs/api.md and followed by every doc this suite runs):

- a fenced block preceded by ``<!-- not-run: reason -->`` is not executed (its ``scamshield`` commands are still
  checked against the CLI with ``--help``);
- ``http://127.0.0.1:8000`` / ``ws://127.0.0.1:8000`` are rewritten to the test server's address;
- every ``curl`` must answer 2xx, unless its command ends with a comment ``# → NNN`` naming the expected status.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC_BASE = "http://127.0.0.1:8000"
DOC_WS = "ws://127.0.0.1:8000"
_FENCE = re.compile(r"^```(\w*)\s*$")
_EXPECT = re.compile(r"#\s*→\s*(\d{3})")

# Wraps curl: records "<expected> <actual>" per call in $CURL_LOG and prints the body as curl would.
BASH_PREAMBLE = r"""
set -euo pipefail
curl() {
  local hdr status
  hdr=$(mktemp)
  command curl -D "$hdr" "$@"
  status=$(awk 'toupper($1) ~ /^HTTP/ {s=$2} END {print s}' "$hdr")
  rm -f "$hdr"
  echo "${CURL_EXPECT:-2xx} ${status:-none} $*" | cut -c1-300 >> "$CURL_LOG"
  echo
}
"""


@dataclass
class Block:
    doc: str
    lang: str
    text: str
    line: int
    run: bool


def blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    out: list[Block] = []
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start = i
        prev = next((lines[j].strip() for j in range(start - 1, -1, -1) if lines[j].strip()), "")
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        out.append(Block(path.name, m.group(1).lower(), "\n".join(lines[i + 1:j]), start + 1,
                         run=not prev.startswith("<!-- not-run")))
        i = j + 1
    return out


def logical_lines(text: str) -> list[str]:
    """Join backslash-continued lines as the shell does."""
    out: list[str] = []
    buf = ""
    for raw in text.splitlines():
        if raw.rstrip().endswith("\\"):
            buf += raw.rstrip()[:-1] + " "
            continue
        out.append(buf + raw)
        buf = ""
    if buf:
        out.append(buf)
    return out


def prepare_bash(text: str, base_url: str) -> str:
    """Rewrite the doc's address and put ``CURL_EXPECT=NNN`` in front of curls annotated ``# → NNN``."""
    text = text.replace(DOC_BASE, base_url).replace(DOC_WS, base_url.replace("http://", "ws://"))
    lines = text.splitlines()
    for idx, line in enumerate(lines):
        m = _EXPECT.search(line)
        if not m:
            continue
        start = idx
        while start > 0 and lines[start - 1].rstrip().endswith("\\"):
            start -= 1
        lines[start] = re.sub(r"\bcurl ", f"CURL_EXPECT={m.group(1)} curl ", lines[start], count=1)
    return "\n".join(lines)


def curl_commands(text: str) -> list[str]:
    return [ln for ln in logical_lines(text) if re.search(r"(^|[\s;(])curl\s", ln)]


def check_curl_log(log: str) -> list[str]:
    """Problems in a curl log written by the preamble's wrapper."""
    bad = []
    for line in log.splitlines():
        expected, actual, cmd = (line.split(" ", 2) + ["", ""])[:3]
        ok = actual.startswith("2") if expected == "2xx" else actual == expected
        if not ok:
            bad.append(f"expected {expected}, got {actual}: {cmd}")
    return bad


def json_objects(text: str) -> list[dict]:
    """Every top-level JSON object printed in ``text`` (curl bodies among other output)."""
    dec = json.JSONDecoder()
    out = []
    i = 0
    while True:
        i = text.find("{", i)
        if i < 0:
            return out
        try:
            obj, end = dec.raw_decode(text, i)
        except ValueError:
            i += 1
            continue
        if isinstance(obj, dict):
            out.append(obj)
        i = end


def scamshield_commands(text: str) -> list[list[str]]:
    """Argument lists of every ``scamshield …`` invocation in a shell block (comments and pipes cut off)."""
    found = []
    for line in logical_lines(text):
        if not re.search(r"scamshield\s+\w", line):
            continue
        lex = shlex.shlex(line, posix=True, punctuation_chars="();<>|&")
        lex.whitespace_split = True
        lex.commenters = "#"
        try:
            tokens = list(lex)
        except ValueError:
            continue
        for i, tok in enumerate(tokens):
            is_cli = Path(tok).name == "scamshield" and "/" in tok or tok == "scamshield"
            is_module = tok == "scamshield" and i > 0 and tokens[i - 1] == "-m"
            if not (is_cli or is_module):
                continue
            args = []
            for t in tokens[i + 1:]:
                if t and set(t) <= set("();<>|&"):
                    break
                args.append(t)
            if args:
                found.append(args)
    return found
