"""Reliability under faults and hostile input (issue 20): bounded threads, atomic saves,
fork safety, edge values, hostile corpora, crafted matcher files. Each case is small and
fast; the ones that need a fresh interpreter run in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import List

import pytest

import gazetta
from gazetta import _core
from gazetta.matcher import max_threads


@pytest.fixture()
def gaz() -> gazetta.Gazetteer:
    return gazetta.Gazetteer().add("JP", "Japan").add("CN", "China").add("KR", "South Korea", aliases=["Korea"])


def _threads() -> int:
    """Worker threads of gazetta's pools in this process (named gazetta-N), from /proc."""
    n = 0
    for t in os.listdir("/proc/self/task"):
        try:
            n += Path("/proc/self/task", t, "comm").read_text().startswith("gazetta-")
        except OSError:  # pragma: no cover - the thread ended meanwhile
            pass
    return n


def _run(code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=timeout)


# -- item 4: n_threads is bounded, pools are shared and released ------------------------------
@pytest.mark.parametrize("bad", [10**6, max_threads() + 1, 2**64, 0, -1, True, 2.0])
def test_n_threads_is_validated(gaz: gazetta.Gazetteer, bad: object) -> None:
    with pytest.raises(ValueError, match="n_threads must be"):
        gazetta.Matcher(gaz, n_threads=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_threads must be"):
        gazetta.cooccurrence(["Japan and China."], gaz, n_threads=bad)  # type: ignore[arg-type]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="threads are counted in /proc")
def test_pools_do_not_accumulate_threads(gaz: gazetta.Gazetteer) -> None:
    """Calls with n_threads 1..48 left one pool per count alive (1,176 threads); now the
    cached pools hold at most max(32, 2 x CPUs) threads."""
    budget = max(32, 2 * _core.default_threads())
    docs = ["Japan and China."] * 4
    for n in range(1, 49):
        m = gazetta.Matcher(gaz, n_threads=n)
        assert len(m.mentions(docs)) == 8
    deadline = time.monotonic() + 10
    while _threads() > budget and time.monotonic() < deadline:
        time.sleep(0.05)  # released pools end their threads asynchronously
    assert _threads() <= budget


def test_cli_threads_is_validated(tmp_path: Path) -> None:
    from gazetta.cli import main

    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "Japan and China."}\n')
    assert main(["cooccur", str(p), "-o", str(tmp_path / "out.csv"), "--threads", str(10**6)]) != 0
    assert not (tmp_path / "out.csv").exists()


# -- item 5: atomic saves --------------------------------------------------------------------
def test_concurrent_saves_to_one_path(tmp_path: Path, gaz: gazetta.Gazetteer) -> None:
    """Threads saving to one path used one temp name per process: 15-28 of 300 rounds
    unreadable. Every file read back is now complete, and no temp file is left."""
    ms = [gazetta.Matcher(gaz), gazetta.Matcher(gaz, case="sensitive")]
    p = tmp_path / "m.gazetta"
    errors: List[BaseException] = []

    def work(k: int) -> None:
        try:
            for _ in range(40):
                ms[k % 2].save(p)
        except BaseException as e:  # pragma: no cover - the failure being tested
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    reads = 0
    while any(t.is_alive() for t in threads):
        if p.exists():
            assert gazetta.Matcher.load(p).options["case"] in ("smart", "sensitive")
            reads += 1
    for t in threads:
        t.join()
    assert not errors
    assert sorted(os.listdir(tmp_path)) == ["m.gazetta"]


