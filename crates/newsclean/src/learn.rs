//! Learning a publication's page furniture from a folder of its pages: the lines whose
//! *shape* (digits, dates and weekdays masked) recurs on many pages, at the page edges or
//! standing alone, and never inside running text, become `furniture` rules of the rules
//! crate's language, each with how many pages it was seen on and two real examples.
//!
//! # What it does
//! Every page runs through the layout's geometry and classify stages
//! ([`newsclean_layout::passes_through`]: side-by-side and fused columns read apart, lines
//! split, furniture, picture noise and bylines classified), so lines the built-in passes
//! already remove, and bylines, are left out. Each other line gets a
//! shape ([`newsclean_layout::analysis::survey::shape`], the folding the folder survey of
//! `newsclean clean DIR` uses too): runs of digits, Chinese numerals of dates and page labels (三月, 第四版, 十九 after
//! 月), the day of a weekday (星期五), a sexagenary year (癸卯年) and runs of spaces are
//! masked, so `2023年3月10日◆星期五` and `2024年1月5日◆星期一` are one shape. A shape seen
//! on at least [`LearnOptions::min_share`] of the pages (and [`LearnOptions::min_pages`])
//! becomes a rule whose pattern is the shape with its literal text escaped and only its
//! masked parts generalised.
//!
//! # Why
//! Every newspaper has its own mastheads, page labels and promos; hand-written patterns cover
//! the common kinds, and a user with a new publication should not have to write rules by hand.
//!
//! # When it must not fire (the guards)
//! A shape is not learned, however often it recurs, when
//! - more than a tenth of its lines stand inside running text: after a line of body text
//!   that does not end a sentence and before a line that continues it (or ending that
//!   sentence), or as the first line of wrapped text (as wide as the page's wrapped lines,
//!   with body text right under it): a quoted slogan repeated inside paragraphs, a line of a
//!   paragraph that appears on many pages;
//! - its lines are long (more than [`LearnOptions::max_chars`] characters);
//! - it ends a sentence (。！？) anywhere but at the page edges;
//! - fewer than 80% of its lines are at a page edge (the first or last
//!   [`LearnOptions::edge_lines`] lines) or stand alone next to built-in furniture (blank
//!   lines on both sides; a short line alone between article paragraphs is as often a
//!   subhead or a pull quote as furniture);
//! - it has fewer than two letters or ideographs of literal text (a bare number).
//!
//! These are reported as [`Rejected`] shapes with their reason.

use std::collections::{BTreeMap, BTreeSet};

use newsclean_core::chars::is_cjk;
use newsclean_core::{BlockKind, Context, Page};
use newsclean_layout::analysis::survey::{Tok, shape};
use newsclean_layout::text::{cells, ends_sentence};
use newsclean_rules::schema::{Example, RuleFile, RuleSpec};
use newsclean_rules::{RuleSet, RulesError};

/// How furniture is learned.
#[derive(Clone, Debug)]
pub struct LearnOptions {
    /// A shape must be seen on at least this share of the pages (0 to 1).
    pub min_share: f64,
    /// ... and on at least this many pages.
    pub min_pages: usize,
    /// Lines longer than this (in characters) are never learned.
    pub max_chars: usize,
    /// The first and last this many lines of a page (not counting built-in furniture) are
    /// its edges.
    pub edge_lines: usize,
}

impl Default for LearnOptions {
    fn default() -> Self {
        LearnOptions { min_share: 0.1, min_pages: 3, max_chars: 50, edge_lines: 6 }
    }
}

