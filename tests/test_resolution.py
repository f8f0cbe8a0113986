"""One test per step of ``ambiguous="resolve"`` (``docs/resolution.md``), each on a small
example.

A span that several entities share is decided per document, in this order: *context* (the
candidates whose ancestor, child or sibling is mentioned unambiguously in the document),
*document* (a candidate mentioned unambiguously, or chosen by context for another span, in
the document), *prior* (a positive prior at least ``PRIOR_RATIO`` times every other
candidate's), else every remaining candidate is reported, flagged ambiguous ("none"). Every
case is also checked against the brute-force reference of ``tests/reference.py``.
"""

from __future__ import annotations

import os
from typing import Any, List, Optional, Sequence, Tuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazetta
from conftest import reference_for, rows
from reference import context_constants

Decided = Tuple[str, str, bool, str]

PRIOR_RATIO = context_constants()[2]


def resolved(g: gazetta.Gazetteer, text: str, **options: Any) -> List[Decided]:
    """``(surface, entity, ambiguous, resolved_by)`` per mention; asserts that the reference
    agrees exactly."""
    got = rows(gazetta.Matcher(g, **options), text)
    assert got == reference_for(g, **options).find(text), (text, options)
    return [(text[s:e], ent, amb, how) for s, e, ent, _a, amb, how in got]


def decided(g: gazetta.Gazetteer, text: str, surface: str, **options: Any) -> List[Tuple[str, bool, str]]:
    """``(entity, ambiguous, resolved_by)`` of the mentions whose surface is ``surface``."""
    return [(ent, amb, how) for s, ent, amb, how in resolved(g, text, **options) if s == surface]


def world() -> gazetta.Gazetteer:
    """Countries, US states and cities, with parents and populations as priors."""
    return (gazetta.Gazetteer()
            .add("US", "United States", kind="country", prior=330e6)
            .add("FR", "France", kind="country", prior=68e6)
            .add("GE", "Georgia", kind="country", prior=3.7e6)
            .add("US-TX", "Texas", kind="state", parent="US", prior=30e6)
            .add("US-GA", "Georgia", kind="state", parent="US", prior=10.7e6, aliases=["GA"])
            .add("US-AL", "Alabama", kind="state", parent="US", prior=5e6)
            .add("PAR-FR", "Paris", kind="city", parent="FR", prior=2.1e6)
            .add("PAR-TX", "Paris", kind="city", parent="US-TX", prior=25e3)
            .add("ATL", "Atlanta", kind="city", parent="US-GA", prior=500e3)
            .add("TBS", "Tbilisi", kind="city", parent="GE", prior=1.1e6))


# --------------------------------------------------------------------------------------------
# list (first: the words right around the span)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a list of countries: the country; of states: the state
    ("Drawn against France, Georgia and Italy.", [("GE", False, "list")]),
    ("France and Georgia agreed.", [("GE", False, "list")]),
    ("Storms hit Georgia and Alabama.", [("US-GA", False, "list")]),
    ("Storms hit Alabama, Georgia.", [("US-GA", False, "list")]),
    # the list outweighs the document's context: the US is mentioned, but the list is of countries
    ("The United States drew. France, Georgia and Italy won.", [("GE", False, "list")]),
    # no list: whitespace alone, or a word between
    ("France Georgia", [("GE", True, "none"), ("US-GA", True, "none")]),
    # a place and its region is no list: the context step decides, also inside a list
    ("Atlanta, Georgia", [("US-GA", False, "context")]),
    ("France, Atlanta, Georgia", [("US-GA", False, "context")]),
])
def test_list(text: str, expected: List[Tuple[str, bool, str]]) -> None:
    """An ambiguous span joined by a list gap (comma, "and", "or", "&", "/", "v", a dash) to the
    nearest mentions on either side, and on from them, takes its one candidate of the kind of
    their unambiguous mentions, unless one of them is an ancestor or descendant of a candidate
    ("McLean, Virginia")."""
    assert decided(world(), text, "Georgia") == expected


def test_list_abstains_after_an_unknown_name_and_a_comma() -> None:
    """"Atlanta, Georgia, Japan ..." with a gazetteer that does not know Atlanta: a place and its
    region, not a list (the list step leaves it to the next steps)."""
    g = world().drop("ATL").add("JP", "Japan", kind="country", prior=125e6)
    assert decided(g, "The summit in Atlanta, Georgia, Japan's prime minister said.", "Georgia") == \
        [("GE", True, "none"), ("US-GA", True, "none")]
    # a name that is a mention is the list's: "France, Georgia, Japan"
    assert decided(g, "France, Georgia, Japan", "Georgia") == [("GE", False, "list")]