def test_failed_save_leaves_no_temp_file_and_keeps_the_old_one(tmp_path: Path, gaz: gazetta.Gazetteer,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "m.gazetta"
    gazetta.Matcher(gaz).save(p)
    old = p.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        gazetta.Matcher(gaz, case="sensitive").save(p)
    assert sorted(os.listdir(tmp_path)) == ["m.gazetta"]
    assert p.read_bytes() == old


def test_save_gets_the_umask_mode(tmp_path: Path, gaz: gazetta.Gazetteer) -> None:
    p = tmp_path / "m.gazetta"
    gazetta.Matcher(gaz).save(p)
    mask = os.umask(0)
    os.umask(mask)
    assert p.stat().st_mode & 0o777 == 0o666 & ~mask


def test_cli_removes_its_temp_file_on_sigterm(tmp_path: Path) -> None:
    """SIGTERM while the CLI writes its output: the temp file is removed, the old output
    stays, exit code 143."""
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    code = f"""
        import os, signal, sys, time
        from pathlib import Path
        import gazetta.cli as cli
        def write(tmp):
            Path(tmp).write_text("partial")
            print("writing", flush=True)
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(10)
        cli._atomic(Path({str(out)!r}), write)
    """
    r = _run(code)
    assert r.returncode == 143, r.stderr
    assert "writing" in r.stdout
    assert sorted(os.listdir(tmp_path)) == ["out.csv"]
    assert out.read_text() == "old\n"


# -- item 9: crafted matcher files -----------------------------------------------------------
def _crafted(saved: dict, tmp_path: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    doc = json.loads(json.dumps(saved))
    change(doc["spec"])
    p = tmp_path / name
    p.write_text(json.dumps(doc))
    return p


def _set(key: str, value: object):  # type: ignore[no-untyped-def]
    def f(spec: dict) -> None:
        spec[key] = value
    return f


def _alias_entity(value: int):  # type: ignore[no-untyped-def]
    def f(spec: dict) -> None:
        spec["aliases"][0]["entity"] = value
    return f


CRAFTED = {
    "alias-to-ignore-index": (_alias_entity(2**32 - 1), r"spec\.aliases\[0\]\.entity"),
    "alias-out-of-range": (_alias_entity(7), r"spec\.aliases\[0\]\.entity"),
    "alias-negative": (_alias_entity(-1), "corrupt"),
    "alias-too-big": (_alias_entity(2**40), "corrupt"),
    "names-short": (_set("names", ["x"]), r"spec\.names"),
    "kinds-long": (_set("kinds", ["", "", "", "", ""]), r"spec\.kinds"),
    "duplicate-ids": (_set("ids", ["JP", "JP", "KR"]), r"spec\.ids\[1\]: duplicate"),
    "parents-length": (_set("parents", [1]), r"spec\.parents"),
    "parents-range": (_set("parents", [9, 4294967295, 4294967295]), r"spec\.parents\[0\]"),
    "parents-cycle": (_set("parents", [1, 0, 4294967295]), "cycle"),
    "priors-negative": (_set("priors", [-1.0, None, None]), r"spec\.priors\[0\]"),
    "priors-length": (_set("priors", [1.0]), r"spec\.priors"),
    "prior-ratio": (_set("prior_ratio", 0.5), r"spec\.prior_ratio"),
    "rule-range": (_set("rules", [{"entity": 5, "not_before": ["x"]}]), r"spec\.rules\[0\]"),
    "rule-empty": (_set("rules", [{"entity": 0}]), "no phrase"),
    "rule-twice": (_set("rules", [{"entity": 0, "not_before": ["x"]}, {"entity": 0, "not_after": ["y"]}]),
                   "second rule"),
    "rule-bad-phrase": (_set("rules", [{"entity": 0, "not_before": ["*"]}]), "bad alias"),
    "alias-empty": (lambda s: s["aliases"][0].update(text="  "), "empty"),
    "extra-not-json": (_set("extra", "{oops"), r"spec\.extra"),
    "extra-list": (_set("extra", "[1, 2]"), r"spec\.extra"),
    "extra-deep": (_set("extra", '{"a": ' + "[" * 100 + "]" * 100 + "}"), r"spec\.extra"),
    "extra-very-deep": (_set("extra", '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"), r"spec\.extra"),
    "extra-attrs-length": (_set("extra", '{"attrs": [{}]}'), r"spec\.extra\.attrs"),
    "extra-attrs-type": (_set("extra", '{"attrs": [1, 2, 3]}'), r"spec\.extra\.attrs\[0\]"),
    "extra-hash-type": (_set("extra", '{"hash": 5}'), r"spec\.extra\.hash"),
    "options-type": (_set("options", "fast"), "corrupt"),
    "option-value": (lambda s: s["options"].update(case="loud"), "corrupt"),
    "ids-type": (_set("ids", 5), "corrupt"),
    "ignore-type": (_set("ignore", [1]), "corrupt"),
}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_crafted_matcher_file(tmp_path: Path, gaz: gazetta.Gazetteer, name: str) -> None:
    """Every crafted file is a GazettaError naming the file and the field, at load time."""
    good = tmp_path / "good.gazetta"
    gazetta.Matcher(gaz).save(good)
    change, what = CRAFTED[name]
    p = _crafted(json.loads(good.read_bytes()), tmp_path, name, change)
    with pytest.raises(gazetta.GazettaError, match=f"{name}: cannot load matcher: .*{what}"):
        gazetta.Matcher.load(p)


def test_deeply_nested_matcher_file(tmp_path: Path) -> None:
    p = tmp_path / "deep.gazetta"
    p.write_text('{"format": "gazetta-matcher", "version": 1, "spec": ' + "[" * 200_000)
    with pytest.raises(gazetta.GazettaError, match="deep.gazetta: cannot load matcher"):
        gazetta.Matcher.load(p)


def test_loaded_matcher_works_fully(tmp_path: Path) -> None:
    """What loads also works later: its gazetteer, attributes and matching."""
    g = gazetta.Gazetteer().add("JP", "Japan", population=125).add("TYO", "Tokyo", parent="JP")
    p = tmp_path / "m.gazetta"
    gazetta.Matcher(g).save(p)
    m = gazetta.Matcher.load(p)
    assert [x.entity for x in m.find("Tokyo, Japan")] == ["TYO", "JP"]
    assert m.gazetteer["JP"].attrs["population"] == 125


# -- item 8: corpora -------------------------------------------------------------------------
def test_csv_row_holding_fdd0_is_valid(tmp_path: Path) -> None:
    """U+FDD0 was the marker of undecodable bytes: a valid row holding it was dropped."""
    from gazetta.corpus import read_corpus

    p = tmp_path / "c.csv"
    p.write_bytes("text,k\nJapan \ufdd0 \ufdd0\ufdd1 China,1\n".encode() + b"bad \xff row,2\nKorea,3\n")
    with pytest.raises(gazetta.CorpusError, match="invalid utf-8"):
        read_corpus(p).to_pandas()
    from gazetta.corpus import SkippedRecordsWarning

    with pytest.warns(SkippedRecordsWarning, match="skipped 1 bad record"):
        df = read_corpus(p, on_error="skip").to_pandas()
    assert df["text"].tolist() == ["Japan \ufdd0 \ufdd0\ufdd1 China", "Korea"]
    good = tmp_path / "good.csv"
    good.write_text("text\nJapan \ufdd0\n", encoding="utf-8")
    assert read_corpus(good).to_pandas()["text"].tolist() == ["Japan \ufdd0"]


def test_csv_reads_in_threads_do_not_disturb_each_other(tmp_path: Path) -> None:
    """A module-wide count of decode errors made valid reads fail while another thread read
    a bad file; each pass now counts its own."""
    from concurrent.futures import ThreadPoolExecutor

    from gazetta.corpus import read_corpus

    good = tmp_path / "good.csv"
    good.write_text("text\n" + "".join(f"Japan \ufdd0 {i}\n" for i in range(3000)), encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"text\n" + b"".join(b"bad \xff %d\n" % i for i in range(3000)))

    def read(k: int) -> object:
        if k % 2:
            with pytest.raises(gazetta.CorpusError):
                read_corpus(bad).to_pandas()
            return None
        return len(read_corpus(good).to_pandas())

    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(read, range(16)))
    assert results[::2] == [3000] * 8


@pytest.mark.parametrize("line, what", [('{"text": "x", "m": ' + "[" * 100_000 + "]" * 100_000 + "}",
                                          "JSON nested too deeply"),
                                         ('{"text": "x", "n": ' + "7" * 5000 + "}", "unreadable JSON value")])
def test_hostile_jsonl_records(tmp_path: Path, gaz: gazetta.Gazetteer, line: str, what: str) -> None:
    """A record nested 100,000 deep or a 5,000-digit integer gave a bare RecursionError /
    ValueError even with on_error='skip'."""
    from gazetta.corpus import SkippedRecordsWarning, read_corpus

    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "Japan and China."}\n' + line + "\n" + '{"text": "Korea"}\n')
    with pytest.raises(gazetta.CorpusError, match=f"c.jsonl, line 2: {what}") as ei:
        read_corpus(p).to_pandas()
    assert ei.value.line == 2
    with pytest.warns(SkippedRecordsWarning, match="skipped 1 bad record"):
        assert gazetta.Matcher(gaz).mentions(read_corpus(p, on_error="skip"))["entity"].tolist() == ["JP", "CN", "KR"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_txt_folder_skips_fifos_and_follows_file_links(tmp_path: Path) -> None:
    from gazetta.corpus import read_corpus

    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("Japan")
    os.mkfifo(d / "fifo.txt")
    os.symlink(d / "a.txt", d / "sub" / "link.txt")
    os.symlink(tmp_path / "missing.txt", d / "broken.txt")
    os.symlink(d, d / "sub" / "loop")  # a linked folder is not entered
    c = read_corpus(d)
    assert len(c) == 2
    df = c.to_pandas()
    assert df["id"].tolist() == ["a.txt", "sub/link.txt"]
    assert df["text"].tolist() == ["Japan", "Japan"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
def test_txt_file_replaced_by_fifo_after_listing(tmp_path: Path) -> None:
    from gazetta.corpus import read_corpus

    d = tmp_path / "docs"
    d.mkdir()
    (d / "a.txt").write_text("Japan")
    (d / "b.txt").write_text("China")
    c = read_corpus(d)
    assert len(c) == 2  # listed
    (d / "b.txt").unlink()
    os.mkfifo(d / "b.txt")
    assert c.to_pandas()["text"].tolist() == ["Japan"]


# -- item 7: edge values ---------------------------------------------------------------------
def test_huge_window_does_not_wrap(gaz: gazetta.Gazetteer) -> None:
    """window=2**64-1 wrapped (last_i + k) and counted fewer pairs than window=10**9."""
    docs = ["Japan " + "and so on " * 30 + "China. Korea and Japan."]
    counts = {w: gazetta.cooccurrence(docs, gaz, unit="document", window=w).pairs["n_ab"].sum()
              for w in (10**9, 2**63, 2**64 - 1)}
    assert len(set(counts.values())) == 1, counts


@pytest.mark.parametrize("kw", ["window", "keep_evidence"])
def test_values_beyond_64_bits_are_a_clear_error(gaz: gazetta.Gazetteer, kw: str) -> None:
    with pytest.raises(ValueError, match=f"{kw} must be .*below 2\\*\\*64"):
        gazetta.cooccurrence(["Japan and China."], gaz, **{kw: 2**64})
    assert gazetta.cooccurrence(["Japan and China."], gaz, **{kw: 2**64 - 1}).pairs["n_ab"].tolist() == [1]


@pytest.mark.parametrize("col", ["name", "kind", "entity", "n_docs", "pmi", "b", "a", "n_ab", "n"])
def test_by_column_named_like_a_result_column(gaz: gazetta.Gazetteer, col: str) -> None:
    import pandas as pd

    df = pd.DataFrame({"text": ["Japan and China.", "China and Korea."], col: ["x", "y"]})
    with pytest.raises(ValueError, match=f"by=/time= column '{col}' has the name of a result column"):
        gazetta.cooccurrence(df, gaz, by=col)
    renamed = gazetta.cooccurrence(df.rename(columns={col: col + "_"}), gaz, by=col + "_")
    assert renamed.pairs[col + "_"].tolist() == ["x", "y"]


def test_by_column_given_twice(gaz: gazetta.Gazetteer) -> None:
    import pandas as pd

    df = pd.DataFrame({"text": ["Japan and China."], "src": ["x"]})
    with pytest.raises(ValueError, match="given twice"):
        gazetta.cooccurrence(df, gaz, by=["src", "src"])


def test_by_keys_group_by_equality(gaz: gazetta.Gazetteer) -> None:
    """As in DataFrame.groupby: True, 1 and 1.0 are one group (named by the first value
    seen); tuples are keys like any hashable value."""
    import pandas as pd

    df = pd.DataFrame({"text": ["Japan and China."] * 4, "g": [1, True, 1.0, 2]})
    co = gazetta.cooccurrence(df, gaz, by="g")
    assert co.pairs[["g", "n_ab"]].values.tolist() == [[1, 3], [2, 1]]
    assert co.pairs["g"].iloc[0] == 1 and not isinstance(co.pairs["g"].iloc[0], (bool, float))
    df = pd.DataFrame({"text": ["Japan and China."] * 3, "g": [(1, 2), (1, 2), (3,)]})
    assert gazetta.cooccurrence(df, gaz, by="g").pairs[["g", "n_ab"]].values.tolist() == [[(1, 2), 2], [(3,), 1]]


@pytest.mark.parametrize("values, names", [([1, "1", 2], ("int 1", "str '1'")),
                                            ([(1, 2), "x", "y"], ("tuple (1, 2)", "str 'x'"))])
def test_by_keys_that_cannot_be_ordered(gaz: gazetta.Gazetteer, values: list, names: tuple) -> None:
    import pandas as pd

    df = pd.DataFrame({"text": ["Japan and China."] * 3, "g": values})
    with pytest.raises(ValueError, match="by= column 'g' mixes values that cannot be ordered together") as ei:
        gazetta.cooccurrence(df, gaz, by="g")
    assert all(x in str(ei.value) for x in names)
    assert gazetta.cooccurrence(df.assign(g=df["g"].astype(str)), gaz, by="g").pairs["n_ab"].sum() == 3


def test_by_keys_unhashable(gaz: gazetta.Gazetteer) -> None:
    import pandas as pd

    df = pd.DataFrame({"text": ["Japan and China."] * 2, "g": [[1], [2]]})
    with pytest.raises(ValueError, match=r"value \[1\] \(list\) cannot be a group key"):
        gazetta.cooccurrence(df, gaz, by="g")


@pytest.mark.parametrize("n", [-1, 1.5, True])
def test_kwic_n_is_validated(gaz: gazetta.Gazetteer, n: object) -> None:
    with pytest.raises(ValueError, match="n must be None or a non-negative int"):
        gazetta.Matcher(gaz).kwic(["Japan and Japan."], "JP", n=n)  # type: ignore[arg-type]
    assert len(gazetta.Matcher(gaz).kwic(["Japan and Japan."], "JP", n=0)) == 0


# -- item 6: fork while threads import --------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_fork_waits_for_imports_in_other_threads(tmp_path: Path) -> None:
    """A thread inside a (slow) import when the process forks: the child used to inherit the
    held import lock and hang on its own import of that module; the fork now waits."""
    (tmp_path / "slowmod.py").write_text("import time\ntime.sleep(0.5)\nVALUE = 1\n")
    code = f"""
        import os, sys, threading, time
        sys.path.insert(0, {str(tmp_path)!r})
        import gazetta
        t = threading.Thread(target=lambda: __import__("slowmod"))
        t.start()
        time.sleep(0.1)  # the thread is inside the import now
        pid = os.fork()
        if pid == 0:
            import slowmod
            os._exit(0 if slowmod.VALUE == 1 else 3)
        deadline = time.time() + 20
        while time.time() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                sys.exit(os.waitstatus_to_exitcode(status))
            time.sleep(0.02)
        os.kill(pid, 9)
        sys.exit(7)  # the child hung
    """
    r = _run(code)
    assert r.returncode == 0, r.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
@pytest.mark.parametrize("delay", [0.0, 0.003, 0.01])
def test_fork_while_threads_make_their_first_call(delay: float) -> None:
    """Threads making their first cooccurrence call in a fresh interpreter (lazy imports of
    tqdm, scipy.special, gazetta modules; a progress bar each) while the main thread forks:
    the child's own call completes."""
    code = f"""
        import os, sys, threading, time, warnings
        warnings.simplefilter("ignore")
        import gazetta
        m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan").add("CN", "China"))
        docs = ["Japan and China."] * 3
        ts = [threading.Thread(target=lambda: gazetta.cooccurrence(docs, m, n_threads=1)) for _ in range(3)]
        for t in ts:
            t.start()
        time.sleep({delay})
        pid = os.fork()
        if pid == 0:
            gazetta.cooccurrence(docs, m, n_threads=1)
            os._exit(0)
        import faulthandler
        faulthandler.dump_traceback_later(40, exit=True)  # the parent's threads, if they hang
        for t in ts:
            t.join()
        deadline = time.time() + 30
        while not os.waitpid(pid, os.WNOHANG)[0]:
            if time.time() > deadline:
                os.kill(pid, 9)
                sys.exit(7)  # the child hung
            time.sleep(0.02)
    """
    r = _run(code, timeout=90)
    assert r.returncode == 0, r.stderr


# -- item 1: a 1 GB CSV field under a memory limit -------------------------------------------
@pytest.mark.parametrize("fmt, room_mb", [("csv", 300), ("csv", 3000), ("jsonl", 300)])
def test_huge_field_under_a_memory_limit(tmp_path: Path, fmt: str, room_mb: int) -> None:
    """A CSV field (or JSON Lines record) of 1 GiB (gzip-compressed to 5 MB) read under
    ``RLIMIT_AS`` ends as a ``MemoryError`` or a ``GazettaError`` (pandas' parser reports "out
    of memory", or Python cannot build the string), never as an aborted process."""
    import gzip

    p = tmp_path / f"big.{fmt}.gz"
    head, tail = (b"text,k\nJapan,1\n", b",2\nKorea,3\n") if fmt == "csv" else \
        (b'{"text": "Japan"}\n{"text": "', b'"}\n{"text": "Korea"}\n')
    with gzip.open(p, "wb", compresslevel=1) as f:
        f.write(head)
        chunk = b"Japan China " * (1 << 16)
        for _ in range(2**30 // len(chunk) + 1):
            f.write(chunk)
        f.write(tail)
    out = _run(f"""
        import json, resource
        import gazetta
        from gazetta.corpus import read_corpus
        m = gazetta.Matcher(gazetta.Gazetteer().add("JP", "Japan"))
        m.mentions(["Japan"], progress=False)  # warm up: threads and their arenas exist
        with open("/proc/self/statm") as f:
            vm = int(f.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (vm + {room_mb} * 2**20, resource.RLIM_INFINITY))
        try:
            m.mentions(read_corpus({str(p)!r}), progress=False)
            res = "no error"
        except (MemoryError, gazetta.GazettaError) as e:
            res = type(e).__name__ + ": " + str(e)
        print(json.dumps(res))
    """, timeout=240)
    assert out.returncode == 0, out.stderr[-2000:]
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res.startswith("MemoryError"), res
    assert "out of memory" in res and p.name in res, res  # the file is named
