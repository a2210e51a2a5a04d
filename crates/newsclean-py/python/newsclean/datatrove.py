"""A datatrove pipeline step: ``NewsCleanFormatter`` cleans ``doc.text`` with newsclean.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from newsclean.datatrove import NewsCleanFormatter
>>> LocalPipelineExecutor(pipeline=[
...     JsonlReader("pages/"), NewsCleanFormatter(), JsonlWriter("clean/"),
... ]).run()  # doctest: +SKIP

Each document's text becomes what ``newsclean clean --jsonl`` writes into a record (the final
newline kept only when the text had one) and ``doc.metadata["newsclean"]`` gets the stats
``--annotate`` writes: ``{"changed": bool, "edits": int, "rules": {rule: count}}``.
"""

from __future__ import annotations

from typing import Any, List, Optional, Sequence

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.formatters.base import BaseFormatter

from . import Cleaner, DecodeError

__all__ = ["NewsCleanFormatter"]


class NewsCleanFormatter(BaseFormatter):
    """Clean ``doc.text`` with newsclean and record what changed in ``doc.metadata``.

    Args:
        profile: a built-in profile for every page (None: the CJK profile, and
            ``en-newspaper`` for a page detected as Latin script).
        rules: YAML rule files applied over the profile, in order.
        metadata_key: where the stats go in ``doc.metadata`` (None: recorded nowhere).
        batch_size: documents cleaned together by ``Cleaner.clean_many``.
        jobs: threads per batch (datatrove already runs one task per worker, so 1 by default).

    A document the cleaner refuses (text holding NUL bytes is taken for binary data) keeps its
    text; its metadata gets ``{"error": message}`` and the ``newsclean_error`` stat counts it,
    as ``clean --jsonl`` passes a bad record through.
    """

    name = "📰 newsclean"

    def __init__(
        self,
        profile: Optional[str] = None,
        rules: Sequence[str] = (),
        metadata_key: Optional[str] = "newsclean",
        batch_size: int = 64,
        jobs: Optional[int] = 1,
    ):
        super().__init__()
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.profile = profile
        self.rules = list(rules)
        self.metadata_key = metadata_key
        self.batch_size = batch_size
        self.jobs = jobs
        # Built now, so a bad profile or rule file fails in the driver, not later in a worker
        # (a Cleaner pickles as its settings and is rebuilt in each worker).
        self.cleaner = Cleaner(self.profile, self.rules)

    def format(self, text: str) -> str:
        """The clean text of one document, as ``clean --jsonl`` writes it."""
        return self.cleaner.clean(text).for_record(text)[0]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        batch: List[Document] = []
        for doc in data:
            self.stat_update("total")
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._clean_batch(batch)
                batch = []
        if batch:
            yield from self._clean_batch(batch)

    def _clean_batch(self, docs: List[Document]) -> List[Document]:
        cleaner = self.cleaner
        with self.track_time(unit="batch"):
            try:
                results: List[Any] = cleaner.clean_many([d.text for d in docs], jobs=self.jobs)
            except DecodeError:
                results = []
                for d in docs:
                    try:
                        results.append(cleaner.clean(d.text))
                    except DecodeError as e:
                        results.append(e)
            for doc, result in zip(docs, results):
                if isinstance(result, DecodeError):
                    self.stat_update("newsclean_error")
                    if self.metadata_key is not None:
                        doc.metadata[self.metadata_key] = {"error": str(result)}
                    continue
                text, stats = result.for_record(doc.text)
                doc.text = text
                if stats["changed"]:
                    self.stat_update("newsclean_changed")
                if self.metadata_key is not None:
                    doc.metadata[self.metadata_key] = stats
        return docs
