"""Text units (SPEC §4): paragraphs, sentences and tokens as ``(start, end)`` code-point spans.

Spans are Python ``str`` indices, so ``text[start:end]`` is the unit; they are trimmed of
surrounding whitespace, sorted and never overlap. Whitespace-only paragraphs are not units.
"""

from __future__ import annotations

import re
from typing import List, Literal, Tuple

from . import _core

__all__ = ["sentences", "paragraphs", "tokens"]

Span = Tuple[int, int]
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def sentences(text: str, paragraphs: Literal["line", "blank"] = "line") -> List[Span]:
    """Sentence spans of a text, by gazetta's rule-based splitter for news prose.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with closing quotes/brackets) followed by
    whitespace and an upper-case letter, digit, opening quote or bracket; never after common
    abbreviations and initials (Mr., Gen., Jan., U.S., "J."), never inside numbers (3.5);
    a paragraph break always ends one; CJK 。！？ end one. Accuracy on news text is reported
    in ``docs/sentences.md``.

    Parameters
    ----------
    text : str
    paragraphs : {"line", "blank"}, default "line"
        Which line breaks are paragraph (and so sentence) breaks: every line break, or only
        blank lines (for hard-wrapped text such as Reuters-21578).

    Returns
    -------
    list of (start, end)

    Examples
    --------
    >>> import gazetta
    >>> t = "Gen. Smith met U.S. officials on Jan. 5. Talks went well."
    >>> [t[s:e] for s, e in gazetta.sentences(t)]
    ['Gen. Smith met U.S. officials on Jan. 5.', 'Talks went well.']
    """
    return _core.sentences(_check_text(text), paragraphs)


def paragraphs(text: str, mode: Literal["line", "blank"] = "line") -> List[Span]:
    """Paragraph spans of a text (SPEC §4).

    Parameters
    ----------
    text : str
    mode : {"line", "blank"}, default "line"
        ``"line"``: every line break (``\\n``, ``\\r\\n``, ``\\r``, U+0085, U+2028, U+2029)
        ends a paragraph. ``"blank"``: only a line break followed by an empty or
        whitespace-only line does.

    Examples
    --------
    >>> import gazetta
    >>> gazetta.paragraphs("One\\ntwo\\n\\nThree")
    [(0, 3), (4, 7), (9, 14)]
    >>> gazetta.paragraphs("One\\ntwo\\n\\nThree", "blank")
    [(0, 7), (9, 14)]
    """
    return _core.paragraphs(_check_text(text), mode)


def tokens(text: str) -> List[Span]:
    """Token spans (SPEC §4): maximal runs of word characters (letters, marks, digits);
    each character of an unspaced script (Han, Kana, Hangul, Thai, ...) is a token.

    Examples
    --------
    >>> import gazetta
    >>> t = "U.S.-led talks, 北朝鮮"
    >>> [t[s:e] for s, e in gazetta.tokens(t)]
    ['U', 'S', 'led', 'talks', '北', '朝', '鮮']
    """
    return _core.tokens(_check_text(text))
