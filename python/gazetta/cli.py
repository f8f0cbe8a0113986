"""The ``gazetta`` command line: ``demo``, ``match``, ``cooccur``, ``info`` and ``audit`` (docs/cli.md).

Run ``gazetta --help`` or ``gazetta COMMAND --help``; ``python -m gazetta`` is the same.
Exit codes: 0 success, 2 bad usage (unknown option, bad value, unknown output format),
1 a data error (missing file, bad gazetteer or corpus, missing column) reported as one line on
stderr (``--debug`` shows the traceback instead), 130 interrupted. Every output file is
written atomically: a temporary file in the same folder, then :func:`os.replace`, so a
reader never sees half a file and an interrupted run leaves the old file in place.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import textwrap
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from ._atomic import file_mode as _file_mode

__all__ = ["main"]

PROG = "gazetta"
_UNITS = ("document", "paragraph", "sentence")
_FREQS = ("D", "W", "M", "Q", "Y")
_TABLE_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz", ".parquet")


class UsageError(Exception):
    """A bad command line found after parsing (exit code 2)."""


# --------------------------------------------------------------------------------------------
# output helpers

#: Set from ``--mkdir`` by :func:`main` for the run.
_OPTIONS: Dict[str, Any] = {"mkdir": False}


def _check_folder(folder: Path) -> None:
    """A missing output folder at the file system root (``/results``: most often a typo for
    ``results``) is a usage error unless ``--mkdir`` asks for it; checked before any work."""
    folder = folder.expanduser()
    if folder.is_dir() or _OPTIONS["mkdir"]:
        return
    missing = [folder] + [p for p in folder.parents if not p.exists()]
    top = missing[-1]
    if top.is_absolute() and top.parent == top.parent.parent:
        raise UsageError(f"the output folder {str(top)!r} does not exist, and it would be created at the file "
                         f"system root: pass --mkdir to create it (or did you mean {'./' + top.name!r}?)")


def _make_folder(folder: Path) -> None:
    """Creates a missing output folder and its missing parents (see :func:`_check_folder`)."""
    _check_folder(folder)
    folder.expanduser().mkdir(parents=True, exist_ok=True)


def _atomic(path: Path, write: Callable[[str], None]) -> None:
    """Calls ``write(tmp)`` for a temporary file next to ``path`` (a unique name), flushes it
    to disk (fsync) and renames it over ``path``. The temporary file is removed on every
    failure, on Ctrl-C and on SIGTERM (the program then ends with exit code 143, as if
    killed), so ``path`` is either the old file or the complete new one."""
    import signal
    import threading

    def on_term(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    # Only in the main thread (where Python runs handlers), and only over the default action:
    # a handler the embedding program installed stays in charge.
    catch_term = threading.current_thread() is threading.main_thread() and \
        signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    if catch_term:
        signal.signal(signal.SIGTERM, on_term)
    tmp: Optional[str] = None
    try:
        _make_folder(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
        os.close(fd)
        write(tmp)
        os.chmod(tmp, _file_mode())
        fd = os.open(tmp, os.O_RDWR)  # (Windows refuses fsync on a read-only handle)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        tmp = None
    except BaseException:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    finally:
        if catch_term:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _table_format(path: Path) -> str:
    _check_folder(path.parent)
    name = path.name.lower()
    for suf in _TABLE_SUFFIXES:
        if name.endswith(suf):
            return suf.lstrip(".")
    raise UsageError(f"cannot tell the output format of {str(path)!r}: use one of {', '.join(_TABLE_SUFFIXES)}")


def _portable(df: Any) -> Any:
    """Periods as strings ("2024-03"), categoricals as plain strings: readable by any tool."""
    import pandas as pd

    out = df.copy()
    for c in out.columns:
        dt = out[c].dtype
        if isinstance(dt, pd.PeriodDtype):
            out[c] = out[c].astype(str)
        elif isinstance(dt, pd.CategoricalDtype):
            out[c] = out[c].astype(object)
    return out


def _have_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _write_table(df: Any, path: Path) -> None:
    fmt = _table_format(path)
    df = _portable(df)
    if fmt == "parquet":
        if not _have_pyarrow():
            raise RuntimeError(f"writing {path.name} needs pyarrow (pip install pyarrow); or write .csv") from None
        _atomic(path, lambda tmp: df.to_parquet(tmp, index=False))
        return
    sep = "\t" if fmt.startswith("tsv") else ","
    comp = "gzip" if fmt.endswith(".gz") else None
    _atomic(path, lambda tmp: df.to_csv(tmp, index=False, sep=sep, compression=comp))


def _save_figure(fig: Any, path: Path, dpi: int = 150) -> None:
    _atomic(path, lambda tmp: fig.savefig(tmp, format="png", dpi=dpi))


def _say(msg: str = "") -> None:
    print(msg, flush=True)


def _progress(args: argparse.Namespace) -> Optional[bool]:
    """``--progress``: always a bar; ``--quiet``: none; else the library's choice (a bar on a
    terminal, with tqdm)."""
    return True if args.progress else (False if getattr(args, "quiet", False) else None)


#: Python advice in library messages, as the command line's options (see :func:`_cli_text`).
_CLI_ADVICE: List[Tuple[str, str]] = [
    (r"\bmin_weight=-math\.inf\b", "--min-weight=-inf"),
    (r"\bmin_weight=(-?[\d.]+)", r"--min-weight \1"),
    (r"\bweight='(\w+)'", r"--weight \1"),
    (r"\bexplode=True\b", "--explode"),
    (r"\bdayfirst=True\b", "--dayfirst"),
    (r"\bdayfirst=(?=\W|$)", "--dayfirst/--monthfirst"),
    (r"\bdate_format=(?=\W|$)", "--date-format"),
    (r"\bthe by= column\b", "the --by column"),
    (r", or convert the column \(e\.g\. df\[[^\]]*\]\.str\.join\('\|'\)\)", ", or write the field as one string"),
    (r"\bmin_count=(\d+)", r"--min-count \1"),
    (r"this result is counted by=\[([^\]]*)\]", r"this count is --by \1"),
    (r"\. Pass group=<value> for one group, or write gazetta\.plot\.rollup\(co\) to write the totals without "
     r"this warning", ". The pairs table (-o) has one row per group; for the network of one group, count a "
                      "corpus of that group only"),
    # where a Python user finds the numbers; the command line has no .meta
    (r" \((?:see|counted in) \.(?:meta|attrs)\['\w+'\]\)", ""),
    (r" \(see \.meta\['\w+'\]; ", " ("),
]


def _cli_text(msg: str) -> str:
    """A library message with its Python advice given as command-line options
    (``pass min_weight=0`` -> ``pass --min-weight 0``).

    Examples
    --------
    >>> _cli_text("kept: pass min_weight=0 to leave such edges out, or weight='n_ab'")
    'kept: pass --min-weight 0 to leave such edges out, or --weight n_ab'
    """
    for pat, rep in _CLI_ADVICE:
        msg = re.sub(pat, rep, msg)
    return msg


def _format_warning(message: Any, category: Any, filename: str, lineno: int, line: Optional[str] = None) -> str:
    """Warnings of a command: ``gazetta: warning: <message>``, without Python's source line."""
    return f"{PROG}: warning: {_cli_text(str(message))}\n"


