//! End-to-end tests of `newsclean clean` (issue 2's "Done when", and the flags).

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use common::*;

#[test]
fn out_dir_writes_the_five_seeds_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("OUT");
    let o = run(tmp.path(), &["clean", seeds_dir().to_str().unwrap(), "--out-dir", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let written = walk_files(&out);
    assert_eq!(written.len(), 5, "{written:?}");
    for (name, bytes) in seeds() {
        let got = fs::read_to_string(out.join(&name)).unwrap();
        assert_eq!(got, expected_clean(&bytes), "{name}");
        assert_ne!(got.as_bytes(), bytes.as_slice(), "{name} was cleaned");
    }
    assert!(o.stdout.is_empty(), "nothing on stdout with --out-dir");
    assert!(stderr(&o).contains("5 files, 5 changed, 0 failed"), "{}", stderr(&o));
}

#[test]
fn out_dir_mirrors_the_input_tree() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    copy_seeds(&input.join("2023/03"));
    fs::write(input.join("top.txt"), "正文\n").unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let rel: Vec<String> = walk_files(&tmp.path().join("out"))
        .iter()
        .map(|p| p.strip_prefix(tmp.path().join("out")).unwrap().display().to_string())
        .collect();
    assert_eq!(rel.len(), 6, "{rel:?}");
    assert!(rel.contains(&"top.txt".to_string()));
    assert!(rel.contains(&"2023/03/000_754509dbfb55a7fd.txt".to_string()));
}

#[test]
fn diff_shows_the_joined_lines() {
    let seed = seeds_dir().join("000_754509dbfb55a7fd.txt");
    let o = run(&seeds_dir(), &["clean", seed.to_str().unwrap(), "--diff"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let diff = stdout(&o);
    assert!(diff.starts_with("--- "), "{diff}");
    // Character-level marks ([-removed-], {+inserted+}, ⏎ for a line break) are unwrapped so
    // the lines read as the raw and clean text.
    let unmarked =
        diff.replace("[-", "").replace("-]", "").replace("{+", "").replace("+}", "").replace('⏎', "");
    let lines: Vec<&str> = unmarked.lines().collect();
    let removed: Vec<&str> =
        lines.iter().filter(|l| l.starts_with('-') && !l.starts_with("---")).map(|l| &l[1..]).collect();
    let added: Vec<&str> =
        lines.iter().filter(|l| l.starts_with('+') && !l.starts_with("+++")).map(|l| &l[1..]).collect();
    // Some added line holds the end of one removed line joined straight to the start of the next.
    let tail = |s: &str| {
        s.trim_end().chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect::<String>()
    };
    let head = |s: &str| s.trim_start().chars().take(2).collect::<String>();
    let joined = removed.windows(2).any(|w| {
        !w[0].trim().is_empty()
            && !w[1].trim().is_empty()
            && added.iter().any(|a| a.contains(&format!("{}{}", tail(w[0]), head(w[1]))))
    });
    assert!(joined, "no joined lines in the diff:\n{diff}");
}

#[test]
fn stdin_comma_between_cjk_becomes_fullwidth() {
    let o = run_stdin(Path::new("."), &["clean", "-"], "党建强,则根基稳\n".as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "党建强，则根基稳\n");
}

#[test]
fn stdin_quotes_and_punctuation_of_chinese_speech() {
    let o = run_stdin(Path::new("."), &["clean", "-"], "他说:\"好的,明天见!\"\n".as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "他说：“好的，明天见！”\n");
}

#[test]
fn latin_pages_get_the_english_profile_without_a_flag() {
    // en-newspaper replaces the ﬁ ligature; zh-newspaper has no such rule.
    let page =
        "The ﬁrst section of the\nline was opened by the\nGovernor on Monday last\nbefore a large crowd.\n";
    let o = run_stdin(Path::new("."), &["clean", "-"], page.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "The first section of the line was opened by the Governor on Monday last before a large crowd.\n"
    );
    let o = run_stdin(Path::new("."), &["clean", "--profile", "zh-newspaper", "-"], page.as_bytes());
    assert!(stdout(&o).contains("ﬁrst"), "a named profile is used as named: {}", stdout(&o));
}

/// Regression: a sentence naming a web address was removed whole as a contact line.
#[test]
fn stdin_latin_sentence_with_a_url_is_unchanged() {
    let line = "version 1.2, see http://a.b/c?d=1,2\n";
    let o = run_stdin(Path::new("."), &["clean", "-"], line.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), line);
}

#[test]
fn check_exits_1_on_seeds_and_0_on_their_clean_output() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["clean", "--check", seeds_dir().to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().filter(|l| l.starts_with("would change: ")).count(), 5);
    let o = run(tmp.path(), &["clean", seeds_dir().to_str().unwrap(), "--out-dir", "OUT"]);
    assert_eq!(code(&o), 0);
    let before: Vec<Vec<u8>> =
        walk_files(&tmp.path().join("OUT")).iter().map(|p| fs::read(p).unwrap()).collect();
    let o = run(tmp.path(), &["clean", "--check", "OUT"]);
    assert_eq!(code(&o), 0, "clean output is not stable: {}{}", stdout(&o), stderr(&o));
    let after: Vec<Vec<u8>> =
        walk_files(&tmp.path().join("OUT")).iter().map(|p| fs::read(p).unwrap()).collect();
    assert_eq!(before, after, "--check wrote nothing");
}

