//! End-to-end tests of what a new user met on a first run (issue 20's CLI items, issue 21
//! items 3 and 7): backups, flags that cannot apply, closed pipes, colour, config search,
//! error messages.

mod common;

use std::fs;
use std::path::Path;
use std::process::Stdio;

use common::*;

/// A few seeds in `dir/pages`, returned.
fn pages(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("pages");
    copy_seeds(&p);
    p
}

#[test]
fn an_empty_backup_suffix_is_refused_and_the_file_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let (name, bytes) = seeds().remove(0);
    fs::write(tmp.path().join(&name), &bytes).unwrap();
    for suffix in ["", "/x", "/"] {
        let o = run(tmp.path(), &["clean", "--in-place", "--backup", suffix, &name]);
        assert_eq!(code(&o), 2, "--backup {suffix:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("--backup .orig"), "names the fix: {}", stderr(&o));
        assert_eq!(
            fs::read(tmp.path().join(&name)).unwrap(),
            bytes,
            "--backup {suffix:?}: the file is untouched"
        );
    }
}

#[test]
fn backups_are_never_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    pages(tmp.path());
    for round in 0..2 {
        let o = run(tmp.path(), &["clean", "pages", "--in-place", "--backup", ".orig"]);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        if round == 0 {
            // The backup is named as the input was: relative, beside it.
            let note = "pages/000_754509dbfb55a7fd.txt: original kept as pages/000_754509dbfb55a7fd.txt.orig";
            assert!(stderr(&o).contains(note), "{}", stderr(&o));
        }
    }
    let names: Vec<String> = walk_files(&tmp.path().join("pages"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 10, "five pages and five backups, no backup of a backup: {names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".orig.orig")), "{names:?}");
    for (name, bytes) in seeds() {
        assert_eq!(
            fs::read(tmp.path().join("pages").join(format!("{name}.orig"))).unwrap(),
            bytes,
            "{name}.orig"
        );
    }
    // A later check of the folder passes: the backups beside their files are not pages.
    let o = run(tmp.path(), &["clean", "pages", "--check", "-v"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("backups are never inputs"), "{}", stderr(&o));
    // learn reads the pages, not their backups too.
    let o = run(tmp.path(), &["learn", "pages", "--min-pages", "2", "-o", "learned.yaml"]);
    assert!(stderr(&o).contains("from 5 page(s)"), "{}", stderr(&o));
}

#[test]
fn stdin_cannot_go_in_place_or_under_an_out_dir() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run_stdin(tmp.path(), &["clean", "--in-place", "-"], "党建强,则根基稳\n".as_bytes());
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing printed: {}", stdout(&o));
    assert!(stderr(&o).contains("--in-place") && stderr(&o).contains("standard input"), "{}", stderr(&o));
    // --glob with no folder to filter cannot apply.
    fs::write(tmp.path().join("a.txt"), "正文\n").unwrap();
    let o = run(tmp.path(), &["clean", "a.txt", "--glob", "*.md"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("--glob filters the files found in folders"), "{}", stderr(&o));
    let o = run_stdin(tmp.path(), &["clean", "--out-dir", "D", "-"], "党建强,则根基稳\n".as_bytes());
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing printed: {}", stdout(&o));
    assert!(stderr(&o).contains("--out-dir D") && stderr(&o).contains("standard input"), "{}", stderr(&o));
    assert!(!tmp.path().join("D").exists());
}

/// Run with stdout a pipe whose reader has gone before anything is written.
fn run_into_closed_pipe(cwd: &Path, args: &[&str]) -> std::process::Output {
    let mut child = bin()
        .current_dir(cwd)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newsclean runs");
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = pages(tmp.path());
    let seed = dir.join("000_754509dbfb55a7fd.txt");
    let seed = seed.to_str().unwrap();
    let dir = dir.to_str().unwrap();
    let runs: [&[&str]; 9] = [
        &["explain", seed],
        &["explain", "--format", "json", seed],
        &["review", "--format", "json", dir],
        &["clean", "--diff", dir],
        &["clean", "--format", "json", dir],
        &["rules", "list"],
        &["learn", dir, "--min-pages", "2", "--min-share", "0.2"],
        &["clean", "--jsonl", "records.jsonl"],
        &["completions", "bash"],
    ];
    let records: String =
        (0..2000).map(|i| format!("{{\"id\":{i},\"text\":\"党建强,则根基稳\"}}\n")).collect();
    fs::write(tmp.path().join("records.jsonl"), records).unwrap();
    for args in runs {
        let o = run_into_closed_pipe(tmp.path(), args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("error"), "{args:?}: {}", stderr(&o));
    }
}

/// Run under a pseudo-terminal (`script`), so that `--color auto` sees a terminal.
fn run_in_terminal(cwd: &Path, args: &[&str], no_color: bool) -> String {
    let cmd = std::iter::once(env!("CARGO_BIN_EXE_newsclean"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut c = std::process::Command::new("script");
    c.current_dir(cwd).args(["-qec", &cmd, "/dev/null"]).stdin(Stdio::null());
    if no_color {
        c.env("NO_COLOR", "1");
    } else {
        c.env_remove("NO_COLOR");
    }
    String::from_utf8_lossy(&c.output().expect("script runs").stdout).into_owned()
}

#[test]
fn one_colour_decision_for_every_command() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = pages(tmp.path());
    let seed = dir.join("000_754509dbfb55a7fd.txt");
    let seed = seed.to_str().unwrap();
    for args in [&["explain", seed][..], &["clean", "--diff", seed][..]] {
        assert!(run_in_terminal(tmp.path(), args, false).contains("\x1b["), "{args:?} colours a terminal");
        assert!(!run_in_terminal(tmp.path(), args, true).contains("\x1b["), "{args:?} honours NO_COLOR");
        let mut never = args.to_vec();
        never.extend(["--color", "never"]);
        assert!(!run_in_terminal(tmp.path(), &never, false).contains("\x1b["), "{never:?}");
    }
}

/// A project rule file that turns 甲 into 乙, so that whether it applied shows in the text.
const SWAP_RULES: &str =
    "rules:\n  - id: my.swap\n    title: t\n    why: w\n    regex: {find: '甲', replace: '乙'}\n";

#[test]
fn the_project_rule_file_beside_the_file_applies_and_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let pages = tmp.path().join("pages");
    fs::create_dir_all(pages.join("sub")).unwrap();
    fs::create_dir_all(tmp.path().join("other")).unwrap();
    fs::write(pages.join("newsclean.yaml"), SWAP_RULES).unwrap();
    fs::write(pages.join("a.txt"), "甲方\n").unwrap();
    fs::write(pages.join("sub/b.txt"), "甲方\n").unwrap();
    fs::write(tmp.path().join("other/c.txt"), "甲方\n").unwrap();
    // Run from the folder above: the file's folder is searched, not only the working folder.
    let o = run(tmp.path(), &["clean", "pages/a.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "乙方\n");
    let rules = pages.canonicalize().unwrap().join("newsclean.yaml");
    assert!(
        stderr(&o).contains(&format!("using rule file {}", rules.display())),
        "said without -v: {}",
        stderr(&o)
    );
    // In one run, each file gets the rule file nearest to it: none for other/c.txt.
    let o = run(tmp.path(), &["clean", "pages", "other", "--out-dir", "OUT"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(fs::read_to_string(tmp.path().join("OUT/a.txt")).unwrap(), "乙方\n");
    assert_eq!(fs::read_to_string(tmp.path().join("OUT/sub/b.txt")).unwrap(), "乙方\n");
    assert_eq!(fs::read_to_string(tmp.path().join("OUT/c.txt")).unwrap(), "甲方\n");
    assert_eq!(stderr(&o).matches("using rule file").count(), 1, "named once: {}", stderr(&o));
    assert!(!tmp.path().join("OUT/newsclean.yaml").exists(), "the rule file is not a page");
    let o = run(tmp.path(), &["clean", "pages", "--check", "-v"]);
    assert!(
        stderr(&o).contains("newsclean.yaml: skipped (the project rule file, not a page)"),
        "{}",
        stderr(&o)
    );
    // explain and review look beside the file too.
    let o = run(tmp.path(), &["explain", "pages/a.txt"]);
    assert!(stdout(&o).contains("my.swap"), "{}", stdout(&o));
    let o = run(tmp.path(), &["review", "--format", "json", "pages/a.txt"]);
    assert!(stdout(&o).contains("my.swap"), "{}", stdout(&o));
    // -q says nothing; --no-config reads nothing.
    let o = run(tmp.path(), &["clean", "-q", "pages/a.txt"]);
    assert_eq!(stderr(&o), "");
    let o = run(tmp.path(), &["clean", "--no-config", "pages/a.txt"]);
    assert_eq!(stdout(&o), "甲方\n");
    assert!(!stderr(&o).contains("rule file"), "{}", stderr(&o));
}

#[test]
fn the_search_stops_at_the_repository_root_and_at_home() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("newsclean.yaml"), SWAP_RULES).unwrap();
    for (dir, marker) in [("repo", Some(".git")), ("hg", Some(".hg")), ("home", None)] {
        let d = tmp.path().join(dir);
        fs::create_dir_all(d.join("pages")).unwrap();
        if let Some(m) = marker {
            fs::create_dir_all(d.join(m)).unwrap();
        }
        fs::write(d.join("pages/a.txt"), "甲方\n").unwrap();
        let o = bin()
            .current_dir(d.join("pages"))
            .env("HOME", tmp.path().join("home"))
            .args(["clean", "a.txt"])
            .output()
            .unwrap();
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        assert_eq!(stdout(&o), "甲方\n", "{dir}: the rule file above is not read: {}", stderr(&o));
        assert!(!stderr(&o).contains("rule file"), "{}", stderr(&o));
    }
    // Below a plain folder the search goes on to the parent.
    fs::create_dir_all(tmp.path().join("plain")).unwrap();
    fs::write(tmp.path().join("plain/a.txt"), "甲方\n").unwrap();
    let o = bin()
        .current_dir(tmp.path())
        .env("HOME", tmp.path().join("home"))
        .args(["clean", "plain/a.txt"])
        .output()
        .unwrap();
    assert_eq!(stdout(&o), "乙方\n", "{}", stderr(&o));
}

#[test]
fn a_rule_file_others_can_write_is_ignored_with_a_note() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let rules = tmp.path().join("newsclean.yaml");
    fs::write(&rules, SWAP_RULES).unwrap();
    fs::write(tmp.path().join("a.txt"), "甲方\n").unwrap();
    fs::set_permissions(&rules, fs::Permissions::from_mode(0o666)).unwrap();
    let o = run(tmp.path(), &["clean", "a.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "甲方\n", "not applied");
    assert!(
        stderr(&o).contains("ignored the rule file") && stderr(&o).contains("chmod o-w"),
        "{}",
        stderr(&o)
    );
    if is_root() {
        // Owned by another user: ignored too (only root can give a file away).
        fs::set_permissions(&rules, fs::Permissions::from_mode(0o644)).unwrap();
        std::os::unix::fs::chown(&rules, Some(12345), None).unwrap();
        let o = run(tmp.path(), &["clean", "a.txt"]);
        assert_eq!(stdout(&o), "甲方\n", "not applied");
        assert!(stderr(&o).contains("owned by user id 12345"), "{}", stderr(&o));
        // A link someone else planted, to a file of root's: ignored too.
        std::os::unix::fs::chown(&rules, Some(0), None).unwrap();
        fs::rename(&rules, tmp.path().join("mine.yaml")).unwrap();
        std::os::unix::fs::symlink("mine.yaml", &rules).unwrap();
        let o = run(tmp.path(), &["clean", "a.txt"]);
        assert_eq!(stdout(&o), "乙方\n", "root's link to root's file applies");
        std::os::unix::fs::lchown(&rules, Some(12345), None).unwrap();
        let o = run(tmp.path(), &["clean", "a.txt"]);
        assert_eq!(stdout(&o), "甲方\n", "not applied");
        assert!(stderr(&o).contains("a link owned by user id 12345"), "{}", stderr(&o));
    }
}

/// The subcommands `newsclean help` lists (their first word on the lines under `Commands:`).
fn listed_commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // A command's line starts two spaces in; its description's wrapped lines, further.
        .filter(|l| !l[2..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_s_help_has_examples() {
    let tmp = tempfile::tempdir().unwrap();
    let top = stdout(&run(tmp.path(), &["--help"]));
    assert!(top.contains("Examples:\n  newsclean "), "{top}");
    let mut commands: Vec<Vec<String>> = Vec::new();
    for c in listed_commands(&top) {
        commands.push(vec![c.clone()]);
        let help = stdout(&run(tmp.path(), &[&c, "--help"]));
        for sub in listed_commands(&help) {
            commands.push(vec![c.clone(), sub]);
        }
    }
    assert!(commands.len() >= 9, "{commands:?}");
    for c in commands {
        let mut args: Vec<&str> = c.iter().map(String::as_str).collect();
        args.push("--help");
        let o = run(tmp.path(), &args);
        assert_eq!(code(&o), 0, "{args:?}");
        let help = stdout(&o);
        let example = format!("Examples:\n  newsclean {}", c.join(" "));
        assert!(help.contains(&example), "{args:?} has no examples of itself:\n{help}");
    }
}

#[test]
fn profile_help_lists_the_profile_names_and_a_wrong_one_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    for cmd in [
        &["clean", "--help"][..],
        &["explain", "--help"],
        &["review", "--help"],
        &["rules", "list", "--help"],
    ] {
        let help = stdout(&run(tmp.path(), cmd)).split_whitespace().collect::<Vec<_>>().join(" ");
        for name in newsclean::rules::RuleSet::builtin_names() {
            assert!(help.contains(name), "{cmd:?} --help names the profile {name}: {help}");
        }
    }
    let o = run(tmp.path(), &["clean", "--profile", "zh-panguu", "x.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("zh-pangu"), "{}", stderr(&o));
}

#[test]
fn completions_and_man_pages_come_from_the_clap_definitions() {
    let tmp = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let o = run(tmp.path(), &["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for word in ["in-place", "backup", "explain", "review"] {
            assert!(script.contains(word), "{shell} completes {word}");
        }
    }
    let o = run(tmp.path(), &["man", "--out-dir", "man"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for page in ["newsclean.1", "newsclean-clean.1", "newsclean-rules-test.1"] {
        let roff = fs::read_to_string(tmp.path().join("man").join(page)).unwrap();
        assert!(roff.contains(".TH"), "{page} is a man page");
    }
    assert!(fs::read_to_string(tmp.path().join("man/newsclean-clean.1")).unwrap().contains("in\\-place"));
}

#[test]
fn error_messages_name_the_fix() {
    let tmp = tempfile::tempdir().unwrap();
    // A rule file that does not exist: said so, with where it was looked for.
    let o = run(tmp.path(), &["rules", "test", "nosuch.yaml"]);
    assert_eq!(code(&o), 2);
    let cwd = tmp.path().canonicalize().unwrap();
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("looked for nosuch.yaml in {}", cwd.display())), "{}", stderr(&o));
    let o = run(tmp.path(), &["clean", "--rules", "nosuch.yaml", "x.txt"]);
    assert!(stderr(&o).contains("no such rule file (looked in"), "{}", stderr(&o));
    // An unknown rule id: the nearest ids.
    let o = run(tmp.path(), &["rules", "explain", "zh.coma-fullwidth"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("did you mean zh.comma-fullwidth?"), "{}", stderr(&o));
    let o = run(tmp.path(), &["rules", "explain", "zzzz"]);
    assert!(!stderr(&o).contains("did you mean"), "{}", stderr(&o));
    // A binary file met in a folder: --glob leaves such files out.
    let dir = pages(tmp.path());
    fs::write(dir.join("scan.png"), PNG).unwrap();
    let o = run(tmp.path(), &["clean", "pages", "--out-dir", "OUT"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("pages/scan.png: binary data") && stderr(&o).contains("--glob '!*.png'"),
        "{}",
        stderr(&o)
    );
    let o = run(tmp.path(), &["clean", "pages", "--out-dir", "OUT", "--glob", "!*.png"]);
    assert_eq!(code(&o), 0, "the advice works: {}", stderr(&o));
    // review: without --report, --format json is named; a bad file is named once.
    let o = run(tmp.path(), &["review", "pages"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--format json"), "{}", stderr(&o));
    let o = run(tmp.path(), &["review", "pages/scan.png", "--report", "r.html"]);
    assert_eq!(code(&o), 2);
    let line = error_lines(&o).join("\n");
    assert_eq!(line.matches("scan.png").count(), 1, "the file named once: {line}");
}

#[test]
fn keep_encoding_writes_back_in_the_input_s_encoding_or_refuses_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (name, seed) = seeds().remove(0);
    let text = String::from_utf8(seed).unwrap();
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    let gb = gb.into_owned();
    fs::write(tmp.path().join("gb.txt"), &gb).unwrap();
    fs::write(tmp.path().join("utf8.txt"), &gb).unwrap();
    // Without it, --in-place writes UTF-8 (the help says so).
    let o = run(tmp.path(), &["clean", "--in-place", "utf8.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let utf8 = fs::read(tmp.path().join("utf8.txt")).unwrap();
    assert!(std::str::from_utf8(&utf8).is_ok(), "UTF-8 by default");
    assert!(stdout(&run(tmp.path(), &["clean", "--help"])).contains("UTF-8 with LF"));
    // With it, the file stays GB18030: the same clean text, in the input's encoding.
    let o = run(tmp.path(), &["clean", "--in-place", "--keep-encoding", "gb.txt"]);
    assert_eq!(code(&o), 0, "{name}: {}", stderr(&o));
    let written = fs::read(tmp.path().join("gb.txt")).unwrap();
    assert!(std::str::from_utf8(&written).is_err(), "not UTF-8");
    let (decoded, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&written);
    assert!(!had_errors);
    assert_eq!(decoded.as_bytes(), utf8.as_slice(), "the same clean text");
    // A second run finds nothing to change and leaves the file alone.
    let o = run(tmp.path(), &["clean", "--in-place", "--keep-encoding", "-v", "gb.txt"]);
    assert!(stderr(&o).contains("0 changed"), "{}", stderr(&o));
    assert_eq!(fs::read(tmp.path().join("gb.txt")).unwrap(), written);
    // A clean text that the encoding cannot hold: refused, the file untouched.
    let koi = b"He said \"yes\" to me, and she said \"no\" to him.\n";
    fs::write(tmp.path().join("koi.txt"), koi).unwrap();
    let o = run(tmp.path(), &["clean", "--in-place", "--keep-encoding", "--encoding", "koi8-r", "koi.txt"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("KOI8-R cannot hold") && stderr(&o).contains("drop --keep-encoding"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(tmp.path().join("koi.txt")).unwrap(), koi);
    // Only for files written: not for stdout.
    let o = run(tmp.path(), &["clean", "--keep-encoding", "gb.txt"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--keep-encoding applies to"), "{}", stderr(&o));
}

/// A page that is clean but not UTF-8 "would change" only by being written as UTF-8: no edit
/// of the text shows that, so `--check`, `--diff` and `--in-place` say it in a note that names
/// the way to keep the encoding; a UTF-8 page gets no such note.
#[test]
fn a_change_of_encoding_alone_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode("标题\n正文第一段，内容。\n");
    fs::write(tmp.path().join("gbk.txt"), &gbk).unwrap();
    fs::write(tmp.path().join("utf8.txt"), "标题\n正文第一段，内容。\n").unwrap();
    for args in [&["clean", "--check", "gbk.txt"][..], &["clean", "--diff", "gbk.txt"]] {
        let o = run(tmp.path(), args);
        let err = stderr(&o);
        assert!(
            err.contains("gbk.txt: read as GBK; the clean file is UTF-8") && err.contains("--keep-encoding"),
            "{args:?}: {err}"
        );
    }
    let o = run(tmp.path(), &["clean", "--check", "utf8.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("read as"), "{}", stderr(&o));
    let o = run(tmp.path(), &["clean", "--check", "-q", "gbk.txt"]);
    assert!(!stderr(&o).contains("read as"), "-q prints no notes: {}", stderr(&o));
    // Written back as GBK: nothing changes, nothing to say.
    let o = run(tmp.path(), &["clean", "--in-place", "--keep-encoding", "gbk.txt"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("read as"), "{}", stderr(&o));
    assert_eq!(fs::read(tmp.path().join("gbk.txt")).unwrap(), gbk.as_ref());
}

#[test]
fn a_bad_project_rule_file_fails_its_files_not_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let pages = tmp.path().join("pages");
    fs::create_dir_all(pages.join("bad")).unwrap();
    fs::write(pages.join("good.txt"), "甲方\n").unwrap();
    fs::write(pages.join("bad/b.txt"), "甲方\n").unwrap();
    fs::write(pages.join("bad/c.txt"), "甲方\n").unwrap();
    fs::write(pages.join("bad/newsclean.yaml"), "rules:\n  - id: x\n    nonsense: 1\n").unwrap();
    let o = run(tmp.path(), &["clean", "pages", "--out-dir", "OUT"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(
        fs::read_to_string(tmp.path().join("OUT/good.txt")).unwrap(),
        "甲方\n",
        "the others are cleaned"
    );
    assert!(!tmp.path().join("OUT/bad").exists());
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 2, "{errors:?}");
    for (line, name) in errors.iter().zip(["pages/bad/b.txt", "pages/bad/c.txt"]) {
        assert!(line.starts_with(&format!("newsclean: error: {name}: the project rule file ")), "{line}");
        assert!(line.contains("newsclean.yaml:3:5") && line.contains("--no-config"), "{line}");
    }
    assert!(stderr(&o).contains("3 files, 0 changed, 2 failed, 1 skipped"), "{}", stderr(&o));
}
