//! Bad input and faults (issue 6, item 4): each case gets a clear message naming the file and
//! what to do, the right exit code, and the other files of the batch done.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// A good page that must come out clean beside every bad one.
const GOOD: &str = "标题\n\n\n正文第一段\n";

fn batch_with(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("good.txt"), GOOD).unwrap();
}

/// Run, but kill the run and fail when it takes longer than `limit` (a hang must not stall CI).
fn run_with_deadline(cwd: &Path, args: &[&str], limit: Duration) -> std::process::Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child =
        bin().current_dir(cwd).args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    // Drain both pipes while waiting: a child whose output fills a pipe would block forever.
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).unwrap();
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().unwrap()));
    let err = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("newsclean {args:?} did not finish in {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    std::process::Output { status, stdout: out.join().unwrap(), stderr: err.join().unwrap() }
}

fn assert_good_done(out: &Path) {
    assert_eq!(
        fs::read_to_string(out.join("good.txt")).expect("the good file of the batch is written"),
        expected_clean(GOOD.as_bytes())
    );
}

#[test]
fn empty_file_cleans_to_empty() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    fs::write(tmp.path().join("in/empty.txt"), "").unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read(tmp.path().join("out/empty.txt")).unwrap(), b"");
    assert_good_done(&tmp.path().join("out"));
}

#[test]
fn whitespace_only_cleans_to_empty() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    fs::write(tmp.path().join("in/blank.txt"), " \n\t\n\u{3000}\r\n\n").unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got = fs::read_to_string(tmp.path().join("out/blank.txt")).unwrap();
    assert!(got.trim().is_empty(), "{got:?}");
    assert_good_done(&tmp.path().join("out"));
}

#[test]
fn one_50_mb_line_finishes() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    let word = "newsprint archive ";
    let line: String = word.repeat(50_000_000 / word.len()) + "end\n";
    fs::write(tmp.path().join("in/huge.txt"), &line).unwrap();
    let started = Instant::now();
    let o = run_with_deadline(tmp.path(), &["clean", "in", "--out-dir", "out"], Duration::from_secs(300));
    eprintln!("50 MB line: {:.1} s", started.elapsed().as_secs_f64());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let got = fs::read_to_string(tmp.path().join("out/huge.txt")).unwrap();
    assert_eq!(got.len(), line.trim_end().len() + 1, "one line in, one line out");
    assert!(got.ends_with("end\n"));
    assert_good_done(&tmp.path().join("out"));
}

#[test]
fn png_is_refused_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    fs::write(tmp.path().join("in/scan.png"), PNG).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 2);
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("newsclean: error: in/scan.png: binary"), "{errors:?}");
    assert!(errors[0].contains("--encoding"), "says what to do: {errors:?}");
    assert!(!tmp.path().join("out/scan.png").exists(), "no garbage written");
    assert_good_done(&tmp.path().join("out"));
}

#[test]
fn invalid_utf8_in_the_middle_of_a_page_keeps_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    let (_, seed) = seeds().remove(0);
    let text = String::from_utf8(seed).unwrap();
    let mid = text.char_indices().map(|(i, _)| i).find(|&i| i > text.len() / 2).unwrap();
    let mut bytes = text.as_bytes()[..mid].to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFE, 0xC3]);
    bytes.extend_from_slice(&text.as_bytes()[mid..]);
    fs::write(tmp.path().join("in/broken.txt"), &bytes).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let report: serde_json::Value = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| r["file"] == "in/broken.txt")
        .unwrap();
    // Read as UTF-8 with the bad bytes marked, not re-guessed as another encoding.
    assert_eq!(report["decode"]["encoding"], "UTF-8", "{}", report["decode"]);
    assert!(report["decode"]["malformed"].as_u64().unwrap() >= 1);
    let got = fs::read_to_string(tmp.path().join("out/broken.txt")).unwrap();
    assert!(got.contains('\u{FFFD}'));
    let clean_seed = expected_clean(text.as_bytes());
    let last_line = clean_seed.lines().last().unwrap();
    assert!(got.contains(last_line), "the text after the bad bytes survives");
    assert!(stderr(&o).contains("in/broken.txt:") && stderr(&o).contains("U+FFFD"), "{}", stderr(&o));
    assert_good_done(&tmp.path().join("out"));
}

