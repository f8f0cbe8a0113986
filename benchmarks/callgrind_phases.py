"""Where the matcher's instructions go: a callgrind profile of the Rust scan grouped into phases.

Reads a ``callgrind.out`` file (from ``valgrind --tool=callgrind``, built with line tables) and
groups the self cost (instructions, ``Ir``) of every source line into the phases of a scan:

1. **candidate start positions**: the SIMD skip and the word-start masks
   (``src/core/bytescan.rs``), the scan loop of ``scan_direct`` with its first/second-byte
   filters or of ``scan_trie`` over the mask bits, the token gate (``gate.rs``);
2. **automaton walk**: ``walk_direct`` (view bytes, whitespace runs, the case table) or
   ``walk_trie``, the aho-corasick or trie (``matcher/trie.rs``) transitions, and
   standard-library code inlined into the walk (bounds checks, character decoding);
3. **boundary checks**: the previous-character test (the ``prev_blocks`` closure), ``end_ok``
   and ``report``;
4. **candidates → mentions**: ``keep_longest``, ``resolve``, ``push_cand``, the output vector,
   sorting.

Lines without line information and standard-library code inlined into ``find_bytes_into``
(shared by the scan loop and the output) are listed on their own. How to make the profile
(from the repository root; the inputs as in the header of ``examples/engine_ab.rs``)::

    git archive HEAD | tar -x -C /tmp/gz-src
    (cd /tmp/gz-src && CARGO_TARGET_DIR=/tmp/gz-target CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \\
        cargo build --release --example pass_ab)
    valgrind --tool=callgrind --toggle-collect='gazetta::core::matcher::Matcher::find_bytes_into' \\
        --callgrind-out-file=/tmp/cg.out /tmp/gz-target/release/examples/pass_ab countries.json reuters.jsonl 1
    python benchmarks/callgrind_phases.py /tmp/cg.out --src /tmp/gz-src --mb 16.02

``--toggle-collect`` counts only what runs inside ``find_bytes_into`` (matching, not the JSON
reading nor the sentence splitter that ``pass_ab`` also runs). Instruction counts do not depend
on the machine's load, which is why they are used here.
"""

from __future__ import annotations

import argparse
import os
import re
from collections import defaultdict
from typing import Dict, List, Optional, Tuple


def parse(path: str) -> Tuple[Dict[Tuple[str, int], int], Dict[Tuple[str, str], int], int]:
    """Self cost per (file, line) and per (function, file) of a callgrind out file, and the total."""
    files: Dict[str, str] = {}
    fns: Dict[str, str] = {}
    positions = ["line"]
    prev: List[int] = [0]
    cur_fl: Optional[str] = None
    cur_fi: Optional[str] = None
    cur_fn: Optional[str] = None
    skip_next = False
    cost: Dict[Tuple[str, int], int] = defaultdict(int)
    fncost: Dict[Tuple[str, str], int] = defaultdict(int)
    total = 0

    def name(table: Dict[str, str], s: str) -> str:
        m = re.match(r"\((\d+)\)(?: (.*))?", s)
        if not m:
            return s
        if m.group(2) is not None:
            table[m.group(1)] = m.group(2)
        return table.get(m.group(1), m.group(1))

    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            if line.startswith("positions:"):
                positions = line.split()[1:]
                prev = [0] * len(positions)
            elif line.startswith("fl="):
                cur_fl, cur_fi = name(files, line[3:]), None
            elif line.startswith(("fi=", "fe=")):
                cur_fi = name(files, line[3:])
            elif line.startswith("fn="):
                cur_fn, cur_fi = name(fns, line[3:]), None
            elif line.startswith(("cfl=", "cfi=")):
                name(files, line[4:])
            elif line.startswith("cfn="):
                name(fns, line[4:])
            elif line.startswith("calls="):
                skip_next = True  # the next cost line is the call's inclusive cost
            elif line[0] in "0123456789+-*":
                parts = line.split()
                pos = []
                for k in range(len(positions)):
                    t = parts[k]
                    if t == "*":
                        v = prev[k]
                    elif t[0] in "+-":
                        v = prev[k] + int(t, 0)
                    else:
                        v = int(t, 0)
                    pos.append(v)
                prev = pos
                if skip_next:
                    skip_next = False
                    continue
                c = int(parts[len(positions)]) if len(parts) > len(positions) else 0
                fl = cur_fi or cur_fl or "?"
                cost[(fl, pos[positions.index("line")])] += c
                fncost[(cur_fn or "?", fl)] += c
                total += c
    return cost, fncost, total


def matcher_functions(src: str) -> Tuple[List[Tuple[int, str]], Tuple[int, int]]:
    """(first line, name) of every ``fn`` in matcher.rs, and the line range of the ``prev_blocks`` closure."""
    lines = open(src).read().split("\n")
    starts = [(i + 1, re.search(r"fn (\w+)", s).group(1)) for i, s in enumerate(lines)  # type: ignore[union-attr]
              if re.match(r"\s*(pub )?(const )?fn \w+", s)]
    a = next((i + 1 for i, s in enumerate(lines) if "let prev_blocks" in s), 0)
    b = next((i + 1 for i in range(a, len(lines)) if lines[i].strip() == "};"), a) if a else 0
    return starts, (a, b)