/// Why furniture could not be learned.
#[derive(Debug, thiserror::Error)]
pub enum LearnError {
    /// No page to learn from.
    #[error("no pages to learn from")]
    NoPages,
    /// An option is out of range.
    #[error("{0}")]
    Options(String),
    /// A pass failed on a page.
    #[error("page {page}: {source}")]
    Pass {
        /// The page's index.
        page: usize,
        /// What failed.
        source: newsclean_core::PassError,
    },
    /// The rule file could not be written as YAML.
    #[error("cannot write the rule file: {0}")]
    Yaml(#[from] serde_yaml::Error),
    /// The learned rules did not load or failed their own examples (a bug).
    #[error("the learned rules do not check: {0}")]
    Check(String),
}

impl From<RulesError> for LearnError {
    fn from(e: RulesError) -> Self {
        LearnError::Check(e.to_string())
    }
}

/// One learned furniture rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LearnedRule {
    /// The pattern (the rules crate's regex syntax, matched against a whole trimmed line).
    pub pattern: String,
    /// On how many pages its shape was seen.
    pub pages: usize,
    /// How many lines had its shape.
    pub lines: usize,
    /// How many of them were at a page edge or stood alone.
    pub at_edges: usize,
    /// How many of them stood inside running text (at most a tenth).
    pub in_text: usize,
    /// Up to two real lines of this shape (distinct when there are two).
    pub examples: Vec<String>,
}

/// A recurring shape that was not learned, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// A real line of this shape.
    pub example: String,
    /// On how many pages it was seen.
    pub pages: usize,
    /// Why it is not furniture.
    pub reason: String,
}

/// What was learned from a set of pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Learned {
    /// The number of pages read.
    pub pages: usize,
    /// The least number of pages a shape had to be seen on.
    pub threshold: usize,
    /// The rules, most pages first (then by pattern).
    pub rules: Vec<LearnedRule>,
    /// The shapes seen often enough but refused by a guard, most pages first.
    pub rejected: Vec<Rejected>,
}

/// The rule pattern of a shape: literal text escaped, masked parts generalised.
fn pattern(toks: &[Tok], digits: &[(bool, bool)]) -> String {
    let mut out = String::new();
    let mut d = digits.iter();
    for t in toks {
        match t {
            Tok::Lit(c) => out.push_str(&regex::escape(&c.to_string())),
            Tok::Digits => out.push_str(match d.next() {
                Some((true, false)) | None => "[0-9]+",
                Some((false, true)) => "[０-９]+",
                Some(_) => "[0-9０-９]+",
            }),
            Tok::HanNumber => out.push_str("[初〇零一二三四五六七八九十廿卅百千]+"),
            Tok::WeekDay => out.push_str("[一二三四五六日天]"),
            Tok::CyclicYear => out.push_str("[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]"),
            Tok::Space => out.push_str("{{space}}+"),
            Tok::LatinMonth => {
                out.push_str(&format!("(?i:{})", newsclean_layout::analysis::survey::LATIN_MONTHS.join("|")))
            }
            Tok::LatinWeekday => out
                .push_str(&format!("(?i:{})", newsclean_layout::analysis::survey::LATIN_WEEKDAYS.join("|"))),
        }
    }
    out
}

/// One line of a page, as the learner sees it.
#[derive(Debug)]
struct Line {
    text: String,
    /// Removed by the built-in furniture pass.
    builtin: bool,
    /// Decided as content by the layout (a byline): never learned.
    decided: bool,
    /// A blank line (or the page's start) before it.
    blank_before: bool,
}

/// The width of the page's wrapped lines, in display cells: the most common width of its
/// lines of eight characters or more (the wider one on a tie), or `None` on a page without.
fn wrap_width(lines: &[Line]) -> Option<f32> {
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for l in lines.iter().filter(|l| body_like(l)) {
        *counts.entry(cells(&l.text).round() as u32).or_default() += 1;
    }
    counts.into_iter().max_by_key(|&(w, n)| (n, w)).map(|(w, _)| w as f32)
}

