//! Every rule id an edit or a block carries is registered: the layout registry
//! (`newsclean_layout::registry`) or a built-in profile's YAML rules. Walks the edits of the
//! seeds and of the realpages fixtures, cleaned with the default configuration (the CJK
//! profile, the Latin profile for Latin pages) and with the Latin profile alone.

use std::path::{Path, PathBuf};

use newsclean::rules::RuleSet;
use newsclean::{Cleaner, Config};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    for tool in ["pdftotext", "pdftotext-layout", "pymupdf", "tesseract"] {
        let dir = root().join("tests/fixtures/realpages").join(tool);
        files.extend(std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()));
    }
    files.sort();
    files
}

fn yaml_ids() -> Vec<String> {
    RuleSet::builtin_names()
        .iter()
        .flat_map(|p| {
            RuleSet::builtin(p).unwrap().rules().iter().map(|r| r.id().to_string()).collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_logged_rule_id_is_registered() {
    let yaml = yaml_ids();
    let known = |id: &str| newsclean::layout::registry::get(id).is_some() || yaml.iter().any(|y| y == id);
    let cleaners = [
        Cleaner::from_config(&Config::default()).unwrap(),
        Cleaner::new("en-newspaper").unwrap(),
        Cleaner::new("zh-pangu").unwrap(),
    ];
    let files = inputs();
    assert!(files.len() >= 5 + 16, "seeds and realpages fixtures are there: {}", files.len());
    let mut seen = std::collections::BTreeSet::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        for cleaner in &cleaners {
            let cleaned = cleaner.clean(&bytes).unwrap();
            let ids = cleaned
                .page
                .log()
                .edits()
                .iter()
                .map(|e| e.rule.to_string())
                .chain(cleaned.page.blocks().iter().filter_map(|b| b.rule.clone()));
            for id in ids {
                assert!(known(&id), "{}: rule id {id:?} is not registered", f.display());
                seen.insert(id);
            }
        }
    }
    // The walk sees most of the layout registry (a rule that never fires on these pages is
    // still tested in its pass's own tests).
    let layout_seen = seen.iter().filter(|id| newsclean::layout::registry::get(id).is_some()).count();
    assert!(layout_seen >= 20, "{layout_seen} layout ids seen: {seen:?}");
}

#[test]
fn registry_ids_are_unique_documented_and_name_a_pass() {
    let passes: Vec<String> = newsclean::layout::passes().iter().map(|p| p.id().to_string()).collect();
    let mut ids = std::collections::HashSet::new();
    for r in newsclean::layout::registry::all() {
        assert!(ids.insert(r.id), "{} registered twice", r.id);
        for (what, text) in
            [("title", r.title), ("why", r.why), ("example", r.example), ("not_when", r.not_when)]
        {
            assert!(!text.trim().is_empty(), "{}: empty {what}", r.id);
        }
        assert!(
            passes.contains(&r.pass.to_string()) || r.pass == "page.finalize" || r.pass == "decode",
            "{}: no pass {}",
            r.id,
            r.pass
        );
    }
    for y in yaml_ids() {
        assert!(newsclean::layout::registry::get(&y).is_none(), "{y} is both a YAML and a layout rule");
    }
}

#[test]
fn every_decode_rule_id_is_registered() {
    let registered: Vec<&str> = newsclean::core::registry::DECODE_RULES.iter().map(|r| r.id).collect();
    for id in newsclean::decode::RULE_IDS {
        assert!(registered.contains(&id), "{id} is logged by decoding but not in DECODE_RULES");
        assert!(newsclean::layout::registry::get(id).is_some(), "rules explain cannot find {id}");
    }
    assert_eq!(
        registered.len(),
        newsclean::decode::RULE_IDS.len(),
        "DECODE_RULES lists an id decoding never logs"
    );
}
