//! Python bindings of newsclean: the module `newsclean._newsclean`, re-exported by the Python
//! package `newsclean` (`python/newsclean`). Everything here goes through the facade crate
//! (`newsclean::Cleaner`, `Config`, `report`) and the diff crate, so a Python result is the
//! CLI's result: `Cleaned.to_dict()` is `newsclean clean --format json`'s object, `diff()` and
//! `explain()` are the CLI's renderings.
//!
//! The Rust side never lets a panic reach Python: each page is cleaned under `catch_unwind`
//! and a panic becomes a `RuntimeError` that names the page.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use newsclean::report::FileReport;
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use rayon::prelude::*;

pyo3::create_exception!(
    newsclean,
    RuleError,
    PyValueError,
    "A rule file or profile could not be used. `file`, `line` and `column` (1-based, column in \
     characters) say where, when the error is in a rule file (None otherwise); `rule` names the \
     rule when one is at fault."
);
pyo3::create_exception!(
    newsclean,
    DecodeError,
    PyValueError,
    "Bytes that could not be read as text (binary data), or an unknown `encoding` name."
);

/// Why a call failed, before it becomes a Python exception (kept free of Python so it can be
/// tested without an interpreter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A rule file or profile is wrong: becomes `RuleError`.
    Rule {
        /// The message, `file:line:column: …` when it is in a file.
        message: String,
        /// The rule file, when the error is in one.
        file: Option<String>,
        /// 1-based line in the rule file.
        line: Option<usize>,
        /// 1-based column (in characters) in the rule file.
        column: Option<usize>,
        /// The rule at fault, when one is.
        rule: Option<String>,
    },
    /// The bytes are not text, or the encoding is unknown: becomes `DecodeError`.
    Decode(String),
    /// A rule file could not be read: becomes `OSError`.
    Io(String),
    /// Bad arguments: becomes `ValueError`.
    Value(String),
    /// A bug (a pass failed or panicked): becomes `RuntimeError`.
    Internal(String),
}

impl Failure {
    /// The failure of the text at `index` of a batch: the message names it.
    fn at(self, index: usize) -> Failure {
        let prefix = |m: String| format!("texts[{index}]: {m}");
        match self {
            Failure::Decode(m) => Failure::Decode(prefix(m)),
            Failure::Io(m) => Failure::Io(prefix(m)),
            Failure::Value(m) => Failure::Value(prefix(m)),
            Failure::Internal(m) => Failure::Internal(prefix(m)),
            rule @ Failure::Rule { .. } => rule,
        }
    }
}

impl From<newsclean::decode::DecodeError> for Failure {
    fn from(e: newsclean::decode::DecodeError) -> Self {
        use newsclean::decode::DecodeError as D;
        Failure::Decode(match e {
            D::Binary { reason } => format!(
                "binary data, not text ({reason}); pass encoding=\"NAME\" with the bytes if it really is text"
            ),
            D::UnknownEncoding(label) => format!(
                "unknown encoding {label:?}; use a WHATWG label such as \"utf-8\", \"gb18030\", \"big5\", \"utf-16le\""
            ),
        })
    }
}

impl From<newsclean::Error> for Failure {
    fn from(e: newsclean::Error) -> Self {
        use newsclean::rules::RulesError as R;
        match e {
            newsclean::Error::Decode(d) => d.into(),
            newsclean::Error::Rules(r) => {
                let message = r.to_string();
                match r {
                    R::UnknownProfile { .. } => {
                        Failure::Rule { message, file: None, line: None, column: None, rule: None }
                    }
                    R::Parse { path, line, column, .. } => Failure::Rule {
                        message,
                        file: Some(path.display().to_string()),
                        line: Some(line),
                        column: Some(column),
                        rule: None,
                    },
                    R::Rule { path, line, column, rule, .. } => Failure::Rule {
                        message,
                        file: Some(path.display().to_string()),
                        line: Some(line),
                        column: Some(column),
                        rule: Some(rule),
                    },
                }
            }
            // Markdown (or other structured text) is refused, never restructured.
            e @ newsclean::Error::Structured(_) => Failure::Value(e.to_string()),
            newsclean::Error::Pass(p) => {
                Failure::Internal(format!("{p}; this is a bug in newsclean, please report it with the text"))
            }
        }
    }
}

