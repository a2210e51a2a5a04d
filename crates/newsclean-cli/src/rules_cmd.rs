//! `newsclean rules list|explain|test`: read, explain and check the rules of a profile or file.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use newsclean::rules::schema::BuiltinSpec;
use newsclean::rules::{FailureKind, Rule, RuleSet};

/// Exit code when a rule file's example fails.
const EXIT_FAILED: u8 = 1;
/// Exit code when a rule file cannot be read or loaded.
const EXIT_ERROR: u8 = 2;

/// Arguments of `newsclean rules`.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  newsclean rules list --profile zh-pangu           # the rules of a profile, in the order they run
  newsclean rules explain zh.comma-fullwidth        # what a rule does, why, its examples
  newsclean rules test my-rules.yaml                # run a rule file's examples as tests")]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// List the rules of a profile, in the order they run: id, scope, safety, title; then the
    /// layout rules, which every profile runs.
    #[command(after_help = "Examples:
  newsclean rules list
  newsclean rules list --profile en-newspaper --rules my-rules.yaml")]
    List {
        /// The built-in profile.
        #[arg(long, default_value = newsclean::DEFAULT_PROFILE, value_parser = profile_names())]
        profile: String,
        /// Rule files that add or override rules (as `clean --rules`).
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Explain a rule: what it does, why, and its examples.
    #[command(after_help = "Examples:
  newsclean rules explain zh.comma-fullwidth
  newsclean rules explain my.rule --rules my-rules.yaml")]
    Explain {
        /// The rule's id (`zh.comma-fullwidth`).
        id: String,
        /// Look in this profile only (default: every built-in profile).
        #[arg(long, value_parser = profile_names())]
        profile: Option<String>,
        /// Rule files to look in too.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Run the examples and unchanged cases of rule files. Exit 1 when one fails, 2 when a
    /// file cannot be loaded.
    #[command(after_help = "Examples:
  newsclean rules test my-rules.yaml learned.yaml
  newsclean rules test zh-newspaper                 # a built-in profile's own file")]
    Test {
        /// Rule files (a built-in profile's name tests that profile's file).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
    },
}

/// The built-in profile names, for `--profile`: its help lists them, and clap refuses others
/// with a suggestion.
pub fn profile_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(RuleSet::builtin_names())
}

/// Run `newsclean rules ...`; the exit code.
pub fn run(args: &RulesArgs) -> anyhow::Result<u8> {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    run_to(args, &mut stdout.lock(), &mut stderr.lock())
}

fn run_to(args: &RulesArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    match &args.command {
        RulesCommand::List { profile, rules } => {
            let set = load(profile, rules)?;
            list(&set, out)?;
            Ok(0)
        }
        RulesCommand::Explain { id, profile, rules } => {
            let profiles: Vec<&str> = match profile {
                Some(p) => vec![p.as_str()],
                None => RuleSet::builtin_names().to_vec(),
            };
            for p in profiles {
                let set = load(p, rules)?;
                if let Some(rule) = set.rule(id) {
                    explain(rule, set.profile(), out)?;
                    return Ok(0);
                }
            }
            if let Some(info) = newsclean::layout::registry::get(id) {
                explain_layout(info, out)?;
                return Ok(0);
            }
            if let Some(info) =
                newsclean::core::registry::renamed(id).and_then(newsclean::layout::registry::get)
            {
                writeln!(
                    out,
                    "{id} is now {} (renamed on 2026-12-02: every id starts with its pass's id)",
                    info.id
                )?;
                explain_layout(info, out)?;
                return Ok(0);
            }
            let mut known = Vec::new();
            for p in RuleSet::builtin_names() {
                known.extend(load(p, rules)?.rules().iter().map(|r| r.id().to_string()));
            }
            known.extend(newsclean::layout::registry::all().map(|r| r.id.to_string()));
            anyhow::bail!(
                "no rule has the id {id:?}{} (see `newsclean rules list --profile NAME`)",
                did_you_mean(id, &known)
            )
        }
        RulesCommand::Test { files } => test(files, out, err),
    }
}