/// The lines of one page, after the layout's geometry and classify stages (columns read
/// apart, lines split, furniture, picture noise and bylines classified), before anything
/// joins them.
fn page_lines(text: &str) -> Result<Vec<Line>, newsclean_core::PassError> {
    let mut page = Page::new(text);
    let ctx = Context::default();
    for pass in newsclean_layout::passes_through(newsclean_layout::Stage::Classify) {
        pass.run(&mut page, &ctx)?;
    }
    let mut lines = Vec::with_capacity(page.blocks().len());
    let mut prev_end = None;
    for (i, b) in page.blocks().iter().enumerate() {
        let blank_before = match prev_end {
            None => true,
            Some(e) => page.text()[e..b.range.start].matches('\n').count() >= 2,
        };
        for (n, (_, l)) in page.block_lines(i).enumerate() {
            if l.trim().is_empty() {
                continue;
            }
            lines.push(Line {
                text: l.trim().to_string(),
                builtin: !b.kind.is_content(),
                decided: b.kind.is_content() && b.kind != BlockKind::Unknown,
                blank_before: blank_before && n == 0,
            });
        }
        prev_end = Some(b.range.end);
    }
    Ok(lines)
}

/// What was seen of one shape.
#[derive(Default)]
struct Seen {
    pages: BTreeSet<usize>,
    lines: usize,
    at_edges: usize,
    in_text: usize,
    /// For each line that looked like the first line of wrapped text: the shape of the line
    /// under it. It counts as running text unless that line is furniture on its own
    /// (two footer lines printed one under the other).
    starts_over: Vec<Vec<Tok>>,
    sentence_mid_page: usize,
    longest: usize,
    /// Digit forms per digit run, merged over the lines.
    digits: Vec<(bool, bool)>,
    /// Distinct lines in the order first seen.
    examples: Vec<String>,
}

/// A line that reads as article text: long enough and not furniture.
fn body_like(l: &Line) -> bool {
    !l.builtin && l.text.chars().count() >= 8
}

