"""newsclean: clean raw newspaper page text (OCR, PDF extraction) into faithful text.

Every change is an edit with the rule that made it. The cleaning is newsclean's Rust code,
the same as the ``newsclean`` command's: ``Cleaned.to_dict()`` is the object that
``newsclean clean --format json`` prints, ``Cleaned.diff()`` and ``Cleaned.explain()`` print
what ``--diff`` and ``newsclean explain`` print.

>>> import newsclean
>>> newsclean.clean("党建强,则根基稳\\n").text
'党建强，则根基稳\\n'

For many texts, build one :class:`Cleaner` (the rules are compiled once) and call
:meth:`Cleaner.clean_many`, which cleans in parallel with the GIL released.
"""

from __future__ import annotations

import os
import threading
from typing import Iterable, Optional, Sequence, Union

from ._newsclean import (
    DEFAULT_PROFILE,
    LATIN_PROFILE,
    SCHEMA,
    Block,
    Cleaned,
    Cleaner,
    DecodeError,
    Edit,
    RuleError,
)

__all__ = [
    "DEFAULT_PROFILE",
    "LATIN_PROFILE",
    "SCHEMA",
    "Block",
    "Cleaned",
    "Cleaner",
    "DecodeError",
    "Edit",
    "RuleError",
    "clean",
]

_default: Optional[Cleaner] = None
_default_lock = threading.Lock()


def _default_cleaner() -> Cleaner:
    global _default
    with _default_lock:
        if _default is None:
            _default = Cleaner()
        return _default


def clean(
    text: Union[str, bytes],
    *,
    profile: Optional[str] = None,
    rules: Optional[Sequence[Union[str, "os.PathLike[str]"]]] = None,
    encoding: Optional[str] = None,
    name: str = "-",
) -> Cleaned:
    """Clean one page and return a :class:`Cleaned`.

    ``text`` is a ``str`` (cleaned as its UTF-8 bytes, as the CLI cleans a UTF-8 file) or
    ``bytes`` in any encoding newsclean detects (UTF-8 with or without BOM, UTF-16 with or
    without BOM, GB18030/GBK, Big5, …); ``encoding`` forces one for bytes (a WHATWG label such
    as ``"gb18030"``). ``profile`` names a built-in profile used for every page (by default
    the CJK profile, and ``en-newspaper`` for a page detected as Latin script); ``rules`` are
    YAML rule files applied over it, in order. ``name`` is the file name shown by
    ``to_dict()``, ``diff()`` and ``explain()`` (``-``, as for standard input, by default).

    Raises :class:`RuleError` for a bad rule file or an unknown profile, :class:`DecodeError`
    for bytes that are not text or an unknown encoding (both are ``ValueError``), ``OSError``
    when a rule file cannot be read.

    Builds a :class:`Cleaner` per call unless every option is left out (one default cleaner is
    then shared); use a :class:`Cleaner` to clean many texts.
    """
    if profile is None and not rules and encoding is None:
        cleaner = _default_cleaner()
    else:
        cleaner = Cleaner(profile, list(rules or ()), encoding=encoding)
    return cleaner.clean(text, name=name)