impl From<Failure> for PyErr {
    fn from(f: Failure) -> PyErr {
        match f {
            Failure::Rule { message, file, line, column, rule } => Python::attach(|py| {
                let err = RuleError::new_err(message);
                let value = err.value(py);
                let set = || -> PyResult<()> {
                    value.setattr("file", file)?;
                    value.setattr("line", line)?;
                    value.setattr("column", column)?;
                    value.setattr("rule", rule)?;
                    Ok(())
                };
                match set() {
                    Ok(()) => err,
                    Err(e) => e,
                }
            }),
            Failure::Decode(m) => DecodeError::new_err(m),
            Failure::Io(m) => PyOSError::new_err(m),
            Failure::Value(m) => PyValueError::new_err(m),
            Failure::Internal(m) => PyRuntimeError::new_err(m),
        }
    }
}

/// Run `f`, turning a panic into [`Failure::Internal`] so it never unwinds into Python.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(Failure::Internal(format!(
            "newsclean panicked ({what}); this is a bug in newsclean, please report it with the text"
        )))
    })
}

/// What configures a cleaner, as the Python caller gave it.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// A built-in profile used for every page, or `None` for the default choice (the CJK
    /// profile, `en-newspaper` for a page detected as Latin script), as the CLI does.
    pub profile: Option<String>,
    /// Rule files applied over the profile, in order.
    pub rules: Vec<PathBuf>,
    /// A WHATWG encoding label for bytes, or `None` to detect.
    pub encoding: Option<String>,
}

impl Settings {
    /// The facade's configuration: the rule files are read here.
    pub fn config(&self) -> Result<newsclean::Config, Failure> {
        let mut config = newsclean::Config::default();
        if let Some(p) = &self.profile {
            config.profile = p.clone();
            config.latin_profile = None;
        }
        if let Some(label) = &self.encoding {
            config.decode.encoding = Some(newsclean::decode::encoding_for_label(label)?);
        }
        for path in &self.rules {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Failure::Io(format!(
                    "{}: cannot read the rule file ({e}); check the path in rules=",
                    path.display()
                ))
            })?;
            config.rule_files.push((path.clone(), text));
        }
        Ok(config)
    }
}

/// One page cleaned in Rust, with what the Python object needs.
struct Done {
    cleaned: newsclean::Cleaned,
    changed: bool,
}

fn clean_bytes(cleaner: &newsclean::Cleaner, bytes: &[u8]) -> Result<Done, Failure> {
    clean_surveyed(cleaner, bytes, None)
}

/// [`clean_bytes`] with a batch's survey (`None`: the page's own evidence only).
fn clean_surveyed(
    cleaner: &newsclean::Cleaner,
    bytes: &[u8],
    survey: Option<Arc<newsclean::Survey>>,
) -> Result<Done, Failure> {
    guarded(|| {
        let cleaned = cleaner.clean_surveyed(bytes, survey)?;
        let changed = cleaned.changed_from(bytes);
        Ok(Done { cleaned, changed })
    })
}

/// The thread pool of `n` threads, started on first use and kept for the process: a batch
/// cleaned on fresh threads each call would churn the allocator's per-thread arenas (30 MB
/// more at peak over 12 MB of records in batches of 256, measured).
fn pool(n: usize) -> Result<Arc<rayon::ThreadPool>, Failure> {
    static POOLS: OnceLock<Mutex<BTreeMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&n) {
        return Ok(Arc::clone(p));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(move |i| format!("newsclean-{n}-{i}"))
        .build()
        .map_err(|e| Failure::Internal(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(n, Arc::clone(&p));
    Ok(p)
}

/// The input of one page: a `str` (cleaned as its UTF-8 bytes, exactly as the CLI cleans a
/// UTF-8 file or a JSON Lines record) or bytes (decoded: BOM, UTF-16, GB18030, Big5, …).
fn input_bytes(obj: &Bound<'_, PyAny>, forced_encoding: bool) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        if forced_encoding {
            return Err(PyValueError::new_err(
                "encoding= is for bytes; a str is already text (pass the bytes, or leave encoding out)",
            ));
        }
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "expected str or bytes, got {}",
        obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "another type".into())
    )))
}

/// Parse JSON written by serde into Python objects with the standard `json` module, so a
/// dict is field for field what the CLI prints.
fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

fn to_json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyRuntimeError::new_err(format!("cannot serialise: {e}")))
}

