"""gazetta.dask on a real multi-process cluster (docs/dask.md): the distributed results equal the
local ones bit for bit, and the matcher reaches each worker once."""

from __future__ import annotations

import gzip
import json
import logging
import os
import pickle
import warnings
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest

distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")

import dask  # noqa: E402

import gazetta  # noqa: E402
import gazetta.dask as gd  # noqa: E402

from external_data import CORPORA  # noqa: E402 (tests/ is on sys.path, see conftest.py)

REUTERS = str(CORPORA / "reuters21578.jsonl.gz")

pytestmark = [
    # distributed's own noise when a cluster starts and stops inside a test process, which
    # runs with warnings as errors (messages matched narrowly).
    pytest.mark.filterwarnings("ignore:Port .* is already in use:UserWarning"),
    pytest.mark.filterwarnings("ignore:unclosed <socket:ResourceWarning"),
    pytest.mark.filterwarnings("ignore:unclosed event loop:ResourceWarning"),
    pytest.mark.filterwarnings("ignore:unclosed transport:ResourceWarning"),
    pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning"),
    pytest.mark.filterwarnings("ignore:Sending large graph:UserWarning"),
]


@pytest.fixture(scope="module")
def client() -> Any:
    """Two worker processes (spawned), one thread each: every task that touches a matcher
    crosses a process boundary, as on a real cluster."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                                           silence_logs=logging.ERROR, memory_limit="1.5GiB")
        c = distributed.Client(cluster, set_as_default=True)
    yield c
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def matcher() -> gazetta.Matcher:
    return gazetta.Matcher(gazetta.gazetteers.countries())


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    """The bundled demo corpus (always present), plus missing texts, missing group keys and
    a few Reuters articles when the external corpora are there (tests/external_data.py)."""
    df = gazetta.datasets.demo_news()[["id", "date", "source", "text"]].copy()
    extra = pd.DataFrame({"id": ["x:none", "x:empty", "x:nokey"], "date": pd.to_datetime(["2021-03-01", None,
                                                                                           "2022-01-05"]),
                          "source": ["wikinews", "whitehouse", None], "text": [None, "", "France and Chad."]})
    df = pd.concat([df, extra], ignore_index=True)
    if os.path.exists(REUTERS):
        rows = []
        with gzip.open(REUTERS, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rows.append({"id": "reuters:" + r["id"], "date": r["date"], "source": "reuters", "text": r["text"]})
                if len(rows) >= 1500:
                    break
        rd = pd.DataFrame(rows)
        rd["date"] = pd.to_datetime(rd["date"])
        df = pd.concat([df, rd], ignore_index=True)
    return df


def _same(dist: gazetta.Cooccurrence, local: gazetta.Cooccurrence) -> None:
    for t in ("pairs", "entities", "groups"):
        a, b = getattr(dist, t), getattr(local, t)
        assert a.equals(b), f"{t} differ:\n{a.compare(b) if a.shape == b.shape else (a.shape, b.shape)}"
        assert list(a.dtypes) == list(b.dtypes), t
    assert dist._all_pairs.equals(local._all_pairs)
    ma = {k: v for k, v in dist.meta.items() if k != "created"}
    mb = {k: v for k, v in local.meta.items() if k != "created"}
    assert ma == mb


def _local(*args: Any, **kw: Any) -> gazetta.Cooccurrence:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*missing group key", category=UserWarning)
        return gazetta.cooccurrence(*args, **kw)


CASES: List[Dict[str, Any]] = [
    dict(unit="sentence"),
    dict(unit="paragraph", paragraphs="blank", count="mentions"),
    dict(unit="document", window=5),
    dict(unit="sentence", by="source", time="date", freq="M", min_count=2),
]


@pytest.mark.parametrize("opts", CASES, ids=lambda o: ",".join(f"{k}={v}" for k, v in o.items()))
def test_dataframe_equals_local(client: Any, matcher: gazetta.Matcher, corpus: pd.DataFrame,
                                opts: Dict[str, Any]) -> None:
    """docs/dask.md: a Dask DataFrame on a cluster gives the local tables bit for bit (groups too)."""
    local = _local(corpus, matcher, **opts)
    ddf = dd.from_pandas(corpus, npartitions=7)
    if opts.get("by"):
        with pytest.warns(UserWarning, match=r"^2 documents have a missing group key"):
            dist = gd.cooccurrence(ddf, matcher, split_every=3, **opts)
    else:
        dist = gd.cooccurrence(ddf, matcher, split_every=3, **opts)
    _same(dist, local)
    assert dist._matcher is matcher


def test_bags_equal_local(client: Any, matcher: gazetta.Matcher, corpus: pd.DataFrame) -> None:
    """docs/dask.md: a bag of dicts (with slicing) and a bag of str give the local result."""
    records = corpus.assign(date=corpus["date"].astype(object).where(corpus["date"].notna(), None)) \
        .to_dict("records")
    opts = dict(unit="sentence", by="source")
    with pytest.warns(UserWarning, match="missing group key"):
        dist = gd.cooccurrence(db.from_sequence(records, npartitions=5), matcher, **opts)
    _same(dist, _local(records, matcher, **opts))
    texts = corpus["text"].tolist()
    dist = gd.cooccurrence(db.from_sequence(texts, npartitions=4), matcher, unit="document")
    _same(dist, _local(texts, matcher, unit="document"))


def test_series_and_single_partition(client: Any, matcher: gazetta.Matcher, corpus: pd.DataFrame) -> None:
    """A Dask Series of texts; one partition (no merge at all) is the same too."""
    local = _local(corpus["text"], matcher)
    _same(gd.cooccurrence(dd.from_pandas(corpus["text"], npartitions=3), matcher), local)
    _same(gd.cooccurrence(dd.from_pandas(corpus, npartitions=1), matcher), _local(corpus, matcher))


def test_result_pickles_small_and_evidence_is_a_clear_error(client: Any, matcher: gazetta.Matcher,
                                                             corpus: pd.DataFrame) -> None:
    """The distributed result keeps the caller's matcher; evidence needs the corpus."""
    co = gd.cooccurrence(dd.from_pandas(corpus, npartitions=4), matcher)
    a, b = co.pairs.iloc[0][["a", "b"]]
    with pytest.raises(gazetta.GazettaError, match="in-memory corpus"):
        co.evidence(a, b)
    back = pickle.loads(pickle.dumps(co))
    assert back.pairs.equals(co.pairs)