/// Learn furniture rules from the decoded text of a publication's pages.
pub fn learn(pages: &[&str], opts: &LearnOptions) -> Result<Learned, LearnError> {
    if pages.is_empty() {
        return Err(LearnError::NoPages);
    }
    if !(0.0..=1.0).contains(&opts.min_share) || opts.min_share.is_nan() {
        return Err(LearnError::Options(format!("min share {} is not between 0 and 1", opts.min_share)));
    }
    let mut shapes: BTreeMap<Vec<Tok>, Seen> = BTreeMap::new();
    for (p, text) in pages.iter().enumerate() {
        let lines = page_lines(text).map_err(|source| LearnError::Pass { page: p, source })?;
        let width = wrap_width(&lines);
        let own: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].builtin && !lines[i].decided).collect();
        for (k, &i) in own.iter().enumerate() {
            let line = &lines[i];
            let prev = i.checked_sub(1).map(|j| &lines[j]);
            let next = lines.get(i + 1);
            // Directly adjacent neighbours (no blank line between).
            let prev_adj = prev.filter(|_| !line.blank_before);
            let next_adj = next.filter(|n| !n.blank_before);
            let blank_after = next.is_none_or(|n| n.blank_before);
            let at_edge = k < opts.edge_lines || k + opts.edge_lines >= own.len();
            // Standing alone among the page's furniture: blank lines (or built-in furniture) on
            // both sides, and built-in furniture next to it. A short line alone between
            // article paragraphs is as often a subhead or a pull quote as furniture.
            let alone = (line.blank_before || prev.is_some_and(|p| p.builtin))
                && (blank_after || next.is_some_and(|n| n.builtin))
                && (prev.is_some_and(|p| p.builtin) || next.is_some_and(|n| n.builtin));
            let ends = ends_sentence(&line.text);
            // Inside running text: after a line of body text that does not end a sentence,
            // with a line that continues right after or ending the sentence itself; or the
            // first line of wrapped text.
            let between = prev_adj.is_some_and(|p| body_like(p) && !ends_sentence(&p.text))
                && (next_adj.is_some_and(|n| !n.builtin) || ends);
            let full_width = width.is_some_and(|w| (cells(&line.text) - w).abs() <= 2.0);
            let starts_text = body_like(line) && full_width && !ends && next_adj.is_some_and(body_like);
            let (toks, digits) = shape(&line.text);
            let seen = shapes.entry(toks).or_default();
            if starts_text && !between {
                seen.starts_over.push(shape(&next.expect("starts text: a next line").text).0);
            }
            if seen.digits.is_empty() {
                seen.digits = digits;
            } else {
                for (a, b) in seen.digits.iter_mut().zip(digits) {
                    *a = (a.0 || b.0, a.1 || b.1);
                }
            }
            seen.pages.insert(p);
            seen.lines += 1;
            seen.at_edges += usize::from(at_edge || alone);
            seen.in_text += usize::from(between);
            seen.sentence_mid_page += usize::from(ends && !at_edge);
            seen.longest = seen.longest.max(line.text.chars().count());
            if !seen.examples.contains(&line.text) {
                seen.examples.push(line.text.clone());
            }
        }
    }
    let threshold = ((opts.min_share * pages.len() as f64).ceil() as usize).max(opts.min_pages).max(1);
    let verdict = |toks: &[Tok], seen: &Seen, in_text: usize| -> Option<String> {
        let letters =
            toks.iter().filter(|t| matches!(t, Tok::Lit(c) if c.is_alphabetic() || is_cjk(*c))).count();
        if letters < 2 {
            Some("fewer than two letters of literal text".to_string())
        } else if seen.longest > opts.max_chars {
            Some(format!("a long line ({} characters)", seen.longest))
        } else if in_text * 10 > seen.lines {
            Some(format!("inside running text ({in_text} of {} lines)", seen.lines))
        } else if seen.sentence_mid_page > 0 {
            Some(format!("a sentence in mid-page ({} of {} lines)", seen.sentence_mid_page, seen.lines))
        } else if seen.at_edges * 5 < seen.lines * 4 {
            Some(format!("not at the page edges ({} of {} lines are)", seen.at_edges, seen.lines))
        } else {
            None
        }
    };
    shapes.retain(|_, seen| seen.pages.len() >= threshold);
    // First without the lines that start wrapped text: which shapes are furniture on their own.
    let alone: BTreeSet<&Vec<Tok>> =
        shapes.iter().filter(|(t, seen)| verdict(t, seen, seen.in_text).is_none()).map(|(t, _)| t).collect();
    let mut rules = Vec::new();
    let mut rejected = Vec::new();
    for (toks, seen) in &shapes {
        let over_text = seen.starts_over.iter().filter(|next| !alone.contains(next)).count();
        let in_text = seen.in_text + over_text;
        let reason = verdict(toks, seen, in_text);
        match reason {
            Some(reason) => {
                rejected.push(Rejected { example: seen.examples[0].clone(), pages: seen.pages.len(), reason })
            }
            None => rules.push(LearnedRule {
                pattern: pattern(toks, &seen.digits),
                pages: seen.pages.len(),
                lines: seen.lines,
                at_edges: seen.at_edges,
                in_text,
                examples: seen.examples.iter().take(2).cloned().collect(),
            }),
        }
    }
    rules.sort_by(|a, b| b.pages.cmp(&a.pages).then_with(|| a.pattern.cmp(&b.pattern)));
    rejected.sort_by(|a, b| b.pages.cmp(&a.pages).then_with(|| a.example.cmp(&b.example)));
    Ok(Learned { pages: pages.len(), threshold, rules, rejected })
}

