"""``python -m scamshield.training [sms|url|transcript|all] [--data-dir ../shared/data] [--out DIR]``:
rebuild the shipped model artefacts from the dev data folders (see docs/models.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scamshield.training.train import DEFAULT_DATA, train


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scamshield.training", description=__doc__)
    ap.add_argument("kind", nargs="?", default="all", choices=["all", *DEFAULT_DATA])
    ap.add_argument("--data-dir", default="../shared/data")
    ap.add_argument("--out", default=None, help="output folder (default: the package's engine/models)")
    args = ap.parse_args(argv)
    kinds = list(DEFAULT_DATA) if args.kind == "all" else [args.kind]
    root = Path(args.data_dir)
    for kind in kinds:
        paths = [str(root / d / "data.csv") for d in DEFAULT_DATA[kind]]
        missing = [p for p in paths if not Path(p).is_file()]
        if missing:
            print(f"missing data: {missing}", file=sys.stderr)
            return 2
        report = train(kind, paths, args.out, log=lambda m: print(m, file=sys.stderr))
        print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