def phase(f: str, line: int, fn_of: Dict[int, str], closure: Tuple[int, int], walk_calls: set) -> Optional[str]:
    if f.endswith("core/matcher.rs"):
        if line == 0:
            return "x. matcher.rs code without line information"
        name = fn_of.get(line)
        if name == "scan_direct" and closure[0] <= line <= closure[1]:
            return "3. boundary: previous character (prev_blocks)"
        if name == "scan_direct" and line in walk_calls:
            return "2. automaton walk: the call"
        if name == "scan_direct":
            return "1. candidate starts: scan loop, first/second-byte filters"
        if name == "walk_direct":
            return "2. automaton walk: walk_direct (view bytes, whitespace runs, case table)"
        if name in ("end_ok", "report", "report_pattern", "trie_report", "extend_word"):
            return "3. boundary: end of the match, alias look-up (report, end_ok)"
        # The trie engine of small views (scan_trie, walk_trie; since 2026-12-05).
        if name == "scan_trie":
            return "1. candidate starts: scan loop, mask bits (scan_trie)"
        if name == "trie_other_start":
            return "1. candidate starts: non-ASCII characters (trie_other_start)"
        if name in ("prev_blocks_start", "prev_blocks_other"):
            return "3. boundary: previous character (prev_blocks)"
        if name in ("walk_trie", "trie_step_other"):
            return "2. automaton walk: walk_trie (four-byte step, byte loop)"
        return "4. candidates → mentions (" + str(name) + ")"
    if f.endswith("matcher/trie.rs"):
        return "2. automaton walk: trie transitions (trie.rs)"
    if "bytescan.rs" in f or "core_arch" in f:
        return "1. candidate starts: SIMD skip / word-start masks (bytescan)"
    if "gate.rs" in f:
        return "1. candidate starts: token gate (gate.rs)"
    if "aho-corasick" in f:
        return "2. automaton walk: aho-corasick transitions"
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("callgrind_out")
    ap.add_argument("--src", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                    help="the source tree the binary was built from (for matcher.rs line numbers)")
    ap.add_argument("--mb", type=float, help="MB of text scanned (prints instructions per byte)")
    args = ap.parse_args()
    cost, fncost, total = parse(args.callgrind_out)
    starts, closure = matcher_functions(os.path.join(args.src, "src", "core", "matcher.rs"))
    fn_of: Dict[int, str] = {}
    last = 0
    for (s, n), nxt in zip(starts, starts[1:] + [(10 ** 7, "")]):
        for ln in range(s, min(nxt[0], s + 5000)):
            fn_of[ln] = n
        last = max(last, s)
    src_lines = open(os.path.join(args.src, "src", "core", "matcher.rs")).read().split("\n")
    walk_calls = {i + 1 for i, s in enumerate(src_lines) if "walk_direct(aut" in s or "after_walk(cands" in s}
    groups: Dict[str, int] = defaultdict(int)
    for (f, line), c in cost.items():
        g = phase(f, line, fn_of, closure, walk_calls)
        if g:
            groups[g] += c
    for (fn, f), c in fncost.items():
        if f.endswith("core/matcher.rs") or any(k in f for k in ("bytescan.rs", "core_arch", "gate.rs", "aho-corasick", "matcher/trie.rs")):
            continue  # grouped by line above
        if "masks_avx2" in fn or "masks_ssse3" in fn or "Finder" in fn:
            groups["1. candidate starts: SIMD skip / word-start masks (bytescan)"] += c
        elif "walk_direct" in fn or "trie_step_other" in fn:
            groups["2. automaton walk: inlined std (bounds checks, char decoding)"] += c
        elif "gate::" in fn:
            groups["1. candidate starts: token gate (gate.rs)"] += c
        elif "end_ok" in fn or "closure" in fn:
            groups["3. boundary: inlined std"] += c
        elif "find_bytes_into" in fn:
            groups["x. inlined std in the scan loop and the output (bounds checks, bit operations, Vec)"] += c
        elif "sort" in fn:
            groups["4. candidates → mentions (sort)"] += c
        else:
            groups["x. other (allocator, ...)"] += c
    print(f"total {total:,} instructions" + (f" over {args.mb} MB = {total / args.mb / 1e6:.1f} per byte" if args.mb else ""))
    print("| phase | instructions (M) | share | per byte |")
    print("|---|---:|---:|---:|")
    sums: Dict[str, int] = defaultdict(int)
    for k in sorted(groups):
        v = groups[k]
        sums[k.split(".")[0]] += v
        per = f"{v / args.mb / 1e6:.2f}" if args.mb else ""
        print(f"| {k} | {v / 1e6:,.1f} | {100 * v / total:.1f} % | {per} |")
    print()
    for k in sorted(sums):
        print(f"phase {k}: {sums[k] / 1e6:,.1f} M ({100 * sums[k] / total:.1f} %)")


if __name__ == "__main__":
    main()