impl Learned {
    /// The rule file: one `furniture` rule per learned shape (ids `learned.furniture-NN` in
    /// order), with a comment header naming `source`. The file is checked before it is
    /// returned: it loads, and every rule removes its own examples.
    pub fn to_yaml(&self, source: &str) -> Result<String, LearnError> {
        let width = self.rules.len().to_string().len().max(2);
        let rules: Vec<RuleSpec> = self
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| RuleSpec {
                id: format!("learned.furniture-{:0width$}", i + 1),
                title: format!("Page furniture: lines like {}", r.examples[0]),
                why: format!(
                    "Seen on {} of {} pages ({} lines, {} of them at a page edge or standing alone, \
                     {} inside running text): furniture of this publication, not article text. \
                     Learned by `newsclean learn`; a line of article text of exactly this shape \
                     would be removed too.",
                    r.pages, self.pages, r.lines, r.at_edges, r.in_text
                ),
                scope: Default::default(),
                safety: Default::default(),
                regex: None,
                map: None,
                pair: None,
                builtin: None,
                furniture: Some(r.pattern.clone()),
                examples: r
                    .examples
                    .iter()
                    .map(|e| Example { before: e.clone(), after: String::new() })
                    .collect(),
                unchanged: Vec::new(),
            })
            .collect();
        let file = RuleFile {
            profile: None,
            description: Some(format!(
                "Page furniture learned from {} pages of {source}: line shapes seen on at least {} pages",
                self.pages, self.threshold
            )),
            extends: None,
            disable: Vec::new(),
            rules,
        };
        let yaml = format!(
            "# Learned by `newsclean learn` from {} pages of {source}. Review before use: delete a rule\n\
             # that removes article text. Use with `newsclean clean --rules FILE`.\n{}",
            self.pages,
            serde_yaml::to_string(&file)?
        );
        let set = RuleSet::from_file(std::path::Path::new("learned.yaml"), &yaml)?;
        if let Some(f) = set.test().first() {
            return Err(LearnError::Check(f.to_string()));
        }
        Ok(yaml)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(n: usize) -> String {
        // Hard-wrapped running text, different on every page.
        let words = ["今年以来", "我市持续推进", "乡村振兴工作", "全市共建成示范村", "带动农民增收"];
        let mut out = String::new();
        for k in 0..6 {
            out.push_str(&format!("第{n}段{}{}，", words[(n + k) % 5], words[(n + 2 * k) % 5]));
            out.push('\n');
        }
        out.push_str("成效明显。\n");
        out
    }

    #[test]
    fn dates_and_numbers_are_one_shape() {
        assert_eq!(shape("2023年3月10日◆星期五").0, shape("2024年1月5日◆星期一").0);
        assert_eq!(shape("农历癸卯年二月十九").0, shape("农历甲辰年十月初五").0);
        assert_eq!(shape("第四版  城市").0, shape("第十二版 城市").0);
        assert_eq!(shape("总第5134期").0, shape("总第５２６２期").0);
        assert_ne!(shape("城市观察").0, shape("城市观点").0);
        // Numerals that are words stay literal.
        assert_eq!(shape("一心一意").0.len(), 4);
        assert!(shape("一心一意").0.iter().all(|t| matches!(t, Tok::Lit(_))));
    }

    #[test]
    fn patterns_escape_literals_and_generalise_masks() {
        let (t, d) = shape("【晨报·第3版】 (A+)");
        let p = pattern(&t, &d);
        let set = RuleSet::from_file(
            std::path::Path::new("t.yaml"),
            &format!(
                "rules:\n  - id: t.f\n    title: t\n    why: w\n    furniture: '{}'\n",
                p.replace('\'', "''")
            ),
        )
        .unwrap();
        let r = set.rules()[0].compiled();
        assert!(r.matches_line("【晨报·第3版】 (A+)"));
        assert!(r.matches_line("【晨报·第12版】   (A+)"));
        assert!(!r.matches_line("【晨报·第3版】 (AA)"));
        assert!(!r.matches_line("【晨报·第版】 (A+)"));
        assert!(!r.matches_line("他说【晨报·第3版】 (A+)"));
    }

    fn pages(make: impl Fn(usize) -> String, n: usize) -> Vec<String> {
        (0..n).map(make).collect()
    }

    fn learned(pages: &[String]) -> Learned {
        let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
        learn(&refs, &LearnOptions::default()).unwrap()
    }

