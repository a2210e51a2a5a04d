//! Rules compiled to matchers: regexes with the standard character classes expanded, character
//! maps as tables, built-ins as code; each action finds its edits in one block's text, and each
//! rule has a trigger pattern so that one `RegexSet` scan tells which rules can fire in a block.

use std::collections::BTreeMap;

use newsclean_core::chars::{is_cjk, is_cjk_punct, is_latin_letter};
use newsclean_core::{RuleId, Safety, TextEdit};
use regex::{Regex, RegexBuilder};
use unicode_normalization::UnicodeNormalization;

use crate::schema::{BuiltinSpec, MapSpec, PairSpec, RegexSpec, RuleSpec, Scope};

/// The standard character classes a `find` pattern may name as `{{name}}`: (name, regex
/// class, what it is). Each expands to one bracketed class, so it works inside groups and,
/// as a nested class, inside `[...]`.
pub const CLASSES: &[(&str, &str, &str)] = &[
    (
        "cjk",
        r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Bopomofo}]",
        "a CJK ideograph, kana or bopomofo letter; not Hangul, which Korean writes with spaces between words and ASCII punctuation",
    ),
    (
        "cjk_punct",
        r"[\x{3001}-\x{3003}\x{3008}-\x{3011}\x{3014}-\x{301F}\x{FF01}-\x{FF0F}\x{FF1A}-\x{FF20}\x{FF3B}-\x{FF40}\x{FF5B}-\x{FF65}\x{FE10}-\x{FE1F}\x{FE30}-\x{FE4F}]",
        "full-width CJK punctuation (，。、；：？！（）《》【】「」…), not the curly quotes, dashes or dots that Latin text uses too",
    ),
    ("open_quote", "[“‘]", "a curly opening quote"),
    ("close_quote", "[”’]", "a curly closing quote"),
    (
        "space",
        r"[ \t\x{3000}\x{00A0}\x{2002}-\x{200A}\x{202F}\x{205F}]",
        "horizontal white space (as core's `chars::is_hspace`): space, tab, ideographic space, no-break space, the typographic spaces U+2002-U+200A, U+202F, U+205F",
    ),
    ("latin_alnum", r"[\p{Latin}0-9]", "a Latin letter or an ASCII digit"),
];

/// Expand the `{{name}}` class names of a pattern.
pub fn expand_classes(pattern: &str) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            return Err(format!("unclosed class name at {:?}", &rest[i..]));
        };
        let name = &after[..j];
        let Some((_, class, _)) = CLASSES.iter().find(|(n, _, _)| *n == name) else {
            let known: Vec<&str> = CLASSES.iter().map(|(n, _, _)| *n).collect();
            return Err(format!("unknown class {{{{{name}}}}}; known classes: {}", known.join(", ")));
        };
        out.push_str(class);
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// One rule ready to run.
#[derive(Clone, Debug)]
pub struct CompiledRule {
    /// The rule's id.
    pub id: String,
    /// The same, interned: what its edits carry.
    rule_id: RuleId,
    /// Where it applies.
    pub scope: Scope,
    /// Whether it is applied by default.
    pub safety: Safety,
    /// What it does.
    pub(crate) action: Action,
    /// A pattern that matches wherever the rule could change something (a superset).
    pub(crate) trigger: String,
}

#[derive(Clone, Debug)]
pub(crate) enum Action {
    Regex {
        re: Regex,
        replace: String,
    },
    Map {
        table: CharMap,
    },
    Nfc,
    Pair(Pair),
    /// Whole lines of page furniture: the pattern anchored at both ends.
    Furniture {
        re: Regex,
    },
}

#[derive(Clone, Debug)]
pub(crate) struct Pair {
    /// The ASCII mark that opens (and, for quotes, also closes).
    open: char,
    /// The ASCII closing mark; `None` for a quote that opens and closes.
    close: Option<char>,
    into_open: char,
    into_close: char,
    cjk_context: bool,
}