#[test]
fn utf16_without_bom_is_refused_or_read_never_garbage() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    let (_, seed) = seeds().remove(3);
    let text = String::from_utf8(seed).unwrap();
    let utf16: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    fs::write(tmp.path().join("in/u16.txt"), &utf16).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    let want = expected_clean(text.as_bytes());
    match code(&o) {
        // Detected as UTF-16: then it must be read right.
        0 => assert_eq!(fs::read_to_string(tmp.path().join("out/u16.txt")).unwrap(), want),
        // Refused: with one error line naming it and the way out.
        2 => {
            let errors = error_lines(&o);
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert!(errors[0].contains("in/u16.txt") && errors[0].contains("--encoding"), "{errors:?}");
            assert!(!tmp.path().join("out/u16.txt").exists());
        }
        c => panic!("exit {c}: {}", stderr(&o)),
    }
    assert_good_done(&tmp.path().join("out"));
    let o = run(tmp.path(), &["clean", "--encoding", "utf-16le", "in/u16.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), want);
}

#[test]
fn nul_bytes_are_refused_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    fs::write(tmp.path().join("in/nul.txt"), b"text\0with\0nul\0bytes\n").unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("in/nul.txt") && errors[0].contains("NUL"), "{errors:?}");
    assert_good_done(&tmp.path().join("out"));
}

#[test]
fn mixed_line_endings_clean_like_lf() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    let (_, seed) = seeds().remove(4);
    let text = String::from_utf8(seed).unwrap();
    // Every third line ends in CRLF, every fifth in CR.
    let mut mixed = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            mixed.push_str(match i % 15 {
                0 | 3 | 6 | 9 | 12 => "\r\n",
                5 | 10 => "\r",
                _ => "\n",
            });
        }
        mixed.push_str(line);
    }
    fs::write(tmp.path().join("in/mixed.txt"), &mixed).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(tmp.path().join("out/mixed.txt")).unwrap(),
        expected_clean(text.as_bytes())
    );
    assert_good_done(&tmp.path().join("out"));
}

#[test]
fn symlink_loop_in_a_folder_is_one_error_and_the_rest_is_done() {
    let tmp = tempfile::tempdir().unwrap();
    batch_with(&tmp.path().join("in"));
    fs::create_dir(tmp.path().join("in/sub")).unwrap();
    std::os::unix::fs::symlink("..", tmp.path().join("in/sub/back")).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("in/sub/back") && errors[0].contains("symlink loop"), "{errors:?}");
    assert_good_done(&tmp.path().join("out"));
    assert_eq!(walk_files(&tmp.path().join("out")).len(), 1);
}

#[test]
fn unreadable_files_are_errors_and_the_rest_is_done() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    batch_with(&input);
    let mut expect = Vec::new();
    if is_root() {
        // Permissions do not stop root, so use what stops everyone: a named pipe (reading it
        // would block forever) and a link to nothing.
        eprintln!("running as root: chmod 000 would not stop reading; testing a FIFO and a dangling link");
        let fifo = input.join("pipe.txt");
        let ok = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success();
        assert!(ok, "mkfifo");
        expect.push("in/pipe.txt");
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::write(input.join("secret.txt"), "x").unwrap();
        fs::set_permissions(input.join("secret.txt"), fs::Permissions::from_mode(0o000)).unwrap();
        expect.push("in/secret.txt");
    }
    std::os::unix::fs::symlink("nowhere.txt", input.join("dangling.txt")).unwrap();
    expect.push("in/dangling.txt");
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), expect.len(), "{errors:?}");
    for name in expect {
        assert!(errors.iter().any(|e| e.contains(name)), "{name} not named: {errors:?}");
    }
    assert_good_done(&tmp.path().join("out"));
    // Named on the command line too.
    let o = run(tmp.path(), &["clean", "in/dangling.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("in/dangling.txt: no such file"), "{}", stderr(&o));
}

#[test]
fn an_output_folder_that_cannot_be_written_is_an_error_per_file() {
    let tmp = tempfile::tempdir().unwrap();
    copy_seeds(&tmp.path().join("in"));
    // A folder under a regular file cannot be made, by root or anyone.
    fs::write(tmp.path().join("file"), "").unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "file/out"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 5, "{errors:?}");
    for (name, _) in seeds() {
        assert!(
            errors.iter().any(|e| e.contains(&format!("in/{name}: cannot create the output folder"))
                && e.contains("--out-dir")),
            "{name}: {errors:?}"
        );
    }
}