/// A built-in profile with the user's rule files over it.
fn load(profile: &str, files: &[PathBuf]) -> anyhow::Result<RuleSet> {
    let mut texts = Vec::new();
    for f in files {
        let text = read_rule_file(f)?;
        texts.push((f.clone(), text));
    }
    Ok(newsclean::rule_set(profile, &texts)?)
}

/// A rule file's text; when it cannot be read, an error that says why and where it looked.
fn read_rule_file(f: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(f).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            let cwd = std::env::current_dir().map(|d| d.display().to_string()).unwrap_or_else(|_| "?".into());
            let at = if f.is_absolute() { String::new() } else { format!(" in {cwd}") };
            anyhow::anyhow!(
                "{}: the rule file does not exist (looked for {}{at}); check the path, or name a built-in \
                 profile: {}",
                f.display(),
                f.display(),
                RuleSet::builtin_names().join(", ")
            )
        } else {
            anyhow::anyhow!("{}: cannot read the rule file ({e})", f.display())
        }
    })
}

/// `, did you mean "A" or "B"?` for the known ids nearest to `id` (a few edits away, or
/// containing it), or nothing.
pub fn did_you_mean(id: &str, known: &[String]) -> String {
    let mut near: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (edit_distance(id, k), k.as_str()))
        .filter(|(d, k)| *d <= 2.max(id.chars().count() / 4) || (id.len() >= 4 && k.contains(id)))
        .collect();
    near.sort();
    near.dedup_by(|a, b| a.1 == b.1);
    // The nearest only: one edit away beats two.
    let best = near.first().map_or(0, |n| n.0);
    let names: Vec<String> =
        near.iter().filter(|n| n.0 == best).take(3).map(|(_, k)| k.to_string()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [init @ .., last] => format!("; did you mean {} or {last}?", init.join(", ")),
    }
}

/// The Levenshtein distance between `a` and `b`, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

fn list(set: &RuleSet, out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<[String; 4]> = set
        .rules()
        .iter()
        .map(|r| [r.id().to_string(), r.spec.scope.to_string(), safety(r), r.spec.title.trim().to_string()])
        .collect();
    let disabled = newsclean::core::Disabled::new(set.disabled().iter().cloned());
    let layout: Vec<[String; 4]> = newsclean::layout::registry::all()
        .filter(|r| !disabled.covers(r.id))
        .map(|r| {
            [
                r.id.to_string(),
                r.pass.to_string(),
                format!("{:?}", r.safety).to_lowercase(),
                r.title.to_string(),
            ]
        })
        .collect();
    let header = ["ID".to_string(), "SCOPE".into(), "SAFETY".into(), "TITLE".into()];
    let width = |i: usize| rows.iter().chain([&header]).map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    writeln!(out, "# profile {}: {} rules", set.profile(), set.rules().len())?;
    for r in std::iter::once(&header).chain(&rows) {
        writeln!(out, "{:w0$}  {:w1$}  {:w2$}  {}", r[0], r[1], r[2], r[3])?;
    }
    let header = ["ID".to_string(), "PASS".into(), "SAFETY".into(), "TITLE".into()];
    let width = |i: usize| layout.iter().chain([&header]).map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    writeln!(out, "\n# layout rules (every profile): {} rules", layout.len())?;
    for r in std::iter::once(&header).chain(&layout) {
        writeln!(out, "{:w0$}  {:w1$}  {:w2$}  {}", r[0], r[1], r[2], r[3])?;
    }
    Ok(())
}

fn explain_layout(r: &newsclean::core::RuleInfo, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}: {}", r.id, r.title)?;
    writeln!(out, "layout rule of pass {}; safety: {}", r.pass, format!("{:?}", r.safety).to_lowercase())?;
    writeln!(out, "\nWhy: {}", r.why)?;
    writeln!(out, "\nExample:\n  {}", r.example)?;
    writeln!(out, "\nLeft alone:\n  {}", r.not_when)?;
    Ok(())
}

