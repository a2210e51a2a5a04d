//! The rule file format: what a YAML rule file may say, parsed with serde (unknown keys
//! refused), and parse errors turned into `file:line:column: what was expected`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use newsclean_core::{BlockKind, Safety};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::RulesError;

/// One rule file: a built-in profile or a user's own additions and overrides.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The name of the profile the file defines (built-in profiles only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// What the profile is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A built-in profile whose rules come first (built-in profiles only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Ids of rules (of the profile extended, or already loaded) to switch off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disable: Vec<String>,
    /// The rules, in the order they run. A rule whose id is already known replaces it in place.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
}

/// One rule as written in a file.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable id (`zh.comma-fullwidth`); never reused for another meaning.
    pub id: String,
    /// One line saying what it does.
    pub title: String,
    /// Why the change is right, for a reviewer.
    pub why: String,
    /// The kinds of block it applies to (default: all content blocks).
    #[serde(default, skip_serializing_if = "Scope::is_all")]
    pub scope: Scope,
    /// `safe` (applied by default) or `review` (applied only when asked).
    #[serde(default, skip_serializing_if = "is_safe")]
    pub safety: Safety,
    /// A regex replacement with its context as capture groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex: Option<RegexSpec>,
    /// A character map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<MapSpec>,
    /// The built-in pairing of quotes or brackets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<PairSpec>,
    /// A named built-in transformation without parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builtin: Option<BuiltinSpec>,
    /// Page furniture: a pattern that a whole line (trimmed) must match; such lines are
    /// removed as furniture before paragraphs are joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub furniture: Option<String>,
    /// Texts and what the rule alone makes of them.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// Texts the rule alone must leave exactly as they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unchanged: Vec<String>,
}

fn is_safe(s: &Safety) -> bool {
    *s == Safety::Safe
}

/// A regex replacement: every match of `find` is replaced by `replace` (`$1`, `${name}`
/// refer to capture groups). `{{cjk}}`-style names expand to the standard character classes.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RegexSpec {
    /// The pattern (Rust `regex` syntax: no look-around; put context in capture groups).
    pub find: String,
    /// The replacement.
    pub replace: String,
}

/// A character map: `from` and `to` list characters one to one (`a-z` ranges allowed);
/// `pairs` maps single characters to strings (ligatures).
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MapSpec {
    /// Characters to replace, one to one with `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Their replacements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Single characters and the strings that replace them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pairs: BTreeMap<String, String>,
}

/// The named built-in transformations without parameters.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum BuiltinSpec {
    /// Unicode canonical composition (NFC).
    Nfc,
}

/// The built-in pairing: ASCII quotes or brackets within a block are read in order and each
/// pair is replaced by `into`; only when every mark of the block pairs up, never a guess on
/// an odd count.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PairSpec {
    /// One character (a quote that opens and closes: `"`) or two (open and close: `()`).
    pub marks: String,
    /// The opening and closing characters that replace a pair (`“”`, `（）`).
    pub into: String,
    /// Convert a pair only when it encloses CJK text or touches it.
    #[serde(default)]
    pub cjk_context: bool,
}

/// A text and what a rule makes of it.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The input.
    pub before: String,
    /// The expected output.
    pub after: String,
}

/// The block kinds a rule applies to, as written: `all`, one kind, or a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope(Vec<ScopeKind>);

/// One scope word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeKind {
    /// Every content block.
    All,
    /// Body paragraphs (and blocks not yet classified).
    Body,
    /// Headlines, kickers and subtitles.
    Headline,
    /// Bylines and credits.
    Byline,
    /// Captions and other kept content.
    Caption,
}

impl ScopeKind {
    fn name(self) -> &'static str {
        match self {
            ScopeKind::All => "all",
            ScopeKind::Body => "body",
            ScopeKind::Headline => "headline",
            ScopeKind::Byline => "byline",
            ScopeKind::Caption => "caption",
        }
    }
}

impl Default for Scope {
    fn default() -> Self {
        Scope(vec![ScopeKind::All])
    }
}

impl Scope {
    /// A scope of these kinds.
    pub fn new(kinds: Vec<ScopeKind>) -> Self {
        Scope(kinds)
    }

    /// True for the default scope, every content block.
    pub fn is_all(&self) -> bool {
        self.0 == [ScopeKind::All]
    }

    /// The scope words.
    pub fn kinds(&self) -> &[ScopeKind] {
        &self.0
    }

    /// True when a block of `kind` is in scope. Furniture and junk never are; a subtitle
    /// counts as a headline, a block not yet classified as body.
    pub fn covers(&self, kind: BlockKind) -> bool {
        if !kind.is_content() {
            return false;
        }
        let word = match kind {
            BlockKind::Headline | BlockKind::Subtitle => ScopeKind::Headline,
            BlockKind::Byline => ScopeKind::Byline,
            BlockKind::Caption => ScopeKind::Caption,
            _ => ScopeKind::Body,
        };
        self.0.iter().any(|k| *k == ScopeKind::All || *k == word)
    }