#[test]
fn the_same_path_as_input_and_output_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    copy_seeds(&tmp.path().join("in"));
    let before: Vec<Vec<u8>> =
        walk_files(&tmp.path().join("in")).iter().map(|p| fs::read(p).unwrap()).collect();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "in"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 5, "{errors:?}");
    assert!(
        errors.iter().all(|e| e.contains("is the input itself") && e.contains("--in-place")),
        "{errors:?}"
    );
    let after: Vec<Vec<u8>> =
        walk_files(&tmp.path().join("in")).iter().map(|p| fs::read(p).unwrap()).collect();
    assert_eq!(before, after, "inputs untouched");
    // The removed-text sidecar may not overwrite an input either.
    let o = run(tmp.path(), &["clean", "--check", "in", "--removed", "in/000_754509dbfb55a7fd.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("that is an input file"), "{}", stderr(&o));
    let again: Vec<Vec<u8>> =
        walk_files(&tmp.path().join("in")).iter().map(|p| fs::read(p).unwrap()).collect();
    assert_eq!(before, again);
}

#[test]
fn in_place_on_a_read_only_file_refuses_and_keeps_it() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    batch_with(&dir);
    let ro = dir.join("archive.txt");
    fs::write(&ro, GOOD).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).unwrap();
    // A read-only file that is already clean needs no write: no error for it.
    let ro_clean = dir.join("clean.txt");
    fs::write(&ro_clean, expected_clean(GOOD.as_bytes())).unwrap();
    fs::set_permissions(&ro_clean, fs::Permissions::from_mode(0o444)).unwrap();
    let o = run(tmp.path(), &["clean", "--in-place", "in"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("in/archive.txt") && errors[0].contains("read-only"), "{errors:?}");
    assert!(errors[0].contains("chmod u+w") && errors[0].contains("--out-dir"), "{errors:?}");
    assert_eq!(fs::read_to_string(&ro).unwrap(), GOOD, "left unchanged");
    assert_eq!(fs::metadata(&ro).unwrap().permissions().mode() & 0o777, 0o444);
    assert_eq!(fs::read_to_string(dir.join("good.txt")).unwrap(), expected_clean(GOOD.as_bytes()));
}

#[test]
fn a_catastrophic_regex_rule_stays_linear_on_a_huge_input() {
    let tmp = tempfile::tempdir().unwrap();
    // (x+x+)+y takes exponential time in a backtracking engine on a long run of x without y.
    fs::write(
        tmp.path().join("evil.yaml"),
        "rules:\n  - id: user.nested-quantifiers\n    title: Nested quantifiers\n    why: A pattern that backtracking engines choke on.\n    regex:\n      find: \"(x+x+)+y\"\n      replace: \"Z\"\n",
    )
    .unwrap();
    // Each paragraph ends a sentence, so no layout pass joins them: only the rule acts.
    let mut input = String::from("xxxxy.\n\n");
    // Numbered, so the duplicates pass keeps every paragraph.
    for i in 0..2000 {
        input.push_str(&"x".repeat(500));
        input.push_str(&format!(" {i}.\n\n"));
    }
    fs::write(tmp.path().join("page.txt"), &input).unwrap();
    let started = Instant::now();
    let o = run_with_deadline(
        tmp.path(),
        &["clean", "--rules", "evil.yaml", "page.txt"],
        Duration::from_secs(120),
    );
    let took = started.elapsed();
    eprintln!("catastrophic regex on {} bytes: {:.2} s", input.len(), took.as_secs_f64());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Z.\n"), "the rule applied: {:?}", &out[..20.min(out.len())]);
    assert_eq!(out.lines().count(), 2001);
    assert!(took < Duration::from_secs(120), "took {took:?}");
}

/// A user's rules that never settle (two that undo each other) or that grow the text without
/// end: the file is left alone with a message that names the rules and says where to look,
/// exit 2, and the rest of the batch is cleaned (the growth limit came from fuzzing).
#[test]
fn rules_that_never_settle_or_keep_growing_are_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    batch_with(&dir);
    fs::write(dir.join("bad.txt"), "甲乙ab丙丁\n").unwrap();
    fs::write(
        tmp.path().join("loop.yaml"),
        "rules:\n  - id: user.ab\n    title: t\n    why: w\n    regex: {find: a, replace: b}\n  - id: user.ba\n    title: t\n    why: w\n    regex: {find: b, replace: a}\n",
    )
    .unwrap();
    fs::write(
        tmp.path().join("grow.yaml"),
        "rules:\n  - id: user.grow\n    title: t\n    why: w\n    regex: {find: '(.)(.)', replace: '$1 $2<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<'}\n",
    )
    .unwrap();
    for (file, named) in [("loop.yaml", "user.ab"), ("grow.yaml", "user.grow")] {
        let out = tmp.path().join(format!("out-{file}"));
        let o = run_with_deadline(
            tmp.path(),
            &["clean", "--rules", file, "in", "--out-dir", out.to_str().unwrap()],
            Duration::from_secs(60),
        );
        assert_eq!(code(&o), 2, "{}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("bad.txt") && err.contains(named) && err.contains("check the rules"), "{err}");
        assert!(!out.join("bad.txt").exists(), "a file whose rules failed is not written");
        if file == "loop.yaml" {
            // No `a` or `b` in the good page: the loop never starts there.
            assert_good_done(&out);
        }
    }
}