    #[test]
    fn a_recurring_column_title_at_the_page_edge_is_furniture() {
        let ps = pages(
            |n| {
                format!(
                    "东海晨报 DONGHAI MORNING\n\n城市观察\n\n■记者 王明{n}\n\n{}\n东海晨报新闻热线 第{}期\n",
                    body(n),
                    n + 100
                )
            },
            12,
        );
        let l = learned(&ps);
        let pats: Vec<&str> = l.rules.iter().map(|r| r.pattern.as_str()).collect();
        assert!(pats.contains(&"城市观察"), "{pats:?} {:?}", l.rejected);
        assert!(pats.contains(&"东海晨报{{space}}+DONGHAI{{space}}+MORNING"), "{pats:?}");
        assert!(pats.contains(&"东海晨报新闻热线{{space}}+第[0-9]+期"), "{pats:?}");
        let r = l.rules.iter().find(|r| r.pattern == "城市观察").unwrap();
        assert_eq!((r.pages, l.pages), (12, 12));
        // Body lines recur nowhere else: none is learned.
        assert!(l.rules.iter().all(|r| !r.pattern.contains("段")), "{:?}", l.rules);
        let yaml = l.to_yaml("test pages").unwrap();
        assert!(yaml.contains("Seen on 12 of 12 pages"), "{yaml}");
        assert!(yaml.contains("furniture: 城市观察"), "{yaml}");
        // Deterministic.
        assert_eq!(learned(&ps).to_yaml("test pages").unwrap(), yaml);
        // Cleaning with the file removes those lines, logged under the learned ids, and
        // keeps every line of the articles.
        let config = crate::Config {
            rule_files: vec![("learned.yaml".into(), yaml.clone())],
            ..crate::Config::default()
        };
        let cleaner = crate::Cleaner::from_config(&config).unwrap();
        let plain = crate::Cleaner::from_config(&crate::Config::default()).unwrap();
        for p in &ps {
            let c = cleaner.clean_text(p).unwrap();
            assert!(!c.text.contains("城市观察") && !c.text.contains("MORNING"), "{}", c.text);
            assert!(c.text.contains("成效明显。"));
            assert!(plain.clean_text(p).unwrap().text.contains("城市观察"));
            assert!(
                c.page
                    .log()
                    .edits()
                    .iter()
                    .any(|e| e.rule.starts_with("learned.furniture-") && e.before.contains("城市观察"))
            );
            assert_eq!(c.page.log().undo(&c.text), *p);
            // Cleaning the clean text again changes nothing.
            assert_eq!(cleaner.clean_text(&c.text).unwrap().text, c.text);
        }
    }

    #[test]
    fn a_quoted_slogan_inside_paragraphs_is_not_furniture() {
        let ps = pages(
            |n| {
                let b = body(n);
                let (head, tail) = b.split_at(b.find('\n').unwrap() + 1);
                format!("{head}{tail}").replacen("，\n", "，\n“绿水青山就是金山银山”\n", 1).replacen(
                    "成效明显。",
                    "大家都说，\n“绿水青山就是金山银山”\n这句话深入人心。",
                    1,
                )
            },
            12,
        );
        let l = learned(&ps);
        assert!(l.rules.iter().all(|r| !r.pattern.contains("绿水青山")), "{:?}", l.rules);
        let r = l.rejected.iter().find(|r| r.example.contains("绿水青山")).expect("seen and refused");
        assert!(r.reason.starts_with("inside running text"), "{r:?}");
    }

    #[test]
    fn repeated_article_lines_long_lines_and_sentences_are_not_furniture() {
        let long = "本报及所属新媒体刊登的所有原创内容之外的一切合作事宜请联系我们的合作部门负责人并注明来意及联系方式谢谢合作";
        let ps = pages(
            |n| {
                format!(
                    "{}\n\n{long}\n\n为群众办实事，始终是我们的初心。\n\n{}\n\n一起向未来\n\n{}",
                    body(n),
                    body(n + 1),
                    body(n + 2)
                )
            },
            12,
        );
        let l = learned(&ps);
        assert_eq!(l.rules, [], "{:?}", l.rejected);
        let reason = |s: &str| l.rejected.iter().find(|r| r.example.contains(s)).map(|r| r.reason.clone());
        assert!(reason("所有原创").unwrap().starts_with("a long line"));
        assert!(reason("为群众办实事").unwrap().starts_with("a sentence in mid-page"));
        assert!(reason("一起向未来").unwrap().starts_with("not at the page edges"));
        // The same paragraph on every page: its lines are running text, its last line too.
        assert!(reason("成效明显").unwrap().starts_with("inside running text"), "{:?}", reason("成效明显"));
        assert!(
            l.rejected
                .iter()
                .any(|r| r.example.contains("段") && r.reason.starts_with("inside running text"))
        );
    }