/// `Cleaner(profile, rules, batch_evidence, encoding)`: what a pickled cleaner is rebuilt from.
type CleanerArgs = (Option<String>, Vec<String>, bool, Option<String>);

/// A reusable cleaner: the rules are compiled once, and one `Cleaner` may be shared by any
/// number of threads (cleaning releases the GIL).
#[pyclass(frozen, module = "newsclean")]
pub struct Cleaner {
    inner: Arc<newsclean::Cleaner>,
    config: newsclean::Config,
    settings: Settings,
    batch_evidence: bool,
}

impl Cleaner {
    /// The cleaner for a batch: with batch evidence, one that weighs the words of `inputs`.
    fn for_batch(&self, inputs: &[Vec<u8>]) -> Result<Arc<newsclean::Cleaner>, Failure> {
        if !self.batch_evidence {
            return Ok(Arc::clone(&self.inner));
        }
        guarded(|| {
            let words = inputs
                .par_iter()
                .fold(newsclean::core::WordCounts::new, |mut words, bytes| {
                    self.inner.count_batch_words(bytes, &mut words);
                    words
                })
                .reduce(newsclean::core::WordCounts::new, |mut a, b| {
                    a.merge(b);
                    a
                });
            Ok(Arc::new(newsclean::Cleaner::from_config(&self.config)?.with_batch_words(Arc::new(words))))
        })
    }
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(
        signature = (profile=None, rules=Vec::new(), batch_evidence=false, encoding=None),
        text_signature = "(profile=None, rules=(), batch_evidence=False, encoding=None)"
    )]
    fn new(
        profile: Option<String>,
        rules: Vec<PathBuf>,
        batch_evidence: bool,
        encoding: Option<String>,
    ) -> PyResult<Self> {
        let settings = Settings { profile, rules, encoding };
        let config = settings.config()?;
        let inner = guarded(|| Ok(newsclean::Cleaner::from_config(&config)?))?;
        Ok(Cleaner { inner: Arc::new(inner), config, settings, batch_evidence })
    }

    /// Pickled as its settings (the rule files are read again where it is unpickled), so
    /// `datasets.map` can fingerprint a function that uses it and workers can receive it.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, pyo3::types::PyType>, CleanerArgs)> {
        let me = slf.get();
        let rules = me.settings.rules.iter().map(|p| p.display().to_string()).collect();
        Ok((
            slf.get_type(),
            (me.settings.profile.clone(), rules, me.batch_evidence, me.settings.encoding.clone()),
        ))
    }

    /// Clean one page (`str` or bytes). Releases the GIL while it works.
    #[pyo3(signature = (text, *, name="-"))]
    fn clean(&self, py: Python<'_>, text: &Bound<'_, PyAny>, name: &str) -> PyResult<Cleaned> {
        let bytes = input_bytes(text, self.settings.encoding.is_some())?;
        let done = py.detach(|| {
            let cleaner = self.for_batch(std::slice::from_ref(&bytes))?;
            clean_bytes(&cleaner, &bytes)
        })?;
        Ok(Cleaned::new(done, name.to_string()))
    }

    /// Clean many pages in parallel (rayon, `jobs` threads, all cores when None) with the GIL
    /// released; results in input order. `survey=True`: the pages are one paper's (as a folder
    /// is to `newsclean clean DIR`), surveyed first, so that a short line repeating near the top
    /// or bottom of their pages is furniture (`layout.furniture.repeated`); off by default, since
    /// a batch of a mixed corpus is no paper.
    #[pyo3(signature = (texts, jobs=None, survey=false))]
    fn clean_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        jobs: Option<usize>,
        survey: bool,
    ) -> PyResult<Vec<Cleaned>> {
        if jobs == Some(0) {
            return Err(PyValueError::new_err("jobs must be at least 1 (or None for one thread per core)"));
        }
        if texts.is_instance_of::<PyString>() || texts.is_instance_of::<PyBytes>() {
            return Err(PyTypeError::new_err(
                "clean_many takes a list of texts, not one text (use clean for one)",
            ));
        }
        let forced = self.settings.encoding.is_some();
        let mut inputs = Vec::new();
        for (i, item) in texts.try_iter()?.enumerate() {
            inputs.push(input_bytes(&item?, forced).map_err(|e| {
                let msg = format!("texts[{i}]: {}", e.value(py));
                if e.is_instance_of::<PyTypeError>(py) {
                    PyTypeError::new_err(msg)
                } else {
                    PyValueError::new_err(msg)
                }
            })?);
        }
        let results: Vec<Result<Done, Failure>> = py.detach(|| {
            let run = |cleaner: &newsclean::Cleaner| -> Vec<Result<Done, Failure>> {
                // The survey counts each distinct text once, in input order (deterministic
                // whatever `jobs`): a copy of a page is no evidence that its lines repeat.
                let surveyed = survey.then(|| {
                    let mut seen = std::collections::HashSet::new();
                    let mut builder = newsclean::SurveyBuilder::new();
                    for bytes in inputs.iter().filter(|b| seen.insert(b.as_slice())) {
                        cleaner.survey_page(bytes, &mut builder);
                    }
                    Arc::new(builder.finish())
                });
                inputs
                    .par_iter()
                    .enumerate()
                    .map(|(i, bytes)| clean_surveyed(cleaner, bytes, surveyed.clone()).map_err(|f| f.at(i)))
                    .collect()
            };
            let cleaner = match self.for_batch(&inputs) {
                Ok(c) => c,
                Err(f) => return vec![Err(f)],
            };
            match jobs {
                None => run(&cleaner),
                Some(n) => match pool(n) {
                    Ok(pool) => pool.install(|| run(&cleaner)),
                    Err(f) => vec![Err(f)],
                },
            }
        });
        let mut out = Vec::with_capacity(results.len());
        for r in results {
            out.push(Cleaned::new(r?, "-".to_string()));
        }
        Ok(out)
    }

    /// The profile named, or None for the default choice by script.
    #[getter]
    fn profile(&self) -> Option<String> {
        self.settings.profile.clone()
    }

    /// The rule files applied over the profile, in order.
    #[getter]
    fn rules(&self) -> Vec<String> {
        self.settings.rules.iter().map(|p| p.display().to_string()).collect()
    }

    /// Whether `clean_many` weighs the words of the whole batch.
    #[getter]
    fn batch_evidence(&self) -> bool {
        self.batch_evidence
    }

    /// The ids of the passes run on a page of the main profile, in order.
    #[getter]
    fn pass_ids(&self) -> Vec<String> {
        self.inner.pass_ids().into_iter().map(str::to_string).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "Cleaner(profile={}, rules={:?}, batch_evidence={})",
            self.settings.profile.as_deref().map_or("None".to_string(), |p| format!("{p:?}")),
            self.settings.rules.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            if self.batch_evidence { "True" } else { "False" }
        )
    }
}

