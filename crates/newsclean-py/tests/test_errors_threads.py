"""Exceptions (all ValueError subclasses where the input is at fault, never a Rust panic) and
thread safety (one Cleaner shared by 8 threads gives what one thread gives)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import newsclean


def test_exception_classes():
    assert issubclass(newsclean.RuleError, ValueError)
    assert issubclass(newsclean.DecodeError, ValueError)
    assert newsclean.RuleError.__module__ == "newsclean"


def test_bad_rule_file_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: my.broken\n    title: t\n    why: w\n    regex:\n      find: '(unclosed'\n      replace: x\n", encoding="utf-8")
    with pytest.raises(newsclean.RuleError) as info:
        newsclean.Cleaner(rules=[bad])
    e = info.value
    assert e.file == str(bad)
    assert isinstance(e.line, int) and isinstance(e.column, int) and e.line >= 2
    assert str(e).startswith(f"{bad}:{e.line}:{e.column}: rule my.broken: ")
    assert e.rule == "my.broken"


def test_unparsable_rule_file(tmp_path):
    bad = tmp_path / "typo.yaml"
    bad.write_text("rules:\n  - id: x\n    tilte: t\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        newsclean.clean("文字", rules=[bad])
    assert isinstance(info.value, newsclean.RuleError)
    assert str(info.value).startswith(f"{bad}:{info.value.line}:{info.value.column}: ")
    assert info.value.line == 3


def test_unknown_profile_and_missing_rule_file(tmp_path):
    with pytest.raises(newsclean.RuleError, match='unknown profile "nope"; built-in profiles: ') as info:
        newsclean.Cleaner("nope")
    assert info.value.file is None and info.value.line is None
    with pytest.raises(OSError, match="cannot read the rule file"):
        newsclean.Cleaner(rules=[tmp_path / "missing.yaml"])


def test_binary_bytes_and_unknown_encoding_are_decode_errors():
    with pytest.raises(newsclean.DecodeError, match=r"binary data, not text .*pass encoding=\"NAME\""):
        newsclean.clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(newsclean.DecodeError, match='unknown encoding "klingon"'):
        newsclean.clean(b"abc", encoding="klingon")
    with pytest.raises(ValueError):
        newsclean.Cleaner(encoding="klingon")


def test_bad_arguments():
    cleaner = newsclean.Cleaner()
    with pytest.raises(TypeError, match="expected str or bytes, got int"):
        cleaner.clean(42)
    with pytest.raises(TypeError, match="a list of texts, not one text"):
        cleaner.clean_many("文字")
    with pytest.raises(TypeError, match=r"texts\[1\]: expected str or bytes"):
        cleaner.clean_many(["a", None])
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        cleaner.clean_many(["a"], jobs=0)
    with pytest.raises(newsclean.DecodeError, match=r"^texts\[2\]: binary data"):
        cleaner.clean_many(["a", "b", "NUL\x00\x00\x00 inside"])
    with pytest.raises(TypeError):
        newsclean.Cleaner(rules="one.yaml")  # a str is not a list of files


def test_hostile_inputs_never_panic():
    cleaner = newsclean.Cleaner()
    texts = ["", "\n", "\r\n\r\n", "\ufeff", "\u200b" * 50, "一" * 10000, "a\u0301" * 100, "\ud7ff",
             "。\n" * 500, "■" * 3 + "\n\n\n" + "第1版" * 40, " \t \n" * 100]
    for t in texts:
        c = cleaner.clean(t)
        assert isinstance(c.text, str)
        c.diff(), c.explain(), c.to_dict()
    assert len(cleaner.clean_many(texts, jobs=2)) == len(texts)
    with pytest.raises(UnicodeEncodeError):
        cleaner.clean("\ud800")  # a lone surrogate is no text; Python says so before newsclean runs


def test_one_cleaner_shared_by_8_threads_gives_the_same_results(seeds):
    texts = [p.read_text(encoding="utf-8") for p in seeds] + [p.read_bytes() for p in seeds]
    cleaner = newsclean.Cleaner()
    expected = [cleaner.clean(t).to_json() for t in texts]
    start = threading.Barrier(8)

    def work(k: int):
        start.wait()
        out = []
        for i in range(len(texts)):
            j = (i + k) % len(texts)  # every thread in another order
            out.append((j, cleaner.clean(texts[j]).to_json()))
        many = [c.to_json() for c in cleaner.clean_many(texts, jobs=2)]
        return out, many

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    for out, many in results:
        for j, got in out:
            assert got == expected[j]
        assert many == expected


def test_cleaning_releases_the_gil(seeds):
    # While one thread cleans, another runs Python: the counter moves during the cleaning.
    cleaner = newsclean.Cleaner()
    texts = [p.read_text(encoding="utf-8") for p in seeds] * 20
    cleaner.clean(texts[0])  # load the dictionaries first
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        before = ticks
        cleaner.clean_many(texts, jobs=1)
        during = ticks - before
    finally:
        done.set()
        t.join()
    assert during > 1000, during
