//! The rule language: YAML rule files, built-in profiles, and rules applied as a pass.
//!
//! A profile is an ordered list of rules; each rule has a stable id, a title, a `why`, a
//! scope (block kinds), a safety, one action (a regex with its context in capture groups, a
//! character map, a named built-in, or a whole-line `furniture` pattern) and its own
//! `examples` and `unchanged` cases, which run as tests. Furniture rules run as their own
//! pass ([`RulePasses::furniture`]), before paragraphs are joined; the others after layout. The built-in profiles live in the top-level `rules/` folder and are
//! embedded; a user's file adds or overrides rules by id.
//!
//! ```
//! use newsclean_core::{Context, Page, Pass};
//! use newsclean_rules::RuleSet;
//!
//! let passes = RuleSet::builtin("zh-newspaper").unwrap().into_passes().unwrap();
//! let mut page = Page::new("他说:\"好的,明天见!\"");
//! for pass in &passes {
//!     pass.run(&mut page, &Context::default()).unwrap();
//! }
//! assert_eq!(page.text(), "他说：“好的，明天见！”");
//! assert!(page.log().edits().iter().any(|e| e.rule == "zh.comma-fullwidth"));
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod compile;
pub mod docs;
pub mod examples;
pub mod furniture;
pub mod pass;
pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use newsclean_core::Pass;

pub use compile::{CLASSES, CompiledRule};
pub use examples::{ExampleFailure, FailureKind};
pub use furniture::FurniturePass;
pub use pass::{
    CompiledRules, GROWTH_LIMIT_BYTES, GROWTH_LIMIT_FACTOR, MAX_ROUNDS, RulesPass, SELF_FEED_BUDGET_BYTES,
    SELF_FEED_BUDGET_FACTOR, SELF_FEED_GROWTH_BYTES,
};
pub use schema::{RuleFile, RuleSpec, Scope, ScopeKind};

/// The name of the default profile.
pub const DEFAULT_PROFILE: &str = "zh-newspaper";

/// The built-in profiles: (name, file name under `rules/`, the file's text).
const BUILTIN: &[(&str, &str, &str)] = &[
    ("zh-newspaper", "rules/zh-newspaper.yaml", include_str!("../../../rules/zh-newspaper.yaml")),
    ("zh-pangu", "rules/zh-pangu.yaml", include_str!("../../../rules/zh-pangu.yaml")),
    ("en-newspaper", "rules/en-newspaper.yaml", include_str!("../../../rules/en-newspaper.yaml")),
];

/// Why rules could not be loaded or compiled.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// No built-in profile has that name.
    #[error("unknown profile {name:?}; built-in profiles: {known}")]
    UnknownProfile {
        /// The name asked for.
        name: String,
        /// The names there are.
        known: String,
    },
    /// A rule file could not be parsed.
    #[error("{path}:{line}:{column}: {message}", path = path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What was expected.
        message: String,
    },
    /// A rule parsed but is wrong (a bad regex, no action, a duplicate id).
    #[error("{path}:{line}:{column}: rule {rule}: {message}", path = path.display())]
    Rule {
        /// The file.
        path: PathBuf,
        /// 1-based line of the rule's `id`.
        line: usize,
        /// 1-based column of the rule's `id`.
        column: usize,
        /// The rule's id.
        rule: String,
        /// What is wrong.
        message: String,
    },
}

/// Where a rule was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file (`rules/zh-newspaper.yaml` for built-in rules).
    pub path: PathBuf,
    /// 1-based line of its `id`.
    pub line: usize,
}

/// A rule as loaded: what the file says, where it says it, and the rule compiled.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The rule as written.
    pub spec: RuleSpec,
    /// Where it was written.
    pub origin: Origin,
    compiled: CompiledRule,
}

impl Rule {
    /// The rule's id.
    pub fn id(&self) -> &str {
        &self.spec.id
    }

    /// The compiled rule.
    pub fn compiled(&self) -> &CompiledRule {
        &self.compiled
    }
}

