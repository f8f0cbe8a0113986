"""Type stubs for the private Rust extension ``gazetta._core``.

The public API is the Python package (``gazetta.Matcher``, ``gazetta.cooccurrence``, ...);
these thin, columnar classes are its implementation.
"""

from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__version__: str
FORMAT_VERSION: int
#: Longest alias, ignore phrase or context-rule phrase accepted, in characters.
MAX_ALIAS_CHARS: int

def parse_alias(text: str) -> Tuple[str, bool]:
    """(literal, is_glob); raises ValueError with the reason for an invalid alias."""

def default_threads() -> int: ...
def context_constants() -> Tuple[List[str], List[str], float, List[str], int]: ...
def release_free_memory() -> None: ...
def _reset_after_fork() -> None: ...
def sentences(text: str, paragraphs: str = "auto") -> List[Tuple[int, int]]: ...
def paragraphs(text: str, mode: str = "auto") -> List[Tuple[int, int]]: ...
def paragraph_layout(text: str) -> Tuple[str, int, int, int, bool]: ...
def tokens(text: str) -> List[Tuple[int, int]]: ...
def arrow_invalid_utf8(obj: Any) -> List[int]: ...
def arrow_len(obj: Any) -> int: ...

class Matcher:
    def __init__(
        self,
        ids: Sequence[str],
        names: Sequence[str],
        kinds: Sequence[str],
        alias_texts: Sequence[str],
        alias_entity: Sequence[int],
        alias_case: Sequence[Optional[str]],
        alias_fold: Sequence[Optional[bool]],
        ignore: Sequence[str],
        case: str,
        fold_accents: bool,
        overlaps: str,
        ambiguous: str,
        extra: str = "",
        gate_min_patterns: Optional[int] = None,
        capitalized_runs: str = "companies",
        parents: Sequence[int] = (),
        priors: Sequence[float] = (),
        entity_rules: Sequence[Tuple[Sequence[int], Sequence[str], Sequence[str], Sequence[str]]] = (),
        alias_rules: Sequence[Tuple[int, Sequence[str], Sequence[str], Sequence[str]]] = (),
        prior_ratio: Optional[float] = None,
    ) -> None: ...
    @staticmethod
    def from_bytes(data: bytes) -> "Matcher": ...
    def to_bytes(self) -> bytes: ...
    def entity_tables(self) -> Dict[str, Any]: ...
    def id_ranks(self) -> Any: ...  # numpy uint32 array: position of each id in string order
    def alias_texts(self, indices: Sequence[int]) -> List[str]: ...
    def alias_inputs(self) -> List[Tuple[str, int, Optional[str], Optional[bool]]]: ...
    @property
    def extra(self) -> str: ...
    @property
    def heap_bytes(self) -> int: ...
    @property
    def pattern_count(self) -> int: ...
    @property
    def options(self) -> Dict[str, Any]: ...
    def find(self, text: Optional[str]) -> List[Tuple[int, int, int, int, bool, int]]: ...
    def level_map(self, kind: str) -> npt.NDArray[np.int64]: ...
    def hierarchy_inputs(self) -> Tuple[List[int], List[float]]: ...
    def rule_inputs(
        self,
    ) -> Tuple[
        List[Tuple[List[int], List[str], List[str], List[str]]], List[Tuple[int, List[str], List[str], List[str]]]
    ]: ...
    def mentions(
        self,
        texts: List[Any],
        doc_offset: int = 0,
        n_threads: Optional[int] = None,
        progress: Optional[Callable[[int], None]] = None,
        units: Optional[str] = None,
    ) -> Dict[str, Any]: ...
    def mentions_arrow(
        self,
        texts: Any,
        doc_offset: int = 0,
        n_threads: Optional[int] = None,
        progress: Any = None,
        units: Optional[str] = None,
    ) -> Dict[str, Any]: ...

class Counter:
    def __init__(self, matcher: Matcher, unit: str, paragraphs: str, window: Optional[int], count: str,
                 keep_evidence: int = 0, level: Optional[str] = None) -> None: ...
    def evidence_docs(self) -> List[int]: ...
    def add(
        self,
        texts: List[Any],
        groups: npt.NDArray[np.uint32],
        doc_offset: int = 0,
        n_threads: Optional[int] = None,
        progress: Optional[Callable[[int], None]] = None,
    ) -> int: ...
    def add_arrow(
        self,
        texts: Any,
        groups: npt.NDArray[np.uint32],
        doc_offset: int = 0,
        n_threads: Optional[int] = None,
        progress: Any = None,
    ) -> int: ...
    @property
    def pair_count(self) -> int: ...
    def finish(self) -> Dict[str, Any]: ...

class Deduper:
    def __init__(self, mode: str, threshold: float = 0.9, shingle: int = 5, num_perm: int = 128,
                 bands: Optional[int] = None, seed: int = 1) -> None: ...
    def add(
        self,
        texts: List[Any],
        doc_offset: int = 0,
        n_threads: Optional[int] = None,
        progress: Optional[Callable[[int], None]] = None,
    ) -> Tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64], npt.NDArray[np.uint8]]: ...
    def add_arrow(self, *args: Any, **kwargs: Any) -> Tuple[npt.NDArray[np.uint64], npt.NDArray[np.float64], npt.NDArray[np.uint8]]: ...
    @property
    def docs(self) -> int: ...
    @property
    def clusters(self) -> int: ...
    @property
    def folded(self) -> int: ...
    @property
    def bands(self) -> int: ...
    @property
    def rows(self) -> int: ...
    @property
    def heap_bytes(self) -> int: ...