def test_list_reads_eight_spans_on_each_side() -> None:
    """The list step reads at most eight spans on each side (a document of one long list costs
    time in proportion to its length); spans farther away are decided by the document step."""
    text = "France, " + ", ".join(["Georgia"] * 12)
    got = [how for s, ent, amb, how in resolved(world(), text) if s == "Georgia"]
    assert got == ["list"] * 8 + ["document"] * 4


def test_list_ignores_entities_without_a_kind() -> None:
    """An entity without a kind is neither chosen by the list step nor evidence for a kind."""
    g = (gazetta.Gazetteer().add("FR", "France").add("IT", "Italy").add("GE", "Georgia", kind="country")
         .add("US-GA", "Georgia"))
    assert decided(g, "France, Georgia and Italy", "Georgia") == [("GE", True, "none"), ("US-GA", True, "none")]
    g = g.update("FR", kind="country")
    assert decided(g, "France, Georgia and Italy", "Georgia") == [("GE", False, "list")]


def test_list_needs_kinds_that_tell_the_candidates_apart() -> None:
    """Without kinds (or when both candidates have the neighbour's kind) the list decides
    nothing."""
    g = (gazetta.Gazetteer().add("FR", "France").add("GE", "Georgia", prior=3.7e6)
         .add("US-GA", "Georgia", prior=10.7e6))
    assert decided(g, "France, Georgia and Italy.", "Georgia") == [("GE", True, "none"), ("US-GA", True, "none")]


# --------------------------------------------------------------------------------------------
# context
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,surface,expected", [
    ("Paris, Texas", "Paris", "PAR-TX"),  # the parent
    ("Paris, France", "Paris", "PAR-FR"),
    ("Georgia: Atlanta", "Georgia", "US-GA"),  # a child
    ("Georgia: Tbilisi", "Georgia", "GE"),
    ("Georgia. Alabama", "Georgia", "US-GA"),  # a sibling (same parent, US)
    ("Texas. Paris.", "Paris", "PAR-TX"),  # anywhere in the document, before or after
])
def test_context(text: str, surface: str, expected: str) -> None:
    """Step 1: when exactly one candidate is related to an entity mentioned unambiguously in the
    document (an ancestor, a child or a sibling of it), that candidate is chosen: "context"."""
    assert decided(world(), text, surface) == [(expected, False, "context")]


def test_a_root_alone_does_not_outweigh_a_dominant_prior() -> None:
    """When the only relative mentioned is a root (the United States, named somewhere in most
    world news) and no candidate is mentioned itself, a candidate whose prior dominates (the
    prior step's test) wins: "prior". A region still decides by context."""
    g = world()
    assert decided(g, "Paris in the United States", "Paris") == [("PAR-FR", False, "prior")]
    assert decided(g, "Paris in Texas, United States", "Paris") == [("PAR-TX", False, "context")]
    # no dominant prior (Georgia the state has 2.9 times the people): the root decides
    assert decided(g, "Georgia, United States", "Georgia") == [("US-GA", False, "context")]


def test_context_needs_an_unambiguous_mention() -> None:
    """Only unambiguous mentions give context: "Paris" and "Georgia", both undecided names, do
    not decide each other (the priors do, in the next steps)."""
    g = world()
    assert decided(g, "Paris and Georgia", "Paris") == [("PAR-FR", False, "prior")]
    assert decided(g, "Paris and Georgia", "Georgia") == [("GE", True, "none"), ("US-GA", True, "none")]


def test_context_narrows_when_several_are_related() -> None:
    """Step 1 with several related candidates keeps only those: here both Springfields in the
    US (the country is mentioned), and the Australian one is out although its prior is the
    largest (not dominant: 6.7 times); the two left are undecided. With a dominant prior the
    country alone (a root) would not have outweighed it (see the test above)."""
    g = (gazetta.Gazetteer()
         .add("US", "United States").add("AU", "Australia")
         .add("US-IL", "Illinois", parent="US").add("US-MA", "Massachusetts", parent="US")
         .add("S-IL", "Springfield", parent="US-IL", prior=100)
         .add("S-MA", "Springfield", parent="US-MA", prior=150)
         .add("S-AU", "Springfield", parent="AU", prior=1e3))
    assert decided(g, "Springfield, United States", "Springfield") == [("S-IL", True, "none"), ("S-MA", True, "none")]
    assert decided(g, "Springfield", "Springfield") == [("S-IL", True, "none"), ("S-MA", True, "none"),
                                                        ("S-AU", True, "none")]
    assert decided(g, "Springfield, Illinois", "Springfield") == [("S-IL", False, "context")]
    g = g.update("S-AU", prior=1e6)
    assert decided(g, "Springfield, United States", "Springfield") == [("S-AU", False, "prior")]


