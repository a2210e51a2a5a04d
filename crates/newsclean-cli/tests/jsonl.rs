//! End-to-end tests of `newsclean clean --jsonl`: the command as a user runs it.

use assert_cmd::Command;

fn newsclean() -> Command {
    Command::cargo_bin("newsclean").unwrap()
}

const INPUT: &str = concat!(
    "{\"id\":1,\"text\":\"a\\n\\n\\nb\",\"n\":1.0}\n",
    "oops\n",
    "{\"id\":3,\"text\":\"c\"}\n",
    "{\"id\":4,\"body\":\"d\"}\n",
);

#[test]
fn stdin_to_stdout_with_summary() {
    let out = newsclean().args(["clean", "--jsonl", "-"]).write_stdin(INPUT).assert().success();
    let o = out.get_output();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "{\"id\":1,\"text\":\"a\\nb\",\"n\":1.0}\noops\n{\"id\":3,\"text\":\"c\"}\n{\"id\":4,\"body\":\"d\"}\n"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("4 records, 1 changed, 2 bad passed through unchanged (first: line 2: not JSON"),
        "{err}"
    );
}

#[test]
fn file_input_field_and_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, INPUT).unwrap();
    let run = |jobs: &str| {
        let a = newsclean()
            .args(["clean", "--jsonl", "--field", "body", "--annotate", "--jobs", jobs])
            .arg(&path)
            .assert()
            .success();
        a.get_output().stdout.clone()
    };
    let one = run("1");
    assert_eq!(one, run("2"));
    let last = String::from_utf8(one).unwrap().lines().nth(3).unwrap().to_string();
    let v: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(v["body"], "d");
    assert_eq!(v["newsclean"]["changed"], false);
}

#[test]
fn strict_exits_2_naming_the_line() {
    let a = newsclean().args(["clean", "--jsonl", "--strict"]).write_stdin(INPUT).assert().code(2);
    let o = a.get_output();
    assert_eq!(String::from_utf8_lossy(&o.stdout), "{\"id\":1,\"text\":\"a\\nb\",\"n\":1.0}\n");
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 2: not JSON"));
}

#[test]
fn jsonl_flags_need_jsonl() {
    newsclean().args(["clean", "--strict", "-"]).write_stdin("x").assert().code(2);
}
