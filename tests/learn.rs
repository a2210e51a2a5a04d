//! End-to-end tests of `newsclean learn` (issue 7): a folder of another newspaper's pages in,
//! a rule file of furniture rules out, usable with `clean --rules`; the guards; the errors.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// The article paragraphs of the gold pages (P lines), in file order.
fn gold_paragraphs() -> Vec<String> {
    let gold = seeds_dir().join("../gold");
    let mut names: Vec<_> = fs::read_dir(&gold).unwrap().map(|e| e.unwrap().path()).collect();
    names.retain(|p| p.to_string_lossy().ends_with(".gold.tsv"));
    names.sort();
    let mut out = Vec::new();
    for n in names {
        for line in fs::read_to_string(n).unwrap().lines() {
            if let Some(p) = line.strip_prefix("P\t")
                && p.chars().count() > 40
            {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// Hard-wrap a paragraph at 15 characters, as the seeds are.
fn wrap(p: &str) -> String {
    let cs: Vec<char> = p.chars().collect();
    cs.chunks(15).map(|c| c.iter().collect::<String>() + "\n").collect()
}

const SLOGAN: &str = "“绿水青山就是金山银山”";

/// Twelve pages of an invented newspaper: its own masthead, column title and footer around
/// the gold's article text, and a quoted slogan inside a paragraph of every page.
fn write_pages(dir: &Path) -> Vec<String> {
    fs::create_dir_all(dir).unwrap();
    let paras = gold_paragraphs();
    let mut pages = Vec::new();
    for n in 0..12 {
        let a = wrap(&paras[(2 * n) % paras.len()]);
        let b = wrap(&paras[(2 * n + 1) % paras.len()]);
        // The slogan on a line of its own, between two lines of running text.
        let mut lines: Vec<&str> = b.lines().collect();
        lines.insert(1, SLOGAN);
        let b = lines.join("\n") + "\n";
        let page = format!("东海晨报·城市版\n\n城市观察\n\n{a}\n{b}\n东海晨报社出版 第{}期\n", 3000 + n);
        fs::write(dir.join(format!("p{n:02}.txt")), &page).unwrap();
        pages.push(page);
    }
    pages
}

#[test]
fn learn_writes_rules_that_clean_uses() {
    let tmp = tempfile::tempdir().unwrap();
    let pages = write_pages(&tmp.path().join("paper"));
    let o = run(tmp.path(), &["learn", "paper", "-o", "learned.yaml", "-v"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("learned 3 furniture rule(s) from 12 page(s)"), "{}", stderr(&o));
    let yaml = fs::read_to_string(tmp.path().join("learned.yaml")).unwrap();
    for want in ["furniture: 城市观察", "东海晨报社出版{{space}}+第[0-9]+期", "Seen on 12 of 12 pages"]
    {
        assert!(yaml.contains(want), "{want} in:\n{yaml}");
    }
    assert!(!yaml.contains("绿水青山"), "the slogan is article text:\n{yaml}");
    assert!(stderr(&o).contains("绿水青山"), "-v names the refused slogan: {}", stderr(&o));
    // The same on stdout, byte for byte.
    let o2 = run(tmp.path(), &["learn", "paper", "-q"]);
    assert_eq!(code(&o2), 0);
    assert_eq!(stdout(&o2), yaml);
    assert!(o2.stderr.is_empty());
    // The file is a valid rule file whose examples pass.
    let t = run(tmp.path(), &["rules", "test", "learned.yaml"]);
    assert_eq!(code(&t), 0, "{}{}", stdout(&t), stderr(&t));
    // Cleaning with it removes the furniture and keeps the slogan; without it, it does not.
    let with = run(tmp.path(), &["clean", "--rules", "learned.yaml", "paper/p03.txt"]);
    assert_eq!(code(&with), 0, "{}", stderr(&with));
    let clean = stdout(&with);
    assert!(!clean.contains("城市观察") && !clean.contains("东海晨报社出版"), "{clean}");
    assert!(clean.contains("绿水青山就是金山银山"), "{clean}");
    let without = stdout(&run(tmp.path(), &["clean", "paper/p03.txt"]));
    assert!(without.contains("城市观察"), "{without}");
    assert!(pages[3].contains("城市观察"));
}

#[test]
fn learn_errors_are_clear_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("empty")).unwrap();
    let o = run(tmp.path(), &["learn", "empty"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("empty: no pages to learn from (no file found)"), "{}", stderr(&o));
    let o = run(tmp.path(), &["learn", "missing"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("missing: no such file or folder"), "{}", stderr(&o));
    // A file that cannot be read is one error line; the others are learned from.
    write_pages(&tmp.path().join("paper"));
    fs::write(tmp.path().join("paper/photo.png"), PNG).unwrap();
    let o = run(tmp.path(), &["learn", "paper", "-o", "out.yaml"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let errors = error_lines(&o);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("paper/photo.png") && errors[0].contains("binary"), "{errors:?}");
    assert!(fs::read_to_string(tmp.path().join("out.yaml")).unwrap().contains("城市观察"));
    let o = run(tmp.path(), &["learn", "paper", "--min-share", "2"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--min-share 2"), "{}", stderr(&o));
}
