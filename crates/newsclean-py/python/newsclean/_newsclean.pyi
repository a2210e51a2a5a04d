"""Type stub of newsclean's native module (PyO3). Import from ``newsclean``."""

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union, final

__all__ = [
    "Cleaner",
    "Cleaned",
    "Block",
    "Edit",
    "RuleError",
    "DecodeError",
    "DEFAULT_PROFILE",
    "LATIN_PROFILE",
    "SCHEMA",
]

DEFAULT_PROFILE: str
"""The built-in default profile (Chinese newspapers)."""
LATIN_PROFILE: str
"""The profile a page detected as Latin script gets when no profile is named."""
SCHEMA: str
"""The schema id of ``Cleaned.to_dict()``: ``"newsclean/1"`` (docs/json.md)."""

class RuleError(ValueError):
    """A rule file or profile could not be used.

    ``file``, ``line``, ``column`` (1-based, column in characters) say where in a rule file;
    they are None for an unknown profile. ``rule`` names the rule at fault, when one is.
    """

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    rule: Optional[str]

class DecodeError(ValueError):
    """Bytes that are not text (binary data), or an unknown ``encoding`` name."""

@final
class Block:
    """One block of the clean page."""

    kind: str
    """``headline``, ``subtitle``, ``byline``, ``body``, ``caption`` or ``unknown``."""
    rule: Optional[str]
    """The rule that decided the kind, or None."""
    start: int
    """Byte offset of the start in the UTF-8 clean text."""
    end: int
    """Byte offset of the end in the UTF-8 clean text."""
    text: str

@final
class Edit:
    """One edit of the log, positioned in the decoded input."""

    rule: str
    batch: int
    """Batches are applied in order; a later batch's ``before`` may hold an earlier batch's text."""
    before: str
    after: str
    note: Optional[str]
    """The evidence the pass gave, or None."""
    line: int
    """1-based line of the decoded input where ``before`` starts."""
    column: int
    """1-based column there, in characters."""
    start: int
    """Byte offset of the start in the UTF-8 decoded input."""
    end: int
    """Byte offset of the end in the UTF-8 decoded input."""

@final
class Cleaned:
    """A cleaned page. Its views (blocks, edits, dicts, diffs) are built when asked for."""

    @property
    def text(self) -> str:
        """The clean text: one block per line, ``\\n`` after the last."""
    @property
    def input(self) -> str:
        """The decoded input, before any pass ran."""
    @property
    def changed(self) -> bool:
        """True when the clean text differs from the input (a final newline added counts)."""
    @property
    def name(self) -> str:
        """The name given to ``clean`` (``-`` by default)."""
    @property
    def blocks(self) -> List[Block]: ...
    @property
    def edits(self) -> List[Edit]: ...
    @property
    def rule_counts(self) -> Dict[str, int]:
        """Number of edits per rule id, sorted by id."""
    @property
    def warnings(self) -> List[str]:
        """Warnings for a reviewer: the decoder's, then the passes'."""
    @property
    def meta(self) -> Dict[str, Any]:
        """``{"script": ..., "facts": {"date": ..., "issue": ..., "page_label": ...}, "warnings": [...]}``."""
    @property
    def decode(self) -> Dict[str, Any]:
        """How the bytes became text: ``encoding``, ``detected_by``, ``evidence``, ``confident``, repairs."""
    def diff(self, style: str = "unified", *, color: bool = False, width: int = 120, context: int = 1) -> str:
        """The diff as ``newsclean clean --diff[=side|rules]`` prints it.

        ``style`` is ``"unified"``, ``"side"`` (side by side in ``width`` columns, CJK counting
        two) or ``"rules"`` (edits and characters removed/inserted per rule). Empty for an
        unchanged page (except ``"rules"``).
        """
    def explain(self, *, color: bool = False) -> str:
        """Every edit, one a line, as ``newsclean explain`` prints it."""
    def for_record(self, original: str) -> Tuple[str, Dict[str, Any]]:
        """The text and stats of a record whose field held ``original``, as ``clean --jsonl``
        writes them: the final ``\\n`` is kept only when ``original`` ended in one; the stats
        are ``--annotate``'s ``{"changed": bool, "edits": int, "rules": {rule: count}}``."""
    def to_json(self) -> str:
        """The page's report, the line ``newsclean clean --format json`` prints (no newline)."""
    def to_dict(self) -> Dict[str, Any]:
        """The CLI's JSON report as a dict, field for field (schema ``newsclean/1``, docs/json.md)."""

@final
class Cleaner:
    """A reusable cleaner: the rules are compiled once; one cleaner may be shared by threads.

    ``profile`` names a built-in profile used for every page (None: the CJK profile, and
    ``en-newspaper`` for a page detected as Latin script); ``rules`` are YAML rule files
    applied over it, in order; ``batch_evidence`` lets ``clean_many`` weigh the words of the
    whole batch where a page is silent (``to-``/``day``), as ``--batch-evidence`` does;
    ``encoding`` forces the encoding of bytes.

    Raises :class:`RuleError`, :class:`DecodeError` (unknown encoding) or ``OSError``.
    """

    def __new__(
        cls,
        profile: Optional[str] = None,
        rules: Sequence[Union[str, "os.PathLike[str]"]] = (),
        batch_evidence: bool = False,
        encoding: Optional[str] = None,
    ) -> "Cleaner": ...
    def clean(self, text: Union[str, bytes, bytearray], *, name: str = "-") -> Cleaned:
        """Clean one page (``str``, or bytes to decode). Releases the GIL while cleaning."""
    def clean_many(
        self,
        texts: Iterable[Union[str, bytes, bytearray]],
        jobs: Optional[int] = None,
        survey: bool = False,
    ) -> List[Cleaned]:
        """Clean many pages in parallel on ``jobs`` threads (None: one per core) with the GIL
        released. Results are in input order. A text that cannot be cleaned raises, naming
        its index (``texts[3]: ...``). ``survey=True``: the texts are pages of one paper,
        surveyed first as ``newsclean clean DIR`` surveys a folder, so a short line repeating
        near the top or bottom of their pages is furniture (``layout.furniture.repeated``)."""
    @property
    def profile(self) -> Optional[str]: ...
    @property
    def rules(self) -> List[str]: ...
    @property
    def batch_evidence(self) -> bool: ...
    @property
    def pass_ids(self) -> List[str]:
        """The ids of the passes run on a page of the main profile, in order."""
