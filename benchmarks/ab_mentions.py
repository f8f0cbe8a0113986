"""CPU time of one ``Matcher.mentions`` call (and of the core's call alone) on Reuters, for A/B
comparisons of two builds of the extension.

Each run works on fresh copies of the texts (as ``peers.py``) and reports the median process
CPU time of ``--runs`` calls on one thread. To compare two builds, keep a copy of each built
extension and alternate them, several rounds, in separate processes::

    SO=python/gazetta/_core.cpython-311-x86_64-linux-gnu.so
    cp $SO /tmp/core_before.so          # built from the old commit
    pip install -e . --no-deps           # build the new one
    cp $SO /tmp/core_after.so
    for r in 1 2 3; do for v in before after; do
        cp /tmp/core_$v.so $SO; python benchmarks/ab_mentions.py --label $v
    done; done

``--gazetteer countries`` is the newsmap table without globs (as ``peers.py match``);
``builtin`` is ``gazetta.gazetteers.countries()`` with its context rules.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import match as _match  # noqa: E402
import peers  # noqa: E402
from _common import fresh_copies, load_corpus  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--label", default="build")
    ap.add_argument("--corpus", default="reuters", choices=list(peers.CORPORA))
    ap.add_argument("--gazetteer", default="countries", choices=("countries", "builtin"))
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    import gazetta

    texts = load_corpus(peers.CORPORA[args.corpus])
    if args.gazetteer == "builtin":
        gaz = gazetta.gazetteers.countries()
    else:
        gaz = _match.without_globs(_match.read_gazetteer("countries"))
    m = gazetta.Matcher(gaz, n_threads=1)

    def cpu(f) -> float:
        ts = []
        for _ in range(args.runs):
            c = fresh_copies(texts)
            t0 = time.process_time()
            f(c)
            ts.append(time.process_time() - t0)
        return statistics.median(ts) * 1e3

    mb = sum(len(t.encode()) for t in texts) / 1e6
    full = cpu(lambda c: m.mentions(c, progress=False))
    core = cpu(lambda c: m._core.mentions(c, 0, 1, None, None))
    print(f"{args.label:8} Matcher.mentions {full:6.2f} ms CPU ({mb / full * 1e3:,.0f} MB per CPU-second)  "
          f"core call {core:6.2f} ms  (median of {args.runs}, load {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