# --------------------------------------------------------------------------------------------
# inputs
def _load_gazetteer(spec: str) -> Any:
    """``countries``, ``countries:LANG``, ``places``, ``places:MIN_POPULATION`` or a gazetteer
    file (.csv/.tsv/.json/.jsonl/.yaml)."""
    import gazetta

    from gazetta._input import builtin_gazetteer

    s = spec.strip()
    try:
        builtin = builtin_gazetteer(s)  # the names gazetta.Matcher and gazetta.cooccurrence take
    except ValueError as e:
        raise UsageError(str(e)) from None
    if builtin is not None:
        return builtin
    p = Path(s)
    name = p.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if not p.exists():
        raise FileNotFoundError(f"no such gazetteer file: {s} (or use a built-in one: 'countries', "
                                "'countries:LANG', 'places', 'places:MIN_POPULATION')")
    if name.endswith((".csv", ".tsv", ".tab", ".txt")):
        return gazetta.Gazetteer.read_csv(p)
    if name.endswith((".json", ".jsonl", ".ndjson")):
        return gazetta.Gazetteer.read_json(p)
    if name.endswith((".yml", ".yaml")):
        return gazetta.Gazetteer.read_yaml(p)
    raise UsageError(f"cannot tell the gazetteer format of {s!r}: use .csv, .tsv, .json, .jsonl or .yaml "
                     "(optionally .gz), or 'countries[:LANG]' / 'places[:MIN_POPULATION]'")


def _read_corpus(path: str, text: str, id: Optional[str]) -> Any:
    """The corpus file, streamed by ``gazetta.read_corpus`` (read by the same input layer as
    the library's functions)."""
    import gazetta

    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"no such corpus file: {path}")
    return gazetta.read_corpus(p, text=text, id=id)


def _gazetteers(specs: Sequence[str]) -> Any:
    """One gazetteer from every ``-g``: ``g1 + g2 + ...`` as in Python (an id in two of them
    with different content is an error naming both)."""
    g = _load_gazetteer(specs[0])
    for spec in specs[1:]:
        g = g + _load_gazetteer(spec)
    return g


def _matcher(args: argparse.Namespace) -> Any:
    import gazetta

    g = _gazetteers(args.gazetteer)
    return gazetta.Matcher(g, case=args.case, fold_accents=args.fold_accents, overlaps=args.overlaps,
                           ambiguous=args.ambiguous, ignore=tuple(args.ignore or ()), n_threads=args.threads,
                           capitalized_runs=args.capitalized_runs)


def _parse_kinds(s: Optional[str]) -> Dict[str, Any]:
    """``country`` | ``person,org`` (kinds=) | ``person:country`` (between=: one end in each set,
    the first in ``a``), as keyword arguments of ``cooccurrence``."""
    if s is None:
        return {}
    parts = [[k.strip() for k in side.split(",") if k.strip()] for side in s.split(":")]
    if len(parts) > 2 or any(not side for side in parts):
        raise UsageError(f"--kinds must look like 'country', 'person,org' or 'person:country'; got {s!r}")
    if len(parts) == 1:
        return {"kinds": set(parts[0])}
    return {"between": (set(parts[0]), set(parts[1]))}


def _field_hint(corpus: Any, columns: Sequence[str], msg: str, n: int = 1000) -> str:
    """``; did you mean 'category'? (fields of the first documents: ...)`` for a --by/--time
    field that no document has, as the Python API says for a DataFrame's columns: the fields
    are read from the first ``n`` documents (only on this error path)."""
    import itertools

    from ._input import _close

    if "no document has a value for" not in msg:
        return ""
    fields: Dict[str, None] = {}
    try:
        for rec in itertools.islice(iter(corpus), n):
            fields.update(dict.fromkeys(str(k) for k in rec))
    except Exception:  # noqa: BLE001 - a hint only: the error itself is what matters
        return ""
    absent = [c for c in columns if c not in fields and f"{c!r}" in msg]
    hints = [h for h in (_close(c, list(fields)) for c in absent) if h]
    shown = ", ".join(repr(f) for f in list(fields)[:12]) + (", ..." if len(fields) > 12 else "")
    return (hints[0] if len(hints) == 1 else "; " + "; ".join(h.lstrip("; ") for h in hints) if hints else "") + \
        (f" (fields of the first documents: {shown})" if fields else "")