/// One block of the clean page.
#[pyclass(frozen, get_all, module = "newsclean")]
pub struct Block {
    /// `headline`, `subtitle`, `byline`, `body`, `caption` or `unknown`.
    kind: String,
    /// The rule that decided the kind, or None.
    rule: Option<String>,
    /// Byte offset of the start in the UTF-8 clean text.
    start: usize,
    /// Byte offset of the end in the UTF-8 clean text.
    end: usize,
    /// The block's text.
    text: String,
}

#[pymethods]
impl Block {
    fn __repr__(&self) -> String {
        format!("Block(kind={:?}, text={:?})", self.kind, self.text)
    }
}

/// One edit of the log.
#[pyclass(frozen, get_all, module = "newsclean")]
pub struct Edit {
    /// The rule that made it.
    rule: String,
    /// The batch it was applied in.
    batch: usize,
    /// The text that was there.
    before: String,
    /// The text that replaced it.
    after: String,
    /// The evidence the pass gave, or None.
    note: Option<String>,
    /// 1-based line of the decoded input where `before` starts.
    line: usize,
    /// 1-based column there, in characters.
    column: usize,
    /// Byte offset of the start in the UTF-8 decoded input.
    start: usize,
    /// Byte offset of the end in the UTF-8 decoded input.
    end: usize,
}

#[pymethods]
impl Edit {
    fn __repr__(&self) -> String {
        format!(
            "Edit(rule={:?}, line={}, column={}, before={:?}, after={:?})",
            self.rule, self.line, self.column, self.before, self.after
        )
    }
}

/// A cleaned page.
#[pyclass(frozen, module = "newsclean")]
pub struct Cleaned {
    cleaned: newsclean::Cleaned,
    changed: bool,
    name: String,
    report: OnceLock<FileReport>,
}

