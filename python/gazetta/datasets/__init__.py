"""Data sets shipped with gazetta.

- :func:`demo_news`: 300 short English texts on international affairs (Wikinews, CC BY 2.5;
  White House readouts, US public domain) for examples, tutorials and tests.

Licences and credits: ``gazetta/datasets/data/NOTICE.md``.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources
from typing import Any, Dict, List

import pandas as pd

__all__ = ["demo_news"]

_COLUMNS = ["id", "date", "source", "title", "text", "url"]
_ATTRIBUTION_COLUMNS = ["license", "attribution"]


@functools.lru_cache(maxsize=1)
def _demo_records() -> List[Dict[str, Any]]:
    raw = resources.files(__package__).joinpath("data", "demo_news.jsonl.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def demo_news(attribution: bool = False) -> pd.DataFrame:
    """A small corpus of real news texts on international affairs, for trying gazetta out.

    300 English texts, in date order within each source:

    - 92 Wikinews articles (2019-01-04 .. 2020-12-26), licence CC BY 2.5: politics,
      conflict, elections, diplomacy; up to about 14,000 characters;
    - 208 White House readouts of calls and meetings of President Biden with foreign
      leaders (2021-01-22 .. 2024-12-10), works of the US federal government (public
      domain in the US): short, formulaic and dense in leader/country co-mentions.

    Paragraphs are separated by ``"\\n\\n"``. The texts keep their sources' typography
    (curly quotes, no-break spaces, double spaces after full stops).

    Parameters
    ----------
    attribution : bool, default False
        Also return the columns ``license`` (``"CC-BY-2.5"`` or
        ``"public-domain-us-gov"``) and ``attribution`` (a ready-made credit line naming
        source, title, URL and licence). Keep them when you republish texts: CC BY 2.5
        requires crediting Wikinews and its contributors, linking the licence and saying
        that the text was changed (the scraper's date lines and map captions were removed).

    Returns
    -------
    pandas.DataFrame
        One row per text with the columns ``id`` (``"wikinews:<page>"`` or
        ``"whitehouse:<file>"``, unique), ``date`` (``datetime64``), ``source``
        (``"wikinews"`` or ``"whitehouse"``), ``title``, ``text`` and ``url``, then
        ``license`` and ``attribution`` if asked for. A new frame on every call.

    Examples
    --------
    >>> from gazetta.datasets import demo_news
    >>> df = demo_news()
    >>> df.shape
    (300, 6)
    >>> list(df.columns)
    ['id', 'date', 'source', 'title', 'text', 'url']
    >>> df["source"].value_counts().to_dict()
    {'whitehouse': 208, 'wikinews': 92}
    >>> demo_news(attribution=True)["license"].unique().tolist()
    ['CC-BY-2.5', 'public-domain-us-gov']
    """
    columns = _COLUMNS + (_ATTRIBUTION_COLUMNS if attribution else [])
    df = pd.DataFrame.from_records(_demo_records(), columns=columns)
    df["date"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    return df