impl CompiledRule {
    /// Compile a rule as written; the error says what is wrong with it.
    pub fn new(spec: &RuleSpec) -> Result<CompiledRule, String> {
        check_id(&spec.id)?;
        let actions = [
            spec.regex.is_some(),
            spec.map.is_some(),
            spec.pair.is_some(),
            spec.builtin.is_some(),
            spec.furniture.is_some(),
        ];
        const ACTIONS: &str = "`regex`, `map`, `pair`, `builtin` or `furniture`";
        let (action, trigger) = match actions.iter().filter(|a| **a).count() {
            0 => return Err(format!("no action: give one of {ACTIONS}")),
            1 => {
                if let Some(r) = &spec.regex {
                    compile_regex(r)?
                } else if let Some(m) = &spec.map {
                    compile_map(m)?
                } else if let Some(p) = &spec.pair {
                    compile_pair(p)?
                } else if let Some(f) = &spec.furniture {
                    if !spec.scope.is_all() {
                        return Err(
                            "a `furniture` rule decides whole lines that no pass has classified yet; \
                                    `scope` does not apply to it (leave it out)"
                                .into(),
                        );
                    }
                    compile_furniture(f)?
                } else {
                    match spec.builtin.expect("one action") {
                        BuiltinSpec::Nfc => (Action::Nfc, r"[^\x00-\x7F]".to_string()),
                    }
                }
            }
            _ => return Err(format!("more than one action: give only one of {ACTIONS}")),
        };
        Ok(CompiledRule {
            id: spec.id.clone(),
            rule_id: RuleId::new(&spec.id),
            scope: spec.scope.clone(),
            safety: spec.safety,
            action,
            trigger,
        })
    }

    /// Append to `out` the edits this rule makes in `text`, a block's text that starts at
    /// byte `base` of the page.
    pub fn edits(&self, text: &str, base: usize, out: &mut Vec<TextEdit>) {
        let id = self.rule_id;
        match &self.action {
            Action::Regex { re, replace } => regex_edits(re, replace, text, base, id, out),
            Action::Map { table } => map_edits(table, text, base, id, out),
            Action::Nfc => nfc_edits(text, base, id, out),
            Action::Pair(p) => pair_edits(p, text, base, id, out),
            // Furniture rules edit no text: they classify lines (see `FurniturePass`).
            Action::Furniture { .. } => {}
        }
    }

    /// True for a `pair` rule: its edits come in pairs (an opening and a closing mark), so
    /// one that cannot be made takes its partner with it.
    pub fn is_pair(&self) -> bool {
        matches!(self.action, Action::Pair(_))
    }

    /// True for a `furniture` rule: it removes whole lines, in its own pass.
    pub fn is_furniture(&self) -> bool {
        matches!(self.action, Action::Furniture { .. })
    }

    /// For a `furniture` rule: true when `line`, trimmed, is furniture by this rule. Always
    /// false for other rules.
    pub fn matches_line(&self, line: &str) -> bool {
        match &self.action {
            Action::Furniture { re } => {
                let t = line.trim();
                !t.is_empty() && re.is_match(t)
            }
            _ => false,
        }
    }
}

fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "bad id {id:?}: expected lowercase ASCII letters, digits, `.`, `-`, `_` (like zh.comma-fullwidth)"
        ))
    }
}

fn compile_regex(r: &RegexSpec) -> Result<(Action, String), String> {
    let pattern = expand_classes(&r.find)?;
    let re = RegexBuilder::new(&pattern)
        .size_limit(1 << 22)
        .build()
        .map_err(|e| format!("bad regex in `find`: {e}"))?;
    if re.is_match("") {
        return Err("`find` matches the empty string; a rule must match some text".into());
    }
    check_replacement(&re, &r.replace)?;
    Ok((Action::Regex { re, replace: r.replace.clone() }, pattern))
}

/// A furniture pattern, anchored so that it must match a whole (trimmed) line.
fn compile_furniture(find: &str) -> Result<(Action, String), String> {
    let pattern = format!("^(?:{})$", expand_classes(find)?);
    let re = RegexBuilder::new(&pattern)
        .size_limit(1 << 22)
        .build()
        .map_err(|e| format!("bad regex in `furniture`: {e}"))?;
    if re.is_match("") {
        return Err("`furniture` matches an empty line; a rule must match some text".into());
    }
    Ok((Action::Furniture { re }, pattern))
}