/// An ordered set of rules: a built-in profile plus the user's own files.
#[derive(Clone, Debug)]
pub struct RuleSet {
    profile: String,
    description: String,
    rules: Vec<Rule>,
    /// Every id the files' `disable:` lists named, in order.
    disabled: Vec<String>,
    /// Knows the ids of the rules outside the rule language (the layout passes'), which a
    /// `disable:` may name too.
    external: fn(&str) -> bool,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet {
            profile: String::new(),
            description: String::new(),
            rules: Vec::new(),
            disabled: Vec::new(),
            external: |_| false,
        }
    }
}

impl RuleSet {
    /// The names of the built-in profiles.
    pub fn builtin_names() -> &'static [&'static str] {
        &["zh-newspaper", "zh-pangu", "en-newspaper"]
    }

    /// The YAML text of a built-in profile, as embedded: (file name, text).
    pub fn builtin_source(profile: &str) -> Option<(&'static str, &'static str)> {
        BUILTIN.iter().find(|(n, _, _)| *n == profile).map(|(_, f, t)| (*f, *t))
    }

    /// The rules of a built-in profile.
    pub fn builtin(profile: &str) -> Result<RuleSet, RulesError> {
        Self::load_builtin(profile, 0)
    }

    fn load_builtin(profile: &str, depth: usize) -> Result<RuleSet, RulesError> {
        let Some((file, text)) = Self::builtin_source(profile) else {
            return Err(RulesError::UnknownProfile {
                name: profile.to_string(),
                known: Self::builtin_names().join(", "),
            });
        };
        let path = Path::new(file);
        let parsed = schema::parse(path, text)?;
        let at_top = |key: &str, message: String| {
            let (line, column) = schema::locate_key(text, key);
            RulesError::Parse { path: path.to_path_buf(), line, column, message }
        };
        if parsed.profile.as_deref() != Some(profile) {
            return Err(at_top("profile", format!("expected `profile: {profile}`")));
        }
        let mut set = match &parsed.extends {
            Some(base) if depth < 4 => {
                Self::load_builtin(base, depth + 1).map_err(|e| at_top("extends", e.to_string()))?
            }
            Some(_) => return Err(at_top("extends", "profiles extend each other too deeply".into())),
            None => RuleSet::default(),
        };
        set.profile = profile.to_string();
        set.description = parsed.description.clone().unwrap_or_default();
        set.merge(path, text, parsed)?;
        Ok(set)
    }

    /// Add (or override, by id) the rules of a user's rule file. `text` is the file's content;
    /// `path` names it in errors. The library does no I/O: the caller reads the file.
    pub fn add_file(&mut self, path: &Path, text: &str) -> Result<(), RulesError> {
        let parsed = schema::parse(path, text)?;
        for key in ["profile", "extends"] {
            let given = if key == "profile" { &parsed.profile } else { &parsed.extends };
            if given.is_some() {
                let (line, column) = schema::locate_key(text, key);
                return Err(RulesError::Parse {
                    path: path.to_path_buf(),
                    line,
                    column,
                    message: format!(
                        "`{key}` is for built-in profiles; a rule file adds to the profile chosen with --profile \
                         (expected `description`, `disable` or `rules`)"
                    ),
                });
            }
        }
        let ids: Vec<String> = parsed.rules.iter().map(|r| r.id.clone()).collect();
        self.merge(path, text, parsed)?;
        // A rule that fails its own examples does not do what its file says: it is not
        // applied to anyone's text (`rules test FILE` lists every failing case).
        for id in &ids {
            let rule = self.rule(id).expect("just merged");
            if let Some(f) = examples::check_rule(rule).into_iter().next() {
                let (line, column) = schema::locate_id(text, id);
                return Err(RulesError::Rule {
                    path: path.to_path_buf(),
                    line,
                    column,
                    rule: id.clone(),
                    message: format!(
                        "fails its own {}: {:?} should give {:?} but gives {:?}; fix the rule or the case \
                         (`newsclean rules test {}` lists every failing case)",
                        match f.kind {
                            FailureKind::Example => "example",
                            FailureKind::Unchanged => "unchanged case",
                        },
                        f.input,
                        f.expected,
                        f.got,
                        path.display()
                    ),
                });
            }
        }
        Ok(())
    }

    /// Apply one parsed file: switch off its `disable` ids, then add its rules (a known id is
    /// replaced in place, a new one appended).
    fn merge(&mut self, path: &Path, text: &str, file: RuleFile) -> Result<(), RulesError> {
        let id_at = schema::locate_ids(text);
        let locate = |id: &str| id_at.get(id).copied().unwrap_or((1, 1));
        let rule_error = |id: &str, message: String| {
            let (line, column) = locate(id);
            RulesError::Rule { path: path.to_path_buf(), line, column, rule: id.to_string(), message }
        };
        for written in &file.disable {
            // An id renamed since the file was written (`layout.join-cjk`) names its rule still.
            let id =
                &newsclean_core::registry::renamed(written).map_or_else(|| written.clone(), str::to_string);
            let before = self.rules.len();
            self.rules.retain(|r| !newsclean_core::registry::covers(id, &r.spec.id));
            let page_id = newsclean_core::registry::covers("page", id)
                || newsclean_core::registry::covers("decode", id)
                || newsclean_core::registry::PAGE_RULES
                    .iter()
                    .chain(newsclean_core::registry::DECODE_RULES)
                    .any(|r| newsclean_core::registry::covers(id, r.id));
            let known = self.rules.len() < before || (self.external)(id) || Self::in_a_builtin_profile(id);
            if !known || page_id {
                let (line, column) = text
                    .lines()
                    .position(|l| l.contains(written.as_str()))
                    .map(|n| {
                        (n + 1, text.lines().nth(n).and_then(|l| l.find(written.as_str())).unwrap_or(0) + 1)
                    })
                    .unwrap_or((1, 1));
                return Err(RulesError::Rule {
                    path: path.to_path_buf(),
                    line,
                    column,
                    rule: written.clone(),
                    message: if page_id {
                        "cannot disable: the page.* and decode.* ids are the output format and the reading of the bytes, not decisions (pass --encoding NAME to choose the reading)".into()
                    } else {
                        "cannot disable: no rule has this id (see `newsclean rules list`)".into()
                    },
                });
            }
            // An id of another profile (zh.comma-fullwidth while the Latin profile cleans an
            // English page) or of a layout pass: nothing here to remove; the layout passes read
            // [`RuleSet::disabled`].
            self.disabled.push(id.clone());
        }
        let mut seen = std::collections::HashSet::new();
        // Where each known id is: looked up, not searched, for each rule of the file.
        let mut index: std::collections::HashMap<String, usize> =
            self.rules.iter().enumerate().map(|(i, r)| (r.spec.id.clone(), i)).collect();
        for spec in file.rules {
            if !seen.insert(spec.id.clone()) {
                return Err(rule_error(&spec.id, "this id is used twice in the file".into()));
            }
            let compiled = CompiledRule::new(&spec).map_err(|m| rule_error(&spec.id, m))?;
            let (line, _) = locate(&spec.id);
            let rule = Rule { spec, origin: Origin { path: path.to_path_buf(), line }, compiled };
            match index.get(&rule.spec.id) {
                Some(&i) => self.rules[i] = rule,
                None => {
                    index.insert(rule.spec.id.clone(), self.rules.len());
                    self.rules.push(rule);
                }
            }
        }
        Ok(())
    }

    /// The rules of one file alone, as written (no profile, `extends` and `disable` not
    /// applied): what `newsclean rules test FILE` checks.
    pub fn from_file(path: &Path, text: &str) -> Result<RuleSet, RulesError> {
        let mut parsed = schema::parse(path, text)?;
        parsed.disable.clear();
        let mut set = RuleSet {
            profile: parsed.profile.clone().unwrap_or_else(|| path.display().to_string()),
            description: parsed.description.clone().unwrap_or_default(),
            ..RuleSet::default()
        };
        set.merge(path, text, parsed)?;
        Ok(set)
    }

    /// Let `disable:` name the rules that `known` knows besides this set's (the facade passes
    /// `newsclean_layout::registry::knows`, so `disable: [layout.furniture.app-promo]` works).
    pub fn with_external(mut self, known: fn(&str) -> bool) -> Self {
        self.external = known;
        self
    }

    /// Every id the `disable:` lists of the files named, in order: the YAML rules among them
    /// are already gone from [`RuleSet::rules`]; the others are for the layout passes
    /// (`newsclean_core::Context::disabled`).
    pub fn disabled(&self) -> &[String] {
        &self.disabled
    }

    /// True when a built-in profile has a rule of this id (or of this family).
    fn in_a_builtin_profile(id: &str) -> bool {
        BUILTIN.iter().any(|(_, file, text)| {
            schema::parse(Path::new(file), text)
                .is_ok_and(|f| f.rules.iter().any(|r| newsclean_core::registry::covers(id, &r.id)))
        })
    }

    /// The profile this set started from.
    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// What the profile is for.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The rules, in the order they run.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.spec.id == id)
    }

    /// Run every rule's `examples` and `unchanged` cases, each rule alone on a one-block
    /// page of a kind in its scope; the failures, in rule order.
    pub fn test(&self) -> Vec<ExampleFailure> {
        self.rules.iter().flat_map(examples::check_rule).collect()
    }

    /// Compile the text rules (every rule but the `furniture` ones) once, with the prefilter
    /// over all of them.
    pub fn compile(&self) -> Result<CompiledRules, RulesError> {
        let text_rules = self.rules.iter().map(|r| r.compiled.clone()).filter(|c| !c.is_furniture());
        CompiledRules::new(text_rules.collect()).map_err(|message| RulesError::Parse {
            path: PathBuf::from(&self.profile),
            line: 1,
            column: 1,
            message,
        })
    }

    /// The rules as passes, by where they belong in a pipeline.
    pub fn into_rule_passes(self) -> Result<RulePasses, RulesError> {
        let furniture: Vec<CompiledRule> =
            self.rules.iter().map(|r| r.compiled.clone()).filter(CompiledRule::is_furniture).collect();
        let furniture = (!furniture.is_empty())
            .then(|| Box::new(FurniturePass::new("rules.furniture", furniture)) as Box<dyn Pass>);
        let text = if self.rules.iter().any(|r| !r.compiled.is_furniture()) {
            let compiled = Arc::new(self.compile()?);
            Some(Box::new(RulesPass::new("rules", compiled)) as Box<dyn Pass>)
        } else {
            None
        };
        Ok(RulePasses { furniture, text })
    }

    /// Compile the rules into the passes that apply them: the furniture rules' pass (if
    /// any), then the text rules' pass (if any). A pipeline with layout passes puts the first
    /// right after the layout furniture pass instead (see [`RuleSet::into_rule_passes`]).
    pub fn into_passes(self) -> Result<Vec<Box<dyn Pass>>, RulesError> {
        let p = self.into_rule_passes()?;
        Ok(p.furniture.into_iter().chain(p.text).collect())
    }
}

