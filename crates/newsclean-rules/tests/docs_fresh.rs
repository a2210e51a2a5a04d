//! docs/rules.md is generated from the built-in rule files; this fails when it is stale.

#[test]
fn docs_rules_md_is_up_to_date() {
    let committed = include_str!("../../../docs/rules.md");
    let fresh = newsclean_rules::docs::rules_markdown().unwrap();
    assert!(committed.starts_with(newsclean_rules::docs::GENERATED_HEADER));
    assert!(committed == fresh, "docs/rules.md is stale: run `cargo xtask codegen` and commit the result");
}
