"""Hostile gazetteers and memory limits (issue 20): matching stays linear in the text whatever
the gazetteer nests, and kept evidence is stored once per unit.

The cases that measure time or memory run in a fresh subprocess, so that their peak RSS is
their own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict

import pytest

import gazetta
from conftest import reference_for, rows


def nested(k: int, **attrs: Any) -> "gazetta.Gazetteer":
    """Aliases "北", "北北", … "北"×k, one entity each (``N1`` … ``Nk``)."""
    g = gazetta.Gazetteer()
    for i in range(1, k + 1):
        g.add(f"N{i}", "北" * i, **(attrs if i == k else {}))
    return g


def run_child(code: str) -> Dict[str, Any]:
    """Runs ``code`` in a fresh interpreter; its last stdout line is JSON."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                         timeout=300, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_nested_aliases_longest_is_linear() -> None:
    """256 nested aliases (the longest allowed) over 20,480 characters: leftmost-longest keeps
    one candidate span per start position, so this takes well under a second and little
    memory (1,000 nested aliases over 20,000 characters took minutes and about a gigabyte
    when every nested alias was a candidate)."""
    res = run_child("""
        import json, resource, time
        import gazetta
        g = gazetta.Gazetteer()
        for i in range(1, 257):
            g.add(f"N{i}", "北" * i)
        m = gazetta.Matcher(g)
        text = "北" * 20_480
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        df = m.mentions([text], progress=False)
        dt = time.perf_counter() - t0
        grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
        print(json.dumps({"n": len(df), "ids": sorted(set(df["entity"])), "lens": sorted(set(df["end"] - df["start"])),
                          "s": dt, "grew_mb": grew}))
    """)
    assert (res["n"], res["ids"], res["lens"]) == (80, ["N256"], [256])
    assert res["s"] < 10, res
    assert res["grew_mb"] < 200, res


def test_alias_length_is_bounded(tmp_path: Path) -> None:
    """Aliases, ignore phrases and context-rule phrases hold at most 256 characters (after
    stripping; a glob star and escape backslashes not counted): matching reads at most the
    longest alias from every word start, so this bound is what keeps it linear in the text.
    A 1 MB alias (it took 91 s over 600 kB of near-matches) is refused when it is added, and
    in a crafted matcher file with the file named."""
    from gazetta._core import MAX_ALIAS_CHARS

    assert MAX_ALIAS_CHARS == 256
    ok = "Bo " * 85 + "X"  # 256 characters
    g = gazetta.Gazetteer().add("A", ok, aliases=["a" * 256 + "*", "\\*" * 255 + "b"])
    assert [m.entity for m in gazetta.Matcher(g).find("x " + ok + ".")] == ["A"]
    for bad in ["Bo " * 100, "北" * 1_000_000]:
        with pytest.raises(gazetta.GazetteerError, match=r"characters long; at most 256 are allowed"):
            gazetta.Gazetteer().add("A", "A", aliases=[bad])
    with pytest.raises(gazetta.GazetteerError, match=r"at most 256"):
        gazetta.Gazetteer().add("A", "A", not_before=["x" * 257])
    with pytest.raises((gazetta.GazetteerError, ValueError), match=r"at most 256"):
        gazetta.Matcher(gazetta.Gazetteer().add("A", "A"), ignore=["y" * 257])
    # a crafted matcher file
    p = tmp_path / "m.gazetta"
    gazetta.Matcher(gazetta.Gazetteer().add("A", "Alpha")).save(p)
    p.write_text(p.read_text(encoding="utf-8").replace('"Alpha"', json.dumps("Alpha " * 200_000)), encoding="utf-8")
    with pytest.raises(gazetta.GazettaError, match=r"m\.gazetta.*at most 256"):
        gazetta.Matcher.load(p)


def test_longest_alias_over_near_matches_is_linear() -> None:
    """One alias of the longest length allowed, over text that matches all of it but its last
    word at every word start ("a a a … a b" over "a a a a …"): every walk reads the whole
    alias, and the time stays proportional to the text (0.3 MB/s on a shared 2-core machine;
    with a 1 MB alias a 600 kB text took 91 s, and time grew with the square of the text)."""
    res = run_child("""
        import json, time
        import gazetta
        m = gazetta.Matcher(gazetta.Gazetteer().add("X", "a " * 127 + "b"))
        out = {}
        for n in (100_000, 400_000):
            text = "a " * n
            t0 = time.perf_counter()
            out[n] = (len(m.find(text + "b")), time.perf_counter() - t0)
        print(json.dumps(out))
    """)
    assert res["100000"][0] == res["400000"][0] == 1, res
    assert res["400000"][1] < 20, res
    assert res["400000"][1] < 4 * res["100000"][1] * 2 + 1, res


