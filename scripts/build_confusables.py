#!/usr/bin/env python3
"""Regenerate ``src/scamshield/engine/data/confusables.tsv`` from Unicode's ``confusables.txt`` (UTS #39).

Usage::

    python scripts/build_confusables.py [PATH/TO/confusables.txt]

Default input: ``../shared/data/unicode_confusables_uts39/confusables.txt`` (Unicode License v3).
The output keeps Unicode's copyright notice and licence pointer in its header, then one mapping per line:
``SOURCE_HEX<TAB>PROTOTYPE_HEX[ PROTOTYPE_HEX...]`` (code points in hex). Only the single-code-point source
-> prototype table is needed to compute a skeleton (UTS #39 section 4).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "unicode_confusables_uts39" / "confusables.txt"
OUTPUT = ROOT / "src" / "scamshield" / "engine" / "data" / "confusables.tsv"

NOTICE = """\
# Derived from Unicode confusables.txt (UTS #39, Unicode Security Mechanisms) by scripts/build_confusables.py.
# Format: SOURCE<TAB>PROTOTYPE (hex code points, prototype may be several separated by spaces).
#
# Original header follows.
"""

LICENSE_NOTE = """\
#
# UNICODE LICENSE V3
#
# COPYRIGHT AND PERMISSION NOTICE
#
# Copyright © 1991-2025 Unicode, Inc.
#
# NOTICE TO USER: Carefully read the following legal agreement. BY
# DOWNLOADING, INSTALLING, COPYING OR OTHERWISE USING DATA FILES, AND/OR
# SOFTWARE, YOU UNEQUIVOCALLY ACCEPT, AND AGREE TO BE BOUND BY, ALL OF THE
# TERMS AND CONDITIONS OF THIS AGREEMENT. IF YOU DO NOT AGREE, DO NOT
# DOWNLOAD, INSTALL, COPY, DISTRIBUTE OR USE THE DATA FILES OR SOFTWARE.
#
# Permission is hereby granted, free of charge, to any person obtaining a
# copy of data files and any associated documentation (the "Data Files") or
# software and any associated documentation (the "Software") to deal in the
# Data Files or Software without restriction, including without limitation
# the rights to use, copy, modify, merge, publish, distribute, and/or sell
# copies of the Data Files or Software, and to permit persons to whom the
# Data Files or Software are furnished to do so, provided that either (a)
# this copyright and permission notice appear with all copies of the Data
# Files or Software, or (b) this copyright and permission notice appear in
# associated Documentation.
#
# THE DATA FILES AND SOFTWARE ARE PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
# KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
# MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF
# THIRD PARTY RIGHTS.
#
# IN NO EVENT SHALL THE COPYRIGHT HOLDER OR HOLDERS INCLUDED IN THIS NOTICE
# BE LIABLE FOR ANY CLAIM, OR ANY SPECIAL INDIRECT OR CONSEQUENTIAL DAMAGES,
# OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS,
# WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION,
# ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THE DATA
# FILES OR SOFTWARE.
#
# Except as contained in this notice, the name of a copyright holder shall
# not be used in advertising or otherwise to promote the sale, use or other
# dealings in these Data Files or Software without prior written
# authorization of the copyright holder.
#
"""


def build(src: Path, dst: Path) -> int:
    header: list[str] = []
    rows: list[str] = []
    for raw in src.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if not rows and len(header) < 20:
                header.append(line)
            continue
        body = line.split("#", 1)[0]
        parts = [p.strip() for p in body.split(";")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            continue
        source = parts[0].split()
        if len(source) != 1:
            continue
        target = " ".join(p.upper() for p in parts[1].split())
        rows.append(f"{source[0].upper()}\t{target}")
    dst.parent.mkdir(parents=True, exist_ok=True)
    text = NOTICE + "\n".join(header) + "\n" + LICENSE_NOTE + "\n".join(rows) + "\n"
    dst.write_text(text, encoding="utf-8")
    return len(rows)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_INPUT
    if not src.is_file():
        print(f"confusables.txt not found: {src}", file=sys.stderr)
        return 1
    n = build(src, OUTPUT)
    print(f"wrote {n} mappings to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