    /// A block kind in scope, to run examples on (body first).
    pub fn example_kind(&self) -> BlockKind {
        [BlockKind::Body, BlockKind::Headline, BlockKind::Byline, BlockKind::Caption]
            .into_iter()
            .find(|k| self.covers(*k))
            .unwrap_or(BlockKind::Body)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.0.iter().map(|k| k.name()).collect();
        f.write_str(&names.join(", "))
    }
}

impl Serialize for Scope {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scope;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scope (all, body, headline, byline, caption) or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scope, E> {
                let k = ScopeKind::deserialize(de::value::StrDeserializer::<E>::new(v))?;
                Ok(Scope(vec![k]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scope, A::Error> {
                let mut kinds = Vec::new();
                while let Some(k) = seq.next_element::<ScopeKind>()? {
                    kinds.push(k);
                }
                if kinds.is_empty() {
                    return Err(de::Error::invalid_length(0, &"at least one scope"));
                }
                Ok(Scope(kinds))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parse a rule file. Errors name the file, the line and column, and what was expected.
pub fn parse(path: &Path, text: &str) -> Result<RuleFile, RulesError> {
    serde_yaml::from_str::<RuleFile>(text).map_err(|e| {
        let (line, column) = e.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
        let mut message = e.to_string();
        if let Some(i) = message.rfind(" at line ") {
            message.truncate(i);
        }
        RulesError::Parse { path: path.to_path_buf(), line, column, message }
    })
}

/// Where rule `id` is written in `text`: the line and column of its `id:` key (1-based),
/// so that errors found after parsing (a bad regex) still point into the file.
pub fn locate_id(text: &str, id: &str) -> (usize, usize) {
    id_lines(text).find(|(value, _)| *value == id).map_or((1, 1), |(_, at)| at)
}

/// Every `id:` line of `text`: (the id, (line, column)), in order.
fn id_lines(text: &str) -> impl Iterator<Item = (&str, (usize, usize))> {
    text.lines().enumerate().filter_map(|(n, line)| {
        let at = line.find("id:")?;
        let before = line[..at].trim();
        if !(before.is_empty() || before == "-") {
            return None;
        }
        let value = line[at + 3..].trim().trim_matches(|c| c == '"' || c == '\'');
        let value = value.split(" #").next().unwrap_or(value).trim();
        Some((value, (n + 1, at + 1)))
    })
}

/// [`locate_id`] for every id of `text` at once (the first line of each): one pass over the
/// file, so placing the rules of a file of thousands stays linear.
pub fn locate_ids(text: &str) -> std::collections::HashMap<&str, (usize, usize)> {
    let mut map = std::collections::HashMap::new();
    for (id, at) in id_lines(text) {
        map.entry(id).or_insert(at);
    }
    map
}

/// The line and column of the first line that starts with `key:` (a top-level key).
pub fn locate_key(text: &str, key: &str) -> (usize, usize) {
    let wanted = format!("{key}:");
    text.lines().position(|l| l.starts_with(&wanted)).map(|n| (n + 1, 1)).unwrap_or((1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_forms() {
        let f: RuleSpec =
            serde_yaml::from_str("id: a\ntitle: t\nwhy: w\nscope: body\nbuiltin: nfc\n").unwrap();
        assert_eq!(f.scope.kinds(), [ScopeKind::Body]);
        assert!(f.scope.covers(BlockKind::Unknown) && !f.scope.covers(BlockKind::Byline));
        let f: RuleSpec =
            serde_yaml::from_str("id: a\ntitle: t\nwhy: w\nscope: [headline, caption]\n").unwrap();
        assert!(f.scope.covers(BlockKind::Subtitle) && f.scope.covers(BlockKind::Caption));
        assert!(!f.scope.covers(BlockKind::Body));
        assert!(!Scope::default().covers(BlockKind::Furniture));
        assert!(serde_yaml::from_str::<RuleSpec>("id: a\ntitle: t\nwhy: w\nscope: bdy\n").is_err());
    }

    #[test]
    fn builtin_forms() {
        let f: RuleSpec = serde_yaml::from_str(
            "id: a\ntitle: t\nwhy: w\npair: {marks: '\"', into: '“”', cjk_context: true}\n",
        )
        .unwrap();
        assert_eq!(f.pair, Some(PairSpec { marks: "\"".into(), into: "“”".into(), cjk_context: true }));
        let f: RuleSpec = serde_yaml::from_str("id: a\ntitle: t\nwhy: w\nbuiltin: nfc\n").unwrap();
        assert_eq!(f.builtin, Some(BuiltinSpec::Nfc));
    }

    #[test]
    fn parse_error_has_location_and_expectation() {
        let text = "profile: x\nrules:\n  - id: a\n    tilte: t\n";
        let e = parse(Path::new("my.yaml"), text).unwrap_err().to_string();
        assert!(e.starts_with("my.yaml:4:"), "{e}");
        assert!(e.contains("unknown field `tilte`") && e.contains("expected one of"), "{e}");
    }

    #[test]
    fn locates_ids() {
        let text = "rules:\n  - id: a.b\n    title: x\n  - title: y\n    id: \"c\"\n";
        assert_eq!(locate_id(text, "a.b"), (2, 5));
        assert_eq!(locate_id(text, "c"), (5, 5));
    }
}