/// Refuse a replacement that names a group the pattern does not have (the regex crate
/// would silently put nothing there).
fn check_replacement(re: &Regex, replace: &str) -> Result<(), String> {
    let names: Vec<&str> = re.capture_names().flatten().collect();
    let bytes = replace.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'$' {
            i += 1;
            continue;
        }
        if bytes.get(i + 1) == Some(&b'$') {
            i += 2;
            continue;
        }
        let (name, next) = if bytes.get(i + 1) == Some(&b'{') {
            let Some(end) = replace[i + 2..].find('}') else {
                return Err(format!("unclosed `${{` in `replace` {replace:?}"));
            };
            (&replace[i + 2..i + 2 + end], i + 3 + end)
        } else {
            let len =
                replace[i + 1..].bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
            (&replace[i + 1..i + 1 + len], i + 1 + len)
        };
        if name.is_empty() {
            return Err(format!(
                "`$` without a group name in `replace` {replace:?} (write `$$` for a dollar)"
            ));
        }
        let known = match name.parse::<usize>() {
            Ok(n) => n < re.captures_len(),
            Err(_) => names.contains(&name),
        };
        if !known {
            return Err(format!(
                "`replace` refers to group `{name}`, but `find` has {} group(s){}",
                re.captures_len() - 1,
                if names.is_empty() { String::new() } else { format!(" named {}", names.join(", ")) }
            ));
        }
        i = next;
    }
    Ok(())
}

/// Expand `a-z` ranges in a map's `from`/`to` list.
fn expand_ranges(s: &str) -> Result<Vec<char>, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if i + 2 < cs.len() && cs[i + 1] == '-' {
            let (a, b) = (cs[i], cs[i + 2]);
            if a > b || (b as u32 - a as u32) > 0x2000 {
                return Err(format!("bad range {a}-{b} in map: expected a short range from low to high"));
            }
            out.extend(a..=b);
            i += 3;
        } else {
            out.push(cs[i]);
            i += 1;
        }
    }
    Ok(out)
}

fn compile_map(m: &MapSpec) -> Result<(Action, String), String> {
    let mut table = BTreeMap::new();
    match (&m.from, &m.to) {
        (Some(from), Some(to)) => {
            let (f, t) = (expand_ranges(from)?, expand_ranges(to)?);
            if f.len() != t.len() {
                return Err(format!(
                    "map `from` lists {} characters but `to` lists {}; they pair one to one",
                    f.len(),
                    t.len()
                ));
            }
            for (a, b) in f.into_iter().zip(t) {
                table.insert(a, b.to_string());
            }
        }
        (None, None) => {}
        _ => return Err("map needs both `from` and `to`".into()),
    }
    for (k, v) in &m.pairs {
        let mut cs = k.chars();
        let (Some(c), None) = (cs.next(), cs.next()) else {
            return Err(format!("map `pairs` key {k:?} must be exactly one character"));
        };
        table.insert(c, v.clone());
    }
    table.retain(|k, v| *v != k.to_string());
    if table.is_empty() {
        return Err("the map changes no character".into());
    }
    let class: String = table.keys().map(|c| regex::escape(&c.to_string())).collect();
    Ok((Action::Map { table: CharMap::new(table) }, format!("[{class}]")))
}

fn compile_pair(p: &PairSpec) -> Result<(Action, String), String> {
    let marks: Vec<char> = p.marks.chars().collect();
    let into: Vec<char> = p.into.chars().collect();
    if into.len() != 2 || into[0] == into[1] {
        return Err(format!("pair `into` must be two different characters (open, close), not {:?}", p.into));
    }
    let (open, close) = match marks[..] {
        [q] => (q, None),
        [o, c] if o != c => (o, Some(c)),
        _ => {
            return Err(format!(
                "pair `marks` must be one quote character or two bracket characters, not {:?}",
                p.marks
            ));
        }
    };
    if marks.iter().any(|m| into.contains(m)) {
        return Err("pair `marks` and `into` must differ".into());
    }
    let class: String = marks.iter().map(|c| regex::escape(&c.to_string())).collect();
    let pair = Pair { open, close, into_open: into[0], into_close: into[1], cjk_context: p.cjk_context };
    Ok((Action::Pair(pair), format!("[{class}]")))
}