@pytest.mark.parametrize("overlaps", ["longest", "all"])
@pytest.mark.parametrize("runs", ["keep", "skip"])
def test_nested_aliases_with_rules_equal_reference(overlaps: str, runs: str) -> None:
    """Where a context rule removes the longest nested candidate, the next longer one that the
    rules keep wins, exactly as in the reference, and the removals are counted as before."""
    g = gazetta.Gazetteer()
    for i in range(1, 13):
        g.add(f"N{i}", " ".join(["Bo"] * i), **({"not_before": ["Nord"]} if i % 3 == 0 else {}))
    g.add("S", "Nord", not_after=["Bo Bo"])
    g.add("X", "Xa", aliases=["Xa Bo", "Xa Bo Bo*"])
    text = " ".join(["Bo"] * 30 + ["Nord"] + ["Bo"] * 7 + ["Nord Bo Xa Bo Bo Bot Xa Xa Bo Bo Nord"] + ["Bo"] * 13)
    options = {"overlaps": overlaps, "capitalized_runs": runs}
    m = gazetta.Matcher(g, **options)
    want, by_rules, by_runs = reference_for(g, **options).run(text)
    assert rows(m, text) == want
    assert by_rules > 0
    attrs = m.mentions([text], progress=False).attrs
    assert (attrs["removed_by_rules"], attrs["removed_by_runs"]) == (by_rules, by_runs)


def test_nested_aliases_all_reports_every_candidate() -> None:
    """With ``overlaps="all"`` every candidate is reported (that is the option), and the time
    is proportional to what is reported: 200 nested aliases over 3,000 characters give 570,100
    mentions."""
    k, n = 200, 3000
    m = gazetta.Matcher(nested(k), overlaps="all")
    df = m.mentions(["北" * n], progress=False)
    assert len(df) == sum(min(k, n - s) for s in range(n))
    assert (df["end"] - df["start"]).max() == k


def test_kept_evidence_stores_each_unit_once() -> None:
    """A 0.2 MB document with 100 entities is one unit for 4,950 pairs: ``keep_evidence=1``
    keeps its text once (every pair row refers to it), within 2 GiB of address space more than
    the warmed-up process (one copy per pair took 3.7 GB)."""
    res = run_child("""
        import json, resource
        import gazetta
        names = [f"Zork{i:03d}" for i in range(100)]
        g = gazetta.Gazetteer()
        for n in names:
            g.add(n, n)
        m = gazetta.Matcher(g)
        gazetta.cooccurrence(["Zork000 Zork001"], m, unit="document", keep_evidence=1, progress=False)  # warm up
        with open("/proc/self/statm") as f:
            vm = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (vm + 2 * 2**30, resource.RLIM_INFINITY))
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        doc = " ".join("lorem ipsum dolor sit amet " * 75 + n + "." for n in names)
        co = gazetta.cooccurrence([doc], m, unit="document", keep_evidence=1, progress=False)
        ev = co.evidence("Zork000", "Zork099")
        grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
        print(json.dumps({"pairs": len(co.pairs), "rows": len(ev), "text": len(ev["text"].iloc[0]), "doc": len(doc),
                          "spans_b": [list(s) for s in ev["spans_b"].iloc[0]], "at": doc.index("Zork099"),
                          "grew_mb": grew}))
    """)
    assert (res["pairs"], res["rows"], res["text"]) == (4950, 1, res["doc"])
    assert res["spans_b"] == [[res["at"], res["at"] + 7]]
    assert res["grew_mb"] < 300, res


@pytest.mark.parametrize("room_mb", [200, 600, 1200])
def test_allocation_failure_is_a_memory_error(room_mb: int) -> None:
    """Under a memory limit, matching 3 M candidates ("Japan China " × 100,000 × 50 with
    ``overlaps="all"``) ends as a ``MemoryError`` naming the size asked for, wherever the limit
    is hit (candidates, rows, columns), instead of aborting the process."""
    res = run_child(f"""
        import json, resource
        import gazetta
        g = gazetta.Gazetteer().add("JP", "Japan", aliases=["Japan China", "Japan China Japan"]) \\
            .add("CN", "China", aliases=["China Japan", "China Japan China"])
        m = gazetta.Matcher(g, overlaps="all")
        m.mentions(["Japan China"], progress=False)  # warm up: threads and their arenas exist
        with open("/proc/self/statm") as f:
            vm = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (vm + {room_mb} * 2**20, resource.RLIM_INFINITY))
        try:
            m.mentions(["Japan China " * 100_000] * 50, progress=False)
            out = "no error"
        except MemoryError as e:
            out = "MemoryError: " + str(e)
        print(json.dumps(out))
    """)
    assert isinstance(res, str) and res.startswith("MemoryError"), res
    assert "bytes" in res or "MiB" in res, res


@pytest.mark.parametrize("keep", [0, 1])
def test_pairs_of_a_huge_unit_are_checked_before_counting(keep: int) -> None:
    """5,000 entities in one unit make 12.5 M pairs: under a memory limit the pair table (and
    the kept evidence) are checked before they are built, and the call raises ``MemoryError``
    with the size asked for instead of aborting the process."""
    res = run_child(f"""
        import json, resource
        import gazetta
        names = [f"Zork{{i:04d}}" for i in range(5000)]
        g = gazetta.Gazetteer()
        for n in names:
            g.add(n, n)
        m = gazetta.Matcher(g)
        gazetta.cooccurrence(["Zork0000 Zork0001"], m, unit="document", progress=False)  # warm up
        with open("/proc/self/statm") as f:
            vm = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (vm + 300 * 2**20, resource.RLIM_INFINITY))
        try:
            gazetta.cooccurrence([" ".join(names)], m, unit="document", keep_evidence={keep}, progress=False)
            out = "no error"
        except MemoryError as e:
            out = "MemoryError: " + str(e)
        print(json.dumps(out))
    """)
    assert res.startswith("MemoryError") and "bytes for pair counts" in res, res