impl Cleaned {
    fn new(done: Done, name: String) -> Self {
        Cleaned { cleaned: done.cleaned, changed: done.changed, name, report: OnceLock::new() }
    }

    /// The CLI's JSON report of this page, built once.
    fn report(&self) -> &FileReport {
        self.report.get_or_init(|| {
            // `changed` was decided against the input bytes, which are not kept.
            let mut r = FileReport::new(self.name.as_str(), &self.cleaned, &[]);
            r.changed = self.changed;
            r
        })
    }
}

#[pymethods]
impl Cleaned {
    /// The clean text: one block per line, `\n` after the last.
    #[getter]
    fn text(&self) -> &str {
        &self.cleaned.text
    }

    /// The decoded input, before any pass ran.
    #[getter]
    fn input(&self) -> &str {
        &self.cleaned.input
    }

    /// True when the clean text differs from the input.
    #[getter]
    fn changed(&self) -> bool {
        self.changed
    }

    /// The name given to `clean` (`-` by default), used in `to_dict()`, `diff()` and `explain()`.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// The blocks of the clean page, in order.
    #[getter]
    fn blocks(&self) -> Vec<Block> {
        self.report()
            .blocks
            .iter()
            .map(|b| Block {
                kind: b.kind.name().to_string(),
                rule: b.rule.clone(),
                start: b.start,
                end: b.end,
                text: b.text.clone(),
            })
            .collect()
    }

    /// Every edit, batch by batch, positioned in the decoded input.
    #[getter]
    fn edits(&self) -> Vec<Edit> {
        self.report()
            .edits
            .iter()
            .map(|e| Edit {
                rule: e.rule.clone(),
                batch: e.batch,
                before: e.before.clone(),
                after: e.after.clone(),
                note: e.note.clone(),
                line: e.source.line,
                column: e.source.column,
                start: e.source.start,
                end: e.source.end,
            })
            .collect()
    }

    /// Number of edits per rule id.
    #[getter]
    fn rule_counts(&self) -> std::collections::BTreeMap<String, usize> {
        self.report().rule_counts.clone()
    }

    /// Warnings for a reviewer: the decoder's, then the passes'.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        let mut w = self.cleaned.report.warnings.clone();
        w.extend(self.cleaned.page.meta.warnings.iter().cloned());
        w
    }

    /// What the passes learned: `script`, `facts` (date, issue, page label, …), `warnings`.
    #[getter]
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.cleaned.page.meta)?)
    }

    /// How the bytes became text: encoding, how it was decided and the evidence, repairs.
    #[getter]
    fn decode<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(&self.cleaned.report)?)
    }

    /// The diff of the decoded input against the clean text, as `newsclean clean --diff`
    /// prints it: `unified`, `side` (side by side, `width` columns) or `rules` (counts).
    #[pyo3(signature = (style="unified", *, color=false, width=120, context=1))]
    fn diff(
        &self,
        py: Python<'_>,
        style: &str,
        color: bool,
        width: usize,
        context: usize,
    ) -> PyResult<String> {
        let mode = newsclean_diff::DiffMode::from_name(style).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown diff style {style:?}; use \"unified\", \"side\" or \"rules\""
            ))
        })?;
        if width < 20 {
            return Err(PyValueError::new_err("width must be at least 20 columns"));
        }
        let opts =
            newsclean_diff::DiffOptions { color, width, context, ..newsclean_diff::DiffOptions::default() };
        py.detach(|| {
            guarded(|| {
                let mut out = Vec::new();
                newsclean_diff::render_diff(
                    &mut out,
                    &self.name,
                    &self.cleaned.input,
                    &self.cleaned.page,
                    mode,
                    &opts,
                )
                .map_err(|e| Failure::Internal(e.to_string()))?;
                String::from_utf8(out).map_err(|e| Failure::Internal(e.to_string()))
            })
        })
        .map_err(PyErr::from)
    }

    /// Every edit, one a line, as `newsclean explain` prints it.
    #[pyo3(signature = (*, color=false))]
    fn explain(&self, py: Python<'_>, color: bool) -> PyResult<String> {
        py.detach(|| {
            guarded(|| {
                let mut out = Vec::new();
                newsclean_diff::explain::render_explain(
                    &mut out,
                    &self.name,
                    &self.cleaned.input,
                    &self.cleaned.page,
                    color,
                )
                .map_err(|e| Failure::Internal(e.to_string()))?;
                String::from_utf8(out).map_err(|e| Failure::Internal(e.to_string()))
            })
        })
        .map_err(PyErr::from)
    }

    /// The text and stats of a record whose field held `original`, as `newsclean clean
    /// --jsonl` writes them (`--annotate`'s `{"changed", "edits", "rules"}`): the final `\n`
    /// is kept only when `original` ended in one, and is then no edit of the record.
    fn for_record<'py>(&self, py: Python<'py>, original: &str) -> PyResult<(String, Bound<'py, PyAny>)> {
        let (text, stats) = newsclean::record::record_text(original, &self.cleaned);
        Ok((text, json_to_py(py, &to_json(&stats)?)?))
    }

    /// The page's report as `newsclean clean --format json` prints it (schema `newsclean/1`).
    fn to_json(&self) -> PyResult<String> {
        to_json(self.report())
    }

    /// `to_json()` as a dict: the CLI's JSON object, field for field (docs/json.md).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &to_json(self.report())?)
    }

    fn __repr__(&self) -> String {
        let head: String = self.cleaned.text.chars().take(30).collect();
        let more = if self.cleaned.text.chars().nth(30).is_some() { "…" } else { "" };
        format!(
            "Cleaned(changed={}, edits={}, text={:?}{more})",
            if self.changed { "True" } else { "False" },
            self.cleaned.page.log().edits().len(),
            head
        )
    }
}

