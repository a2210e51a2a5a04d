"""docs/python.md is run with doctest (every output shown there is real), and its `datasets`
recipe is checked against `newsclean clean --jsonl --annotate`."""

from __future__ import annotations

import doctest
import io
import json
import os

import pytest

from conftest import ROOT, cli_jsonl, seed_records

DOC = ROOT / "docs" / "python.md"


@pytest.fixture(scope="module")
def doc_run(tmp_path_factory):
    """Run every example of docs/python.md from the repository root; keep its names."""
    cache = tmp_path_factory.mktemp("hf-cache")
    saved = {k: os.environ.get(k) for k in ("HF_DATASETS_CACHE", "HF_HUB_OFFLINE")}
    os.environ.update(HF_DATASETS_CACHE=str(cache), HF_HUB_OFFLINE="1")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        test = doctest.DocTestParser().get_doctest(DOC.read_text(encoding="utf-8"), {}, "python.md", str(DOC), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        report = io.StringIO()
        runner.run(test, out=report.write, clear_globs=False)
    finally:
        os.chdir(cwd)
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return runner, test, report.getvalue()


def test_every_example_of_the_doc_prints_what_it_shows(doc_run):
    runner, test, report = doc_run
    assert len(test.examples) > 40
    assert runner.failures == 0, report


def test_the_doc_datasets_recipe_equals_the_cli(cli, doc_run, seed_jsonl, tmp_path, monkeypatch):
    import datasets

    _, test, _ = doc_run
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    # The doc's own run, over the seed pages it wrote.
    work = test.globs["work"]
    expected = cli_jsonl(cli, work / "pages" / "pages.jsonl")
    for row in test.globs["ds"]:
        assert row["text"] == expected[row["id"]]["text"], row["id"]
    # The doc's function over the seed pages with and without their final newline.
    ds = datasets.load_dataset("json", data_files=str(seed_jsonl), split="train")
    ds = ds.map(test.globs["clean_batch"], batched=True, batch_size=4)
    expected = cli_jsonl(cli, seed_jsonl)
    assert ds.num_rows == len(seed_records())
    for row in ds:
        want = expected[row["id"]]
        assert row["text"] == want["text"], row["id"]
        assert row["newsclean_changed"] == want["newsclean"]["changed"], row["id"]
        assert row["newsclean_edits"] == want["newsclean"]["edits"], row["id"]
        assert json.loads(row["newsclean_rules"]) == want["newsclean"]["rules"], row["id"]


def test_the_readme_python_section_prints_what_it_shows(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Python: datatrove")
    section = readme[start : readme.index("\n## ", start + 1)]
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(section, {}, "README.md", str(ROOT / "README.md"), 0)
    assert len(test.examples) >= 4
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report = io.StringIO()
    runner.run(test, out=report.write)
    assert runner.failures == 0, report.getvalue()


def test_the_package_docstrings_print_what_they_show():
    import newsclean
    import newsclean.datatrove

    for module in (newsclean, newsclean.datatrove):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
    assert doctest.testmod(newsclean).attempted >= 1