#[test]
fn a_binary_file_in_the_folder_is_one_error_line_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    copy_seeds(&input);
    fs::write(input.join("photo.png"), PNG).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("in/photo.png") && errors[0].contains("binary"), "{errors:?}");
    let written = walk_files(&tmp.path().join("out"));
    assert_eq!(written.len(), 5, "the five seeds are written: {written:?}");
}

#[test]
fn in_place_writes_targets_only_by_rename() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pages");
    copy_seeds(&dir);
    fs::write(dir.join("clean.txt"), "已经干净的一行\n").unwrap();
    fs::set_permissions(dir.join("000_754509dbfb55a7fd.txt"), fs::Permissions::from_mode(0o640)).unwrap();
    // A hard link outside the folder sees any write made *through* the inode; a rename
    // leaves it with the old content.
    let links = tmp.path().join("links");
    fs::create_dir(&links).unwrap();
    let mut before = Vec::new();
    for p in walk_files(&dir) {
        let link = links.join(p.file_name().unwrap());
        fs::hard_link(&p, &link).unwrap();
        before.push((p.clone(), fs::read(&p).unwrap(), fs::metadata(&p).unwrap().ino(), link));
    }
    let o = run(tmp.path(), &["clean", "--in-place", "pages"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for (p, old, ino, link) in before {
        let new = fs::read(&p).unwrap();
        let meta = fs::metadata(&p).unwrap();
        let want = expected_clean(&old);
        assert_eq!(new, want.as_bytes(), "{}", p.display());
        assert_eq!(fs::read(&link).unwrap(), old, "{} was written through its inode", p.display());
        if new == old {
            assert_eq!(meta.ino(), ino, "an unchanged file is not rewritten: {}", p.display());
        } else {
            assert_ne!(meta.ino(), ino, "{} replaced by rename", p.display());
        }
    }
    assert_eq!(
        fs::metadata(dir.join("000_754509dbfb55a7fd.txt")).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(temp_files(tmp.path()), Vec::<std::path::PathBuf>::new());
    let o = run(tmp.path(), &["clean", "--check", "pages"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn in_place_backup_keeps_the_original() {
    let tmp = tempfile::tempdir().unwrap();
    let (name, bytes) = seeds().remove(1);
    let p = tmp.path().join(&name);
    fs::write(&p, &bytes).unwrap();
    let o = run(tmp.path(), &["clean", "--in-place", "--backup", ".orig", &name]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read(tmp.path().join(format!("{name}.orig"))).unwrap(), bytes);
    assert_eq!(fs::read_to_string(&p).unwrap(), expected_clean(&bytes));
}

#[test]
fn in_place_through_a_symlink_keeps_the_link() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("real.txt"), "标题\n\n\n正文\n").unwrap();
    std::os::unix::fs::symlink("real.txt", tmp.path().join("link.txt")).unwrap();
    let o = run(tmp.path(), &["clean", "--in-place", "link.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(fs::symlink_metadata(tmp.path().join("link.txt")).unwrap().file_type().is_symlink());
    assert_eq!(
        fs::read_to_string(tmp.path().join("real.txt")).unwrap(),
        expected_clean("标题\n\n\n正文\n".as_bytes())
    );
}

#[test]
fn several_inputs_to_stdout_are_refused_with_advice() {
    let o = run(&seeds_dir(), &["clean", "000_754509dbfb55a7fd.txt", "001_4761a9b087fadb1d.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--out-dir"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn json_lines_in_input_order_with_schema() {
    let o = run(&seeds_dir(), &["clean", "--format", "json", "."]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let reports: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    assert_eq!(reports.len(), 5);
    for ((name, bytes), r) in seeds().iter().zip(&reports) {
        assert_eq!(r["schema"], "newsclean/1");
        assert_eq!(r["file"], format!("./{name}"));
        assert_eq!(r["changed"], true);
        assert_eq!(r["text"], expected_clean(bytes));
        assert_eq!(r["decode"]["encoding"], "UTF-8");
        assert!(r["meta"].is_object());
        let blocks = r["blocks"].as_array().unwrap();
        assert!(!blocks.is_empty());
        let text = r["text"].as_str().unwrap();
        for b in blocks {
            let (s, e) = (b["start"].as_u64().unwrap() as usize, b["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[s..e], b["text"].as_str().unwrap());
            assert!(b["kind"].is_string());
        }
        let edits = r["edits"].as_array().unwrap();
        assert!(!edits.is_empty());
        for e in edits {
            assert!(e["rule"].is_string() && e["source"]["line"].as_u64().unwrap() >= 1, "{e}");
        }
        let total: u64 = r["rule_counts"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
        assert_eq!(total as usize, edits.len());
    }
}

#[test]
fn json_error_objects_keep_one_line_per_input() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), "正文\n").unwrap();
    fs::write(tmp.path().join("b.png"), PNG).unwrap();
    fs::write(tmp.path().join("c.txt"), "正文\n\n\n").unwrap();
    let o = run(tmp.path(), &["clean", "--format=json", "."]);
    assert_eq!(code(&o), 2);
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["changed"], false);
    assert_eq!(lines[1]["file"], "./b.png");
    assert!(lines[1]["error"].as_str().unwrap().contains("binary"), "{}", lines[1]);
    assert_eq!(lines[2]["changed"], true);
}

#[test]
fn removed_sidecar_has_rule_file_and_source_position() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = seeds_dir().join("002_ed8b4f82a5f7e9b1.txt");
    let o = run(tmp.path(), &["clean", "--check", "--removed", "removed.jsonl", seed.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let input = String::from_utf8(fs::read(&seed).unwrap()).unwrap();
    let records: Vec<serde_json::Value> = fs::read_to_string(tmp.path().join("removed.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!records.is_empty());
    for r in &records {
        assert_eq!(r["schema"], "newsclean/1");
        assert_eq!(r["file"], seed.to_str().unwrap());
        assert!(r["rule"].as_str().is_some_and(|s| !s.is_empty()));
        let start = r["source"]["start"].as_u64().unwrap() as usize;
        let line = 1 + input[..start].matches('\n').count();
        let line_start = input[..start].rfind('\n').map_or(0, |i| i + 1);
        let column = input[line_start..start].chars().count() + 1;
        assert_eq!(r["source"]["line"].as_u64().unwrap() as usize, line, "{r}");
        assert_eq!(r["source"]["column"].as_u64().unwrap() as usize, column, "{r}");
        let before = r["before"].as_str().unwrap();
        let after = r["after"].as_str().unwrap();
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        assert!(after.is_empty() || visible(after) < visible(before), "not a removal: {r}");
    }
    // Every visible character that the clean text lost is in the sidecar.
    let clean = expected_clean(input.as_bytes());
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let lost_in_sidecar: usize = records
        .iter()
        .map(|r| visible(r["before"].as_str().unwrap()) - visible(r["after"].as_str().unwrap()))
        .sum();
    assert!(visible(&input) - visible(&clean) <= lost_in_sidecar, "removed text missing from the sidecar");
    assert_eq!(temp_files(tmp.path()), Vec::<std::path::PathBuf>::new());
}

#[test]
fn jobs_1_and_jobs_2_give_byte_identical_output() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..8 {
        copy_seeds(&input.join(format!("batch{i}")));
    }
    let mut runs = Vec::new();
    for jobs in ["1", "2"] {
        let out = format!("out{jobs}");
        let o = run(tmp.path(), &["clean", "in", "--jobs", jobs, "--out-dir", &out]);
        assert_eq!(code(&o), 0);
        let files: Vec<(std::path::PathBuf, Vec<u8>)> = walk_files(&tmp.path().join(&out))
            .into_iter()
            .map(|p| (p.strip_prefix(tmp.path().join(&out)).unwrap().to_path_buf(), fs::read(&p).unwrap()))
            .collect();
        let json = run(
            tmp.path(),
            &["clean", "in", "--jobs", jobs, "--format", "json", "--removed", &format!("rm{jobs}")],
        );
        let diff = run(tmp.path(), &["clean", "in", "--jobs", jobs, "--diff", "--color", "never"]);
        let removed = fs::read(tmp.path().join(format!("rm{jobs}"))).unwrap();
        assert_eq!(files.len(), 40);
        runs.push((files, json.stdout, diff.stdout, removed));
    }
    assert!(runs[0].0 == runs[1].0, "--out-dir files differ between --jobs 1 and --jobs 2");
    assert!(runs[0].1 == runs[1].1, "JSON reports differ");
    assert!(runs[0].2 == runs[1].2, "diffs differ");
    assert!(runs[0].3 == runs[1].3, "removed sidecars differ");
}

/// More files than one window of the batch (64 per job): results still come out in input
/// order, the same with one job and two.
#[test]
fn a_batch_larger_than_a_window_prints_in_input_order() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let n = 300;
    for i in 0..n {
        fs::write(input.join(format!("{i:04}.txt")), format!("第{i}号文件,内容\n")).unwrap();
    }
    let expected: Vec<String> = (0..n).map(|i| format!("{i:04}.txt")).collect();
    for jobs in ["1", "2"] {
        let o = run(tmp.path(), &["clean", "in", "--jobs", jobs, "-q", "--format", "json"]);
        assert_eq!(code(&o), 0);
        let files: Vec<String> = String::from_utf8_lossy(&o.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .map(|v| v["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string())
            .collect();
        assert!(files == expected, "--jobs {jobs}: reports out of input order");
    }
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let seed = seeds_dir().join("003_921ff9284966c71a.txt");
    let s = seed.to_str().unwrap();
    let always = run(Path::new("."), &["clean", s, "--diff", "--color", "always"]);
    assert!(stdout(&always).contains("\x1b["));
    let never = run(Path::new("."), &["clean", s, "--diff", "--color=never"]);
    assert!(!stdout(&never).contains("\x1b["));
    // auto: stdout is a pipe here, so plain.
    let auto = run(Path::new("."), &["clean", s, "--diff"]);
    assert!(!stdout(&auto).contains("\x1b["));
    assert_eq!(stdout(&auto), stdout(&never));
}

#[test]
fn diff_modes_are_accepted() {
    let seed = seeds_dir().join("003_921ff9284966c71a.txt");
    for mode in ["--diff=unified", "--diff=side", "--diff=rules"] {
        let o = run(Path::new("."), &["clean", seed.to_str().unwrap(), mode]);
        assert_eq!(code(&o), 0, "{mode}: {}", stderr(&o));
        assert!(!o.stdout.is_empty(), "{mode}");
    }
    let o = run(Path::new("."), &["clean", seed.to_str().unwrap(), "--diff=sideways"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn glob_and_hidden_files() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("d");
    fs::create_dir_all(d.join(".git")).unwrap();
    fs::write(d.join("a.txt"), "正文\n").unwrap();
    fs::write(d.join("b.md"), "正文\n").unwrap();
    fs::write(d.join(".hidden.txt"), "正文\n").unwrap();
    fs::write(d.join(".git/c.txt"), "正文\n").unwrap();
    let o = run(tmp.path(), &["clean", "d", "--glob", "*.txt", "--format", "json", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let files: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files, ["d/a.txt"]);
    assert!(stderr(&o).contains("d/.hidden.txt: skipped (hidden)"), "{}", stderr(&o));
    let o = run(tmp.path(), &["clean", "d", "--glob", "!*.md", "--check"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // A hidden file named on the command line is cleaned.
    let o = run(tmp.path(), &["clean", "d/.hidden.txt"]);
    assert_eq!(stdout(&o), "正文\n");
}

#[test]
fn project_rule_file_is_found_in_a_parent_and_named_with_v() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("newsclean.yaml"), "rules: []\n").unwrap();
    let sub = tmp.path().join("a/b");
    fs::create_dir_all(&sub).unwrap();
    let o = run_stdin(&sub, &["clean", "-v", "-"], "正文\n".as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let expect = format!("using rule file {}", tmp.path().join("newsclean.yaml").display());
    assert!(stderr(&o).contains(&expect), "{}", stderr(&o));
    let o = run_stdin(&sub, &["clean", "-v", "--no-config", "-"], "正文\n".as_bytes());
    assert!(!stderr(&o).contains("using rule file"), "{}", stderr(&o));
}

#[test]
fn a_bad_rule_file_is_an_error_with_its_position() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("bad.yaml"), "rules:\n  - id: x\n    nonsense: 1\n").unwrap();
    let o = run_stdin(tmp.path(), &["clean", "--rules", "bad.yaml", "-"], "正文\n".as_bytes());
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.yaml:"), "{}", stderr(&o));
    let o = run_stdin(tmp.path(), &["clean", "--rules", "missing.yaml", "-"], b"x\n");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("missing.yaml"), "{}", stderr(&o));
    let o = run_stdin(tmp.path(), &["clean", "--profile", "no-such-profile", "-"], b"x\n");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no-such-profile"), "{}", stderr(&o));
}

#[test]
fn encoding_flag_reads_utf16_without_bom() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "党建强，则根基稳\n第二段 2023年\n";
    let utf16: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    fs::write(tmp.path().join("u16.txt"), &utf16).unwrap();
    let o = run(tmp.path(), &["clean", "--encoding", "utf-16le", "u16.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), expected_clean(text.as_bytes()));
    let o = run(tmp.path(), &["clean", "--encoding", "klingon", "u16.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("klingon"));
}

#[test]
fn summary_counts_files_changed_failed_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), "正文\n").unwrap();
    fs::write(tmp.path().join("b.txt"), "正文\n\n\n").unwrap();
    fs::write(tmp.path().join("c.png"), PNG).unwrap();
    fs::write(tmp.path().join(".h.txt"), "x").unwrap();
    let o = run(tmp.path(), &["clean", "--check", "."]);
    assert_eq!(code(&o), 2);
    let summary = stderr(&o).lines().last().unwrap().to_string();
    assert!(summary.starts_with("newsclean: 3 files, 1 would change, 1 failed, 1 skipped in "), "{summary}");
    assert!(summary.ends_with(" MB/s); survey: 0 repeated line(s) in 0 of 1 folder(s)"), "{summary}");
    let o = run(tmp.path(), &["clean", "--check", "--no-survey", "."]);
    assert!(stderr(&o).lines().last().unwrap().ends_with(" MB/s)"), "{}", stderr(&o));
    let o = run(tmp.path(), &["clean", "--check", "-q", "."]);
    assert_eq!(error_lines(&o).len(), 1);
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

#[test]
fn batch_evidence_lets_other_pages_decide_a_broken_compound() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("a.txt"), "The ship sails to-day for London.\nThe court sits to-day at ten.\n")
        .unwrap();
    fs::write(input.join("b.txt"), "The mail closes early to-\nday at the office of the port.\n").unwrap();
    // Alone, page b says nothing about `to-day`: the word is joined.
    let o = run(tmp.path(), &["clean", "in/b.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "The mail closes early today at the office of the port.\n");
    // In its batch, page a writes `to-day` twice: the hyphen stays, and the diff says why.
    let o = run(tmp.path(), &["clean", "--batch-evidence", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let b = fs::read_to_string(tmp.path().join("out/b.txt")).unwrap();
    assert_eq!(b, "The mail closes early to-day at the office of the port.\n");
    let o = run(tmp.path(), &["clean", "--batch-evidence", "in", "--diff", "--color", "never"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("layout.latin.keep-hyphen"), "{}", stdout(&o));
    let o = run(tmp.path(), &["clean", "--batch-evidence", "in", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let report = stdout(&o);
    assert!(report.contains(r#""rule":"layout.latin.keep-hyphen""#), "{report}");
    assert!(report.contains(r#""note":"batch writes to-day 2x, today 0x""#), "{report}");
    // JSON Lines are read once: the flag is refused there with the reason.
    let o = run(tmp.path(), &["clean", "--jsonl", "--batch-evidence", "in/a.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--batch-evidence"), "{}", stderr(&o));
}

#[test]
fn two_arguments_with_the_same_relative_path_do_not_overwrite_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    for d in ["a", "b"] {
        fs::create_dir_all(tmp.path().join(d)).unwrap();
        fs::write(tmp.path().join(d).join("p.txt"), format!("正文{d}\n")).unwrap();
    }
    fs::write(tmp.path().join("b/q.txt"), "正文q\n").unwrap();
    let o = run(tmp.path(), &["clean", "a", "b", "--out-dir", "out"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("b/p.txt") && errors[0].contains("also the output of an input found under a"),
        "{errors:?}"
    );
    // The first keeps its output, the other file of b is cleaned.
    assert_eq!(fs::read_to_string(tmp.path().join("out/p.txt")).unwrap(), "正文a\n");
    assert_eq!(fs::read_to_string(tmp.path().join("out/q.txt")).unwrap(), "正文q\n");
}

#[test]
fn in_place_cleans_a_file_reached_twice_through_a_folder_link_once() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("in/real");
    fs::create_dir_all(&real).unwrap();
    let (_, raw) = seeds().remove(0);
    fs::write(real.join("p.txt"), &raw).unwrap();
    std::os::unix::fs::symlink("real", tmp.path().join("in/alias")).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--in-place", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("1 files, 1 changed"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(real.join("p.txt")).unwrap(), expected_clean(&raw));
}

/// Apply the JSON report's edits backwards (last batch first, each `after` found at its
/// place in the text after its batch) to get the input back: the replay a reader of the JSON
/// log can do with nothing but the JSON.
fn replay_json_log(clean: &str, edits: &[serde_json::Value]) -> String {
    let batches = edits.iter().map(|e| e["batch"].as_u64().unwrap()).max().map_or(0, |b| b + 1);
    let mut text = clean.to_string();
    for b in (0..batches).rev() {
        let batch: Vec<&serde_json::Value> = edits.iter().filter(|e| e["batch"] == b).collect();
        // Walk the batch in order: each edit's `after` starts where the text before it ends
        // plus what earlier edits of the batch changed; rebuild the text before the batch.
        let mut before_text = String::new();
        let mut cursor_after = 0usize; // in the text after the batch
        let mut cursor_before = 0usize; // in the text before the batch
        for e in batch {
            let start = e["span"]["start"].as_u64().unwrap() as usize;
            let gap = start - cursor_before;
            before_text.push_str(&text[cursor_after..cursor_after + gap]);
            before_text.push_str(e["before"].as_str().unwrap());
            cursor_after += gap + e["after"].as_str().unwrap().len();
            cursor_before = start + e["before"].as_str().unwrap().len();
        }
        before_text.push_str(&text[cursor_after..]);
        text = before_text;
    }
    text
}

/// Issue 21 item 5 and issue 20 item 9: what decoding changes (a BOM, CRLF line ends,
/// invisible characters) is an edit with a rule id in every view: `--check`, `--diff=rules`,
/// `explain`, `review` and the JSON report agree, and the log undoes it. Joiners that are
/// text (emoji sequences, Persian) are kept, and text that discusses mojibake is left alone.
#[test]
fn decoding_changes_are_edits_in_every_view() {
    let tmp = tempfile::tempdir().unwrap();
    let raw = "\u{FEFF}党建强，则根基稳。\r\n社会\u{200B}兴。\r\n";
    fs::write(tmp.path().join("a.txt"), raw).unwrap();
    let o = run(tmp.path(), &["clean", "--check", "a.txt"]);
    assert_eq!(code(&o), 1, "would change");
    let o = run(tmp.path(), &["clean", "--diff=rules", "a.txt"]);
    let diff = stdout(&o);
    for rule in ["decode.bom", "decode.newline", "decode.zero-width"] {
        assert!(diff.contains(rule), "{rule} in --diff=rules: {diff}");
    }
    let o = run(tmp.path(), &["explain", "--format", "json", "a.txt"]);
    let explain: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules: Vec<&str> =
        explain["edits"].as_array().unwrap().iter().map(|e| e["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"decode.bom") && rules.contains(&"decode.newline"), "{rules:?}");
    let o = run(tmp.path(), &["review", "--format", "json", "a.txt"]);
    let review: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(review["changed"], true, "{review}");
    assert!(review["by_rule"]["decode.newline"]["edits"].as_u64().unwrap() >= 2, "{review}");
    let o = run(tmp.path(), &["clean", "--format", "json", "a.txt"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let edits = report["edits"].as_array().unwrap();
    let bom = edits.iter().find(|e| e["rule"] == "decode.bom").unwrap();
    assert_eq!(bom["source"]["start"], 0);
    let newline = edits.iter().find(|e| e["rule"] == "decode.newline").unwrap();
    assert_eq!((newline["source"]["line"].as_u64(), newline["before"].as_str()), (Some(1), Some("\r\n")));
    assert_eq!(replay_json_log(report["text"].as_str().unwrap(), edits), raw, "the JSON log undoes decoding");

    // Kept: joiners that are text. Left alone: a sentence about mojibake.
    let text = "👩\u{200D}💻 and 👨\u{200D}👩\u{200D}👧 codes.\nمی\u{200C}خواهم\nThe sequence Ã© is what é looks like.\n";
    let o = run_stdin(tmp.path(), &["clean", "-"], text.as_bytes());
    assert_eq!(stdout(&o), text);
    let o = run_stdin(tmp.path(), &["clean", "--check", "-"], text.as_bytes());
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

/// Run `newsclean` under `umask MASK`.
fn run_umask(cwd: &Path, mask: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .current_dir(cwd)
        .arg("-c")
        .arg(format!("umask {mask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_newsclean"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap()
}

/// Issue 21 item 6: new files are created as any Unix tool creates them (0666 minus the
/// umask): `--out-dir` outputs, `--removed`, `learn -o`; `--in-place` keeps the original's mode.
#[test]
fn new_files_follow_the_umask() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("in")).unwrap();
    for i in 0..3 {
        fs::write(tmp.path().join(format!("in/p{i}.txt")), "标题\n\n\n正文第一段,内容。\n").unwrap();
    }
    let o = run_umask(tmp.path(), "022", &["clean", "in", "--out-dir", "out", "--removed", "removed.jsonl"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mode = |p: &str| fs::metadata(tmp.path().join(p)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("out/p0.txt"), 0o644);
    assert_eq!(mode("removed.jsonl"), 0o644);
    fs::create_dir(tmp.path().join("paper")).unwrap();
    for i in 0..3 {
        let page = format!("溪岳日报 2024年5月{}日 第{}版\n\n标题{i}\n\n正文第一段,内容。\n", i + 3, i + 1);
        fs::write(tmp.path().join(format!("paper/p{i}.txt")), page).unwrap();
    }
    let o = run_umask(tmp.path(), "027", &["learn", "paper", "-o", "learned.yaml", "--min-pages", "2"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(mode("learned.yaml"), 0o640);
    fs::set_permissions(tmp.path().join("in/p1.txt"), fs::Permissions::from_mode(0o604)).unwrap();
    let o = run_umask(tmp.path(), "077", &["clean", "--in-place", "in/p1.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(mode("in/p1.txt"), 0o604, "--in-place keeps the original's mode");
}

/// Issue 21 items 8 and 11: a run never deletes a live temporary file (its own `--removed`
/// sink in the output folder, another process's), and a long file name (the temporary name
/// no longer grows with it) is written in place and into --out-dir.
#[test]
fn live_temp_files_are_kept_and_long_names_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("in")).unwrap();
    fs::create_dir(tmp.path().join("out")).unwrap();
    fs::write(tmp.path().join("in/a.txt"), "党建强,则根基稳\n").unwrap();
    // A temporary file of a live process (this test) in the output folder.
    let live = tmp.path().join(format!("out/.newsclean-tmp-{}-AbCdEf", std::process::id()));
    fs::write(&live, "another run's half-written file").unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out", "--removed", "out/a.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(live.exists(), "a live process's temporary file is kept");

    let long = format!("{}.txt", "长".repeat(78)); // 238 bytes
    fs::write(tmp.path().join("in").join(&long), "党建强,则根基稳\n").unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out2"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read_to_string(tmp.path().join("out2").join(&long)).unwrap(), "党建强，则根基稳\n");
    let o = run(tmp.path(), &["clean", "--in-place", &format!("in/{long}")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read_to_string(tmp.path().join("in").join(&long)).unwrap(), "党建强，则根基稳\n");
}

/// Issue 21 items 10 and 14: `-j 0` is refused, a huge `-j` on one file is capped (no
/// thousands of threads), and file names with a line break or an escape sequence are quoted.
#[test]
fn jobs_are_bounded_and_names_are_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), "党建强,则根基稳\n").unwrap();
    let o = run(tmp.path(), &["clean", "-j", "0", "a.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("0 workers"), "{}", stderr(&o));
    let started = std::time::Instant::now();
    let o = run(tmp.path(), &["clean", "-j", "100000", "-v", "a.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("1 worker(s)"), "{}", stderr(&o));
    assert!(started.elapsed() < std::time::Duration::from_secs(20));

    fs::write(tmp.path().join("x\nwould change: y.txt"), "党建强,则根基稳\n").unwrap();
    fs::write(tmp.path().join("e\u{1b}[31m.txt"), "党建强,则根基稳\n").unwrap();
    let o = run(tmp.path(), &["clean", "--check", "x\nwould change: y.txt", "e\u{1b}[31m.txt"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("would change: $'x\\nwould change: y.txt'"), "{out}");
    assert!(!out.contains('\u{1b}') && out.contains("$'e\\e[31m.txt'"), "{out}");
}
