"""What resolution and context rules cost: matching time with them on and off.

Matches Reuters-21578 (16 M characters) with a gazetteer under four matcher settings and
reports the median wall time of ``Matcher.mentions`` (a list of str in, the DataFrame out),
interleaved so that machine noise hits every setting alike:

- ``all/keep``: no resolution (``ambiguous="all"``), no capitalised-run rule, phrase rules
  stripped from the gazetteer — the matcher as it was before these passes existed;
- ``resolve/keep``: resolution of ambiguous spans (the default);
- ``resolve/keep+rules``: and the gazetteer's ``not_before``/``not_after`` phrase rules (the
  default for the built-in gazetteers);
- ``resolve/skip+rules``: and ``capitalized_runs="skip"``.

The target of the design: resolution costs at most 25 % of matching time on Reuters × cities.

Run from the repository root::

    python benchmarks/resolution_cost.py [--gazetteer places|countries] [--repeat 7] [--threads 1]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from pathlib import Path
from typing import Any, Dict, List

import gazetta

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"


def load_texts(path: Path) -> List[str]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f]


RULES = ("not_before", "not_after", "person_after")


def strip_rules(g: Any) -> Any:
    """The gazetteer without phrase rules (entity attributes and alias fields)."""
    recs = []
    for r in g.to_records():
        r = {k: v for k, v in r.items() if k not in RULES}
        r["aliases"] = [({k: v for k, v in a.items() if k not in RULES}
                         if isinstance(a, dict) else a) for a in r.get("aliases", [])]
        recs.append(r)
    return gazetta.Gazetteer.from_records(recs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", default="places", choices=["places", "countries", "geonames"])
    ap.add_argument("--corpus", type=Path, default=REUTERS)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    texts = load_texts(args.corpus)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    g = getattr(gazetta.gazetteers, args.gazetteer)()
    plain = strip_rules(g)
    settings: Dict[str, Any] = {
        "all/keep": gazetta.Matcher(plain, ambiguous="all", capitalized_runs="keep", n_threads=args.threads),
        "resolve/keep": gazetta.Matcher(plain, ambiguous="resolve", capitalized_runs="keep", n_threads=args.threads),
        "resolve/keep+rules": gazetta.Matcher(g, ambiguous="resolve", capitalized_runs="keep", n_threads=args.threads),
        "resolve/skip+rules": gazetta.Matcher(g, ambiguous="resolve", capitalized_runs="skip", n_threads=args.threads),
    }
    times: Dict[str, List[float]] = {k: [] for k in settings}
    rows: Dict[str, int] = {}
    for m in settings.values():  # warm-up
        m.mentions(texts[:500], progress=False)
    for _ in range(args.repeat):
        for k, m in settings.items():
            t0 = time.perf_counter()
            df = m.mentions(texts, progress=False)
            times[k].append(time.perf_counter() - t0)
            rows[k] = len(df)
    base = statistics.median(times["all/keep"])
    print(f"# {args.gazetteer} on {args.corpus.name} ({mb:.1f} MB), {args.threads} thread(s), "
          f"medians of {args.repeat}")
    print(f"{'setting':<22}{'median s':>10}{'MB/s':>9}{'vs all/keep':>13}{'rows':>10}")
    for k, v in times.items():
        med = statistics.median(v)
        print(f"{k:<22}{med:>10.3f}{mb / med:>9.0f}{med / base:>12.2f}x{rows[k]:>10}")


if __name__ == "__main__":
    main()
