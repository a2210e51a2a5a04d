//! The pass that applies a compiled profile: rule by rule, one logged batch per rule that
//! changes something (and one more each time a rule is applied again to its own output),
//! round after round until nothing changes. A `RegexSet` of the rules'
//! trigger patterns is the prefilter: one scan of a block tells which rules can fire in it.

use std::sync::Arc;

use newsclean_core::{Context, Page, Pass, PassError, TextEdit};
use regex::{RegexSet, RegexSetBuilder, SetMatches};

use crate::compile::CompiledRule;

/// How many rounds the rules may take to reach a text they no longer change. Rules that
/// feed each other settle in two or three; more means two rules undo each other.
pub const MAX_ROUNDS: usize = 8;

/// Rules applied again to their own output (a run of marks that each feed the next) may
/// rescan, in one run of the pass, at most this many times the page's bytes plus
/// [`SELF_FEED_BUDGET_BYTES`]: linear time, and bounded growth, whatever the input.
pub const SELF_FEED_BUDGET_FACTOR: usize = 4;

/// See [`SELF_FEED_BUDGET_FACTOR`].
pub const SELF_FEED_BUDGET_BYTES: usize = 1 << 20;

/// Rules are applied again to their own output only while the page is at most three times
/// its size at the start of the pass plus this many bytes: a rule that grows the text
/// (`a` to `aa`) is left to the rounds, which fail loudly.
pub const SELF_FEED_GROWTH_BYTES: usize = 1 << 12;

/// The rules pass fails (rather than fill memory) when its edits would take the page past
/// this many times its size at the start of the pass plus [`GROWTH_LIMIT_BYTES`]: a rule
/// whose replacement is longer than its match and matches its own output grows the text
/// without end.
pub const GROWTH_LIMIT_FACTOR: usize = 8;

/// See [`GROWTH_LIMIT_FACTOR`]: 64 KiB. No rule of a newspaper profile grows a page by more
/// than a few characters a match; at 1 MiB a self-feeding rule (`replace: '$0$2'`) took every
/// one of a rule file's examples to a megabyte through its rounds, and `rules test` of one
/// such 1.5 KB file took 12 billion instructions (a fuzz timeout, 2026-12-02).
pub const GROWTH_LIMIT_BYTES: usize = 1 << 16;

/// Drop the edits from `edits[from..]` (one rule's edits in one block, whose text `text`
/// starts at page byte `base`) that touch a token that is not a word (a URL, e-mail address,
/// path, file name: [`newsclean_core::tokens`]) or the white space that delimits it. A pair
/// rule's edits go all or none: half a pair would leave a mismatched quote.
fn keep_tokens(edits: &mut Vec<TextEdit>, from: usize, text: &str, base: usize, pair: bool) {
    let spans = newsclean_core::tokens::protected_spans(text);
    if spans.is_empty() {
        return;
    }
    let local = |e: &TextEdit| e.range.start - base..e.range.end - base;
    if pair {
        if edits[from..].iter().any(|e| newsclean_core::tokens::touches(&spans, &local(e))) {
            edits.truncate(from);
        }
        return;
    }
    let mut k = from;
    for i in from..edits.len() {
        if !newsclean_core::tokens::touches(&spans, &local(&edits[i])) {
            edits.swap(k, i);
            k += 1;
        }
    }
    edits.truncate(k);
}

/// A profile's rules compiled once, with the prefilter over all of them.
#[derive(Debug)]
pub struct CompiledRules {
    rules: Vec<CompiledRule>,
    set: RegexSet,
}

impl CompiledRules {
    /// Compile the prefilter over these rules.
    pub fn new(rules: Vec<CompiledRule>) -> Result<CompiledRules, String> {
        let set = RegexSetBuilder::new(rules.iter().map(|r| r.trigger.as_str()))
            .size_limit(1 << 24)
            .build()
            .map_err(|e| format!("cannot combine the rules' patterns: {e}"))?;
        Ok(CompiledRules { rules, set })
    }

    /// The rules, in the order they run.
    pub fn rules(&self) -> &[CompiledRule] {
        &self.rules
    }
}

/// The pass that applies a profile's rules to the content blocks of their scope.
#[derive(Debug, Clone)]
pub struct RulesPass {
    id: String,
    rules: Arc<CompiledRules>,
    prefilter: bool,
}

impl RulesPass {
    /// A pass over compiled rules, logged as pass `id`.
    pub fn new(id: impl Into<String>, rules: Arc<CompiledRules>) -> Self {
        RulesPass { id: id.into(), rules, prefilter: true }
    }

    /// The same pass without the prefilter: every rule scans every block in scope. Same
    /// output, slower; kept to measure what the prefilter buys (`cargo xtask bench-rules`).
    pub fn without_prefilter(mut self) -> Self {
        self.prefilter = false;
        self
    }
}

impl Pass for RulesPass {
    fn id(&self) -> &str {
        &self.id
    }

