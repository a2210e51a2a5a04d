//! Rules that test themselves: each rule's `examples` (before → after) and `unchanged` cases
//! run through the rule alone, on a one-block page of a kind in the rule's scope.

use std::fmt;
use std::sync::Arc;

use newsclean_core::{Context, Page, Pass};

use crate::Rule;
use crate::furniture::FurniturePass;
use crate::pass::{CompiledRules, RulesPass};

/// Which kind of case failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// An `examples` entry did not give its `after`.
    Example,
    /// An `unchanged` case was changed.
    Unchanged,
}

/// One case a rule got wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule's id.
    pub rule: String,
    /// Example or unchanged case.
    pub kind: FailureKind,
    /// The input.
    pub input: String,
    /// What the case expects.
    pub expected: String,
    /// What the rule produced (or the error it gave).
    pub got: String,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            FailureKind::Example => "example",
            FailureKind::Unchanged => "unchanged case",
        };
        write!(
            f,
            "rule {}: {what} {:?}\n  expected: {:?}\n  produced: {:?}",
            self.rule, self.input, self.expected, self.got
        )
    }
}

/// Run a rule alone over `text`, as the body of a one-block page of a kind in its scope,
/// review-level changes included. A `furniture` rule runs on the lines of `text`: the lines
/// it removes are gone, the others kept with one `\n` between them (and a final one only if
/// `text` has one).
pub fn apply_rule(rule: &Rule, text: &str) -> Result<String, String> {
    if rule.compiled().is_furniture() {
        let pass = FurniturePass::new("rules.example", vec![rule.compiled().clone()]);
        let mut page = Page::new(text);
        pass.run(&mut page, &Context { apply_review: true, ..Context::default() })
            .map_err(|e| e.to_string())?;
        page.finalize().map_err(|e| e.to_string())?;
        let mut out = page.text().to_string();
        if !text.ends_with('\n') && out.ends_with('\n') {
            out.pop();
        }
        return Ok(out);
    }
    let compiled = CompiledRules::new(vec![rule.compiled().clone()])?;
    let pass = RulesPass::new("rules.example", Arc::new(compiled));
    let mut page = Page::new(text);
    let kind = rule.spec.scope.example_kind();
    for i in 0..page.blocks().len() {
        page.set_kind(i, kind);
    }
    pass.run(&mut page, &Context { apply_review: true, ..Context::default() }).map_err(|e| e.to_string())?;
    Ok(page.text().to_string())
}

/// The cases of one rule that fail.
pub fn check_rule(rule: &Rule) -> Vec<ExampleFailure> {
    let mut failures = Vec::new();
    let cases = rule
        .spec
        .examples
        .iter()
        .map(|e| (FailureKind::Example, &e.before, &e.after))
        .chain(rule.spec.unchanged.iter().map(|u| (FailureKind::Unchanged, u, u)));
    for (kind, input, expected) in cases {
        let got = apply_rule(rule, input).unwrap_or_else(|e| format!("error: {e}"));
        if got != *expected {
            failures.push(ExampleFailure {
                rule: rule.spec.id.clone(),
                kind,
                input: input.clone(),
                expected: expected.clone(),
                got,
            });
        }
    }
    failures
}
