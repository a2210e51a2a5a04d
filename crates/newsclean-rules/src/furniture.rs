//! Furniture rules as a pass: a line that no pass has classified yet and that a `furniture`
//! rule's pattern matches as a whole (trimmed) becomes a [`BlockKind::Furniture`] block under
//! the rule's id, which `Page::finalize` deletes and logs, as the layout furniture pass does.
//!
//! The pass belongs right after the layout furniture pass, before anything joins lines into
//! paragraphs: a furniture line often stands between two wrapped lines of an article.

use std::sync::Arc;

use newsclean_core::{Block, BlockKind, Context, Page, Pass, PassError};

use crate::compile::CompiledRule;

/// The pass that classifies whole lines as furniture by the `furniture` rules.
#[derive(Debug, Clone)]
pub struct FurniturePass {
    id: String,
    rules: Arc<Vec<CompiledRule>>,
}

impl FurniturePass {
    /// A pass over these rules (rules without a `furniture` action are ignored), logged as
    /// pass `id`.
    pub fn new(id: impl Into<String>, rules: Vec<CompiledRule>) -> Self {
        let rules = rules.into_iter().filter(CompiledRule::is_furniture).collect();
        FurniturePass { id: id.into(), rules: Arc::new(rules) }
    }

    /// The first rule, in order, that makes `line` furniture.
    fn rule_for(&self, line: &str, ctx: &Context) -> Option<&CompiledRule> {
        self.rules.iter().find(|r| ctx.allows(r.safety) && r.matches_line(line))
    }
}

impl Pass for FurniturePass {
    fn id(&self) -> &str {
        &self.id
    }

    fn run(&self, page: &mut Page, ctx: &Context) -> Result<(), PassError> {
        if self.rules.is_empty() {
            return Ok(());
        }
        let mut blocks: Vec<Block> = Vec::with_capacity(page.blocks().len());
        let mut changed = false;
        for (i, b) in page.blocks().iter().enumerate() {
            // Only lines no pass has decided yet: what the layout left open.
            if b.kind != BlockKind::Unknown {
                blocks.push(b.clone());
                continue;
            }
            let lines: Vec<(std::ops::Range<usize>, Option<&CompiledRule>)> = page
                .block_lines(i)
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(r, l)| (r, self.rule_for(l, ctx)))
                .collect();
            if lines.iter().all(|(_, rule)| rule.is_none()) {
                blocks.push(b.clone());
                continue;
            }
            // A block of several lines (a page not split into lines yet) is split at its
            // lines, so that only the furniture lines go.
            changed = true;
            for (range, rule) in lines {
                let mut nb = Block::new(range);
                if let Some(rule) = rule {
                    nb.kind = BlockKind::Furniture;
                    nb.rule = Some(rule.id.clone());
                }
                blocks.push(nb);
            }
        }
        if changed {
            page.set_blocks(blocks);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::RuleSpec;

    fn pass(yaml: &str) -> FurniturePass {
        let spec: RuleSpec = serde_yaml::from_str(&format!("id: t.f\ntitle: t\nwhy: w\n{yaml}")).unwrap();
        FurniturePass::new("rules.furniture", vec![CompiledRule::new(&spec).unwrap()])
    }

    #[test]
    fn whole_lines_only_and_logged_with_the_rule_id() {
        let p = pass("furniture: '第[0-9]+版{{space}}+城市观察'");
        let raw = "第3版 城市观察\n他说第3版 城市观察很好看，\n  第12版  城市观察  \n正文。\n";
        let mut page = Page::new(raw);
        p.run(&mut page, &Context::default()).unwrap();
        page.finalize().unwrap();
        assert_eq!(page.text(), "他说第3版 城市观察很好看，\n正文。\n");
        let removed: Vec<&str> =
            page.log().edits().iter().filter(|e| e.rule == "t.f").map(|e| e.before.trim()).collect();
        assert_eq!(removed, ["第3版 城市观察", "第12版  城市观察"]);
        assert_eq!(page.log().undo(page.text()), raw);
    }

    #[test]
    fn decided_blocks_and_review_rules_are_left() {
        let mut page = Page::new("城市观察\n");
        page.classify(0, BlockKind::Headline, "test");
        pass("furniture: '城市观察'").run(&mut page, &Context::default()).unwrap();
        assert_eq!(page.blocks()[0].kind, BlockKind::Headline);
        let mut page = Page::new("城市观察\n");
        let review = pass("furniture: '城市观察'\nsafety: review");
        review.run(&mut page, &Context::default()).unwrap();
        assert_eq!(page.blocks()[0].kind, BlockKind::Unknown);
        review.run(&mut page, &Context { apply_review: true, ..Context::default() }).unwrap();
        assert_eq!(page.blocks()[0].kind, BlockKind::Furniture);
    }

    #[test]
    fn bad_furniture_rules_are_refused() {
        for (yaml, want) in [
            ("furniture: 'a*'", "empty line"),
            ("furniture: '(a'", "bad regex"),
            ("furniture: 'a'\nscope: body", "`scope` does not apply"),
            ("furniture: 'a'\nbuiltin: nfc", "more than one action"),
        ] {
            let spec: RuleSpec = serde_yaml::from_str(&format!("id: t.f\ntitle: t\nwhy: w\n{yaml}")).unwrap();
            let e = CompiledRule::new(&spec).unwrap_err();
            assert!(e.contains(want), "{yaml}: {e}");
        }
    }
}
