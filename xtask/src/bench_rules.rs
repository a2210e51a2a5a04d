//! `cargo xtask bench-rules [MB]`: the cost of the rule application step. Applies the
//! zh-newspaper rules to the seed pages, repeated to about MB megabytes (default 50), once
//! with every rule scanning every block (naive) and once with the compiled prefilter (one
//! `RegexSet` scan per block says which rules can fire), and prints MB/s for both. The two
//! must produce the same text and the same edits.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use newsclean::core::{Context, Page, Pass};
use newsclean::rules::{RuleSet, RulesPass};

use crate::codegen::workspace_root;

/// Run the benchmark.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let mb: f64 = match args.first() {
        Some(a) => a.parse().with_context(|| format!("expected a size in MB, not {a:?}"))?,
        None => 50.0,
    };
    let dir = workspace_root().join("seeds");
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("{}: cannot read", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            seeds.push(std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?);
        }
    }
    seeds.sort();
    anyhow::ensure!(!seeds.is_empty(), "no seed pages in {}", dir.display());
    let seed_bytes: usize = seeds.iter().map(String::len).sum();
    let copies = ((mb * 1e6) / seed_bytes as f64).ceil().max(1.0) as usize;
    let total = (seed_bytes * copies) as f64 / 1e6;
    println!(
        "bench-rules: profile zh-newspaper, {} seed pages × {copies} = {} pages, {total:.1} MB (raw pages, blocks unclassified = body)",
        seeds.len(),
        seeds.len() * copies
    );

    let compiled = Arc::new(RuleSet::builtin("zh-newspaper")?.compile()?);
    let passes = [
        (
            "naive (every rule scans every block)",
            RulesPass::new("rules", compiled.clone()).without_prefilter(),
        ),
        ("compiled (RegexSet prefilter per block)", RulesPass::new("rules", compiled)),
    ];
    let ctx = Context::default();
    let mut results = Vec::new();
    for (name, pass) in &passes {
        let mut pages: Vec<Page> =
            (0..copies).flat_map(|_| seeds.iter().map(|s| Page::new(s.as_str()))).collect();
        let t = Instant::now();
        for page in &mut pages {
            pass.run(page, &ctx)?;
        }
        let secs = t.elapsed().as_secs_f64();
        let edits: usize = pages.iter().map(|p| p.log().edits().len()).sum();
        let digest: Vec<(String, usize)> =
            pages[..seeds.len()].iter().map(|p| (p.text().to_string(), p.log().edits().len())).collect();
        println!("  {name:42} {secs:7.3} s  {:8.1} MB/s  {edits} edits", total / secs);
        // Again over its own output: nothing to change, so this is the scanning cost alone.
        let t = Instant::now();
        let mut again = 0;
        for page in &mut pages {
            let before = page.log().edits().len();
            pass.run(page, &ctx)?;
            again += page.log().edits().len() - before;
        }
        let secs2 = t.elapsed().as_secs_f64();
        println!(
            "  {:42} {secs2:7.3} s  {:8.1} MB/s  {again} edits",
            "  the same over its own (clean) output",
            total / secs2
        );
        anyhow::ensure!(again == 0, "the rules are not idempotent: {again} edits on their own output");
        results.push((secs, digest));
    }
    anyhow::ensure!(results[0].1 == results[1].1, "naive and compiled rule application differ");
    println!("  speed-up {:.2}×; outputs identical", results[0].0 / results[1].0);
    Ok(())
}