# --------------------------------------------------------------------------------------------
# document
# --------------------------------------------------------------------------------------------
def test_document() -> None:
    """Step 2: a candidate that itself has an unambiguous mention in the document ("GA" names
    only the state) is chosen: "document" (one sense per document)."""
    g = world()
    assert decided(g, "GA lawmakers said Georgia", "Georgia") == [("US-GA", False, "document")]


def test_document_by_context_elsewhere() -> None:
    """Step 2 also counts a candidate chosen by context for another span of the document: "GA"
    (the state or Gabon, both related to something mentioned) follows the "Georgia" that
    Atlanta decided."""
    g = (world().add("AF", "Africa").add("GA-X", "Gabon", parent="AF", aliases=["GA"])
         .add("KE", "Kenya", parent="AF"))
    text = "Georgia (GA): Atlanta, and Kenya"
    assert decided(g, text, "Georgia") == [("US-GA", False, "context")]
    assert decided(g, text, "GA") == [("US-GA", False, "document")]
    # without "Georgia" decided by context, Kenya (a sibling of Gabon) decides "GA" alone
    assert decided(g, "GA. Kenya", "GA") == [("GA-X", False, "context")]


def test_document_narrows_when_several_are_mentioned() -> None:
    """Step 2 with several candidates mentioned keeps only those; the prior then decides among
    them (the third candidate's larger prior does not count)."""
    g = (gazetta.Gazetteer()
         .add("A", "Alpha", aliases=["Shared"], prior=1000)
         .add("B", "Beta", aliases=["Shared"], prior=10)
         .add("C", "Gamma", aliases=["Shared"], prior=1e9))
    assert decided(g, "Alpha, Beta and Shared", "Shared") == [("A", False, "prior")]
    assert decided(g, "Shared", "Shared") == [("C", False, "prior")]


# --------------------------------------------------------------------------------------------
# prior
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("priors,expected", [
    ((2.1e6, 25e3), [("P1", False, "prior")]),
    ((PRIOR_RATIO, 1.0), [("P1", False, "prior")]),  # exactly the ratio is enough
    ((1.0, PRIOR_RATIO), [("P2", False, "prior")]),
    ((PRIOR_RATIO * 0.999, 1.0), [("P1", True, "none"), ("P2", True, "none")]),
    ((5.0, None), [("P1", False, "prior")]),  # a missing prior counts as 0
    ((5.0, 0.0), [("P1", False, "prior")]),
    ((0.0, 0.0), [("P1", True, "none"), ("P2", True, "none")]),  # the best must be positive
    ((None, None), [("P1", True, "none"), ("P2", True, "none")]),
    ((3.0, 3.0), [("P1", True, "none"), ("P2", True, "none")]),
])
def test_prior(priors: Tuple[Optional[float], Optional[float]], expected: List[Tuple[str, bool, str]]) -> None:
    """Step 3: the candidate whose prior is positive and at least ``PRIOR_RATIO`` (10) times
    every other candidate's prior (missing: 0) is chosen: "prior"; otherwise step 4 reports
    every candidate, flagged ambiguous: "none"."""
    g = gazetta.Gazetteer()
    for eid, p in zip(("P1", "P2"), priors):
        g.add(eid, "Paris", **({} if p is None else {"prior": p}))
    assert decided(g, "in Paris today", "Paris") == expected


def test_prior_among_three() -> None:
    """Step 3 compares the best prior with every other candidate's, not only the runner-up's
    sum: 10 × each of two others is enough."""
    g = (gazetta.Gazetteer().add("A", "X1", aliases=["Paris"], prior=100)
         .add("B", "X2", aliases=["Paris"], prior=10).add("C", "X3", aliases=["Paris"], prior=10))
    assert decided(g, "Paris", "Paris") == [("A", False, "prior")]
    g.add("D", "X4", aliases=["Paris"], prior=11)
    assert decided(g, "Paris", "Paris") == [(e, True, "none") for e in "ABCD"]


