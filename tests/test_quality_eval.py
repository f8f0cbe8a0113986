"""The scoring functions of the gold-corpus quality benchmark (benchmarks/quality.py,
benchmarks/lgl_eval.py) on small synthetic documents: no corpus needed."""

from __future__ import annotations

import doctest
import os
import sys
from typing import Any, Dict, List

import pandas as pd
import pytest

import gazetta

BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks")
sys.path.insert(0, BENCH)

import lgl_eval  # noqa: E402
import quality  # noqa: E402
from quality import country_code, geonameid_of, match_one_to_one, prf, score_countries, score_places  # noqa: E402


def topo(text: str, surface: str, *, nth: int = 0, country: str = "", is_country: bool = False,
         geonameid: Any = None, fcode: Any = None) -> Dict[str, Any]:
    """A gold toponym for the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "surface": surface, "geonameid": geonameid,
            "name": surface, "fcode": fcode, "country": country, "is_country": is_country}


def test_docstring_examples() -> None:
    res = doctest.testmod(quality, optionflags=doctest.ELLIPSIS)
    assert res.failed == 0 and res.attempted > 5


def test_prf_undefined_ratios_are_zero() -> None:
    assert prf(0, 0, 0) == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert prf(1, 1, 0)["precision"] == 0.5 and prf(1, 1, 0)["recall"] == 1.0


def test_match_one_to_one() -> None:
    gold = [(0, 5, "A"), (10, 15, "B")]
    # two predictions on one span: only one pairs; keys must be equal
    assert match_one_to_one(gold, [(0, 5, "A"), (0, 5, "A"), (10, 15, "C")]) == [(0, 0)]
    # overlap pairs, exact does not; the identical span wins over a larger overlap
    assert match_one_to_one([(0, 4, None)], [(0, 5, None)]) == [(0, 0)]
    assert match_one_to_one([(0, 4, None)], [(0, 5, None)], exact=True) == []
    assert match_one_to_one([(0, 4, None)], [(0, 6, None), (0, 4, None)]) == [(0, 1)]
    # touching spans do not overlap; empty spans never pair
    assert match_one_to_one([(0, 4, None)], [(4, 8, None), (2, 2, None)]) == []
    # a prediction spanning two gold toponyms pairs with one of them only
    assert match_one_to_one([(0, 3, None), (4, 9, None)], [(0, 9, None)]) == [(1, 0)]
    # a tuple key pairs with any of its members
    assert match_one_to_one([(0, 4, "SK")], [(0, 4, ("CZ", "SK"))]) == [(0, 0)]
    # unsorted and long gold spans are found
    assert match_one_to_one([(50, 60, 1), (0, 40, 2)], [(30, 35, 2), (55, 58, 1)]) == [(0, 1), (1, 0)]


def test_country_code_and_geonameid() -> None:
    g = (gazetta.Gazetteer().add("KP", "North Korea").add("XX-1", "Somewhere", iso2="xk")
         .add("YUCS", "Yugoslavia", successor=["RS", "ME"]).add("GB", "United Kingdom")
         .add("GB-SCT", "Scotland", parent="GB").add("Q1", "Atlantis")
         .add("2988507", "Paris").add("FR", "France", geonameid="3017382"))
    assert [country_code(g[i]) for i in ("KP", "XX-1", "YUCS", "GB-SCT", "Q1")] == \
        ["KP", "XK", ("RS", "ME"), "GB", "Q1"]
    assert (geonameid_of(g["2988507"]), geonameid_of(g["FR"]), geonameid_of(g["KP"])) == (2988507, 3017382, None)


@pytest.fixture()
def country_docs() -> List[Dict[str, Any]]:
    t0 = "Georgia talks: the U.S and Russian envoys met in Moscow. Russia agreed."
    t1 = "No country here, only Georgia Power."
    t2 = "Chad and Chad again."
    return [
        {"text": t0, "toponyms": [
            topo(t0, "Georgia", country="GE", is_country=True, geonameid=614540, fcode="PCLI"),
            topo(t0, "U.S", country="US", is_country=True, geonameid=6252001, fcode="PCLI"),
            topo(t0, "Russian", country="RU", is_country=True, geonameid=2017370, fcode="PCLI"),
            topo(t0, "Moscow", country="RU", geonameid=524901, fcode="PPLC"),
            topo(t0, "Russia", nth=1, country="RU", is_country=True, geonameid=2017370, fcode="PCLI")]},
        {"text": t1, "toponyms": []},
        {"text": t2, "toponyms": [topo(t2, "Chad", country="TD", is_country=True, fcode="PCLI", geonameid=2434508)]},
    ]


@pytest.fixture()
def country_gazetteer() -> gazetta.Gazetteer:
    return (gazetta.Gazetteer()
            .add("GE", "Georgia", kind="country")
            .add("US-GA", "Georgia", kind="region", parent="US")
            .add("US", "United States", kind="country", aliases=["U.S."])
            .add("RU", "Russia", kind="country", aliases=["Russian*", "Moscow"])
            .add("TD", "Chad", kind="country")
            .add("chad", "Chad Smith", kind="person", aliases=["Chad"]))


def test_score_countries(country_docs: List[Dict[str, Any]], country_gazetteer: gazetta.Gazetteer) -> None:
    m = gazetta.Matcher(country_gazetteer, ambiguous="all")
    r = score_countries(m, country_docs, errors=10)
    # predictions (kind "country" only: the region and the person rows are not predictions):
    # doc 0: Georgia GE (tp), U.S (no match: "U.S." needs its point... -> "U.S" missed),
    #        Russian RU (tp), Moscow RU (fp: gold is a city), Russia RU (tp)
    # doc 1: Georgia GE (fp, no gold); doc 2: Chad TD twice (tp + fp: the second is not gold)
    assert r["mention"] == prf(4, 3, 1)
    assert r["mention_exact"] == prf(4, 3, 1)
    assert r["predictions"] == 7 and r["gold"] == 5
    # Georgia (x2, GE and US-GA) and Chad (x2, TD and the person) are ambiguous spans
    assert r["ambiguous_spans"] == 4
    # documents: {GE, US, RU} vs {GE, RU}; {} vs {GE}; {TD} vs {TD}
    assert r["document"] == prf(3, 1, 1)
    assert r["fp_classes"] == {"gold is a city/region/other place": 1, "no gold toponym there": 2}
    assert r["fn_classes"] == {"no country prediction there": 1}
    assert ("Moscow -> RU (gold is a city/region/other place)", 1) in r["false_positives"]
    assert r["missed"] == [("U.S [US] (no country prediction there)", 1)]
    assert r["seconds"] is not None and r["seconds"] >= 0


def test_score_countries_exact_and_ambiguity(country_docs: List[Dict[str, Any]]) -> None:
    # "Russian envoys" as one alias: overlaps the gold "Russian" but is not its span
    g = (gazetta.Gazetteer().add("RU", "Russia", kind="country", aliases=["Russian envoys"])
         .add("XR", "Other Russia", kind="country", aliases=["Russia"]))
    r = score_countries(gazetta.Matcher(g, ambiguous="all"), country_docs)
    # "Russia" (the name of RU, an alias of XR) has two candidates: both are predictions,
    # one of them right; "Russian envoys" pairs with the gold "Russian" by overlap only
    assert r["predictions"] == 3 and r["ambiguous_spans"] == 1
    assert r["mention"] == prf(2, 1, 3)
    assert r["mention_exact"] == prf(1, 2, 4)


def test_extra_columns_do_not_change_scores(country_docs: List[Dict[str, Any]],
                                            country_gazetteer: gazetta.Gazetteer) -> None:
    m = gazetta.Matcher(country_gazetteer, ambiguous="all")
    df = m.mentions([d["text"] for d in country_docs])
    df = df.drop(columns=[c for c in df.columns if c == "resolved_by" or c.startswith("level_")])
    plain = score_countries(None, country_docs, mentions=df, gazetteer=country_gazetteer)
    more = df.copy()
    more["resolved_by"] = ["none" if a else "" for a in more["ambiguous"]]
    more["level_entity"] = more["entity"]
    more["level_name"] = pd.NA
    again = score_countries(None, country_docs, mentions=more, gazetteer=country_gazetteer)
    for k in ("mention", "mention_exact", "document", "predictions", "ambiguous_spans"):
        assert again[k] == plain[k]
    assert plain["resolved_by"] == {} and plain["seconds"] is None
    assert again["resolved_by"] == {"": 3, "none": 4}  # per span (of any kind), not per row


def test_gold_filter(country_docs: List[Dict[str, Any]], country_gazetteer: gazetta.Gazetteer) -> None:
    m = gazetta.Matcher(country_gazetteer, ambiguous="all")
    r = score_countries(m, country_docs, gold_filter=lambda t: t["surface"] != "Russian")
    assert r["gold"] == 4 and r["mention"]["tp"] == 3


def test_score_places() -> None:
    text = "Paris, Texas is not Paris. Springfield and Nowhere Road."
    doc = {"text": text, "toponyms": [
        topo(text, "Paris", geonameid=4717560, fcode="PPL", country="US"),
        topo(text, "Texas", geonameid=4736286, fcode="ADM1", country="US"),
        topo(text, "Paris", nth=1, geonameid=2988507, fcode="PPLC", country="FR"),
        topo(text, "Springfield", geonameid=4409896, fcode="PPL", country="US"),
        topo(text, "Nowhere Road", fcode=None)]}
    g = (gazetta.Gazetteer()
         .add("2988507", "Paris", kind="city", population=2_100_000)
         .add("4717560", "Paris", kind="city", population=25_000)
         .add("4409896", "Springfield", kind="city", population=160_000)
         .add("4250542", "Springfield", kind="city", population=115_000, prior=999_999_999)
         .add("not", "Not", kind="city", aliases=["not"], population=10)
         .add("TX", "Texas", kind="region", geonameid=4736286))
    r = score_places(gazetta.Matcher(g, ambiguous="all"), [doc], errors=5)
    # spans: Paris, Texas, not, Paris, Springfield (5); gold toponyms paired: 4 of 5
    assert r["predicted_spans"] == 5 and r["predictions"] == 8 and r["ambiguous_spans"] == 3
    assert r["span:all"] == quality.scoped(4, 5, 4, 5)
    assert r["span:linked"] == quality.scoped(4, 5, 4, 4)
    assert r["span:cities"] == quality.scoped(4, 5, 3, 3)
    # ids as output: Paris US (right), Paris FR (right), Texas (right), Springfield 4409896 (right)
    assert r["id:linked"] == quality.scoped(4, 8, 4, 4)
    assert r["id:cities"] == quality.scoped(4, 8, 3, 3)
    # most populous: Paris FR twice (right once), Texas, Springfield by prior (4250542: wrong)
    assert r["id_most_populous:linked"] == quality.scoped(2, 5, 2, 4)
    assert r["id_most_populous:cities"] == quality.scoped(2, 5, 1, 3)
    assert r["id_accuracy_on_spans"] == {"n": 4, "candidates": 1.0, "most_populous": 0.5}
    assert r["id_coverage"] == 1.0 and r["gold_linked"] == 4 and r["gold_cities"] == 3
    assert r["fp_classes"] == {"no gold toponym there": 1, "wrong id on a gold toponym": 2}
    assert r["fn_classes"] == {"right id among the candidates, not the most populous": 2}
    assert r["false_positives"] == [("not (city)", 1)]
    assert r["missed"] == [("Nowhere Road (unlinked)", 1)]


def test_score_places_custom_id_of() -> None:
    text = "Springfield"
    doc = {"text": text, "toponyms": [topo(text, "Springfield", geonameid=7, fcode="PPL")]}
    g = gazetta.Gazetteer().add("s", "Springfield", kind="city", gid=7)
    r = score_places(gazetta.Matcher(g), [doc], id_of=lambda e: e.attrs["gid"])
    assert r["id:linked"]["recall"] == 1.0 and r["id_coverage"] == 1.0


def test_cli_helpers(tmp_path: Any) -> None:
    assert lgl_eval.parse_opts(["ambiguous=all", "capitals=false", "n=3", "ignore=[\"a\"]"], "x") == \
        {"ambiguous": "all", "capitals": False, "n": 3, "ignore": ["a"]}
    with pytest.raises(SystemExit, match="key=value"):
        lgl_eval.parse_opts(["oops"], "--matcher-opt")
    g = gazetta.Gazetteer().add("GE", "Georgia", kind="country", not_before=["Power"], region="ASIA")
    stripped = lgl_eval.strip_rules(g)
    assert "not_before" not in stripped["GE"].attrs and stripped["GE"].attrs["region"] == "ASIA"
    with pytest.raises(SystemExit, match="valid choices"):
        lgl_eval.build_gazetteer("nonsense")
    with pytest.raises(SystemExit, match="not known"):
        lgl_eval.build_matcher(g, {"no_such_option": 1})
    doc = tmp_path / "q.md"
    doc.write_text("a\n<!-- lgl-table:after -->\nold\n<!-- /lgl-table:after -->\nb\n", encoding="utf-8")
    lgl_eval.update_section(str(doc), "after", "new table")
    assert doc.read_text(encoding="utf-8") == "a\n<!-- lgl-table:after -->\nnew table\n<!-- /lgl-table:after -->\nb\n"
    with pytest.raises(SystemExit, match="markers"):
        lgl_eval.update_section(str(doc), "missing", "x")


def _write_csv(path: Any, rows: List[Dict[str, Any]]) -> None:
    import csv

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(lgl_eval.ADJUDICATION_COLUMNS))
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in lgl_eval.ADJUDICATION_COLUMNS})


def test_adjudicated_scores(country_docs: List[Dict[str, Any]], country_gazetteer: gazetta.Gazetteer,
                            tmp_path: Any) -> None:
    m = gazetta.Matcher(country_gazetteer, ambiguous="all")
    df = m.mentions([d["text"] for d in country_docs])
    raw = score_countries(None, country_docs, mentions=df, gazetteer=country_gazetteer)["mention"]
    assert raw == prf(4, 3, 1)
    errs = lgl_eval.disagreements(country_docs, df, country_gazetteer)
    # the same pairing as the score: Moscow, Georgia (Power), the second Chad; the missed "U.S"
    assert [(e["doc_id"], e["surface"], e["predicted"], e["gold"], e["type"]) for e in errs] == [
        ("0", "Moscow", "RU", "", "fp"), ("0", "U.S", "", "US", "fn"),
        ("1", "Georgia", "GE", "", "fp"), ("2", "Chad", "TD", "", "fp")]
    path = tmp_path / "adj.csv"
    assert lgl_eval.write_disagreements(str(path), errs, "synthetic") == 4
    verdict = {"Moscow": "debatable", "U.S": "gold_error", "Georgia": "system_error", "Chad": "annotator_miss"}
    import csv

    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["seen_in"] for r in rows} == {"synthetic"} and {r["verdict"] for r in rows} == {""}
    for r in rows:
        r["verdict"] = verdict[r["surface"]]
    # a verdict on something that is no longer a disagreement is reported, not applied
    rows.append({"doc_id": "2", "start": "0", "end": "4", "surface": "Chad", "predicted": "TD",
                 "verdict": "annotator_miss"})
    _write_csv(path, rows)
    adj = lgl_eval.adjudicated_scores(raw, errs, lgl_eval.read_adjudication(str(path)))
    assert adj["raw"] == prf(4, 3, 1)
    # the second Chad becomes a true positive, the "U.S" leaves the gold; Moscow (debatable) and
    # Georgia Power (system error) stay false positives
    assert adj["adjudicated"] == prf(5, 2, 0)
    assert adj["applied"] == {"fp": {"annotator_miss": 1, "system_error": 1, "debatable": 1},
                              "fn": {"gold_error": 1, "system_error": 0, "debatable": 0}}
    assert adj["unjudged"] == 0 and adj["stale"] == 1
    # the gold corrected by the verdicts gives the same mention score, and a document score
    fixed = lgl_eval.adjudicated_gold(country_docs, errs, lgl_eval.read_adjudication(str(path)))
    again = score_countries(None, fixed, mentions=df, gazetteer=country_gazetteer)
    assert again["mention"] == adj["adjudicated"]
    assert [t["surface"] for t in fixed[2]["toponyms"] if t.get("adjudicated")] == ["Chad"]
    assert "U.S" not in [t["surface"] for t in fixed[0]["toponyms"]]
    assert country_docs[0]["toponyms"] != fixed[0]["toponyms"]  # the input is not changed
    # without verdicts nothing changes; the list must come from the same run as the score
    same = lgl_eval.adjudicated_scores(raw, errs, {})
    assert same["adjudicated"] == raw and same["unjudged"] == 4
    with pytest.raises(ValueError, match="one run"):
        lgl_eval.adjudicated_scores(prf(4, 2, 1), errs, {})


def test_read_adjudication_errors(tmp_path: Any) -> None:
    path = tmp_path / "bad.csv"
    base = {"doc_id": "d", "start": "0", "end": "4", "surface": "Chad", "predicted": "TD"}
    _write_csv(path, [dict(base, verdict="wrong")])
    with pytest.raises(ValueError, match="line 2: verdict 'wrong'; valid choices are annotator_miss"):
        lgl_eval.read_adjudication(str(path))
    _write_csv(path, [dict(base, verdict="gold_error")])
    with pytest.raises(ValueError, match="false positive; valid choices"):
        lgl_eval.read_adjudication(str(path))
    _write_csv(path, [dict(base, gold="TD", verdict="debatable")])
    with pytest.raises(ValueError, match="exactly one of"):
        lgl_eval.read_adjudication(str(path))
    _write_csv(path, [dict(base, verdict="debatable"), dict(base, verdict="system_error")])
    with pytest.raises(ValueError, match="line 3: duplicate"):
        lgl_eval.read_adjudication(str(path))
    path.write_text("doc_id,start\nd,0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        lgl_eval.read_adjudication(str(path))


def test_cli_adjudicated(tmp_path: Any, capsys: Any) -> None:
    import gzip
    import json

    text = "Chad met Chad in Chad."
    docs = [{"id": "a", "text": text, "toponyms": [topo(text, "Chad", nth=2, country="TD", is_country=True)]}]
    corpus = tmp_path / "c.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.write(json.dumps(docs[0]) + "\n")
    adj = tmp_path / "adj.csv"
    assert lgl_eval.main(["countries", "--corpus", str(corpus), "--repeat", "1",
                          "--write-disagreements", str(adj)]) == 0
    rows = adj.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 3 and rows[1].startswith("a,0,4,Chad,TD,,,")
    _write_csv(adj, [{"doc_id": "a", "start": "0", "end": "4", "surface": "Chad", "predicted": "TD",
                      "verdict": "annotator_miss"}])
    assert lgl_eval.main(["countries", "--corpus", str(corpus), "--repeat", "1", "--adjudicated", str(adj)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "raw vs adjudicated" in out
    assert "raw 0.333 1.000 0.500 1 2 0 adjudicated 0.667 1.000 0.800 2 1 0" in out
    assert "annotator_miss 1" in out and "the file does not judge (counted as raw): 1" in out


def test_reuters_places_scoring() -> None:
    """benchmarks/reuters_places_eval.py: slugs mapped to country ids, constituent countries
    scored as their parent, story-level micro scores, the US left out on request."""
    import reuters_places_eval as rp

    g = gazetta.gazetteers.countries()
    labels = rp.slug_map(["usa", "west-germany", "ussr", "uk", "yemen-demo-republic"], g)
    assert labels == {"usa": "US", "west-germany": "DE", "ussr": "SUHH", "uk": "GB", "yemen-demo-republic": "YDYE"}
    with pytest.raises(SystemExit, match="no single country"):
        rp.slug_map(["atlantis"], g)
    keys = rp.country_key(g)
    assert keys["GB-SCT"] == "GB" and keys["SUHH"] == "SUHH" and keys["US-GA"] == "US-GA"
    stories = [{"text": "Scottish and Soviet officials met.", "places": ["uk", "usa"]},
               {"text": "Bonn and Japan agreed.", "places": ["west-germany"]}]
    df = gazetta.Matcher(g).mentions([s["text"] for s in stories])
    res = rp.score(stories, df, labels, keys)
    # story 1: GB right, SUHH extra, US missed; story 2: JP extra, DE missed (Bonn is a city)
    assert (res["tp"], res["fp"], res["fn"]) == (1, 2, 2)
    assert res["precision"] == pytest.approx(1 / 3) and res["recall"] == pytest.approx(1 / 3)
    no_us = rp.score(stories, df, labels, keys, exclude={"US"})
    assert (no_us["tp"], no_us["fp"], no_us["fn"]) == (1, 2, 1)