/// Byte lengths of the common prefix and suffix (whole characters, not overlapping).
fn common_affixes(a: &str, b: &str) -> (usize, usize) {
    let prefix: usize = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let suffix: usize =
        ra.chars().rev().zip(rb.chars().rev()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    (prefix, suffix)
}

/// Regex matches, each replacement trimmed to the part that changes. The search resumes
/// right after the changed part, not after the match: context captured by one match (the
/// 乙 of 甲,乙,丙) can serve as context of the next.
fn regex_edits(re: &Regex, replace: &str, text: &str, base: usize, id: RuleId, out: &mut Vec<TextEdit>) {
    let mut pos = 0;
    let mut last_end = 0;
    let mut last_insert = None;
    let mut buf = String::new();
    while pos <= text.len() {
        let Some(caps) = re.captures_at(text, pos) else { break };
        let m = caps.get(0).expect("group 0");
        buf.clear();
        caps.expand(replace, &mut buf);
        let step = text[m.start()..].chars().next().map_or(1, char::len_utf8);
        if m.as_str() == buf {
            // Nothing to change here, but the match's trailing context may lead the next one.
            pos = m.start() + step;
            continue;
        }
        let (p, s) = common_affixes(m.as_str(), &buf);
        let (start, end) = (m.start() + p, m.end() - s);
        let ok = start >= last_end && !(start == end && last_insert == Some(start));
        if ok {
            out.push(TextEdit::replace(base + start..base + end, &buf[p..buf.len() - s], id));
            last_end = end;
            last_insert = (start == end).then_some(start);
        }
        pos = end.max(m.start() + step);
    }
}

/// A character map as a sorted table; characters outside its range are passed over with
/// two comparisons (CJK text against the full-width forms block, say).
#[derive(Clone, Debug)]
pub(crate) struct CharMap {
    keys: Vec<char>,
    values: Vec<String>,
}

impl CharMap {
    fn new(table: BTreeMap<char, String>) -> Self {
        let (keys, values) = table.into_iter().unzip();
        CharMap { keys, values }
    }

    fn get(&self, c: &char) -> Option<&String> {
        let (first, last) = (*self.keys.first()?, *self.keys.last()?);
        if *c < first || *c > last {
            return None;
        }
        self.keys.binary_search(c).ok().map(|i| &self.values[i])
    }
}

fn map_edits(table: &CharMap, text: &str, base: usize, id: RuleId, out: &mut Vec<TextEdit>) {
    let mut run: Option<(usize, usize, String)> = None;
    for (i, c) in text.char_indices() {
        match table.get(&c) {
            Some(to) => match &mut run {
                Some((_, end, s)) if *end == i => {
                    *end = i + c.len_utf8();
                    s.push_str(to);
                }
                _ => {
                    if let Some((s, e, r)) = run.take() {
                        out.push(TextEdit::replace(base + s..base + e, r, id));
                    }
                    run = Some((i, i + c.len_utf8(), to.clone()));
                }
            },
            None => {
                if let Some((s, e, r)) = run.take() {
                    out.push(TextEdit::replace(base + s..base + e, r, id));
                }
            }
        }
    }
    if let Some((s, e, r)) = run {
        out.push(TextEdit::replace(base + s..base + e, r, id));
    }
}

/// NFC, one edit per changed stretch. Normalisation never crosses the point before an ASCII
/// character (ASCII never combines with what precedes it), so the text is cut there.
fn nfc_edits(text: &str, base: usize, id: RuleId, out: &mut Vec<TextEdit>) {
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        return;
    }
    let mut start = 0;
    let bytes = text.as_bytes();
    for end in (1..=text.len()).filter(|&i| i == text.len() || bytes[i].is_ascii()) {
        let seg = &text[start..end];
        if !seg.is_ascii() {
            let n: String = seg.nfc().collect();
            if n != seg {
                let (p, s) = common_affixes(seg, &n);
                out.push(TextEdit::replace(base + start + p..base + end - s, &n[p..n.len() - s], id));
            }
        }
        start = end;
    }
}