@pytest.mark.parametrize("ratio,priors,expected", [
    (2, (2.0, 1.0), [("P1", False, "prior")]),
    (2, (1.9, 1.0), [("P1", True, "none"), ("P2", True, "none")]),
    (1, (1.01, 1.0), [("P1", False, "prior")]),
    (1, (1.0, 1.0), [("P1", True, "none"), ("P2", True, "none")]),  # a tie is never decided
    (float("inf"), (2.1e6, 25e3), [("P1", True, "none"), ("P2", True, "none")]),
    (float("inf"), (5.0, None), [("P1", True, "none"), ("P2", True, "none")]),
])
def test_prior_ratio_option(ratio: float, priors: Tuple[float, Optional[float]],
                            expected: List[Tuple[str, bool, str]]) -> None:
    """``Matcher(prior_ratio=r)``: the largest prior decides when it is at least r times, and
    more than, every other's; ``inf``: priors never decide."""
    g = gazetta.Gazetteer()
    for eid, p in zip(("P1", "P2"), priors):
        g.add(eid, "Paris", **({} if p is None else {"prior": p}))
    assert decided(g, "in Paris today", "Paris", prior_ratio=ratio) == expected
    assert gazetta.Matcher(g, prior_ratio=ratio).options["prior_ratio"] == ratio


@pytest.mark.parametrize("bad", [0.5, 0, -1, float("nan"), "2", True, None])
def test_prior_ratio_must_be_a_number_at_least_one(bad: Any) -> None:
    with pytest.raises(ValueError, match="prior_ratio must be a number >= 1"):
        gazetta.Matcher(gazetta.Gazetteer().add("X", "Xland"), prior_ratio=bad)


def test_prior_ratio_survives_save_and_pickle(tmp_path: Any) -> None:
    import pickle

    g = gazetta.Gazetteer().add("P1", "Paris", prior=3.0).add("P2", "Paris", prior=1.0)
    m = gazetta.Matcher(g, prior_ratio=2)
    p = tmp_path / "m.gazetta"
    m.save(p)
    for again in (gazetta.Matcher.load(p), pickle.loads(pickle.dumps(m))):
        assert again.options["prior_ratio"] == 2.0
        assert [x.resolved_by for x in again.find("Paris")] == ["prior"]


# --------------------------------------------------------------------------------------------
# options, labels, scope
# --------------------------------------------------------------------------------------------
def test_resolve_all_skip() -> None:
    """``"resolve"`` (default) decides; ``"all"`` reports every candidate flagged ("none");
    ``"skip"`` drops the shared span."""
    g = world()
    text = "Georgia: Atlanta"
    assert resolved(g, text) == [("Georgia", "US-GA", False, "context"), ("Atlanta", "ATL", False, "")]
    assert resolved(g, text, ambiguous="all") == [("Georgia", "GE", True, "none"), ("Georgia", "US-GA", True, "none"),
                                                  ("Atlanta", "ATL", False, "")]
    assert resolved(g, text, ambiguous="skip") == [("Atlanta", "ATL", False, "")]
    assert gazetta.Matcher(g).options["ambiguous"] == "resolve"


def test_resolved_by_column() -> None:
    """``mentions`` has a categorical ``resolved_by`` column with the seven labels as
    categories: "" for unambiguous spans, else the step that decided."""
    g = world()
    df = gazetta.Matcher(g).mentions(["Paris, Texas", "Paris", "GA. Georgia", "Georgia", None])
    assert list(df["resolved_by"].cat.categories) == ["", "context", "document", "support", "prior", "none", "list"]
    got = list(zip(df["doc"], df["surface"], df["entity"], df["ambiguous"], df["resolved_by"]))
    assert got == [(0, "Paris", "PAR-TX", False, "context"), (0, "Texas", "US-TX", False, ""),
                   (1, "Paris", "PAR-FR", False, "prior"),
                   (2, "GA", "US-GA", False, ""), (2, "Georgia", "US-GA", False, "document"),
                   (3, "Georgia", "GE", True, "none"), (3, "Georgia", "US-GA", True, "none")]


def test_match_has_resolved_by() -> None:
    """``Match.resolved_by`` carries the same label."""
    m = gazetta.Matcher(world())
    assert [(x.entity, x.resolved_by) for x in m.find("Paris, Texas")] == [("PAR-TX", "context"), ("US-TX", "")]


def test_without_hierarchy_only_the_document_step_decides() -> None:
    """Without parents or priors, context and prior cannot decide: only a mention of the entity
    itself does ("document"); everything else stays undecided."""
    g = gazetta.Gazetteer().add("GE", "Georgia").add("US-GA", "Georgia", aliases=["GA"]).add("ATL", "Atlanta")
    assert decided(g, "Georgia: Atlanta", "Georgia") == [("GE", True, "none"), ("US-GA", True, "none")]
    assert decided(g, "Georgia and GA", "Georgia") == [("US-GA", False, "document")]


