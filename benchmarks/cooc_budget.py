"""The budget of sentence co-occurrence against the strongest composed pipeline (issue 23, item 4):
how the CPU time of ``gazetta.cooccurrence(unit="sentence")`` and of the Hyperscan pipeline of
``peers.py`` divide into phases, one thread, on Reuters-21578 and BBC News with the built-in
``countries()`` (as ``peers.py cooccur``).

gazetta's phases are measured as nested calls, each one the one before plus a step:

- ``matching``: the core's ``Matcher.mentions`` (matching, context rules, resolution and the
  mention columns; no frame);
- ``+ counting, documents``: ``Counter.add`` at ``unit="document"`` (matching and counting, no
  splitting);
- ``+ sentences``: ``Counter.add`` at ``unit="sentence"``, ``paragraphs="blank"`` (the sentence
  splitter and the look-up of each mention's sentence added);
- ``+ the Python frame``: the whole ``cooccurrence(...).pairs`` call (reading the input,
  ``finish``, the pair table with its measures).

The peer's phases (needs ``hyperscan``): ``matching`` (the joined buffer, the Hyperscan scan,
the numpy boundary filter and leftmost-longest choice), ``sentences`` (``peers.sentence_starts``
and ``np.searchsorted``), ``counting`` (``cooccur.count_scipy``: scipy.sparse product and the
frame).

Every figure is the median process CPU time of ``--runs`` interleaved runs on fresh copies of
the texts, garbage collected before the clock starts (``peers.timed_runs``)::

    python benchmarks/cooc_budget.py --runs 11

The last column divides the peer's whole time by 5: the time gazetta would need for five times
the pipeline's speed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Any, Callable, Dict, List

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cooccur as _co  # noqa: E402
import peers  # noqa: E402


def gazetta_phases(texts: List[str]) -> Dict[str, Callable[[List[str]], Any]]:
    import gazetta
    from gazetta import _core

    m = gazetta.Matcher(_co.read_gazetteer("countries"), n_threads=1)

    def count(unit: str) -> Callable[[List[str]], Any]:
        def run(t: List[str]) -> Any:
            c = _core.Counter(m._core, unit, "blank", None, "units", 0, None)
            c.add(t, np.zeros(len(t), dtype=np.uint32), 0, 1, None)
            return c.finish()
        return run

    return {
        "matching": lambda t: m._core.mentions(t, 0, 1, None, None),
        "+ counting, documents": count("document"),
        "+ sentences": count("sentence"),
        "+ the Python frame": lambda t: gazetta.cooccurrence(t, m, unit="sentence", paragraphs="blank", n_threads=1,
                                                             progress=False).pairs,
    }


def peer_phases() -> Dict[str, Callable[[List[str]], Any]]:
    gaz = _co.read_gazetteer("countries")
    ps = peers.PeerSet(gaz)
    raw = ps.hyperscan(per_doc=False)
    ids = np.array(ps.P.entity_ids, dtype=object)
    order = np.argsort(ids.astype(str), kind="stable")
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    P = ps.P

    def matching(texts: List[str]) -> Any:
        J, pid, s, e = raw(texts)
        pid, s, e = peers.select_spans(J.arr, pid, s, e, ps.left, ps.right)
        cnt = P.ent_cnt[pid]
        row = np.repeat(np.arange(len(pid)), cnt)
        k = np.arange(len(row)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
        ent = rank[P.ent_flat[P.ent_ptr[pid][row] + k]]
        return J, s[row], ent

    state: Dict[str, Any] = {}

    def m_phase(texts: List[str]) -> Any:
        state["m"] = matching(texts)
        return state["m"]

    def s_phase(texts: List[str]) -> Any:  # on the last matching's output (same texts' content)
        J, s, ent = state["m"]
        bounds = peers.sentence_starts(J)
        state["u"] = (np.searchsorted(bounds, s, side="right") - 1, ent, len(bounds))
        return state["u"]

    def c_phase(texts: List[str]) -> Any:
        u, ent, nb = state["u"]
        return _co.count_scipy(ids[order], u, ent, nb)

    return {"peer matching": m_phase, "peer sentences": s_phase, "peer counting": c_phase}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--corpora", nargs="+", default=["reuters", "bbc"], choices=list(peers.CORPORA))
    ap.add_argument("--typographic", action="store_true",
                    help="the corpora with typographic apostrophes, quotes and dashes (as peers.py)")
    args = ap.parse_args()
    print(f"load average {peers.load_str()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    for corpus in args.corpora:
        texts = peers.corpus_texts(corpus, typeset=args.typographic)
        pipes = gazetta_phases(texts)
        why = peers.missing_reason("hyperscan") or peers.missing_reason("scipy")
        if why is None:
            pipes.update(peer_phases())
        _, cpu = peers.timed_runs(pipes, texts, args.runs)  # warm-up, then interleaved runs as peers.py
        med = {k: statistics.median(v) * 1e3 for k, v in cpu.items()}
        mb = peers.utf8_mb(texts)
        print(f"\n### {corpus}{', typeset' if args.typographic else ''} ({mb:.1f} MB, {len(texts):,} documents), "
              f"built-in countries(), one thread, "
              f"CPU medians of {args.runs}\n")
        print("| phase | gazetta, cumulative | gazetta, this step |")
        print("|---|---:|---:|")
        prev = 0.0
        for k in ("matching", "+ counting, documents", "+ sentences", "+ the Python frame"):
            print(f"| {k} | {med[k]:.1f} ms | {med[k] - prev:+.1f} ms |")
            prev = med[k]
        if why is None:
            peer_total = sum(med[k] for k in ("peer matching", "peer sentences", "peer counting"))
            print(f"\nHyperscan pipeline: matching {med['peer matching']:.1f} ms, sentences "
                  f"{med['peer sentences']:.1f} ms, counting {med['peer counting']:.1f} ms, total "
                  f"{peer_total:.1f} ms; gazetta's whole call is {peer_total / med['+ the Python frame']:.2f}× "
                  f"faster; five times the pipeline would need {peer_total / 5:.1f} ms.")
        else:
            print(f"\n(peer phases skipped: {why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