    /// Six wrapped lines of twelve ideographs, different on every page.
    fn even_body(n: usize) -> String {
        let pool: Vec<char> = "春夏秋冬东南西北上下左右前后天地人和山水日月风云".chars().collect();
        let mut out = String::new();
        for k in 0..6 {
            let line: String = (0..12).map(|j| pool[(n * 5 + k * 7 + j) % pool.len()]).collect();
            out.push_str(&line);
            out.push('\n');
        }
        out.pop();
        out.pop();
        out.push_str("。\n");
        out
    }

    #[test]
    fn footer_lines_printed_one_under_the_other_are_furniture() {
        // The hotline line is as wide as the wrapped text and has a long line right under it;
        // that line is furniture on its own, so the hotline does not start running text.
        let ps =
            pages(|n| format!("{}\n新闻热线请拨打本报值班室\n东海晨报数字版电子报纸\n", even_body(n)), 12);
        let l = learned(&ps);
        let pats: Vec<&str> = l.rules.iter().map(|r| r.pattern.as_str()).collect();
        assert_eq!(pats, ["东海晨报数字版电子报纸", "新闻热线请拨打本报值班室"], "{:?}", l.rejected);
        // The same line right above body text starts running text (its only guard here).
        let ps = pages(|n| format!("新闻热线请拨打本报值班室\n{}", even_body(n)), 12);
        let l = learned(&ps);
        assert_eq!(l.rules, []);
        let r = l.rejected.iter().find(|r| r.example.contains("新闻热线")).unwrap();
        assert!(r.reason.starts_with("inside running text (12 of 12"), "{r:?}");
    }

    #[test]
    fn rare_shapes_and_bare_numbers_are_not_learned() {
        let ps = pages(|n| format!("{n}\n\n{}\n城市观察{}\n", body(n), if n < 2 { "" } else { "之" }), 12);
        let l = learned(&ps);
        assert!(l.rules.iter().all(|r| r.pattern != "城市观察"), "seen on 2 of 12 pages: {:?}", l.rules);
        assert!(l.rules.iter().all(|r| r.pattern != "[0-9]+"), "{:?}", l.rules);
        assert!(l.rejected.iter().any(|r| r.reason.starts_with("fewer than two letters")));
    }

    #[test]
    fn built_in_furniture_is_left_to_the_layout() {
        let ps = pages(|n| format!("2023年3月{}日◆星期五\n\n{}", n + 1, body(n)), 5);
        let l = learned(&ps);
        assert_eq!(l.rules, []);
    }

    #[test]
    fn errors() {
        assert!(matches!(learn(&[], &LearnOptions::default()), Err(LearnError::NoPages)));
        let o = LearnOptions { min_share: 1.5, ..LearnOptions::default() };
        assert!(matches!(learn(&["x"], &o), Err(LearnError::Options(_))));
    }
}

#[cfg(test)]
mod stage_tests {
    use super::*;

    /// `learn` reads pages as the cleaner does up to the classify stage: side-by-side columns
    /// (`pdftotext -layout`) are read apart first, so a line is one column's line, not the
    /// lines of five articles side by side (it ran only the line, furniture and byline passes).
    #[test]
    fn learn_sees_columns_read_apart() {
        let raw = include_str!("../../../tests/fixtures/realpages/pdftotext-layout/000-cols5-front.txt");
        let lines = page_lines(raw).unwrap();
        let side_by_side = lines.iter().filter(|l| !l.builtin && l.text.contains("     ")).count();
        let widest = lines.iter().map(|l| cells(&l.text)).fold(0.0f32, f32::max);
        assert!(
            side_by_side <= 2 && widest < 60.0,
            "{side_by_side} lines side by side, widest {widest} cells"
        );
    }
}