    fn run(&self, page: &mut Page, ctx: &Context) -> Result<(), PassError> {
        let rules = &self.rules.rules;
        let mut last_changed: Vec<&str> = Vec::new();
        // Rules are block-local: a block that no rule changed in a round is a fixpoint, so a
        // round only looks at the blocks the round before changed.
        let mut dirty: Vec<bool> = vec![true; page.blocks().len()];
        // Which rules can fire in each block; recomputed for blocks that changed.
        let mut cands: Vec<Option<SetMatches>> = vec![None; page.blocks().len()];
        // What the repeats of self-feeding rules (below) may scan in this whole run.
        let mut budget = SELF_FEED_BUDGET_FACTOR * page.text().len() + SELF_FEED_BUDGET_BYTES;
        // ... and they stop once the text grew past this (a run of ASCII marks becoming
        // full-width ones at most triples it).
        let grown = 3 * page.text().len() + SELF_FEED_GROWTH_BYTES;
        // ... and no rule may take the page past this, rounds included.
        let start_len = page.text().len();
        let limit = GROWTH_LIMIT_FACTOR * start_len + GROWTH_LIMIT_BYTES;
        for _round in 0..MAX_ROUNDS {
            let mut changed: Vec<&str> = Vec::new();
            let mut next_dirty = vec![false; page.blocks().len()];
            for (ri, rule) in rules.iter().enumerate() {
                if !ctx.allows(rule.safety) {
                    continue;
                }
                // A rule can feed itself: after CJK text a run of `;` turns one mark per
                // application, each new `；` the context of the next. So the rule is applied
                // again at once to the blocks it just changed, until it changes nothing more
                // or its work budget is spent (a rule that grows the text, or undoes itself,
                // is left to the rounds, which then fail loudly). The budget is for the whole
                // run, so it cannot grow with a growing text. Each application is its own
                // logged batch. Without this a run of more marks than MAX_ROUNDS failed the page.
                let mut again: Option<Vec<usize>> = None;
                loop {
                    let mut edits: Vec<TextEdit> = Vec::new();
                    let mut touched: Vec<usize> = Vec::new();
                    // The blocks to look at, in order: the ones just touched (a repeat), or the
                    // dirty ones; listed, not searched (a search per block was quadratic on a
                    // page of many changed paragraphs).
                    let wanted: Vec<usize> = match &again {
                        Some(blocks) => blocks.clone(),
                        None => (0..page.blocks().len()).filter(|&bi| dirty[bi]).collect(),
                    };
                    for bi in wanted {
                        let block = &page.blocks()[bi];
                        if !rule.scope.covers(block.kind) {
                            continue;
                        }
                        let text = &page.text()[block.range.clone()];
                        if again.is_none()
                            && self.prefilter
                            && !cands[bi].get_or_insert_with(|| self.rules.set.matches(text)).matched(ri)
                        {
                            continue;
                        }
                        let n = edits.len();
                        rule.edits(text, block.range.start, &mut edits);
                        if edits.len() > n {
                            keep_tokens(&mut edits, n, text, block.range.start, rule.is_pair());
                        }
                        if edits.len() > n {
                            touched.push(bi);
                        }
                    }
                    if edits.is_empty() {
                        break;
                    }
                    // A rule whose replacement keeps growing the text would fill memory
                    // round after round: stop before applying past the hard limit.
                    let growth: usize =
                        edits.iter().map(|e| e.replacement.len().saturating_sub(e.range.len())).sum();
                    if page.text().len() + growth > limit {
                        return Err(PassError::Other {
                            pass: self.id.clone(),
                            message: format!(
                                "rule {} would grow the page from {start_len} to {} bytes; a rule must not keep growing the text",
                                rule.id,
                                page.text().len() + growth
                            ),
                        });
                    }
                    let blocks_before = page.blocks().len();
                    let applied = page
                        .apply(edits)
                        .map_err(|source| PassError::Edit { pass: self.id.clone(), source })?;
                    if applied > 0 && changed.last() != Some(&rule.id.as_str()) {
                        changed.push(&rule.id);
                    }
                    if page.blocks().len() != blocks_before {
                        // A block vanished: indices moved, so start over on every block.
                        cands = vec![None; page.blocks().len()];
                        dirty = vec![true; page.blocks().len()];
                        next_dirty = vec![true; page.blocks().len()];
                        break;
                    }
                    for &bi in &touched {
                        cands[bi] = None;
                        next_dirty[bi] = true;
                    }
                    // The next application scans the touched blocks again, as they are now.
                    let rescan: usize = touched.iter().map(|&bi| page.blocks()[bi].range.len()).sum();
                    if applied == 0 || rescan > budget || page.text().len() > grown {
                        break;
                    }
                    budget -= rescan;
                    again = Some(touched);
                }
            }
            if changed.is_empty() {
                return Ok(());
            }
            last_changed = changed;
            dirty = next_dirty;
        }
        Err(PassError::NoConvergence {
            pass: self.id.clone(),
            rounds: MAX_ROUNDS,
            rules: last_changed.join(", "),
        })
    }
}
