"""The datatrove step and the `datasets` recipe over a JSON Lines file of the seed pages: the
output equals `newsclean clean --jsonl --annotate` record for record."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import newsclean
from conftest import ROOT, cli_jsonl, seed_records


def test_cleaner_pickles_as_its_settings(tmp_path):
    c = newsclean.Cleaner("zh-pangu", [], True)
    back = pickle.loads(pickle.dumps(c))
    assert (back.profile, back.rules, back.batch_evidence) == ("zh-pangu", [], True)
    assert back.clean("中文 abc 文字\n").text == c.clean("中文 abc 文字\n").text


def test_datatrove_step_equals_the_cli(cli, seed_jsonl, tmp_path):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsclean.datatrove import NewsCleanFormatter

    out = tmp_path / "clean"
    step = NewsCleanFormatter(batch_size=4)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(seed_jsonl.parent)),
            step,
            JsonlWriter(str(out), output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    docs = [json.loads(line) for line in (out / "00000.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = cli_jsonl(cli, seed_jsonl)
    assert [d["id"] for d in docs] == [r["id"] for r in seed_records()]
    for d in docs:
        assert d["text"] == expected[d["id"]]["text"], d["id"]
        assert d["metadata"]["newsclean"] == expected[d["id"]]["newsclean"], d["id"]
        assert d["metadata"]["source"] == "seeds" or d["id"] == "short"


def test_datatrove_format_and_bad_documents():
    from datatrove.data import Document

    from newsclean.datatrove import NewsCleanFormatter

    step = NewsCleanFormatter(batch_size=2)
    assert step.format("党建强,则根基稳") == "党建强，则根基稳"
    docs = [Document(text="党建强,则根基稳", id="a"), Document(text="NUL\x00\x00\x00", id="b"), Document(text="正文", id="c")]
    got = list(step.run(iter(docs)))
    assert [d.text for d in got] == ["党建强，则根基稳", "NUL\x00\x00\x00", "正文"]
    assert got[1].metadata["newsclean"]["error"].startswith("binary data, not text")
    assert got[2].metadata["newsclean"] == {"changed": False, "edits": 0, "rules": {}}
    with pytest.raises(newsclean.RuleError):
        NewsCleanFormatter(profile="nope")