/// A rule set's passes, by where they run.
pub struct RulePasses {
    /// The `furniture` rules: whole lines classified as furniture. Runs on lines, before
    /// anything joins them (right after the layout furniture pass).
    pub furniture: Option<Box<dyn Pass>>,
    /// Every other rule: edits inside content blocks, after the layout passes.
    pub text: Option<Box<dyn Pass>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_loads() {
        for name in RuleSet::builtin_names() {
            let set = RuleSet::builtin(name).unwrap();
            assert!(!set.rules().is_empty(), "{name}");
            assert_eq!(set.profile(), *name);
        }
        assert!(matches!(RuleSet::builtin("zh"), Err(RulesError::UnknownProfile { .. })));
    }

    #[test]
    fn user_file_overrides_disables_and_adds() {
        let mut set = RuleSet::builtin("zh-newspaper").unwrap();
        let n = set.rules().len();
        let first = set.rules()[0].id().to_string();
        let text = format!(
            "disable: [zh.space-cjk-latin]\nrules:\n  - id: {first}\n    title: replaced\n    why: w\n    builtin: nfc\n  - id: my.rule\n    title: mine\n    why: w\n    regex: {{find: 'x', replace: 'y'}}\n"
        );
        set.add_file(Path::new("mine.yaml"), &text).unwrap();
        assert_eq!(set.rules().len(), n);
        assert_eq!(set.rules()[0].spec.title, "replaced");
        assert_eq!(set.rules()[0].origin, Origin { path: "mine.yaml".into(), line: 3 });
        assert_eq!(set.rules().last().unwrap().id(), "my.rule");
        assert!(set.rule("zh.space-cjk-latin").is_none());
    }

