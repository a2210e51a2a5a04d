"""The typed API: clean, Cleaner, Cleaned and its views, checked against the CLI's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from conftest import ROOT, run_cli

RAW = '他说:"好的,明天见!"\n'


def test_clean_str_returns_text_edits_and_counts():
    c = newsclean.clean(RAW)
    assert c.text == "他说：“好的，明天见！”\n"
    assert c.changed is True
    assert c.input == RAW
    assert c.rule_counts == {
        "zh.colon-fullwidth": 1,
        "zh.comma-fullwidth": 1,
        "zh.exclamation-fullwidth": 1,
        "zh.quote-double": 2,
    }
    edits = c.edits
    assert [(e.rule, e.before, e.after, e.line, e.column) for e in edits[:3]] == [
        ("zh.quote-double", '"', "“", 1, 4),
        ("zh.quote-double", '"', "”", 1, 12),
        ("zh.comma-fullwidth", ",", "，", 1, 7),
    ]
    for e in edits:
        # Each edit's source span is its `before` in the decoded input (byte offsets).
        assert RAW.encode()[e.start : e.end].decode() == e.before
        assert e.note is None and e.batch >= 0
    assert isinstance(c.blocks[0], newsclean.Block)
    assert "".join(b.text + "\n" for b in c.blocks) == c.text


def test_layout_repair_joins_wrapped_lines_of_a_page(seeds):
    raw = seeds[0].read_text(encoding="utf-8")
    c = newsclean.clean(raw)
    assert "党建强，则根基稳；根基稳，则社会兴。如何为打造中国式现代化的金平湖璀璨明珠提" in c.text
    assert c.rule_counts["layout.paragraphs.join-cjk"] > 100
    joins = [e for e in c.edits if e.rule == "layout.paragraphs.join-cjk"]
    assert all(e.before == "\n" and e.after == "" for e in joins)
    assert all(raw.encode()[e.start : e.end] == b"\n" for e in joins if e.batch == joins[0].batch)


def test_unchanged_text_has_no_edits():
    c = newsclean.clean("正文\n")
    assert c.changed is False
    assert c.edits == [] and c.rule_counts == {}
    assert c.diff() == ""


def test_blocks_meta_and_decode_of_a_seed(seeds):
    c = newsclean.clean(seeds[0].read_text(encoding="utf-8"))
    kinds = {b.kind for b in c.blocks}
    assert {"headline", "body", "byline"} <= kinds
    for b in c.blocks:
        assert c.text.encode()[b.start : b.end].decode() == b.text
    assert c.meta["script"] == "cjk"
    assert set(c.meta) == {"script", "facts", "warnings"}
    assert c.decode["encoding"] == "UTF-8" and c.decode["detected_by"] == "valid-utf8"
    assert c.warnings == c.decode["warnings"] + c.meta["warnings"]


@pytest.mark.parametrize("index", range(5))
def test_to_dict_is_the_cli_json_field_for_field(cli, seeds, index):
    raw = seeds[index].read_bytes()
    line = run_cli(cli, "clean", "--format", "json", "--no-config", "-", stdin=raw)
    c = newsclean.Cleaner().clean(raw)
    assert c.to_json() + "\n" == line.decode("utf-8")
    assert c.to_dict() == json.loads(line)
    assert c.to_dict()["schema"] == newsclean.SCHEMA == "newsclean/1"
    # The typed views are the same data.
    d = c.to_dict()
    assert d["text"] == c.text and d["changed"] == c.changed and d["rule_counts"] == c.rule_counts
    assert d["meta"] == c.meta and d["decode"] == c.decode
    assert [(b["kind"], b["text"]) for b in d["blocks"]] == [(b.kind, b.text) for b in c.blocks]
    assert [
        (e["rule"], e["batch"], e["before"], e["after"], e.get("note"), e["source"]["line"], e["source"]["column"])
        for e in d["edits"]
    ] == [(e.rule, e.batch, e.before, e.after, e.note, e.line, e.column) for e in c.edits]


@pytest.mark.parametrize("style", ["unified", "side", "rules"])
def test_diff_is_the_cli_diff(cli, seeds, style):
    name = f"seeds/{seeds[4].name}"
    expected = run_cli(cli, "clean", name, f"--diff={style}", "--color", "never", "--no-config", env={"COLUMNS": "90"})
    c = newsclean.Cleaner().clean(seeds[4].read_bytes(), name=name)
    assert c.diff(style, width=90) == expected.decode("utf-8")
    assert c.diff(style, width=90).startswith("--- a/seeds/" if style != "rules" else "seeds/")


def test_explain_is_the_cli_explain(cli, seeds):
    name = f"seeds/{seeds[4].name}"
    expected = run_cli(cli, "explain", name, "--color", "never", "--no-config")
    c = newsclean.Cleaner().clean(seeds[4].read_bytes(), name=name)
    assert c.explain() == expected.decode("utf-8")
    assert c.explain().splitlines()[0] == f"{name}: {len(c.edits)} edits by {len(c.rule_counts)} rules"


def test_diff_style_is_checked():
    with pytest.raises(ValueError, match='unknown diff style "wide"'):
        newsclean.clean(RAW).diff("wide")


@pytest.mark.parametrize("codec", ["gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_bytes_in_other_encodings_decode_to_the_same_clean_text(seeds, codec):
    text = seeds[1].read_text(encoding="utf-8")
    expected = newsclean.clean(text)
    c = newsclean.clean(text.encode(codec))
    assert c.text == expected.text
    # A byte-order mark is dropped as an edit of its own (decode.bom), like every change
    # decoding makes; the rest of the log is the same.
    bom = {"decode.bom": 1} if codec in ("utf-16", "utf-8-sig") else {}
    assert c.rule_counts == {**expected.rule_counts, **bom}
    assert c.changed  # the bytes were not UTF-8 (or had a BOM)
    # encoding_rs names what chardetng found: GBK, whose decoder reads GB18030.
    encoding = {"gb18030": "GBK", "utf-16-be": "UTF-16BE", "utf-8-sig": "UTF-8"}.get(codec, "UTF-16LE")
    assert c.decode["encoding"] == encoding, c.decode


def test_gb18030_bytes_match_the_cli(cli, seeds):
    raw = seeds[2].read_text(encoding="utf-8").encode("gb18030")
    line = run_cli(cli, "clean", "--format", "json", "--no-config", "-", stdin=raw)
    assert newsclean.clean(raw).to_dict() == json.loads(line)


def test_forced_encoding():
    raw = "党建强,则根基稳\n".encode("gb18030")
    c = newsclean.clean(raw, encoding="gb18030")
    assert c.text == "党建强，则根基稳\n"
    assert c.decode["detected_by"] == "forced"
    with pytest.raises(ValueError, match="encoding= is for bytes"):
        newsclean.clean("文字", encoding="gb18030")


def test_profiles_and_rule_files(tmp_path):
    body = "据统计，全市共有 120 家企业参与了这次活动，其中 Apple 公司也派出了代表。\n"
    assert newsclean.clean(body, profile="zh-pangu").text == body
    assert newsclean.clean(body).text == "据统计，全市共有120家企业参与了这次活动，其中Apple公司也派出了代表。\n"
    rules = tmp_path / "my.yaml"
    rules.write_text(
        "rules:\n"
        "  - id: my.dash\n"
        "    title: A double hyphen between CJK characters becomes ——\n"
        "    why: test\n"
        "    regex:\n"
        "      find: '({{cjk}})--({{cjk}})'\n"
        "      replace: '$1——$2'\n",
        encoding="utf-8",
    )
    c = newsclean.clean("中文--测试\n", rules=[rules])
    assert c.text == "中文——测试\n"
    assert c.rule_counts == {"my.dash": 1}
    cleaner = newsclean.Cleaner(rules=[str(rules)])
    assert cleaner.rules == [str(rules)]
    assert cleaner.clean("中文--测试\n").text == "中文——测试\n"
    assert newsclean.Cleaner().clean("中文--测试\n").text == "中文--测试\n"


def test_latin_page_gets_the_latin_profile_unless_one_is_named():
    page = "He said \"yes\" and  left.\n"
    assert newsclean.clean(page).text == "He said “yes” and left.\n"
    assert newsclean.clean(page, profile="zh-newspaper").text != "He said “yes” and left.\n"


def test_cleaner_properties():
    c = newsclean.Cleaner("zh-pangu", batch_evidence=True)
    assert c.profile == "zh-pangu" and c.batch_evidence is True
    assert "layout.furniture" in " ".join(c.pass_ids) or len(c.pass_ids) > 5
    assert repr(c).startswith("Cleaner(profile=\"zh-pangu\"")
    assert repr(newsclean.clean(RAW)).startswith("Cleaned(changed=True, edits=")


def test_clean_many_keeps_input_order_and_equals_clean(seeds):
    texts = [p.read_text(encoding="utf-8") for p in seeds] * 3 + [RAW, b"\xef\xbb\xbf" + RAW.encode()]
    cleaner = newsclean.Cleaner()
    one_by_one = [cleaner.clean(t).to_json() for t in texts]
    for jobs in (None, 1, 2, 3):
        assert [c.to_json() for c in cleaner.clean_many(texts, jobs=jobs)] == one_by_one
    # Any iterable will do; an empty one gives an empty list.
    assert [c.text for c in cleaner.clean_many(iter([RAW]))] == ["他说：“好的，明天见！”\n"]
    assert cleaner.clean_many([]) == []


def test_batch_evidence_equals_the_cli(cli, tmp_path, seeds):
    folder = tmp_path / "batch"
    folder.mkdir()
    for p in seeds:
        (folder / p.name).write_bytes(p.read_bytes())
    out = run_cli(cli, "clean", str(folder), "--batch-evidence", "--format", "json", "--no-config", "-j1")
    expected = {Path(d["file"]).name: d["text"] for d in map(json.loads, out.decode().splitlines())}
    cleaned = newsclean.Cleaner(batch_evidence=True).clean_many([p.read_bytes() for p in seeds])
    assert [c.text for c in cleaned] == [expected[p.name] for p in seeds]


def test_for_record_is_the_jsonl_record(cli, seed_jsonl):
    from conftest import cli_jsonl, seed_records

    expected = cli_jsonl(cli, seed_jsonl)
    cleaner = newsclean.Cleaner()
    for r in seed_records():
        text, stats = cleaner.clean(r["text"]).for_record(r["text"])
        assert text == expected[r["id"]]["text"], r["id"]
        assert stats == expected[r["id"]]["newsclean"], r["id"]


def _paper_page(n):
    """A page of the paper 桐屿晚报: its name at the top, hard-wrapped text different on every
    page, a footer whose issue number varies (as tests/survey.rs makes them)."""
    pool = "春夏秋冬东南西北上下左右前后天地人和山水日月风云江河湖海"

    def body(m):
        lines = []
        for k in range(16):
            line = "".join(pool[((m * 1000 + k * 50 + j) * 2654435761 >> 7) % len(pool)] for j in range(14))
            lines.append(line + ("。" if k % 4 == 3 else ""))
        return "\n".join(lines) + "\n"

    return f"桐屿晚报\n\n{body(n)}\n{body(n + 50)}\n桐屿晚报社出品 第{300 + n}期\n"


def test_clean_many_survey_equals_the_cli_folder_run(cli, tmp_path):
    pages = [_paper_page(n) for n in range(5)]
    folder = tmp_path / "paper"
    folder.mkdir()
    for n, text in enumerate(pages):
        (folder / f"p{n}.txt").write_text(text, encoding="utf-8")
    out = run_cli(cli, "clean", str(folder), "--format", "json", "--no-config", "-j1")
    expected = {Path(d["file"]).name: d["text"] for d in map(json.loads, out.decode().splitlines())}
    cleaner = newsclean.Cleaner()
    # A copy of a page is no evidence: the survey counts each distinct text once.
    surveyed = cleaner.clean_many(pages + pages[:1], jobs=2, survey=True)
    assert [c.text for c in surveyed[:5]] == [expected[f"p{n}.txt"] for n in range(5)]
    assert surveyed[5].text == surveyed[0].text
    assert all("桐屿晚报" not in c.text and "。" in c.text for c in surveyed)
    assert all(c.rule_counts.get("layout.furniture.repeated") == 2 for c in surveyed)
    # Off by default (a batch of a mixed corpus is no paper): each page's own evidence only.
    plain = cleaner.clean_many(pages)
    assert [c.text for c in plain] == [cleaner.clean(t).text for t in pages]
    assert all(c.text.startswith("桐屿晚报\n") for c in plain)
