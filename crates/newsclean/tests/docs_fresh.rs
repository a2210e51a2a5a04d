//! docs/rules.md is generated from the built-in rule files and the layout registry; this fails
//! when it is stale.

#[test]
fn docs_rules_md_is_up_to_date() {
    let committed = include_str!("../../../docs/rules.md");
    let fresh = newsclean::rules_markdown().unwrap();
    assert!(committed.starts_with(newsclean::rules::docs::GENERATED_HEADER));
    assert!(committed == fresh, "docs/rules.md is stale: run `cargo xtask codegen` and commit the result");
    for r in newsclean::layout::registry::all() {
        assert!(committed.contains(&format!("### `{}`", r.id)), "{} is not documented", r.id);
    }
}
