"""The command line (docs/cli.md): ``gazetta demo|match|cooccur|info``, exit codes 0/1/2,
outputs that exist, parse and equal the Python API's results, atomic writes."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

import gazetta
from gazetta.cli import main

DOCS = [
    {"id": "d1", "date": "2024-01-03", "source": "wire", "body": "Japan and China met.\nSouth Korea watched."},
    {"id": "d2", "date": "2024-01-21", "source": "blog", "body": "China and South Korea. Japan too."},
    {"id": "d3", "date": "2024-02-11", "source": "wire", "body": "JAPAN, China and South Korea agreed."},
    {"id": "d4", "date": "2024-03-30", "source": "wire", "body": "Nothing here."},
]


@pytest.fixture()
def files(tmp_path):
    jl = tmp_path / "news.jsonl.gz"
    with gzip.open(jl, "wt", encoding="utf-8") as f:
        for d in DOCS:
            f.write(json.dumps(d) + "\n")
    csv = tmp_path / "news.csv"
    pd.DataFrame(DOCS).to_csv(csv, index=False)
    gz = tmp_path / "gaz.csv"
    pd.DataFrame({"id": ["JP", "CN", "KR"], "name": ["Japan", "China", "South Korea"],
                  "kind": ["country", "country", "country"], "aliases": ["", "PRC", "ROK|Korea"]}).to_csv(gz, index=False)
    return {"jsonl": jl, "csv": csv, "gaz": gz, "dir": tmp_path}


def _gaz(files):
    return gazetta.Gazetteer.read_csv(files["gaz"])


def test_help_and_version(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for cmd in ("demo", "match", "cooccur", "info"):
        assert cmd in out
    assert main(["cooccur", "--help"]) == 0
    out = capsys.readouterr().out
    for opt in ("--unit", "--paragraphs", "--window", "--count", "--by", "--time", "--freq", "--min-count",
                "--kinds", "--gazetteer", "--text", "--id", "--network"):
        assert opt in out
    assert main(["--version"]) == 0
    assert gazetta.__version__ in capsys.readouterr().out


def test_match_to_csv_and_parquet(files, capsys):
    out = files["dir"] / "m.csv"
    assert main(["match", str(files["jsonl"]), "-g", str(files["gaz"]), "--text", "body", "--id", "id",
                 "-o", str(out)]) == 0
    got = pd.read_csv(out)
    want = gazetta.Matcher(_gaz(files)).mentions([d["body"] for d in DOCS], ids=[d["id"] for d in DOCS])
    assert got["doc"].tolist() == want["doc"].astype(str).tolist()
    assert got[["start", "end"]].values.tolist() == want[["start", "end"]].values.tolist()
    assert got["entity"].tolist() == want["entity"].astype(str).tolist()
    pytest.importorskip("pyarrow")
    pq = files["dir"] / "m.parquet"
    assert main(["match", str(files["csv"]), "-g", str(files["gaz"]), "--text", "body", "--units", "-q",
                 "-o", str(pq)]) == 0
    got = pd.read_parquet(pq)
    assert len(got) == len(want) and {"paragraph", "sentence"} <= set(got.columns)
    assert capsys.readouterr().out.count("mentions") == 1  # -q printed nothing


def test_cooccur_matches_the_api(files):
    out = files["dir"] / "pairs.csv"
    ents = files["dir"] / "entities.tsv"
    net = files["dir"] / "net.gexf"
    assert main(["cooccur", str(files["jsonl"]), "-g", str(files["gaz"]), "--text", "body", "--unit", "sentence",
                 "--time", "date", "--freq", "M", "--by", "source", "--entities", str(ents),
                 "--network", str(net), "-q", "-o", str(out)]) == 0
    df = pd.DataFrame(DOCS)
    co = gazetta.cooccurrence(df, _gaz(files), text="body", by="source", time="date", freq="M")
    got = pd.read_csv(out)
    want = co.pairs.assign(date=co.pairs["date"].astype(str))
    assert got.columns.tolist() == want.columns.tolist()
    assert got[["source", "date", "a", "b", "n_ab", "n"]].values.tolist() == \
        want[["source", "date", "a", "b", "n_ab", "n"]].values.tolist()
    pd.testing.assert_series_equal(got["npmi"], want["npmi"], check_names=False)
    assert len(pd.read_csv(ents, sep="\t")) == len(co.entities)
    nx = pytest.importorskip("networkx")
    assert nx.read_gexf(net).graph["mode"] == "dynamic"


@pytest.mark.parametrize("extra, check", [
    (["--unit", "document"], lambda p: p["n"].iloc[0] == 4),
    (["--window", "3", "--unit", "document"], lambda p: p["n"].nunique() == 1 and p["n"].iloc[0] > 10),
    (["--count", "mentions"], lambda p: (p["n_ab"] >= 1).all()),
    (["--min-count", "2"], lambda p: (p["n_ab"] >= 2).all()),
    (["--kinds", "country"], lambda p: len(p) == 3),
    (["--kinds", "country:country"], lambda p: len(p) == 3),  # between=; orientation: tests/test_between.py
])
def test_cooccur_options(files, extra, check):
    out = files["dir"] / "p.csv"
    assert main(["cooccur", str(files["csv"]), "-g", str(files["gaz"]), "--text", "body", "-q", "-o", str(out),
                 *extra]) == 0
    assert check(pd.read_csv(out))


def test_info(files, capsys):
    assert main(["info", str(files["gaz"])]) == 0
    out = capsys.readouterr().out
    assert "entities" in out and "country" in out
    assert main(["info", "countries:de", "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    de = gazetta.gazetteers.countries("de")
    assert st["entities"] == len(de) and st["per_kind"]["country"]["entities"] == sum(e.kind == "country" for e in de)
    assert st["globs"] > 0 and set(st) >= {"aliases", "kinds", "ambiguous_aliases", "ambiguous"}
    amb = files["dir"] / "amb.csv"
    amb.write_text("id,name,aliases\nGE,Georgia,\nUS-GA,Georgia (US state),Georgia\n", encoding="utf-8")
    assert main(["info", str(amb), "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["ambiguous_aliases"] == 1 and st["ambiguous"][0]["entities"] == ["GE", "US-GA"]


@pytest.mark.parametrize("argv", [
    [],
    ["frobnicate"],
    ["cooccur", "x.jsonl", "-o", "x.csv"],                                  # no --gazetteer
    ["cooccur", "{jsonl}", "-g", "countries", "--unit", "word", "-o", "x.csv"],
    ["cooccur", "{jsonl}", "-g", "countries", "--window", "-1", "-o", "x.csv"],
    ["cooccur", "{jsonl}", "-g", "countries", "--min-count", "0", "-o", "x.csv"],
    ["cooccur", "{jsonl}", "-g", "countries", "-o", "{dir}/x.xlsx"],
    ["cooccur", "{jsonl}", "-g", "countries", "--time", "date", "-o", "{dir}/x.csv"],
    ["cooccur", "{jsonl}", "-g", "countries", "--kinds", "a:b:c", "-o", "{dir}/x.csv"],
    ["match", "{jsonl}", "-g", "countries:klingon", "-o", "{dir}/x.csv"],
    ["info", "{dir}/gaz.xml"],
])
def test_bad_usage_is_2(files, argv, capsys):
    (files["dir"] / "gaz.xml").write_text("<x/>", encoding="utf-8")
    argv = [a.format(jsonl=files["jsonl"], dir=files["dir"]) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error" in err or "usage" in err
    assert not (files["dir"] / "x.csv").exists()


@pytest.mark.parametrize("argv, msg", [
    (["cooccur", "{dir}/missing.jsonl", "-g", "{gaz}", "-o", "{dir}/x.csv"], "missing.jsonl"),
    (["match", "{jsonl}", "-g", "{dir}/missing.csv", "-o", "{dir}/x.csv"], "missing.csv"),
    (["match", "{jsonl}", "-g", "{gaz}", "--text", "nope", "-o", "{dir}/x.csv"], "nope"),
    (["cooccur", "{jsonl}", "-g", "{gaz}", "--text", "body", "--by", "nope", "-o", "{dir}/x.csv"], "nope"),
    (["info", "{dir}/bad.csv"], "bad.csv"),
])
def test_data_errors_are_1_with_one_line(files, argv, msg, capsys):
    (files["dir"] / "bad.csv").write_text("id,name\nA,\n", encoding="utf-8")  # an entity without a name
    argv = [a.format(jsonl=files["jsonl"], dir=files["dir"], gaz=files["gaz"]) for a in argv]
    assert main(argv) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("gazetta: error:") and "Traceback" not in err
    assert msg in lines[0]
    assert not (files["dir"] / "x.csv").exists()
    with pytest.raises(Exception):
        main(argv + ["--debug"])


def test_outputs_are_atomic(files, monkeypatch):
    """A failure while writing leaves the old file untouched and no temporary file behind."""
    out = files["dir"] / "pairs.csv"
    out.write_text("old\n", encoding="utf-8")

    def boom(self, *a, **k):
        with open(a[0], "w", encoding="utf-8") as f:
            f.write("half")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    assert main(["cooccur", str(files["csv"]), "-g", str(files["gaz"]), "--text", "body", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in files["dir"].iterdir()) == ["gaz.csv", "news.csv", "news.jsonl.gz", "pairs.csv"]


def _check_demo_dir(d, mentions_file="mentions.parquet"):
    pairs = pd.read_csv(d / "pairs.csv")
    assert {"date", "a", "b", "n_ab", "npmi"} <= set(pairs.columns) and len(pairs) > 100
    ents = pd.read_csv(d / "entities.csv")
    assert {"date", "entity", "name", "n_units"} <= set(ents.columns)
    m = pd.read_parquet(d / mentions_file) if mentions_file.endswith(".parquet") else pd.read_csv(d / mentions_file)
    assert {"doc", "start", "end", "entity", "sentence"} <= set(m.columns) and len(m) > 1000
    assert (d / "network.gexf").stat().st_size > 0
    nx = pytest.importorskip("networkx")
    G = nx.read_gexf(d / "network.gexf")
    assert G.graph["mode"] == "dynamic" and G.number_of_edges() > 100
    if (d / "network.png").exists():
        assert (d / "network.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in os.listdir(d) if p.endswith(".tmp")]


def test_demo_in_process_without_pyarrow(tmp_path, monkeypatch, capsys):
    pytest.importorskip("matplotlib")
    # (pandas itself may hold Arrow-backed columns when pyarrow is installed, so pretend at the
    # one place the command line asks)
    monkeypatch.setattr("gazetta.cli._have_pyarrow", lambda: False)
    assert main(["demo", "--out", str(tmp_path / "demo"), "--top", "6"]) == 0
    out, err = capsys.readouterr()
    assert "Russia – Ukraine" in out and "Rising:" in out and "Falling:" in out
    assert "pyarrow" in err and "mentions.csv" in err
    _check_demo_dir(tmp_path / "demo", "mentions.csv")
    assert (tmp_path / "demo" / "network.png").exists()


@pytest.mark.slow
def test_demo_subprocess(tmp_path):
    """``python -m gazetta demo --out DIR`` in a real process."""
    pytest.importorskip("pyarrow")
    r = subprocess.run([sys.executable, "-m", "gazetta", "demo", "--out", "demo-out"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=300, env={**os.environ, "MPLBACKEND": "Agg"})
    assert r.returncode == 0, r.stderr
    assert "Top 15 pairs" in r.stdout
    _check_demo_dir(tmp_path / "demo-out")
    r = subprocess.run([sys.executable, "-m", "gazetta", "cooccur"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "usage:" in r.stderr


# --------------------------------------------------------------------------------------------
# issue 19 (Also): defaults said once, no surprise folder at the root, usual file permissions
@pytest.mark.parametrize("cmd", ["demo", "match", "cooccur", "audit"])
def test_help_says_each_default_once(cmd, capsys):
    assert main([cmd, "--help"]) == 0
    out = capsys.readouterr().out
    assert "(default: None)" not in out and "(default: False)" not in out
    helps = " ".join(out.split()).split("  ")
    # one option's help: never two "default" mentions ("(default: all cores) (default: None)")
    for opt_help in out.split("\n  -"):
        assert " ".join(opt_help.split()).lower().count("default") <= 1, opt_help
    assert helps


def test_no_output_folder_at_the_root_without_mkdir(files, capsys):
    import uuid

    from gazetta import cli

    top = f"/gazetta-test-{uuid.uuid4().hex[:12]}"
    assert main(["cooccur", str(files["jsonl"]), "-g", str(files["gaz"]), "--text", "body", "-o",
                 f"{top}/pairs.csv"]) == 2
    err = capsys.readouterr().err
    assert f"the output folder '{top}' does not exist" in err and "--mkdir" in err
    assert not os.path.exists(top)
    assert main(["demo", "-q", "--out", top]) == 2 and not os.path.exists(top)
    # elsewhere missing folders are made as before; --mkdir lifts the check at the root
    nested = files["dir"] / "a" / "b" / "pairs.csv"
    assert main(["cooccur", str(files["jsonl"]), "-g", str(files["gaz"]), "--text", "body", "-q", "-o",
                 str(nested)]) == 0 and nested.exists()
    cli._OPTIONS["mkdir"] = True
    try:
        cli._check_folder(cli.Path(top))
    finally:
        cli._OPTIONS["mkdir"] = False


def test_gazetteer_files_get_the_usual_permissions(tmp_path):
    """Gazetteer.to_csv/to_json wrote 0600 files (mkstemp's mode), not what the umask gives."""
    old = os.umask(0o022)
    try:
        g = _gaz({"gaz": _write_gaz(tmp_path)})
        for name, write in (("g.csv", g.to_csv), ("g.jsonl", g.to_json), ("g.csv.gz", g.to_csv)):
            write(tmp_path / name)
            assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name
    finally:
        os.umask(old)


def _write_gaz(tmp_path):
    p = tmp_path / "src.csv"
    pd.DataFrame({"id": ["JP"], "name": ["Japan"], "kind": ["country"], "aliases": [""]}).to_csv(p, index=False)
    return p


def test_cooccur_dedupe_and_level(files, capsys):
    """--dedupe folds repeated documents (and the summary line says how many); --level counts
    mentions as their ancestor of a kind, as cooccurrence(dedupe=, level=) do."""
    twice = files["dir"] / "twice.csv"
    pd.DataFrame(DOCS + DOCS[:2]).to_csv(twice, index=False)
    out = files["dir"] / "p.csv"
    assert main(["cooccur", str(twice), "-g", str(files["gaz"]), "--text", "body", "-o", str(out)]) == 0
    plain = pd.read_csv(out)
    assert main(["cooccur", str(twice), "-g", str(files["gaz"]), "--text", "body", "--dedupe", "exact",
                 "-o", str(out)]) == 0
    assert "(2 repeated documents folded, --dedupe exact)" in capsys.readouterr().out
    folded = pd.read_csv(out)
    want = gazetta.cooccurrence(pd.DataFrame(DOCS), _gaz(files), text="body").pairs
    assert folded["n_ab"].tolist() == want["n_ab"].tolist() and plain["n_ab"].sum() > folded["n_ab"].sum()
    region = files["dir"] / "region.csv"
    pd.DataFrame({"id": ["EA", "JP", "CN", "KR"], "name": ["East Asia", "Japan", "China", "South Korea"],
                  "kind": ["region", "country", "country", "country"], "parent": ["", "EA", "EA", "EA"],
                  "aliases": ["", "", "PRC", "ROK|Korea"]}).to_csv(region, index=False)
    assert main(["cooccur", str(files["csv"]), "-g", str(region), "--text", "body", "--level", "region",
                 "-q", "-o", str(out)]) == 0
    assert len(pd.read_csv(out)) == 0  # every mention is East Asia: no pair of two entities


def test_misspelt_by_or_time_field_suggests_the_field(files, capsys):
    """The CLI said only "no document has a value for 'sourse'" where the Python API suggests
    the column (trial user, C8); a time field no document has was an IndexError."""
    base = ["cooccur", str(files["jsonl"]), "-g", str(files["gaz"]), "--text", "body", "-q",
            "-o", str(files["dir"] / "p.csv")]
    assert main(base + ["--by", "sourse"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "no document has a value for 'sourse' (--by/--time fields)" in err and "did you mean 'source'?" in err
    assert "fields of the first documents: 'body', 'id', 'date', 'source'" in err
    assert main(base + ["--time", "dat", "--freq", "M"]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert "no document has a value for 'dat'" in err and "did you mean 'date'?" in err and "IndexError" not in err


def test_graphml_network_of_a_by_count_warns(files):
    """--network x.graphml with --by wrote the totals over the groups without a word (C9)."""
    net = files["dir"] / "n.graphml"
    r = subprocess.run([sys.executable, "-m", "gazetta", "cooccur", str(files["jsonl"]), "-g", str(files["gaz"]),
                        "--text", "body", "--by", "source", "-q", "-o", str(files["dir"] / "p.csv"),
                        "--network", str(net)], capture_output=True, text=True, timeout=300,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"})
    assert r.returncode == 0, r.stderr
    err = " ".join(r.stderr.split())
    assert "gazetta: warning: write_graphml: this count is --by 'source'; the file holds the totals over its 2 " \
           "groups" in err and "group=" not in err and "rollup" not in err
    assert "totals over the groups of by=['source']" in net.read_text(encoding="utf-8")


def test_builtin_places_and_the_run_option(files, capsys):
    """-g places[:N] is the built-in places() (a bad N is a usage error before anything is
    built), --capitalized-runs is the Matcher option, and the summary counts what the rules,
    the runs and the level took."""
    assert main(["info", "places:many"]) == 2
    assert "after 'places:' comes the smallest population" in capsys.readouterr().err
    docs = files["dir"] / "firms.jsonl"
    docs.write_text(json.dumps({"body": "American Barrick Resources Corp and Japan met in Canada."}) + "\n",
                    encoding="utf-8")
    out = files["dir"] / "pairs.csv"
    assert main(["cooccur", str(docs), "-g", "countries", "--text", "body", "-o", str(out)]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "1 mention removed as part of a longer name (--capitalized-runs)" in said
    assert sorted(pd.read_csv(out)["b"]) == ["JP"]
    assert main(["cooccur", str(docs), "-g", "countries", "--text", "body", "--capitalized-runs", "keep",
                 "-q", "-o", str(out)]) == 0
    assert len(pd.read_csv(out)) == 3


def test_cooccur_says_how_many_spans_stayed_ambiguous(files, capsys):
    """Spans left undecided are counted for each candidate: the summary line says so."""
    gz = files["dir"] / "amb.csv"
    pd.DataFrame({"id": ["JP", "CN", "KR-S", "KR-N"], "name": ["Japan", "China", "South Korea", "North Korea"],
                  "kind": ["country"] * 4, "aliases": ["", "", "Korea", "Korea"]}).to_csv(gz, index=False)
    docs = files["dir"] / "k.jsonl"
    docs.write_text(json.dumps({"body": "Korea and Japan met."}) + "\n", encoding="utf-8")
    out = files["dir"] / "pairs.csv"
    assert main(["cooccur", str(docs), "-g", str(gz), "--text", "body", "-o", str(out)]) == 0
    assert "1 ambiguous span left undecided" in capsys.readouterr().out
