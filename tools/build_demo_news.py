"""Build ``python/gazetta/datasets/data/demo_news.jsonl.gz`` from the shared demo candidates.

Usage (from the repository root)::

    python tools/build_demo_news.py [--shared DATA_DIR]

``DATA_DIR`` defaults to the folder named ``shared`` beside the repository.

Copies the 300 records of ``<shared>/corpora/demo_candidates.jsonl`` (92 Wikinews articles,
CC BY 2.5; 208 White House readouts, US public domain) unchanged, every field included
(``license`` and ``attribution`` must travel with the texts), in their order, into a gzip file
with a fixed timestamp so that a rebuild is byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=root.parent / "shared")
    ap.add_argument("--out", type=Path,
                    default=root / "python/gazetta/datasets/data/demo_news.jsonl.gz")
    args = ap.parse_args(argv)
    src = args.shared / "corpora" / "demo_candidates.jsonl"
    lines = []
    for raw in src.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            rec = json.loads(raw)
            assert rec["license"] in ("CC-BY-2.5", "public-domain-us-gov"), rec["id"]
            assert rec["attribution"] and rec["url"], rec["id"]
            lines.append(json.dumps(rec, ensure_ascii=False))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh,
                                                   mtime=0, compresslevel=9) as gz:
        gz.write(data)
    print(f"{len(lines)} records -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