@pytest.mark.parametrize("id_col", [None, "id"])
def test_kept_evidence_equals_local(client: Any, matcher: gazetta.Matcher, corpus: pd.DataFrame,
                                    id_col: Any) -> None:
    """keep_evidence=: partitions keep their own units and the merges keep the first ones in
    partition order, so the evidence is the local call's (positions over the whole corpus
    without an id column)."""
    opts = dict(unit="sentence", keep_evidence=3, id=id_col)
    local = _local(corpus, matcher, **opts)
    dist = gd.cooccurrence(dd.from_pandas(corpus, npartitions=5), matcher, split_every=2, **opts)
    _same(dist, local)
    top = local.pairs.head(12)
    assert len(top) > 3
    for a, b in zip(top["a"], top["b"]):
        pd.testing.assert_frame_equal(pd.DataFrame(dist.evidence(a, b, 5)), pd.DataFrame(local.evidence(a, b, 5)))


def test_mentions_equal_local(client: Any, matcher: gazetta.Matcher, corpus: pd.DataFrame) -> None:
    """gazetta.dask.mentions: lazy, declared meta, global positions or ids in ``doc``."""
    ddf = dd.from_pandas(corpus, npartitions=6)
    local = matcher.mentions(corpus["text"].tolist(), units=True)
    lazy = gd.mentions(ddf, matcher, units=True)
    assert list(lazy.columns) == list(local.columns)
    got = lazy.compute().reset_index(drop=True)
    s = got["entity"].dtype
    want = local.astype({c: object for c in ("surface", "entity", "name", "kind", "alias")}).astype(
        {c: s for c in ("surface", "entity", "name", "kind", "alias")})
    assert got.equals(want)
    assert got.dtypes.to_dict() == lazy.dtypes.to_dict()

    by_id = gd.mentions(ddf, matcher, id="id").compute().reset_index(drop=True)
    assert by_id["doc"].dtype == ddf.dtypes["id"]
    assert by_id["doc"].tolist() == corpus["id"].to_numpy()[local["doc"].to_numpy()].tolist()

    bag = gd.mentions(db.from_sequence(corpus["text"].tolist(), npartitions=3), matcher).compute()
    assert bag["doc"].tolist() == local["doc"].tolist()
    assert bag["entity"].tolist() == local["entity"].tolist()


def test_matcher_built_once_per_worker(client: Any, corpus: pd.DataFrame) -> None:
    """The matcher is scattered once and rebuilt once per worker process, not per task
    (8 partitions, 2 workers), and a second call with the same matcher rebuilds nothing."""
    m = gazetta.Matcher(gazetta.gazetteers.countries(), case="sensitive")
    digest = gd._Shipped(m).digest
    ddf = dd.from_pandas(corpus, npartitions=8)
    gd.cooccurrence(ddf, m)
    gd.cooccurrence(ddf, m, unit="document")
    gd.mentions(ddf, m, id="id").compute()

    def rebuilds(d: str) -> int:
        return gd._rebuilds.get(d, 0)

    per_worker = client.run(rebuilds, digest)
    assert len(per_worker) == 2
    assert all(n == 1 for n in per_worker.values()), per_worker
    assert all(n <= gd._CACHE_SIZE for n in client.run(lambda: len(gd._cache)).values())


def test_errors_before_any_work(client: Any, matcher: gazetta.Matcher, corpus: pd.DataFrame) -> None:
    """Bad options and columns fail on the caller's side, with the local messages."""
    ddf = dd.from_pandas(corpus, npartitions=2)
    with pytest.raises(ValueError, match="unit must be one of"):
        gd.cooccurrence(ddf, matcher, unit="page")
    with pytest.raises(KeyError, match="nope"):
        gd.cooccurrence(ddf, matcher, by="nope")
    with pytest.raises(KeyError, match="body"):
        gd.cooccurrence(ddf, matcher, text="body")
    with pytest.raises(ValueError, match="only dedupe='none'"):
        gd.cooccurrence(ddf, matcher, dedupe="exact")
    with pytest.raises(TypeError, match="Dask DataFrame, Series or bag"):
        gd.cooccurrence(corpus, matcher)


def test_scattered_spec_is_small(matcher: gazetta.Matcher) -> None:
    """What travels is the spec (gazetteer + options), never a compiled automaton."""
    shipped = gd._Shipped(matcher)
    data = pickle.dumps(shipped)
    assert len(data) < 2 * len(matcher._core.to_bytes()) + 1000
    back = pickle.loads(data)
    assert back.matcher(1).mentions(["France and Chad."])["entity"].tolist() == ["FR", "TD"]
    assert np.array_equal(pickle.loads(pickle.dumps(shipped)).matcher(None).mentions(["Chad"])["start"], [0])