/// A character that makes a quote or bracket pair "next to CJK text": an ideograph, or
/// full-width punctuation other than the curly quotes that Latin text uses too.
fn is_cjk_context(c: char) -> bool {
    is_cjk(c) || (is_cjk_punct(c) && !matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·'))
}

fn pair_edits(p: &Pair, text: &str, base: usize, id: RuleId, out: &mut Vec<TextEdit>) {
    let prev_char = |at: usize| text[..at].chars().next_back();
    let next_char = |at: usize, c: char| text[at + c.len_utf8()..].chars().next();
    let is_mark = |c: char| c == p.open || Some(c) == p.close || c == p.into_open || c == p.into_close;
    // Every mark of the block, in order: (byte offset, char).
    let mut marks: Vec<(usize, char)> = Vec::new();
    for (at, c) in text.char_indices().filter(|(_, c)| is_mark(*c)) {
        if p.close.is_none() && (c == p.open || c == p.into_close) {
            // An apostrophe between two Latin letters (don't, it’s) is not a quote.
            if prev_char(at).is_some_and(is_latin_letter) && next_char(at, c).is_some_and(is_latin_letter) {
                continue;
            }
        }
        marks.push((at, c));
    }
    let mut pairs: Vec<((usize, char), (usize, char))> = Vec::new();
    let mut stack: Vec<(usize, char)> = Vec::new();
    for &(at, c) in &marks {
        let opens = match p.close {
            // A quote that opens and closes: straight marks alternate, curly ones say.
            None => c == p.into_open || (c == p.open && stack.is_empty()),
            Some(_) => c == p.open || c == p.into_open,
        };
        if opens {
            if p.close.is_none() && !stack.is_empty() {
                return; // an opening curly quote inside a quote: not ours to guess
            }
            stack.push((at, c));
        } else {
            let Some(o) = stack.pop() else { return };
            pairs.push((o, (at, c)));
        }
    }
    if !stack.is_empty() {
        return; // unbalanced: never guess
    }
    pairs.sort_unstable();
    let mut edits = Vec::new();
    for ((oa, oc), (ca, cc)) in pairs {
        let fix_open = oc == p.open;
        let fix_close = cc == p.close.unwrap_or(p.open);
        if !(fix_open || fix_close) {
            continue;
        }
        if p.cjk_context {
            // Inside or before decides; after only when the mark does not hang on a Latin
            // word or number (函数f(x)的值 keeps its ASCII parentheses).
            let inside = text[oa + oc.len_utf8()..ca].chars().any(is_cjk);
            let prev = prev_char(oa);
            let before = prev.is_some_and(is_cjk_context);
            let latin_before = prev.is_some_and(|c| c.is_ascii_alphanumeric() || is_latin_letter(c));
            let after = !latin_before && next_char(ca, cc).is_some_and(is_cjk_context);
            if !(inside || before || after) {
                continue;
            }
        }
        if fix_open {
            edits.push(TextEdit::replace(base + oa..base + oa + oc.len_utf8(), p.into_open.to_string(), id));
        }
        if fix_close {
            edits.push(TextEdit::replace(base + ca..base + ca + cc.len_utf8(), p.into_close.to_string(), id));
        }
    }
    edits.sort_by_key(|e| e.range.start);
    out.extend(edits);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::RuleSpec;

    fn rule(yaml: &str) -> CompiledRule {
        let spec: RuleSpec = serde_yaml::from_str(&format!("id: t.x\ntitle: t\nwhy: w\n{yaml}")).unwrap();
        CompiledRule::new(&spec).unwrap()
    }

    fn apply(r: &CompiledRule, text: &str) -> String {
        let mut edits = Vec::new();
        r.edits(text, 0, &mut edits);
        let mut log = newsclean_core::EditLog::default();
        log.apply(text, edits).unwrap()
    }

    #[test]
    fn overlapping_context_in_one_scan() {
        let r = rule("regex: {find: '({{cjk}}),({{cjk}})', replace: '$1，$2'}");
        assert_eq!(apply(&r, "甲,乙,丙,丁"), "甲，乙，丙，丁");
        let mut e = Vec::new();
        r.edits("甲,乙", 10, &mut e);
        assert_eq!(e, [TextEdit::replace(13..14, "，", "t.x")]);
    }

    #[test]
    fn insertions_progress() {
        let r = rule("regex: {find: '({{cjk}})([A-Za-z])|([A-Za-z])({{cjk}})', replace: '$1$3 $2$4'}");
        assert_eq!(apply(&r, "中A中bb文"), "中 A 中 bb 文");
    }

    #[test]
    fn bad_replacement_group() {
        let spec: RuleSpec =
            serde_yaml::from_str("id: t.x\ntitle: t\nwhy: w\nregex: {find: '(a)b', replace: '$2'}").unwrap();
        let e = CompiledRule::new(&spec).unwrap_err();
        assert!(e.contains("group `2`"), "{e}");
        let spec: RuleSpec =
            serde_yaml::from_str("id: t.x\ntitle: t\nwhy: w\nregex: {find: '(a', replace: ''}").unwrap();
        assert!(CompiledRule::new(&spec).unwrap_err().contains("bad regex"));
        let spec: RuleSpec =
            serde_yaml::from_str("id: t.x\ntitle: t\nwhy: w\nregex: {find: 'a*', replace: 'b'}").unwrap();
        assert!(CompiledRule::new(&spec).unwrap_err().contains("empty string"));
        let spec: RuleSpec =
            serde_yaml::from_str("id: t.x\ntitle: t\nwhy: w\nregex: {find: '{{han}}', replace: 'b'}")
                .unwrap();
        assert!(CompiledRule::new(&spec).unwrap_err().contains("unknown class"));
    }

    #[test]
    fn maps_merge_runs() {
        let r = rule("map: {from: '０-９Ａ-Ｚ', to: '0-9A-Z'}");
        let mut e = Vec::new();
        r.edits("号ＡＢ１楼", 0, &mut e);
        assert_eq!(e.len(), 1);
        assert_eq!(apply(&r, "号ＡＢ１楼"), "号AB1楼");
        let r = rule("map: {pairs: {ﬁ: fi}}");
        assert_eq!(apply(&r, "ﬁne"), "fine");
    }

    #[test]
    fn pairs_only_when_balanced() {
        let q = rule("pair: {marks: '\"', into: '“”', cjk_context: true}");
        assert_eq!(apply(&q, r#"他说"好的"，"明天""#), "他说“好的”，“明天”");
        assert_eq!(apply(&q, r#"他说"好的，明天"#), r#"他说"好的，明天"#);
        assert_eq!(apply(&q, r#"“好的"，"明天”"#), "“好的”，“明天”");
        assert_eq!(apply(&q, r#"version "1.2" ok"#), r#"version "1.2" ok"#);
        assert_eq!(apply(&q, r#"““两面锦旗"#), r#"““两面锦旗"#);
        let b = rule("pair: {marks: '()', into: '（）', cjk_context: true}");
        assert_eq!(apply(&b, "开拓药业(浙江)基地 f(x)"), "开拓药业（浙江）基地 f(x)");
        assert_eq!(apply(&b, "开拓(浙江"), "开拓(浙江");
        assert_eq!(apply(&b, "开拓)浙江("), "开拓)浙江(");
        let s = rule("pair: {marks: \"'\", into: '‘’'}");
        assert_eq!(apply(&s, "'I don't know,' she said"), "‘I don't know,’ she said");
    }

    #[test]
    fn nfc_edits_are_local() {
        let r = rule("builtin: nfc");
        let mut e = Vec::new();
        r.edits("cafe\u{301} and ne\u{301}e", 0, &mut e);
        assert_eq!(e.len(), 2);
        assert_eq!(apply(&r, "cafe\u{301} and ne\u{301}e"), "café and née");
    }
}