def test_resolution_is_per_document() -> None:
    """Context and one sense per document do not cross documents: the same "Paris" is Paris,
    Texas next to Texas and Paris, France (prior) in the next text."""
    df = gazetta.Matcher(world()).mentions(["Paris, Texas", "Paris"])
    assert list(zip(df["doc"], df["entity"], df["resolved_by"])) == [
        (0, "PAR-TX", "context"), (0, "US-TX", ""), (1, "PAR-FR", "prior")]


def test_resolution_with_overlaps_all() -> None:
    """With ``overlaps="all"`` every reported span takes part, nested ones included: the
    "Texas" inside "Paris Texas" decides the nested, shared "Paris"."""
    g = world().add("PTX2", "Paris Texas", parent="US-TX")
    got = resolved(g, "Paris Texas", overlaps="all")
    assert got == [("Paris Texas", "PTX2", False, ""), ("Paris", "PAR-TX", False, "context"),
                   ("Texas", "US-TX", False, "")]


def _corpus() -> List[Optional[str]]:
    base = ["Paris, Texas and Georgia", "Georgia: Atlanta", "Paris", None, "GA and Georgia", "Georgia",
            "Texas. Paris. Tbilisi and Georgia", "", "Paris in the United States, Georgia and Alabama",
            "GA said so. Georgia"]
    return [base[(i * 7) % len(base)] for i in range(300)]


def _tuples(df: Any) -> List[Tuple[Any, ...]]:
    return list(zip(df["doc"], df["start"], df["end"], df["entity"], df["alias"], df["ambiguous"], df["resolved_by"]))


def test_threads_and_chunks_do_not_change_resolution(monkeypatch: Any) -> None:
    """Resolution reads one document's own mentions only, so the results are the same for 1
    and 2 threads, for a streamed (generator) corpus and for a corpus cut into small chunks,
    and equal per-text ``find`` and the reference."""
    g = world()
    docs = _corpus()
    ref = reference_for(g)
    expected = [(d, s, e, ent, a, amb, how) for d, t in enumerate(docs) for s, e, ent, a, amb, how in ref.find(t)]
    assert {x[-1] for x in expected} == {"", "context", "document", "prior", "none", "list"}
    for n in (1, 2):
        m = gazetta.Matcher(g, n_threads=n)
        assert _tuples(m.mentions(docs)) == expected, n
        assert _tuples(m.mentions(iter(docs))) == expected, n

    from gazetta import _input

    original = _input.iter_chunks
    sizes: List[int] = []

    def small(texts: Sequence[Any], **kw: Any) -> Any:
        kw["chunk_docs"] = 7
        for chunk, items in original(texts, **kw):
            sizes.append(len(chunk))
            yield chunk, items

    monkeypatch.setattr(_input, "iter_chunks", small)
    m = gazetta.Matcher(g, n_threads=2)
    assert _tuples(m.mentions(iter(docs))) == expected
    assert _tuples(m.mentions(docs)) == expected
    assert sizes and max(sizes) == 7


# --------------------------------------------------------------------------------------------
# property: news-like texts over the small world, every option
# --------------------------------------------------------------------------------------------
NAMES = ["Paris", "Texas", "Georgia", "GA", "Atlanta", "Alabama", "Tbilisi", "France", "United States", "the",
         "said", "Paris, Texas", "Georgia Power"]
SEPS = [" ", ", ", ". ", " and ", "\n\n", " in "]
WORLD_TEXTS = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(SEPS)), min_size=1, max_size=8).map(
    lambda x: "".join(n + s for n, s in x))


@settings(max_examples=int(os.environ.get("GAZETTA_EXAMPLES", "150")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(WORLD_TEXTS, st.sampled_from(["resolve", "resolve", "all", "skip"]), st.sampled_from(["longest", "all"]),
       st.sampled_from(["keep", "skip"]), st.booleans())
def test_world_texts_equal_reference(text: str, ambiguous: str, overlaps: str, runs: str, priors: bool) -> None:
    """On texts made of the world's names, with and without priors, the matcher resolves
    exactly as the reference for every option."""
    g = world()
    if not priors:
        g = gazetta.Gazetteer.from_records([{k: v for k, v in r.items() if k != "prior"} for r in g.to_records()])
    resolved(g, text, ambiguous=ambiguous, overlaps=overlaps, capitalized_runs=runs)