    #[test]
    fn a_user_rule_failing_its_own_example_is_not_applied() {
        // The rule turns x into y, its example says z: the file is refused, with the case.
        let text = "rules:\n  - id: my.rule\n    title: t\n    why: w\n    regex: {find: 'x', replace: 'y'}\n    examples:\n      - before: ax\n        after: az\n";
        let mut set = RuleSet::builtin("zh-newspaper").unwrap();
        let e = set.add_file(Path::new("u.yaml"), text).unwrap_err().to_string();
        assert!(e.starts_with("u.yaml:2:5: rule my.rule: fails its own example"), "{e}");
        assert!(e.contains(r#""ax" should give "az" but gives "ay""#), "{e}");
        let text = "rules:\n  - id: my.rule\n    title: t\n    why: w\n    regex: {find: 'x', replace: 'y'}\n    unchanged: [box]\n";
        let e = set.add_file(Path::new("u.yaml"), text).unwrap_err().to_string();
        assert!(e.contains("fails its own unchanged case"), "{e}");
        // Its example right, it loads.
        let text = "rules:\n  - id: my.rule\n    title: t\n    why: w\n    regex: {find: 'x', replace: 'y'}\n    examples:\n      - before: ax\n        after: ay\n";
        set.add_file(Path::new("u.yaml"), text).unwrap();
        // `rules test` still lists the failures of a file as written.
        let bad = "rules:\n  - id: my.rule\n    title: t\n    why: w\n    regex: {find: 'x', replace: 'y'}\n    examples:\n      - before: ax\n        after: az\n";
        assert_eq!(RuleSet::from_file(Path::new("u.yaml"), bad).unwrap().test().len(), 1);
    }

    #[test]
    fn user_file_errors_point_into_the_file() {
        let mut set = RuleSet::builtin("zh-newspaper").unwrap();
        let e = set.add_file(Path::new("u.yaml"), "rules:\n  - id: a.b\n    tilte: x\n").unwrap_err();
        assert!(e.to_string().starts_with("u.yaml:3:5: rules[0]: unknown field `tilte`"), "{e}");
        let text = "rules:\n  - id: ok.one\n    title: t\n    why: w\n    builtin: nfc\n  - id: bad.re\n    title: t\n    why: w\n    regex: {find: '(中', replace: ''}\n";
        let e = set.add_file(Path::new("u.yaml"), text).unwrap_err().to_string();
        assert!(e.starts_with("u.yaml:6:5: rule bad.re: bad regex"), "{e}");
        let e = set.add_file(Path::new("u.yaml"), "disable: [no.such]\n").unwrap_err().to_string();
        assert!(e.starts_with("u.yaml:1:11: rule no.such: cannot disable"), "{e}");
        let e = set.add_file(Path::new("u.yaml"), "extends: zh-newspaper\n").unwrap_err().to_string();
        assert!(e.starts_with("u.yaml:1:1: `extends` is for built-in profiles"), "{e}");
        let e = set
            .add_file(Path::new("u.yaml"), "rules:\n  - id: a.b\n    title: t\n    why: w\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("rule a.b: no action"), "{e}");
    }
}