fn safety(r: &Rule) -> String {
    format!("{:?}", r.spec.safety).to_lowercase()
}

fn explain(rule: &Rule, profile: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let s = &rule.spec;
    writeln!(out, "{}: {}", s.id, s.title.trim())?;
    writeln!(
        out,
        "profile {profile}, {}:{}; scope: {}; safety: {}",
        rule.origin.path.display(),
        rule.origin.line,
        s.scope,
        safety(rule)
    )?;
    if let Some(re) = &s.regex {
        writeln!(out, "regex: {} -> {}", re.find, re.replace)?;
    }
    if let Some(m) = &s.map {
        if let (Some(f), Some(t)) = (&m.from, &m.to) {
            writeln!(out, "map: {f} -> {t}")?;
        }
        for (k, v) in &m.pairs {
            writeln!(out, "map: {k} -> {v}")?;
        }
    }
    if let Some(p) = &s.pair {
        let ctx = if p.cjk_context { " (only next to CJK text)" } else { "" };
        writeln!(out, "pair: {} -> {}{ctx}", p.marks, p.into)?;
    }
    if let Some(BuiltinSpec::Nfc) = s.builtin {
        writeln!(out, "built-in: nfc")?;
    }
    if let Some(f) = &s.furniture {
        writeln!(out, "furniture (a whole line): {f}")?;
    }
    writeln!(out, "\nWhy: {}", s.why.trim())?;
    if !s.examples.is_empty() {
        writeln!(out, "\nExamples:")?;
        for e in &s.examples {
            writeln!(out, "  {}\n  -> {}", e.before, e.after)?;
        }
    }
    if !s.unchanged.is_empty() {
        writeln!(out, "\nLeft alone:")?;
        for u in &s.unchanged {
            writeln!(out, "  {u}")?;
        }
    }
    Ok(())
}

