"""Progress bars for long calls (tqdm, optional).

``progress=True`` always shows a bar (tqdm must be installed), ``False`` never does, and
``None`` (the default) shows one only for long work: when tqdm is importable, a bar that
appears once the call has run for :data:`AUTO_DELAY_SECONDS` (tqdm's ``delay``), so short
calls print nothing and nothing has to be sized in advance. In Jupyter the notebook flavour
is used (``tqdm.auto``).
"""

from __future__ import annotations

import functools
from typing import Any, Optional

AUTO_DELAY_SECONDS = 2.0


class _NoBar:
    def update_to(self, n: int) -> None:  # noqa: D401 - internal
        pass

    def add(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


@functools.lru_cache(maxsize=None)
def _has_ipywidgets() -> bool:
    """Whether ipywidgets is installed (looked up once: the look-up searches the file system,
    and every call with the default ``progress=None`` makes a bar)."""
    import importlib.util

    return importlib.util.find_spec("ipywidgets") is not None


class _Bar:
    def __init__(self, total: Optional[int], desc: str, unit: str, delay: float = 0.0) -> None:
        if _has_ipywidgets():
            from tqdm.auto import tqdm  # a widget in notebooks, text elsewhere
        else:
            # tqdm.auto in a notebook without ipywidgets prints "IProgress not found" and
            # falls back to text anyway: go straight to the text bar
            from tqdm.std import tqdm
        self._bar = tqdm(total=total, desc=desc, unit=unit, dynamic_ncols=True, delay=delay)
        self._base = 0
        self._n = 0

    def update_to(self, n: int) -> None:
        """Sets the position to ``base + n`` (``n`` counts within the current chunk)."""
        target = self._base + int(n)
        if target > self._n:
            self._bar.update(target - self._n)
            self._n = target

    def add(self, n: int) -> None:
        """Moves the base by ``n`` finished items (end of a chunk)."""
        self._base += int(n)
        self.update_to(0)

    def close(self) -> None:
        self._bar.close()


def make_bar(progress: Optional[bool], *, total: Optional[int], size_bytes: Optional[int],
             desc: str = "gazetta", unit: str = "doc") -> Any:
    """Returns an object with ``update_to(n)``, ``add(n)`` and ``close()``.

    Examples
    --------
    >>> bar = make_bar(False, total=10, size_bytes=100)
    >>> bar.update_to(5); bar.close()
    """
    if progress is False:
        return _NoBar()
    if progress is None:
        try:
            import tqdm  # noqa: F401
        except ImportError:
            return _NoBar()
        return _Bar(total, desc, unit, delay=AUTO_DELAY_SECONDS)
    if progress is True:
        try:
            return _Bar(total, desc, unit)
        except ImportError as e:  # pragma: no cover - depends on environment
            raise ImportError("progress=True needs tqdm: pip install tqdm") from e
    raise ValueError(f"progress must be True, False or None, not {progress!r}")