/// The Rust module behind the `newsclean` package.
#[pymodule]
fn _newsclean(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<Cleaner>()?;
    m.add_class::<Cleaned>()?;
    m.add_class::<Block>()?;
    m.add_class::<Edit>()?;
    m.add("RuleError", py.get_type::<RuleError>())?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add("DEFAULT_PROFILE", newsclean::DEFAULT_PROFILE)?;
    m.add("LATIN_PROFILE", newsclean::LATIN_PROFILE)?;
    m.add("SCHEMA", newsclean::report::SCHEMA)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_file_errors_keep_their_position() {
        let dir = std::env::temp_dir().join(format!("newsclean-py-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.yaml");
        std::fs::write(&path, "rules:\n  - id: x\n    match: \"(\"\n    replace: y\n").unwrap();
        let settings = Settings { rules: vec![path.clone()], ..Settings::default() };
        let config = settings.config().unwrap();
        let err = newsclean::Cleaner::from_config(&config).err().expect("a bad regex is refused");
        match Failure::from(err) {
            Failure::Rule { message, file, line, column, .. } => {
                assert_eq!(file.as_deref(), Some(path.display().to_string().as_str()));
                let (line, column) = (line.unwrap(), column.unwrap());
                assert!(message.starts_with(&format!("{}:{line}:{column}: ", path.display())), "{message}");
            }
            other => panic!("not a rule failure: {other:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn settings_refuse_what_they_cannot_use() {
        let unknown = Settings { encoding: Some("klingon".into()), ..Settings::default() };
        assert!(
            matches!(unknown.config(), Err(Failure::Decode(m)) if m.contains("unknown encoding \"klingon\""))
        );
        let missing = Settings { rules: vec!["/nonexistent/r.yaml".into()], ..Settings::default() };
        assert!(
            matches!(missing.config(), Err(Failure::Io(m)) if m.starts_with("/nonexistent/r.yaml: cannot read"))
        );
        let profile = Settings { profile: Some("nope".into()), ..Settings::default() };
        let err = newsclean::Cleaner::from_config(&profile.config().unwrap()).err().unwrap();
        assert!(matches!(Failure::from(err), Failure::Rule { file: None, line: None, .. }));
    }

    #[test]
    fn binary_bytes_are_a_decode_failure_naming_the_fix() {
        let cleaner = newsclean::Cleaner::from_config(&newsclean::Config::default()).unwrap();
        let err = clean_bytes(&cleaner, b"PNG\0\0\0\x01").err().unwrap();
        assert!(matches!(&err, Failure::Decode(m) if m.contains("encoding=\"NAME\"")), "{err:?}");
        assert!(matches!(err.at(3), Failure::Decode(m) if m.starts_with("texts[3]: binary data")));
    }

    #[test]
    fn panics_become_internal_failures() {
        let r: Result<(), Failure> = guarded(|| panic!("boom"));
        assert!(matches!(r, Err(Failure::Internal(m)) if m.contains("boom")));
    }
}
