//! Issue 21 item 4: the rules stay linear in the page and in the number of rules. Each test
//! uses a size that runs in about a second when the work is linear and takes minutes when it is
//! quadratic (the shapes that were), so a regression shows as a test that does not finish, not
//! as a flaky timing. `NEWSCLEAN_SCALING=1` multiplies the sizes by 10 (slow; for a release
//! build: `cargo test --release -p newsclean-rules --test scaling`).

use std::sync::Arc;

use newsclean_core::{Context, Page, Pass};
use newsclean_rules::{RuleSet, RulesPass};

fn scale() -> usize {
    if std::env::var_os("NEWSCLEAN_SCALING").is_some_and(|v| v == "1") { 10 } else { 1 }
}

/// Many paragraphs that a self-feeding rule changes again and again (`;;;` after CJK turns one
/// mark per application): each repeat looked every block up in the list of touched blocks,
/// O(blocks × touched) per repeat.
#[test]
fn many_changed_paragraphs_stay_linear() {
    let n = 60_000 * scale();
    let raw = "党建;;;\n\n".repeat(n);
    let compiled = Arc::new(RuleSet::builtin("zh-newspaper").unwrap().compile().unwrap());
    let pass = RulesPass::new("rules", compiled);
    let mut page = Page::new(raw.as_str());
    pass.run(&mut page, &Context::default()).unwrap();
    assert_eq!(page.text().matches("党建；；；").count(), n);
    assert_eq!(page.log().undo(page.text()), raw);
}

/// A rule file of thousands of rules: each rule's line was found by scanning the file, and its
/// place among the known rules by scanning them, O(rules²).
#[test]
fn thousands_of_user_rules_load_in_linear_time() {
    let n = 6_000 * scale();
    let mut file = String::from("rules:\n");
    for i in 0..n {
        file.push_str(&format!(
            "- id: user.r{i}\n  title: rule {i}\n  why: test\n  regex:\n    find: 'abc{i}x'\n    replace: 'abd{i}x'\n"
        ));
    }
    let mut set = RuleSet::builtin("zh-newspaper").unwrap();
    let before = set.rules().len();
    set.add_file(std::path::Path::new("many.yaml"), &file).unwrap();
    assert_eq!(set.rules().len(), before + n);
    assert_eq!(set.rules().last().unwrap().origin.line, 1 + 6 * (n - 1) + 1, "the line of the last rule");
}