def _split_list(values: Optional[List[str]]) -> Optional[List[str]]:
    if not values:
        return None
    out = [v.strip() for item in values for v in item.split(",") if v.strip()]
    return out or None


# --------------------------------------------------------------------------------------------
# commands
def _cmd_match(args: argparse.Namespace) -> int:
    out = Path(args.output)
    _table_format(out)  # a usage error before any work
    m = _matcher(args)
    corpus = _read_corpus(args.corpus, args.text, args.id)
    progress = _progress(args)
    df = m.mentions(corpus, units=args.units, paragraphs=args.paragraphs, progress=progress)
    _write_table(df, out)
    if not args.quiet:
        _say(f"{len(df):,} mentions of {df['entity'].nunique() if len(df) else 0:,} entities -> {out}")
    return 0


def _cmd_cooccur(args: argparse.Namespace) -> int:
    import gazetta

    out = Path(args.output)
    _table_format(out)
    if args.entities:
        _table_format(Path(args.entities))
    if args.network and not args.network.lower().endswith((".gexf", ".graphml")):
        raise UsageError(f"--network must end in .gexf or .graphml; got {args.network!r}")
    if args.min_weight is not None and not args.network:
        raise UsageError("--min-weight leaves edges out of the --network file: pass --network too")
    if (args.time is None) != (args.freq is None):
        raise UsageError("--time and --freq go together (e.g. --time date --freq M)")
    if args.freq is not None:
        from ._dates import period_freq

        try:
            period_freq(args.freq)
        except ValueError as e:
            raise UsageError(f"--{e}") from None
    dayfirst = True if args.dayfirst else (False if args.monthfirst else None)
    if args.time is None and (dayfirst is not None or args.date_format is not None):
        raise UsageError("--dayfirst/--monthfirst/--date-format say how the --time column is written: "
                         "pass --time and --freq too")
    kinds = _parse_kinds(args.kinds)
    m = _matcher(args)
    corpus = _read_corpus(args.corpus, args.text, args.id)
    by = _split_list(args.by)
    try:
        co = gazetta.cooccurrence(corpus, m, text=args.text, id=args.id, unit=args.unit, paragraphs=args.paragraphs,
                                  window=args.window, count=args.count, by=by, explode=args.explode,
                                  time=args.time,
                                  freq=args.freq, dayfirst=dayfirst, date_format=args.date_format,
                                  min_count=args.min_count, **kinds, dedupe=args.dedupe, level=args.level,
                                  n_threads=args.threads, progress=_progress(args))
    except KeyError as e:
        hint = _field_hint(corpus, (by or []) + ([args.time] if args.time else []), str(e))
        if hint:
            raw = str(e.args[0]) if e.args else str(e)
            raise KeyError(raw.replace("(by=/time= columns)", "(--by/--time fields)") + hint) from None
        raise
    _write_table(co.pairs, out)
    if args.entities:
        _write_table(co.entities, Path(args.entities))
    if args.network:
        if args.network.lower().endswith(".gexf"):
            co.write_gexf(args.network, weight=args.weight, min_weight=args.min_weight)
        else:
            co.write_graphml(args.network, weight=args.weight, min_weight=args.min_weight)
    if not args.quiet:
        folded = int(co.meta.get("dedupe", {}).get("folded", 0))
        _say(f"{len(co.pairs):,} pairs, {co.entities['entity'].nunique():,} entities, "
             f"{co.meta['n_docs']:,} documents" + (f" ({folded:,} repeated documents folded, --dedupe "
                                                    f"{args.dedupe})" if args.dedupe != "none" else "")
             + f" -> {out}")
        n_amb = int(co.meta.get("ambiguous_spans") or 0)
        if n_amb:
            _say(f"{n_amb:,} ambiguous span{'s' if n_amb != 1 else ''} left undecided, each counted for every "
                 "candidate (gazetta audit lists them; evidence flags them)")
        for key, what in (("removed_by_rules", "removed by the gazetteer's context rules"),
                          ("removed_by_runs", "removed as part of a longer name (--capitalized-runs)"),
                          ("dropped_by_level", f"dropped: no {co.meta.get('level')} above them (--level)"),
                          ("settled_by_level", f"left undecided, counted once: every candidate in one "
                                               f"{co.meta.get('level')} (--level)")):
            k = int(co.meta.get(key) or 0)
            if k:
                _say(f"{k:,} {'mention' if key != 'settled_by_level' else 'span'}{'s' if k != 1 else ''} {what}")
        if args.entities:
            _say(f"entities -> {args.entities}")
        if args.network:
            _say(f"network -> {args.network}")
    return 0


def _cmd_audit(args: argparse.Namespace) -> int:
    import gazetta

    out = Path(args.out) if args.out else None
    html_out = out is not None and out.name.lower().endswith((".html", ".htm"))
    if out is not None and not html_out:
        _table_format(out)  # a usage error before any work
    m = _matcher(args)
    corpus = _read_corpus(args.corpus, args.text, args.id)
    a = gazetta.audit(m, corpus, n=args.n, seed=args.seed, text=args.text,
                      all_aliases=args.all_aliases, width=args.width, progress=_progress(args))
    if out is not None:
        if html_out:
            a.to_html(out)
        else:
            _write_table(a.flat(), out)
    if not args.quiet:
        t = a.table
        _say(textwrap.fill(f"Alias audit: {a.meta['n_mentions']:,} mentions in {a.meta['n_docs']:,} documents; "
                           f"{int((t['matches'] > 0).sum()):,} aliases matched, {len(a.flagged):,} flagged. "
                           f"Aliases with a flag measured on the corpus (common_word, in_names, all_caps, "
                           f"undecided, unplaced) first, most matches first; then the others by suspicion (2 "
                           f"per measured flag, 1 per ambiguous, short, lowercase); one of {args.n} random "
                           f"contexts each (seed {args.seed}):", width=100))
        _say(a.to_text(top=args.top, width=100))
        if a._repeated_note():
            _say(a._repeated_note().rstrip())
        if out is not None:
            _say(f"{len(t):,} aliases with {args.n} contexts each -> {out}")
    return 0


