//! End-to-end tests of `newsclean clean --jsonl`: the command as a user runs it.

use assert_cmd::Command;

fn newsclean() -> Command {
    Command::cargo_bin("newsclean").unwrap()
}

/// A raw paragraph broken across lines, as OCR leaves it: cleaning changes it.
const RAW: &str = "党建强，则根基稳；根基稳，则社\n会兴。如何为打造中国式现代化的\n金平湖提供坚强的组织保证？\n\n\n今年的党建强基工程给出了答案。";

/// The clean text of `RAW` as `newsclean clean -` prints it, without its final newline
/// (a record keeps the input's choice).
fn clean_of_raw() -> String {
    let out = newsclean().args(["clean", "-q", "-"]).write_stdin(RAW).assert().success();
    let mut t = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(t.ends_with('\n'));
    t.pop();
    assert_ne!(t, RAW);
    t
}

fn input() -> String {
    let raw = serde_json::to_string(RAW).unwrap();
    format!(
        "{{\"id\":1,\"text\":{raw},\"n\":1.0}}\noops\n{{\"id\":3,\"text\":\"c\"}}\n{{\"id\":4,\"body\":{raw}}}\n"
    )
}

#[test]
fn stdin_to_stdout_equals_cleaning_the_text_alone() {
    let out =
        newsclean().args(["clean", "--jsonl", "--allow-bad", "-"]).write_stdin(input()).assert().success();
    let o = out.get_output();
    let clean = serde_json::to_string(&clean_of_raw()).unwrap();
    let raw = serde_json::to_string(RAW).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!(
            "{{\"id\":1,\"text\":{clean},\"n\":1.0}}\noops\n{{\"id\":3,\"text\":\"c\"}}\n{{\"id\":4,\"body\":{raw}}}\n"
        )
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "4 records, 1 changed, 2 bad passed through unchanged; survey: 0 repeated line(s) in 0 of 1 chunk(s)\n  line 2: not JSON"
        ),
        "{err}"
    );
    assert!(err.contains("\n  line 4: no field \"text\""), "{err}");
}

/// Issue 21 item 13: every bad record is named (line and why), the exit code says records
/// failed unless --allow-bad says the pass-through is wanted, and --format json is refused
/// under --jsonl instead of being ignored.
#[test]
fn bad_records_are_all_named_and_fail_the_run_unless_allowed() {
    let a = newsclean().args(["clean", "--jsonl", "-"]).write_stdin(input()).assert().code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).into_owned();
    assert!(err.contains("line 2: not JSON"), "{err}");
    assert!(err.contains("line 4: no field \"text\""), "{err}");
    newsclean().args(["clean", "--jsonl", "--format", "json", "-"]).write_stdin(input()).assert().code(2);
}

#[test]
fn file_input_field_annotate_and_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, input()).unwrap();
    let run = |jobs: &str| {
        let a = newsclean()
            .args(["clean", "--jsonl", "--allow-bad", "--field", "body", "--annotate", "--jobs", jobs])
            .arg(&path)
            .assert()
            .success();
        a.get_output().stdout.clone()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    let last = String::from_utf8(one).unwrap().lines().nth(3).unwrap().to_string();
    let v: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(v["body"], clean_of_raw());
    assert_eq!(v["newsclean"]["changed"], true);
}

#[test]
fn strict_exits_2_naming_the_line() {
    let a = newsclean().args(["clean", "--jsonl", "--strict", "-"]).write_stdin(input()).assert().code(2);
    let o = a.get_output();
    let clean = serde_json::to_string(&clean_of_raw()).unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout), format!("{{\"id\":1,\"text\":{clean},\"n\":1.0}}\n"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 2: not JSON"));
}

#[test]
fn jsonl_flags_need_jsonl_and_exclude_file_outputs() {
    newsclean().args(["clean", "--strict", "-"]).write_stdin("x").assert().code(2);
    newsclean().args(["clean", "--jsonl", "--out-dir", "x", "-"]).write_stdin("x").assert().code(2);
}
