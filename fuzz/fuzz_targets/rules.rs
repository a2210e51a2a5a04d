//! Fuzz target: the rule loader on arbitrary UTF-8, as a user's rule file over the default
//! built-in profile.
//!
//! Invariants: no panic in parsing, validation, error reporting (line/column lookup),
//! compiling or building the pass; and when the file loads, the pipeline it makes either
//! runs on a sample page keeping the lossless log, or fails with a clear error (a user's rules
//! may legitimately not converge, but an edit the log refuses is a bug).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newsclean::core::{Context, Page, PassError, Pipeline};
use newsclean::rules::RuleSet;

static BASE: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::builtin("zh-newspaper").expect("the built-in profile loads"));

/// A short page with CJK and Latin text, punctuation, a number, a header line.
const SAMPLE: &str = "人民日报 2024年3月1日 星期五\n\n党建强, 则根\n基稳。“新闻”(记者 张三)\nThe quick brown fox -\njumps 12 , 34 over.\n";

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let path = Path::new("fuzz.yaml");
    let mut set = BASE.clone();
    if let Err(e) = set.add_file(path, text) {
        let _ = e.to_string();
        return;
    }
    if let Err(e) = set.compile() {
        let _ = e.to_string();
        return;
    }
    let _ = RuleSet::from_file(path, text).map(|s| s.test());
    let passes = set.into_passes().expect("rules that compiled make their pass");
    let mut pipeline = Pipeline::new();
    pipeline.extend(passes);
    let mut page = Page::new(SAMPLE);
    match pipeline.run(&mut page, &Context { apply_review: true, ..Context::default() }) {
        Ok(()) => {}
        Err(e @ PassError::Edit { .. }) => panic!("a rule made edits the log refused: {e}"),
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    }
    assert_eq!(page.log().undo(page.text()), SAMPLE, "undo of the log is not the input");
});