fn test(files: &[String], out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<u8> {
    let mut code = 0;
    for f in files {
        let loaded = match RuleSet::builtin_source(f) {
            Some((name, text)) => RuleSet::from_file(Path::new(name), text).map_err(anyhow::Error::from),
            None => {
                read_rule_file(Path::new(f)).and_then(|text| Ok(RuleSet::from_file(Path::new(f), &text)?))
            }
        };
        let set = match loaded {
            Ok(set) => set,
            Err(e) => {
                writeln!(err, "newsclean: error: {e:#}")?;
                code = EXIT_ERROR;
                continue;
            }
        };
        let failures = set.test();
        let cases: usize = set.rules().iter().map(|r| r.spec.examples.len() + r.spec.unchanged.len()).sum();
        for fail in &failures {
            let what = match fail.kind {
                FailureKind::Example => "example",
                FailureKind::Unchanged => "unchanged case",
            };
            writeln!(out, "FAIL {f}: rule {}: {what}", fail.rule)?;
            writeln!(out, "  input:    {}", fail.input)?;
            writeln!(out, "  expected: {}", fail.expected)?;
            writeln!(out, "  produced: {}", fail.got)?;
        }
        let verdict = if failures.is_empty() { "ok" } else { "FAILED" };
        writeln!(
            out,
            "{f}: {} rules, {cases} cases, {} failed: {verdict}",
            set.rules().len(),
            failures.len()
        )?;
        if !failures.is_empty() && code == 0 {
            code = EXIT_FAILED;
        }
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(subcommand)]
        command: Top,
    }

    #[derive(Subcommand)]
    enum Top {
        Rules(RulesArgs),
    }

    fn run_args(args: &[&str]) -> (anyhow::Result<u8>, String, String) {
        let cli = Cli::try_parse_from(std::iter::once("newsclean").chain(args.iter().copied())).unwrap();
        let Top::Rules(r) = cli.command;
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_to(&r, &mut out, &mut err);
        (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
    }

    fn temp_file(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsclean-rules-cmd-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn list_shows_id_scope_safety_title() {
        let (code, out, _) = run_args(&["rules", "list"]);
        assert_eq!(code.unwrap(), 0);
        assert!(out.contains("profile zh-newspaper"));
        let line = out.lines().find(|l| l.starts_with("zh.comma-fullwidth")).unwrap();
        assert!(line.contains("all") && line.contains("safe") && line.contains("comma"), "{line}");
        let (code, out, _) = run_args(&["rules", "list", "--profile", "en-newspaper"]);
        assert_eq!(code.unwrap(), 0);
        assert!(out.contains("en.ligatures") && !out.contains("zh.comma"));
        // An unknown profile is refused while parsing, naming the built-in ones.
        let err = Cli::try_parse_from(["newsclean", "rules", "list", "--profile", "nope"]).err().unwrap();
        assert!(err.to_string().contains("zh-newspaper"), "{err}");
    }

    #[test]
    fn explain_shows_why_and_examples() {
        let (code, out, _) = run_args(&["rules", "explain", "zh.comma-fullwidth"]);
        assert_eq!(code.unwrap(), 0);
        assert!(
            out.contains("Why:") && out.contains("党建强,则根基稳") && out.contains("-> 党建强，则根基稳")
        );
        let (code, out, _) = run_args(&["rules", "explain", "pangu.space-cjk-latin"]);
        assert_eq!(code.unwrap(), 0);
        assert!(out.contains("profile zh-pangu"));
        let e = run_args(&["rules", "explain", "zh.nope"]).0.unwrap_err().to_string();
        assert!(e.contains("zh.nope"));
    }

    #[test]
    fn test_passes_on_builtin_files() {
        let (code, out, _) = run_args(&["rules", "test", "zh-newspaper", "en-newspaper"]);
        assert_eq!(code.unwrap(), 0, "{out}");
        assert!(out.contains("0 failed: ok"));
    }

    #[test]
    fn test_reports_the_failing_rule_and_exits_1() {
        let p = temp_file(
            "wrong.yaml",
            "rules:\n  - id: my.comma\n    title: t\n    why: w\n    regex: {find: '({{cjk}}),', replace: '$1，'}\n    examples:\n      - {before: '甲,乙', after: '甲,乙'}\n  - id: my.ok\n    title: t\n    why: w\n    builtin: nfc\n    unchanged: [abc]\n",
        );
        let (code, out, _) = run_args(&["rules", "test", p.to_str().unwrap()]);
        assert_eq!(code.unwrap(), 1);
        assert!(out.contains("rule my.comma: example"), "{out}");
        assert!(out.contains("produced: 甲，乙"), "{out}");
        assert!(!out.contains("rule my.ok"), "{out}");
        assert!(out.contains("2 rules, 2 cases, 1 failed: FAILED"), "{out}");
    }

    #[test]
    fn test_exits_2_on_a_load_error_with_line_and_column() {
        let p = temp_file("typo.yaml", "rules:\n  - id: my.rule\n    tilte: t\n");
        let (code, _, err) = run_args(&["rules", "test", p.to_str().unwrap()]);
        assert_eq!(code.unwrap(), 2);
        assert!(err.contains("typo.yaml:3:5: rules[0]: unknown field `tilte`"), "{err}");
        let (code, _, err) = run_args(&["rules", "test", "/no/such/file.yaml"]);
        assert_eq!(code.unwrap(), 2);
        assert!(err.contains("/no/such/file.yaml: the rule file does not exist"), "{err}");
    }

    #[test]
    fn did_you_mean_names_the_nearest_ids() {
        let known: Vec<String> =
            ["zh.comma-fullwidth", "zh.colon-fullwidth", "en.ligatures"].map(String::from).into();
        assert_eq!(did_you_mean("zh.coma-fullwidth", &known), "; did you mean zh.comma-fullwidth?");
        assert_eq!(did_you_mean("ligatures", &known), "; did you mean en.ligatures?");
        assert_eq!(did_you_mean("zzz", &known), "");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
