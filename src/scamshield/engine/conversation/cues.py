"""The cue lexicon (``engine/data/conversation_cues.json``): loading, macro expansion and literal prefilters."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from scamshield.engine.taxonomy import FRAUD_TYPES

#: Cue groups (FTC: pretend, problem / prize, pressure, ask / remote / pay) and ``reassure``: what genuine callers
#: say ("we will never ask for your PIN", "call the number on the back of your card"), negative weight.
GROUPS = ("pretend", "problem", "prize", "pressure", "ask", "remote", "pay", "reassure")
_GAP_RE = re.compile(r"<g([1-9])>")
_MACRO_RE = re.compile(r"<([a-z_]+)>")


@dataclass(frozen=True, slots=True)
class Cue:
    code: str
    group: str
    weight: float
    fraud_type: str | None
    message: str
    negatable: bool
    regex: re.Pattern[str]
    anchors: tuple[str, ...] | None  # at least one must occur in the window for the regex to have a chance


def _expand(pattern: str, macros: dict[str, str]) -> str:
    p = _GAP_RE.sub(lambda m: "(?:[a-z0-9]+ ){0,%s}" % m.group(1), pattern)
    for _ in range(3):  # macros may use other macros
        p = _MACRO_RE.sub(lambda m: macros.get(m.group(1), m.group(0)), p)
    if _MACRO_RE.search(p.replace("(?<", "")):
        raise ValueError(f"unknown macro in cue pattern: {pattern!r}")
    return p


def _required_literals(node: Any) -> set[str] | None:
    """Strings of which every match of the parsed pattern must contain at least one (None = no such set).

    A cheap, always-correct prefilter: a cue whose literals are all absent from the window cannot match, so its
    regex is not run. Works on ``re._parser`` trees (sequence, branch, group, repeat, literal).
    """
    from re import _constants as C  # noqa: PLC0415 - stdlib internals, used once at lexicon load

    def seq(items: Any) -> set[str] | None:
        best: set[str] | None = None
        run: list[str] = []
        cands: list[set[str]] = []
        for op, av in list(items) + [(None, None)]:
            if op is C.LITERAL:
                run.append(chr(av))
                continue
            if run:
                cands.append({"".join(run)})
                run = []
            if op is None:
                break
            sub = one(op, av)
            if sub:
                cands.append(sub)
        for c in cands:
            if best is None or min(map(len, c)) > min(map(len, best)):
                best = c
        return best

    def one(op: Any, av: Any) -> set[str] | None:
        if op is C.SUBPATTERN:
            return seq(av[-1])
        if op is C.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                sub = seq(alt)
                if not sub:
                    return None
                out |= sub
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            return seq(av[2])
        return None

    return seq(node)


@lru_cache(maxsize=1)
def load_cues() -> tuple[Cue, ...]:
    raw = json.loads(resources.files("scamshield.engine").joinpath("data/conversation_cues.json").read_text("utf-8"))
    macros = {k: v for k, v in raw["macros"].items()}
    cues = []
    for c in raw["cues"]:
        ft = c.get("fraud_type")
        if ft is not None and ft not in FRAUD_TYPES:
            raise ValueError(f"unknown fraud_type {ft!r} in cue {c['code']}")
        if c["group"] not in GROUPS:
            raise ValueError(f"unknown group {c['group']!r} in cue {c['code']}")
        body = "|".join(_expand(p, macros) for p in c["patterns"])
        regex = re.compile(r"(?<![a-z0-9])(?:" + body + r")(?![a-z0-9])")
        anchors = _required_literals(re._parser.parse(body))  # type: ignore[attr-defined]
        if anchors is not None and min(map(len, anchors)) < 2:
            anchors = None
        cues.append(Cue(c["code"], c["group"], float(c["weight"]), ft, c["message"],
                         bool(c.get("negatable", True)), regex, tuple(sorted(anchors)) if anchors else None))
    return tuple(cues)

