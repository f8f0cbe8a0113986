"""Text units: paragraphs, sentences and tokens as ``(start, end)`` code-point spans.

Spans are Python ``str`` indices, so ``text[start:end]`` is the unit; they are trimmed of
surrounding whitespace, sorted and never overlap. Whitespace-only paragraphs are not units.

Which line breaks end a paragraph (and so always end a sentence) is the ``paragraphs`` mode:

- ``"auto"`` (the default everywhere): decided per text. Text hard-wrapped at a fixed width
  (such as Reuters-21578) is read as ``"blank"``, any other text as ``"line"``; the rule and
  its measurement are in ``docs/units.md``, and :func:`paragraph_mode` tells how a text is read.
- ``"line"``: every line break (``\n``, ``\r\n``, ``\r``, U+0085, U+2028, U+2029) ends a
  paragraph, as in most scraped corpora.
- ``"blank"``: only a line break followed by an empty or whitespace-only line does, or, in a
  text that indents its paragraphs (a tab or two or more spaces, as Reuters' four), one
  followed by an indented line.
"""

from __future__ import annotations

import re
from typing import List, Literal, Tuple

#: The ``paragraphs`` modes.
PARAGRAPH_MODES = ("auto", "line", "blank")

from . import _core

__all__ = ["sentences", "paragraphs", "tokens", "paragraph_mode"]

Span = Tuple[int, int]
_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_mode(name: str, mode: object) -> str:
    if mode not in PARAGRAPH_MODES:
        raise ValueError(f"{name} must be one of 'auto', 'line', 'blank'; got {mode!r}")
    return str(mode)


def _check_text(text: object) -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates cannot cross into Rust; U+FFFD keeps every index (as the matcher
            # does), instead of a bare UnicodeEncodeError (issue 8).
            text = _SURROGATE.sub("\ufffd", text)
    return text


def sentences(text: str, paragraphs: Literal["auto", "line", "blank"] = "auto") -> List[Span]:
    """Sentence spans of a text, by gazetta's rule-based splitter for news prose.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with closing quotes/brackets) followed by
    whitespace and an upper-case letter, digit, opening quote or bracket; never after common
    abbreviations and initials (Mr., Gen., Jan., U.S., "J."), never inside numbers (3.5);
    a paragraph break always ends one; CJK 。！？ end one. Accuracy on news text is reported
    in ``docs/sentences.md``.

    Parameters
    ----------
    text : str
    paragraphs : {"auto", "line", "blank"}, default "auto"
        Which line breaks are paragraph (and so sentence) breaks: ``"line"`` every line
        break; ``"blank"`` only blank lines (and indented lines, in text that indents its
        paragraphs), for hard-wrapped text such as Reuters-21578; ``"auto"`` ``"blank"`` for
        hard-wrapped text and ``"line"`` for any other (see :func:`paragraph_mode`).

    Returns
    -------
    list of (start, end)

    Examples
    --------
    >>> import gazetta
    >>> t = "Gen. Smith met U.S. officials on Jan. 5. Talks went well."
    >>> [t[s:e] for s, e in gazetta.sentences(t)]
    ['Gen. Smith met U.S. officials on Jan. 5.', 'Talks went well.']

    Hard-wrapped text is read across its line breaks:

    >>> t = ("Japan said it would ask the\\nUnited States to ease its curbs on\\n"
    ...      "imports of chips. Talks open\\nin Tokyo on Monday.")
    >>> [t[s:e] for s, e in gazetta.sentences(t)]
    ['Japan said it would ask the\\nUnited States to ease its curbs on\\nimports of chips.', 'Talks open\\nin Tokyo on Monday.']
    >>> len(gazetta.sentences(t, paragraphs="line"))
    5
    """
    return _core.sentences(_check_text(text), _check_mode("paragraphs", paragraphs))


def paragraphs(text: str, mode: Literal["auto", "line", "blank"] = "auto") -> List[Span]:
    """Paragraph spans of a text.

    Parameters
    ----------
    text : str
    mode : {"auto", "line", "blank"}, default "auto"
        ``"line"``: every line break (``\\n``, ``\\r\\n``, ``\\r``, U+0085, U+2028, U+2029)
        ends a paragraph. ``"blank"``: only a line break followed by an empty or
        whitespace-only line does, or, in a text that indents its paragraphs, one followed by
        an indented line (a tab, or two or more spaces). ``"auto"``: ``"blank"`` for
        hard-wrapped text, ``"line"`` for any other (see :func:`paragraph_mode`).

    Examples
    --------
    >>> import gazetta
    >>> gazetta.paragraphs("One\\ntwo\\n\\nThree", "line")
    [(0, 3), (4, 7), (9, 14)]
    >>> gazetta.paragraphs("One\\ntwo\\n\\nThree", "blank")
    [(0, 7), (9, 14)]
    >>> t = "Prices rose on\\nMonday, dealers said.\\n    The rise was\\nsmall."
    >>> [t[s:e] for s, e in gazetta.paragraphs(t, "blank")]
    ['Prices rose on\\nMonday, dealers said.', 'The rise was\\nsmall.']
    """
    return _core.paragraphs(_check_text(text), _check_mode("mode", mode))


def paragraph_mode(text: str) -> Literal["line", "blank"]:
    """How ``paragraphs="auto"`` reads a text: ``"blank"`` if it is hard-wrapped, else ``"line"``.

    A *soft break* is a line break between two non-blank lines that ``"blank"`` keeps inside a
    paragraph. It is *inside a sentence* when the line before it does not end a sentence (its
    last character, closing quotes and brackets aside, is not ``. ! ? … 。 ！ ？`` or ``:``),
    is not a table row (no tab, no run of two spaces except after ``. ! ? :``), and is either
    *full* (at least 3/4 as wide as the widest line) or followed by a line that starts in
    lower case. A text is hard-wrapped when it has a soft break, no line wider than 160
    characters, and at least half of its soft breaks are inside sentences. The decision is
    made per text, from the text alone, so it never depends on chunking or threads; for
    texts without a soft break both readings give the same units.

    Measured on Reuters-21578, BBC News, the demo corpus and LGL in ``docs/units.md``.

    Parameters
    ----------
    text : str

    Returns
    -------
    {"line", "blank"}

    Examples
    --------
    >>> import gazetta
    >>> from gazetta.text import paragraph_mode
    >>> paragraph_mode("Japan said it would ask the\\nUnited States to ease its curbs on\\n"
    ...                "imports of chips, officials said.")
    'blank'
    >>> paragraph_mode("Talks fail\\nThe talks failed on Monday.\\nBoth sides blamed each other.")
    'line'
    """
    return _core.paragraph_layout(_check_text(text))[0]


def tokens(text: str) -> List[Span]:
    """Token spans (docs/sentences.md, Tokens): maximal runs of word characters (letters, marks, digits);
    each character of an unspaced script (Han, Kana, Hangul, Thai, ...) is a token.

    Examples
    --------
    >>> import gazetta
    >>> t = "U.S.-led talks, 北朝鮮"
    >>> [t[s:e] for s, e in gazetta.tokens(t)]
    ['U', 'S', 'led', 'talks', '北', '朝', '鮮']
    """
    return _core.tokens(_check_text(text))