/// Issue 21 item 1: a GB18030 page cut off mid-character is read as GB18030 (a U+FFFD and a
/// note), not garbled as windows-1252; a small UTF-8 file with a few bad bytes is not
/// confident, so `--in-place` leaves it alone unless `--encoding` is given.
#[test]
fn a_truncated_or_damaged_multibyte_file_is_never_garbled_in_place() {
    let tmp = tempfile::tempdir().unwrap();
    let page =
        "本社常年法律顾问浙江天卓律师事务所孙伟强律师。党建强，则根基稳；根基稳，则社会兴。\n".repeat(4);
    let (gb, _, _) = encoding_rs::GB18030.encode(&page);
    let cut = &gb[..gb.len() - 2]; // the final newline and the last byte of 。
    fs::write(tmp.path().join("gb.txt"), cut).unwrap();
    let o = run(tmp.path(), &["clean", "--format", "json", "gb.txt"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["decode"]["encoding"], "gb18030", "{json}");
    assert!(json["text"].as_str().unwrap().starts_with("本社常年法律顾问"), "{json}");
    let o = run(tmp.path(), &["clean", "--in-place", "gb.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("U+FFFD"), "{}", stderr(&o));
    assert!(fs::read_to_string(tmp.path().join("gb.txt")).unwrap().starts_with("本社常年法律顾问"));

    let bad = b"\xe5\x85\x9a\xe5\xbb\xba\xe5\xbc\xba,\xe5\x88\x99\xe6\xa0\xb9\xe5\x9f\xba\xe7\xa8\xb3\xff\xfe\x80\xe4\xb8\xad\xe6\x96\x87\xc3(abc\n\xe7\xac\xac\xe4\xba\x8c\xe8\xa1\x8c,\xe6\xb5\x8b\xe8\xaf\x95\n";
    fs::write(tmp.path().join("u.txt"), bad).unwrap();
    let o = run(tmp.path(), &["clean", "u.txt"]);
    assert!(stdout(&o).starts_with("党建强"), "{}", stdout(&o));
    let o = run(tmp.path(), &["clean", "--in-place", "u.txt"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("--encoding"), "{}", stderr(&o));
    assert_eq!(fs::read(tmp.path().join("u.txt")).unwrap(), bad, "left unchanged");
    let o = run(tmp.path(), &["clean", "--in-place", "--encoding", "utf-8", "u.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(fs::read_to_string(tmp.path().join("u.txt")).unwrap().starts_with("党建强"));
}

/// Issue 21 item 2: every command refuses what `clean` refuses (devices, named pipes, links to
/// devices), and input size has a limit past which the input is reported and skipped.
#[test]
fn every_command_refuses_devices_pipes_and_inputs_over_the_size_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let limit = Duration::from_secs(20);
    let o = run_with_deadline(tmp.path(), &["explain", "/dev/zero"], limit);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("a device, not a regular file"), "{}", stderr(&o));
    let o = run_with_deadline(tmp.path(), &["clean", "--jsonl", "/dev/zero"], limit);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("a device"), "{}", stderr(&o));

    let dir = tmp.path().join("in");
    batch_with(&dir);
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    let fifo = dir.join("x.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = run_with_deadline(tmp.path(), &["review", "in", "--format", "json"], limit);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.contains("\"good.txt\"") || out.contains("in/good.txt"), "{out}");
    assert!(stderr(&o).contains("x.txt: a named pipe"), "{}", stderr(&o));
    assert!(stderr(&o).contains("zero.txt: a device"), "{}", stderr(&o));

    // The size limit: a file over it is one error, the rest of the batch is done; standard
    // input over it is refused rather than read without end.
    fs::remove_file(dir.join("zero.txt")).unwrap();
    fs::remove_file(&fifo).unwrap();
    fs::write(dir.join("big.txt"), "大".repeat(2000)).unwrap();
    let o = run(tmp.path(), &["clean", "in", "--out-dir", "out", "--max-page-bytes", "4K"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("big.txt: 6000 bytes, more than the limit of 4096"), "{}", stderr(&o));
    assert_good_done(&tmp.path().join("out"));
    let o = run_stdin(tmp.path(), &["clean", "--max-page-bytes", "1K", "-"], &[b'a'; 5000]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--max-page-bytes"), "{}", stderr(&o));
    let o = run(tmp.path(), &["explain", "--max-page-bytes", "4K", "in/big.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("more than the limit"), "{}", stderr(&o));
}