_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u201b\u02bc`\u00b4\u2032"})
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})


def _alias_key(text: str, case: Optional[str]) -> str:
    """The form under which two aliases can match the same text: apostrophes, dashes and
    whitespace normalised as the matcher does; case folded unless the alias is case-sensitive
    (under "smart" case an ALL-CAPS text matches every alias that upper-cases to it)."""
    t = " ".join(text.translate(_APOSTROPHES).translate(_DASHES).split())
    return t if case == "sensitive" else t.upper()


def _ambiguous_aliases(g: Any) -> List[Dict[str, Any]]:
    """Alias texts that can match the same span for several entities: the same alias, the
    same text after the matcher's normalisation and case folding ("Chad" and "CHAD"), and
    one-word globs whose stem begins another entity's one-word alias or glob ("Czech*" and
    "Czechoslovakia"). One row per shared form, most entities first."""
    import bisect
    import unicodedata

    groups: Dict[Tuple[str, bool], Dict[str, None]] = {}
    texts: Dict[Tuple[str, bool], Dict[str, None]] = {}
    for e in g:
        for a in e.aliases:
            k = (_alias_key(a.literal if a.glob else a.text, a.case), a.glob)
            groups.setdefault(k, {})[e.id] = None
            texts.setdefault(k, {})[a.text] = None
    rows: List[Dict[str, Any]] = []
    for k, ents in groups.items():
        if len(ents) > 1:
            written = list(texts[k])
            rows.append({"alias": " / ".join(written), "entities": list(ents),
                         "how": "same alias" if len(written) == 1 else "same text after case folding"})
    # one-word forms, sorted by key: a glob's stem is a prefix of the forms it can match
    words = sorted(k for k in groups if " " not in k[0])
    keys = [k for k, _ in words]
    for stem, is_glob in words:
        if not is_glob or not stem:
            continue
        mine = groups[(stem, True)]
        hits: Dict[str, None] = {}
        shown: List[str] = []
        j = bisect.bisect_right(keys, stem)  # strictly longer forms (equal ones are above)
        while j < len(keys) and keys[j].startswith(stem):
            rest = keys[j][len(stem):]
            if not all(ch.isalnum() or unicodedata.category(ch).startswith("M") for ch in rest):
                j += 1  # a glob spans word characters only: "Guine*" never covers "Guinea-Bissau"
                continue
            other = groups[words[j]]
            new_ents = [x for x in other if x not in mine]
            if new_ents:
                hits.update(dict.fromkeys(new_ents))
                shown.extend(texts[words[j]])
            j += 1
        if hits:
            head = " / ".join(texts[(stem, True)])
            rows.append({"alias": f"{head} ~ {', '.join(shown[:3])}{', ...' if len(shown) > 3 else ''}",
                         "entities": [*mine, *hits], "how": "glob"})
    rows.sort(key=lambda r: (-len(r["entities"]), r["alias"]))
    return rows


def _gazetteer_stats(g: Any) -> Dict[str, Any]:
    ents = list(g)
    aliases = [a for e in ents for a in e.aliases]
    per_kind: Dict[str, Dict[str, int]] = {}
    for e in ents:
        d = per_kind.setdefault(e.kind or "", {"entities": 0, "aliases": 0, "globs": 0})
        d["entities"] += 1
        d["aliases"] += len(e.aliases)
        d["globs"] += sum(1 for a in e.aliases if a.glob)
    amb = _ambiguous_aliases(g)
    attrs = sorted({k for e in ents for k in e.attrs})
    overrides = sum(1 for a in aliases if a.case is not None or a.fold_accents is not None)
    rules = sum(len(e.attrs.get(k) or ()) for e in ents for k in ("not_before", "not_after", "person_after"))
    rules += sum(len(a.not_before or ()) + len(a.not_after or ()) + len(a.person_after or ()) for a in aliases)
    return {
        "entities": len(ents),
        "aliases": len(aliases),
        "distinct_alias_texts": len({a.text for a in aliases}),
        "kinds": len(per_kind),
        "globs": sum(d["globs"] for d in per_kind.values()),
        "aliases_with_overrides": overrides,
        "ambiguous_aliases": len(amb),
        "with_parent": sum(1 for e in ents if e.attrs.get("parent")),
        "context_rules": rules,
        "attributes": attrs,
        "per_kind": {k: per_kind[k] for k in sorted(per_kind)},
        "ambiguous": amb,
        "content_hash": g.content_hash(),
    }


def _cmd_info(args: argparse.Namespace) -> int:
    g = _load_gazetteer(args.gazetteer)
    st = _gazetteer_stats(g)
    if args.json:
        _say(json.dumps(st, ensure_ascii=False, indent=2))
        return 0
    _say(f"gazetteer: {args.gazetteer}")
    width = 24
    for k in ("entities", "aliases", "distinct_alias_texts", "kinds", "globs", "aliases_with_overrides",
              "ambiguous_aliases", "with_parent", "context_rules"):
        _say(f"  {k.replace('_', ' '):<{width}} {st[k]:>8,}")
    _say(f"  {'attributes':<{width}} {', '.join(st['attributes']) or '-'}")
    _say(f"  {'content hash':<{width}} {st['content_hash'][:16]}…")
    _say("")
    _say(f"  {'kind':<20} {'entities':>9} {'aliases':>9} {'globs':>7}")
    for k, d in st["per_kind"].items():
        _say(f"  {(k or '(none)'):<20} {d['entities']:>9,} {d['aliases']:>9,} {d['globs']:>7,}")
    if st["ambiguous"]:
        n = args.show
        _say("")
        _say(f"  ambiguous aliases: texts that several entities can match "
             f"(alias -> entities){'' if len(st['ambiguous']) <= n else f', first {n}'}:")
        for r in st["ambiguous"][:n]:
            ids = ", ".join(r["entities"][:8]) + (", …" if len(r["entities"]) > 8 else "")
            how = "" if r["how"] == "same alias" else f"  ({r['how']})"
            _say(f"    {r['alias']!r:<28} {ids}{how}")
    return 0


# -- demo -----------------------------------------------------------------------------------
def _halves(co: Any, min_n: int = 1) -> Tuple[Any, Tuple[str, str], Tuple[str, str]]:
    """The demo's table of changes: :meth:`Cooccurrence.compare` of the second half of the
    time span (by calendar time) with the first, ``test="lift"``, columns renamed for the
    demo (``_1`` first half, ``_2`` second half; ``log2_ratio`` = log2(lift_2 / lift_1),
    ``q`` the Benjamini–Hochberg adjusted p).

    The change statistic ``g2`` is the log-likelihood ratio (G², 1 d.f.; ``p`` its p-value) of
    "the lift is the same in both halves"; a pair whose share of units rises only because both
    entities are mentioned more often is not "rising": its lift stays flat or falls. Pairs
    with fewer than ``min_n`` co-occurrences in all are left out before testing; pairs with
    an entity absent from one half get NaN.
    """
    time = co.meta["time"]
    periods = sorted(co.groups[time].unique())
    first, last = periods[0], periods[-1]
    mid = first.start_time + (last.end_time - first.start_time) / 2
    halves = ([p for p in periods if p.start_time < mid], [p for p in periods if p.start_time >= mid])
    bounds = tuple((str(min(ps)), str(max(ps))) if ps else ("", "") for ps in halves)
    t = co.compare({time: halves[1]}, {time: halves[0]}, test="lift", min_n=min_n)
    ren = {"log_ratio": "log2_ratio", "p_adj": "q"}
    for c in t.columns:
        if c.endswith("_target"):
            ren[c] = c[: -len("_target")] + "_2"
        elif c.endswith("_reference"):
            ren[c] = c[: -len("_reference")] + "_1"
    return t.rename(columns=ren), bounds[0], bounds[1]


def _fmt_table(df: Any, cols: Sequence[Tuple[str, str, str]]) -> str:
    """A plain-text table: ``cols`` = (column, header, format spec or "" for text)."""
    rows = []
    for r in df.itertuples(index=False):
        cells = []
        for c, _h, f in cols:
            v = getattr(r, c)
            if f and (v is None or (isinstance(v, float) and v != v)):
                cells.append("—")
            else:
                cells.append(format(v, f) if f else str(v))
        rows.append(cells)
    heads = [h for _c, h, _f in cols]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(heads)]
    right = [bool(f) for _c, _h, f in cols]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if rt else c.ljust(w) for c, w, rt in zip(cells, widths, right)).rstrip()

    return "\n".join(["  " + line(heads), "  " + line(["-" * w for w in widths])] + ["  " + line(r) for r in rows])


def _cmd_demo(args: argparse.Namespace) -> int:
    import gazetta
    from gazetta.datasets import demo_news
    from gazetta.gazetteers import COUNTRIES_IGNORE_EN, countries

    from ._graph import rollup

    out = Path(args.out)
    _make_folder(out)
    df = demo_news()
    g = countries()
    m = gazetta.Matcher(g, ignore=COUNTRIES_IGNORE_EN, n_threads=args.threads)
    q = args.quiet
    if not q:
        _say(f"gazetta {gazetta.__version__} demo: {len(df)} news texts ({df['date'].min():%Y-%m-%d} .. "
             f"{df['date'].max():%Y-%m-%d}), built-in countries ({len(g)} entities, {g.n_aliases:,} aliases)")
    mentions = m.mentions(df["text"], ids=df["id"].tolist(), units=True)
    co = gazetta.cooccurrence(df, m, text="text", id="id", unit="sentence", time="date", freq="M",
                              n_threads=args.threads)
    total = rollup(co, ())
    if not q:
        _say(f"{len(mentions):,} mentions of {mentions['entity'].nunique()} countries; "
             f"{int(total.groups['n'].iloc[0]):,} sentences; {len(total.pairs):,} country pairs "
             f"co-occur in a sentence")
        n_rules, n_amb = int(co.meta.get("removed_by_rules", 0)), int(co.meta.get("ambiguous_spans") or 0)
        _say(f"Context rules removed {n_rules:,} candidate mentions ('Georgia Power', 'French Open', 'Mr Jordan'); "
             f"{n_amb:,} span{'s' if n_amb != 1 else ''} stayed ambiguous and "
             f"{'are' if n_amb != 1 else 'is'} counted for each candidate (gazetta audit lists such spans)")
        _say("")
        _say(f"Top {args.top} pairs (sentences mentioning both; npmi: -1 never together .. 0 chance .. 1 always):")
        top = total.pairs.head(args.top).assign(pair=lambda d: d["name_a"] + " – " + d["name_b"])
        _say(_fmt_table(top, [("pair", "pair", ""), ("n_ab", "n_ab", ","), ("n_a", "n_a", ","),
                              ("n_b", "n_b", ","), ("npmi", "npmi", ".2f"), ("llr", "llr", ".1f")]))
    ch, h1, h2 = _halves(co, min_n=args.min_support)  # Cooccurrence.compare(second half, first half)
    ch = ch[ch["g2"].notna()]
    ch = ch.assign(pair=ch["name_a"] + " – " + ch["name_b"])
    order: Dict[str, Any] = {"by": ["g2", "a", "b"], "ascending": [False, True, True]}
    rising = ch[ch["log2_ratio"] > 0].sort_values(**order).head(args.top // 2)
    falling = ch[ch["log2_ratio"] < 0].sort_values(**order).head(args.top // 2)
    if not q:
        cols = [("pair", "pair", ""), ("n_ab_1", "n_ab 1st", ","), ("n_ab_2", "n_ab 2nd", ","),
                ("lift_1", "lift 1st", ".1f"), ("lift_2", "lift 2nd", ".1f"), ("log2_ratio", "log2 ratio", "+.2f"),
                ("g2", "G²", ".1f"), ("p", "p", ".2g"), ("q", "q (BH)", ".2g")]
        _say("")
        _say(f"Strongest changes in association between the halves {h1[0]}..{h1[1]} and {h2[0]}..{h2[1]} "
             f"(pairs with >= {args.min_support} co-occurring sentences in all):")
        _say("  ranked by G², a log-likelihood test that the lift (sentences mentioning both / those expected if "
             "the two were unrelated) is the same in both halves; direction: log2 of lift 2nd / lift 1st "
             "(with half a co-occurrence added to both halves, in proportion to their expected counts, when one "
             "has none). Computed by Cooccurrence.compare(second half, first half, test='lift'). "
             f"q: p adjusted for the {len(ch)} pairs tested (Benjamini–Hochberg).")
        _say("Rising:")
        _say(_fmt_table(rising, cols) if len(rising) else "  (none)")
        _say("Falling:")
        _say(_fmt_table(falling, cols) if len(falling) else "  (none)")
        _say("Note: the demo corpus is Wikinews until 2020 and White House readouts from 2021, so part of any "
             "change is a change of source.")

    written: List[str] = []
    _write_table(co.pairs, out / "pairs.csv")
    written.append("pairs.csv (by month)")
    _write_table(total.pairs, out / "pairs_total.csv")
    written.append("pairs_total.csv")
    _write_table(co.entities, out / "entities.csv")
    written.append("entities.csv (by month)")
    keep = ["a", "b", "name_a", "name_b", "n_ab_1", "n_ab_2", "n_1", "n_2", "expected_1", "expected_2", "lift_1",
            "lift_2", "log2_ratio", "g2", "p", "q", "share_1", "share_2", "npmi_1", "npmi_2"]
    _write_table(ch.sort_values(["g2", "a", "b"], ascending=[False, True, True])[keep], out / "changes.csv")
    written.append("changes.csv")
    if _have_pyarrow():
        _write_table(mentions, out / "mentions.parquet")
        written.append("mentions.parquet")
    else:
        print("gazetta: pyarrow is not installed, so mentions go to mentions.csv instead of mentions.parquet "
              "(pip install pyarrow)", file=sys.stderr)
        _write_table(mentions, out / "mentions.csv")
        written.append("mentions.csv")
    co.write_gexf(out / "network.gexf")
    written.append("network.gexf (dynamic: open in Gephi, enable the timeline)")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print('gazetta: matplotlib is not installed, so no pictures (pip install "gazetta[plot]")', file=sys.stderr)
    else:
        from . import plot

        # the Wikinews texts are CC BY 2.5: a picture made from them credits them
        credit = ("Data: Wikinews contributors, CC BY 2.5 (creativecommons.org/licenses/by/2.5), texts changed; "
                  "White House readouts (US public domain)")
        _save_figure(plot.network(total, top=40, weight="npmi", color="community", credit=credit),
                     out / "network.png")
        written.append("network.png")
        pairs = [(r.a, r.b) for r in rising.head(2).itertuples()] + [(r.a, r.b) for r in falling.head(2).itertuples()]
        if pairs:
            # the quantity the changes table tests (lift), not a share that can rise while it falls
            _save_figure(plot.timeline(co, pairs, value="lift", freq="Q", credit=credit), out / "timeline.png")
            written.append("timeline.png")
    if not q:
        _say("")
        _say(f"Wrote to {out}/: " + ", ".join(written))
    return 0


# --------------------------------------------------------------------------------------------
# the parser
class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Raw descriptions; each option's default said once: added as "(default: X)" only when
    the help does not already say it and there is a value to show (not for flags, not for
    None: an option without a value is explained by its help)."""

    def _get_help_string(self, action: argparse.Action) -> Optional[str]:
        text = action.help or ""
        if "default" in text.lower() or "%(default)" in text:
            return text
        d = action.default
        if d is None or d is False or d is argparse.SUPPRESS or d == [] or action.nargs == 0:
            return text
        return super()._get_help_string(action)


def _matcher_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("gazetteer and matching (user guide: Matching)")
    g.add_argument("--gazetteer", "-g", required=True, action="append", metavar="FILE|countries[:LANG]|places[:N]",
                   help="gazetteer file (.csv/.tsv with columns id,name,kind,aliases; .json/.jsonl of entity "
                        "objects; newsmap .yaml; optionally .gz) or a built-in one: 'countries' (e.g. "
                        "'countries:de', 'countries:all'), 'places' (countries, regions and the cities of "
                        "15,000 people or more; 'places:100000' for larger cities only; use with --level "
                        "country to count cities as their country); repeatable: '-g countries -g people.csv' matches both, merged as "
                        "g1 + g2 in Python (an id in two gazetteers with different content is an error)")
    g.add_argument("--case", choices=("smart", "sensitive", "insensitive"), default="smart",
                   help="case rule: 'smart' matches the alias as written or in ALL CAPS")
    g.add_argument("--fold-accents", action="store_true", help="compare letters without accents (São = Sao)")
    g.add_argument("--overlaps", choices=("longest", "all"), default="longest",
                   help="'longest': leftmost-longest non-overlapping mentions; 'all': every candidate")
    g.add_argument("--ambiguous", choices=("resolve", "all", "skip"), default="resolve",
                   help="an alias of several entities: choose one from the document (the default, as "
                        "in Python: 'Georgia' the state or the country, 'Lebanon' the country or the "
                        "US town), report it once per entity, or skip it")
    g.add_argument("--ignore", action="append", metavar="PHRASE",
                   help="a phrase that blocks matches inside it (e.g. 'Michael Jordan'); repeatable")
    g.add_argument("--capitalized-runs", choices=("companies", "skip", "keep"), default="companies",
                   help="names inside longer capitalised names: 'companies' (as in Python) drops a place "
                        "name inside a company's name ending in Corp, Inc, Ltd, ... ('American Barrick "
                        "Resources Corp'); 'skip' drops it inside any longer name ('Georgia Power', 'Bank "
                        "of America'); 'keep' drops nothing; every drop is counted")


def _corpus_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", metavar="CORPUS",
                   help="the articles: .jsonl, .jsonl.gz, .csv, .tsv or .parquet, one document per record")
    p.add_argument("--text", default="text", metavar="COL", help="field holding the article text")
    p.add_argument("--id", default=None, metavar="COL", help="field holding the document id (default: position)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--threads", type=int, default=None, metavar="N", help="worker threads (default: all cores)")
    p.add_argument("--progress", action="store_true", help="always show a progress bar (needs tqdm)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print nothing on success and show no progress bar (unless --progress); warnings are "
                        "still printed on stderr, as 'gazetta: warning: ...'")
    p.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    p.add_argument("--mkdir", action="store_true",
                   help="create a missing output folder even at the file system root (e.g. /results); missing "
                        "folders elsewhere are always created")


def _positive(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {s!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {s!r}")
    return v


def _non_negative(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {s!r}") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {s!r}")
    return v


def build_parser() -> argparse.ArgumentParser:
    """The ``gazetta`` argument parser (used by :func:`main`)."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=_Formatter,
        description="Entity co-mention analysis of news: find the mentions of a gazetteer's entities "
                    "in a corpus and count which entities are mentioned together.",
        epilog=textwrap.dedent("""\
            examples:
              gazetta demo --out gazetta-demo
              gazetta info countries
              gazetta audit news.jsonl.gz -g countries --out audit.html
              gazetta match news.jsonl.gz -g countries -o mentions.parquet
              gazetta cooccur news.jsonl.gz -g countries --unit sentence --time date --freq M \\
                  --min-count 2 -o pairs.csv --network network.gexf

            exit codes: 0 success, 1 data error (one line on stderr; --debug for the traceback),
            2 bad usage. Outputs are written atomically (temporary file, then rename)."""))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("demo", formatter_class=_Formatter, help="run the whole pipeline on the bundled demo corpus",
                       description="Matches the built-in countries in the 300 bundled news texts, counts "
                                   "sentence-level co-occurrence by month, prints the top pairs and the "
                                   "strongest changes between the first and second half of the period, and "
                                   "writes pairs.csv, pairs_total.csv, entities.csv, changes.csv, "
                                   "mentions.parquet (mentions.csv without pyarrow), network.gexf (dynamic) "
                                   "and network.png, timeline.png (with matplotlib) into DIR.")
    p.add_argument("--out", "-o", default="gazetta-demo", metavar="DIR", help="output folder (created if needed; at the file system root only with --mkdir)")
    p.add_argument("--top", type=_positive, default=15, metavar="K", help="how many pairs to list")
    p.add_argument("--min-support", type=_positive, default=8, metavar="N",
                   help="a pair needs this many co-occurring sentences over both halves to be listed as a change")
    _common(p)
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("match", formatter_class=_Formatter, help="find every mention: corpus -> mentions table",
                       description="Finds every mention of every alias in the corpus and writes one row per "
                                   "mention: doc, start, end (Python string offsets), surface, entity, name, "
                                   "kind, alias, ambiguous (+ paragraph, sentence with --units).")
    _corpus_options(p)
    _matcher_options(p)
    p.add_argument("--output", "-o", required=True, metavar="OUT",
                   help="output table: .csv, .csv.gz, .tsv or .parquet (needs pyarrow)")
    p.add_argument("--units", action="store_true", help="add the paragraph and sentence index of each mention")
    p.add_argument("--paragraphs", choices=("auto", "line", "blank"), default="auto",
                   help="paragraph rule for --units: every line break, only blank lines (and indented "
                        "lines in text that indents its paragraphs), or decided per document: blank for "
                        "hard-wrapped text, line for any other")
    _common(p)
    p.set_defaults(func=_cmd_match)

    p = sub.add_parser("cooccur", formatter_class=_Formatter, help="count co-occurrence: corpus -> pairs table",
                       description="Counts which entities are mentioned together and writes the pair table "
                                   "[group keys..., a, b, name_a, name_b, kind_a, kind_b, n_ab, n_a, n_b, n, pmi, "
                                   "npmi, jaccard, dice, llr, llr_p, expected, lift] (user guide: Counting, Measures). Time periods are "
                                   "written as text such as 2024-03.")
    _corpus_options(p)
    _matcher_options(p)
    p.add_argument("--output", "-o", required=True, metavar="OUT",
                   help="pair table: .csv, .csv.gz, .tsv or .parquet (needs pyarrow)")
    p.add_argument("--entities", metavar="FILE", help="also write the entity table (same formats)")
    p.add_argument("--network", metavar="FILE",
                   help="also write the network: .gexf (dynamic for --time) or .graphml")
    p.add_argument("--weight", default="n_ab", metavar="COL",
                   help="edge weight of --network: n_ab, npmi, pmi, jaccard, dice, llr, lift")
    p.add_argument("--min-weight", type=float, default=None, metavar="W",
                   help="leave edges with a --weight below W (or NaN) out of --network: --min-weight 0 drops the "
                        "negative npmi/pmi edges, which network tools read as attraction; --min-weight=-inf keeps "
                        "every edge without the warning about them")
    c = p.add_argument_group("counting (user guide: Counting)")
    c.add_argument("--unit", choices=_UNITS, default="sentence",
                   help="two entities co-occur when both are mentioned in the same unit")
    c.add_argument("--paragraphs", choices=("auto", "line", "blank"), default="auto",
                   help="paragraph rule: every line break ends a paragraph, only a blank line (or an "
                        "indented line in text that indents its paragraphs), or decided per document: "
                        "blank for hard-wrapped text, line for any other")
    c.add_argument("--window", type=_non_negative, default=None, metavar="K",
                   help="count mention pairs at most K tokens apart within the unit "
                        "(use --unit document to cross sentences)")
    c.add_argument("--count", choices=("units", "mentions"), default="units",
                   help="n_ab = units holding both, or products of mention counts per unit")
    c.add_argument("--by", action="append", metavar="COL",
                   help="metadata column(s) to slice by, each group counted on its own; repeatable or COL1,COL2")
    c.add_argument("--explode", action="store_true",
                   help="--by columns may hold lists (JSON arrays): count each document once in each of its groups")
    c.add_argument("--time", metavar="COL", help="date column to slice by (with --freq)")
    c.add_argument("--freq", metavar="FREQ",
                   help="period of --time, any pandas alias: D, W, M, Q, Y (day .. year), W-MON (weeks ending "
                        "Monday), ME (= M), 2M (two-month bins), ...")
    order = c.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", action="store_true",
                       help="numeric dates of --time are day-first (03/04/1987 = 3 April); default: the order "
                            "some value shows (13/04/1987), else month-first with a warning")
    order.add_argument("--monthfirst", action="store_true", help="numeric dates of --time are month-first")
    order.add_argument("--date-format", metavar="FMT",
                       help="strftime format of --time, used strictly (e.g. '%%d.%%m.%%Y' or ISO8601)")
    c.add_argument("--min-count", type=_positive, default=1, metavar="N", help="keep pairs with n_ab >= N")
    c.add_argument("--dedupe", choices=("none", "exact", "near"), default="none",
                   help="count a repeated document once: 'exact' folds documents whose text repeats an earlier "
                        "one (whitespace and case aside), 'near' also near-copies (user guide: Duplicates); the "
                        "summary line says how many were folded")
    c.add_argument("--level", metavar="KIND",
                   help="count every mention as its nearest ancestor of this kind (e.g. 'country' with a city "
                        "gazetteer); mentions without one are dropped and counted")
    c.add_argument("--kinds", metavar="KINDS",
                   help="keep pairs by entity kind: 'country' (both ends), 'person,org' (both in the set), "
                        "'person:country' (one end in each, the person in a)")
    _common(p)
    p.set_defaults(func=_cmd_cooccur)

    p = sub.add_parser("info", formatter_class=_Formatter, help="gazetteer statistics",
                       description="Prints the number of entities, aliases, kinds, globs (Kenyan*), aliases "
                                   "with per-alias options, ambiguous aliases (shared by several entities), "
                                   "the counts per kind and the ambiguous aliases themselves.")
    p.add_argument("gazetteer", metavar="GAZETTEER",
                   help="a gazetteer file, 'countries[:LANG]' or 'places[:MIN_POPULATION]'")
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")
    p.add_argument("--show", type=_positive, default=20, metavar="N", help="how many ambiguous aliases to list")
    p.add_argument("--debug", action="store_true", help="show the full traceback of an error")
    p.set_defaults(func=_cmd_info)

    p = sub.add_parser("audit", formatter_class=_Formatter, help="check the aliases: matches, flags, contexts",
                       description="Matches the corpus and lists every alias that matched, most suspicious "
                                   "first: matches, documents, share of its entity's mentions, flags "
                                   "(common_word, in_names, all_caps, undecided, unplaced, ambiguous, short, lowercase; see "
                                   "gazetta.audit) and random contexts. Prints the top aliases with one "
                                   "context each; --out writes the whole table (.csv/.tsv/.parquet, contexts "
                                   "as text) or an HTML page with the matches highlighted.")
    _corpus_options(p)
    _matcher_options(p)
    p.add_argument("--n", type=_non_negative, default=5, metavar="N", help="random contexts per alias")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="seed of the random contexts")
    p.add_argument("--top", type=_positive, default=20, metavar="K", help="how many aliases to print")
    p.add_argument("--width", type=_non_negative, default=60, metavar="W",
                   help="characters of context on each side (in --out)")
    p.add_argument("--all-aliases", action="store_true", help="also list aliases that never matched (in --out)")
    p.add_argument("--out", "-o", default=None, metavar="OUT",
                   help="write the full table: .csv, .csv.gz, .tsv, .parquet or .html")
    _common(p)
    p.set_defaults(func=_cmd_audit)
    return parser


def _one_line(e: BaseException) -> str:
    msg = str(e.args[0]) if isinstance(e, KeyError) and e.args else str(e)
    msg = " ".join(msg.split()) or type(e).__name__
    return msg if isinstance(e, (OSError, RuntimeError)) or type(e).__module__.startswith("gazetta") \
        else f"{type(e).__name__}: {msg}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the ``gazetta`` command line with ``argv`` (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit code: 0 success, 1 data error, 2 bad usage, 130 interrupted.

    Examples
    --------
    >>> main(["info", "countries", "--show", "3"])  # doctest: +ELLIPSIS
    gazetteer: countries
      entities ...
    ...
    0
    >>> main(["cooccur"])  # doctest: +SKIP
    2
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version (0) and usage errors (2)
        return int(e.code or 0) if not isinstance(e.code, str) else 2
    _OPTIONS["mkdir"] = bool(getattr(args, "mkdir", False))
    shown = warnings.formatwarning
    warnings.formatwarning = _format_warning  # how they are printed (a caller recording them still does)
    try:
        return int(args.func(args))
    except UsageError as e:
        print(f"{PROG} {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - the one place errors become exit codes
        if getattr(args, "debug", False):
            raise
        print(f"{PROG}: error: {_cli_text(_one_line(e))}", file=sys.stderr)
        return 1
    finally:
        warnings.formatwarning = shown
