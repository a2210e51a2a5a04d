//! JSON Lines streaming: clean one string field of every record, keep everything else byte for byte.
//!
//! Records are read in chunks of lines (bounded memory: one chunk in, one chunk out), each chunk
//! is cleaned in parallel on the current rayon pool, and the results are written in input order.
//! The cleaned string is spliced into the original line, so every other field (key order, number
//! formatting, escapes) stays byte-identical; a field whose text does not change is not
//! re-encoded at all. A bad record (not UTF-8, not JSON, not an object, field missing, duplicated
//! or not a string, or text the cleaner refuses) is written back unchanged and counted; with
//! `strict` the run stops at it, naming its line. Blank lines are passed through and not counted.

use std::fmt;
use std::io::{BufRead, Write};
use std::ops::Range;

use rayon::prelude::*;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// The key of the stats object `annotate` adds to each record.
pub const ANNOTATION_KEY: &str = "newsclean";

/// How to stream.
#[derive(Clone, Debug)]
pub struct JsonlOptions {
    /// The field to clean.
    pub field: String,
    /// Add (or replace) a `newsclean` field with the record's stats.
    pub annotate: bool,
    /// Stop at the first bad record instead of passing it through.
    pub strict: bool,
    /// Most lines per chunk.
    pub chunk_lines: usize,
    /// Most bytes per chunk (a chunk always holds at least one line).
    pub chunk_bytes: usize,
    /// Most bytes one record may hold: a longer line is passed through unchanged as it is
    /// read (never held whole) and reported as a bad record.
    pub max_record_bytes: u64,
    /// Survey each chunk first: the lines that repeat near the top or bottom of its records'
    /// texts are furniture evidence for every record of the chunk. Chunks end at fixed counts
    /// of lines and bytes, so the output is the same whatever the number of workers.
    pub survey: bool,
}

/// How many bad records a summary names one by one (all are counted).
pub const MAX_BAD_LISTED: usize = 1000;

impl Default for JsonlOptions {
    fn default() -> Self {
        JsonlOptions {
            field: "text".to_string(),
            annotate: false,
            strict: false,
            chunk_lines: 2048,
            chunk_bytes: 8 << 20,
            max_record_bytes: 64 << 20,
            survey: true,
        }
    }
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonlSummary {
    /// Records read (blank lines excluded).
    pub records: u64,
    /// Records whose field the cleaning changed.
    pub changed: u64,
    /// Bad records passed through unchanged.
    pub bad: u64,
    /// Blank lines passed through.
    pub blank: u64,
    /// The bad records, in order: (1-based line number, why); the first [`MAX_BAD_LISTED`].
    pub bad_records: Vec<(u64, String)>,
    /// Chunks surveyed (none without [`JsonlOptions::survey`]).
    pub surveyed_chunks: u64,
    /// Chunks where the survey found repeated lines.
    pub chunks_with_lines: u64,
    /// Repeated lines found, summed over the chunks.
    pub repeated: u64,
}

impl JsonlSummary {
    fn add_bad(&mut self, line: u64, why: String) {
        self.bad += 1;
        if self.bad_records.len() < MAX_BAD_LISTED {
            self.bad_records.push((line, why));
        }
    }
}

impl fmt::Display for JsonlSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} records, {} changed, {} bad passed through unchanged",
            self.records, self.changed, self.bad
        )?;
        if self.surveyed_chunks > 0 {
            write!(
                f,
                "; survey: {} repeated line(s) in {} of {} chunk(s)",
                self.repeated, self.chunks_with_lines, self.surveyed_chunks
            )?;
        }
        for (line, why) in &self.bad_records {
            write!(f, "\n  line {line}: {why}")?;
        }
        if self.bad > self.bad_records.len() as u64 {
            write!(f, "\n  … and {} more", self.bad - self.bad_records.len() as u64)?;
        }
        Ok(())
    }
}

/// Why a record was not cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadRecord {
    /// The line is not UTF-8.
    NotUtf8,
    /// The line is not JSON.
    NotJson(String),
    /// The line is JSON but not an object.
    NotObject,
    /// The object has no such field.
    Missing(String),
    /// The field appears more than once.
    Duplicate(String),
    /// The field is not a string.
    NotString(String),
    /// The cleaner refused the text.
    Clean(String),
    /// The line is longer than the record limit.
    TooLong(u64),
}

impl fmt::Display for BadRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadRecord::NotUtf8 => write!(f, "not UTF-8"),
            BadRecord::NotJson(e) => write!(f, "not JSON: {e}"),
            BadRecord::NotObject => write!(f, "not a JSON object"),
            BadRecord::Missing(k) => write!(f, "no field {k:?}"),
            BadRecord::Duplicate(k) => write!(f, "field {k:?} appears more than once"),
            BadRecord::NotString(k) => write!(f, "field {k:?} is not a string"),
            BadRecord::Clean(e) => write!(f, "cannot clean: {e}"),
            BadRecord::TooLong(max) => write!(
                f,
                "longer than the limit of {max} bytes per record (raise it with --max-record-bytes SIZE)"
            ),
        }
    }
}

/// A bad record met under `strict`: the run stops here.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {why} (--strict)")]
pub struct StrictStop {
    /// 1-based line number.
    pub line: u64,
    /// Why the record is bad.
    pub why: BadRecord,
}

enum Outcome {
    /// A line over the record limit: its first bytes were read, the rest is still in the input.
    TooLong,
    Blank,
    Clean {
        line: Vec<u8>,
        changed: bool,
    },
    Bad(BadRecord),
}

/// Stream `input` to `output`, cleaning `opts.field` of each record with `cleaner`, each chunk
/// in parallel on `pool`. Returns the summary; a bad record under `strict` returns a
/// [`StrictStop`] error after writing every record before it.
pub fn clean_jsonl<R: BufRead, W: Write>(
    cleaner: &newsclean::Cleaner,
    mut input: R,
    mut output: W,
    opts: &JsonlOptions,
    pool: &rayon::ThreadPool,
) -> anyhow::Result<JsonlSummary> {
    let mut summary = JsonlSummary::default();
    let mut line_no: u64 = 0;
    let mut chunk: Vec<Vec<u8>> = Vec::new();
    loop {
        chunk.clear();
        let mut bytes = 0;
        let mut too_long = false;
        while chunk.len() < opts.chunk_lines.max(1) && (chunk.is_empty() || bytes < opts.chunk_bytes) {
            let mut buf = Vec::new();
            if std::io::Read::take(&mut input, opts.max_record_bytes + 1).read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            bytes += buf.len();
            // A line over the limit ends the chunk: the rest of it is copied through once the
            // lines before it are written.
            too_long = buf.len() as u64 > opts.max_record_bytes && !buf.ends_with(b"\n");
            chunk.push(buf);
            if too_long {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let last = chunk.len() - 1;
        let survey = opts.survey.then(|| {
            let lines = if too_long { &chunk[..last] } else { &chunk[..] };
            let survey = pool.install(|| survey_chunk(cleaner, lines, &opts.field));
            summary.surveyed_chunks += 1;
            summary.chunks_with_lines += u64::from(!survey.is_empty());
            summary.repeated += survey.len() as u64;
            std::sync::Arc::new(survey)
        });
        let survey = survey.filter(|s| !s.is_empty());
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .enumerate()
                .map(|(i, l)| {
                    if too_long && i == last {
                        Outcome::TooLong
                    } else {
                        process_line(cleaner, l, opts, survey.as_ref())
                    }
                })
                .collect()
        });
        for (raw, outcome) in chunk.iter().zip(outcomes) {
            line_no += 1;
            let outcome = match outcome {
                Outcome::TooLong => {
                    let why = BadRecord::TooLong(opts.max_record_bytes);
                    if !opts.strict {
                        output.write_all(raw)?;
                        copy_rest_of_line(&mut input, &mut output)?;
                    }
                    Outcome::Bad(why)
                }
                o => o,
            };
            match outcome {
                Outcome::TooLong => unreachable!("handled above"),
                Outcome::Blank => {
                    summary.blank += 1;
                    output.write_all(raw)?;
                }
                Outcome::Clean { line, changed } => {
                    summary.records += 1;
                    summary.changed += u64::from(changed);
                    output.write_all(&line)?;
                }
                Outcome::Bad(why) => {
                    summary.records += 1;
                    if opts.strict {
                        output.flush()?;
                        return Err(StrictStop { line: line_no, why }.into());
                    }
                    if !matches!(why, BadRecord::TooLong(_)) {
                        output.write_all(raw)?;
                    }
                    summary.add_bad(line_no, why.to_string());
                }
            }
        }
    }
    output.flush()?;
    Ok(summary)
}

/// The survey of one chunk: the texts of its records (bad records count nothing), each
/// surveyed on its own in parallel (in the current thread pool) and counted one after another
/// (a copy of a record's text counts once).
fn survey_chunk(cleaner: &newsclean::Cleaner, lines: &[Vec<u8>], field: &str) -> newsclean::Survey {
    let text_of = |raw: &[u8]| -> Option<String> {
        let line = std::str::from_utf8(split_terminator(raw).0).ok()?;
        let spans = find_spans(line, field).ok()?;
        let value = &line[spans.field?];
        serde_json::from_str::<String>(value).ok()
    };
    // A copy of a record's text is surveyed once, by the first worker to meet it.
    let claims = newsclean::SurveyClaims::new();
    let pages: Vec<Option<newsclean::PageSurvey>> = lines
        .par_iter()
        .map(|raw| {
            let text = cleaner.survey_text(text_of(raw)?.as_bytes())?;
            // Records of CJK text load the dictionary beside the survey.
            newsclean::layout::words::preload_for(&text);
            claims.survey(0, &text)
        })
        .collect();
    let mut b = newsclean::SurveyBuilder::new();
    for page in pages.into_iter().flatten() {
        b.add(page);
    }
    b.finish()
}

/// Copy what is left of the current line (through its `\n`) from `input` to `output`, a
/// buffer at a time.
fn copy_rest_of_line<R: BufRead, W: Write>(input: &mut R, output: &mut W) -> std::io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        let (n, done) = match memchr_newline(buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        output.write_all(&buf[..n])?;
        input.consume(n);
        if done {
            return Ok(());
        }
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == b'\n')
}

/// The JSON Lines streaming flags of `newsclean clean`.
#[derive(clap::Args, Debug)]
pub struct JsonlArgs {
    /// Read JSON Lines records (from one file or `-`) and clean one string field of each,
    /// writing the records to standard output in the same order, every other byte untouched.
    /// Bad records are passed through unchanged and counted (see --strict).
    #[arg(long, conflicts_with_all = ["out_dir", "in_place", "check", "diff", "removed", "encoding", "globs", "format"])]
    pub jsonl: bool,
    /// With --jsonl: the field to clean.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "jsonl")]
    pub field: String,
    /// With --jsonl: add a `newsclean` field to each record with its stats
    /// (`changed`, `edits`, edit counts by rule).
    #[arg(long, requires = "jsonl")]
    pub annotate: bool,
    /// With --jsonl: stop at the first bad record (exit 2, naming its line) instead of
    /// passing it through unchanged.
    #[arg(long, requires = "jsonl")]
    pub strict: bool,
    /// With --jsonl: bad records passed through unchanged are what you want: exit 0 even
    /// when there are some (they are still listed on standard error).
    #[arg(long, requires = "jsonl", conflicts_with = "strict")]
    pub allow_bad: bool,
    /// With --jsonl: most bytes one record (line) may hold; a longer one is passed through
    /// unchanged and reported as bad. Bytes, or with K, M or G.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = crate::inputs::parse_size, requires = "jsonl")]
    pub max_record_bytes: u64,
}

/// `newsclean clean --jsonl`: build the cleaner from the clean flags (profile, rules, review)
/// and stream. Returns the exit code.
pub fn run_clean(args: &crate::clean_cmd::CleanArgs, j: &JsonlArgs) -> anyhow::Result<u8> {
    if args.batch_evidence {
        anyhow::bail!(
            "--batch-evidence reads the inputs twice and is for files and folders; JSON Lines are \
             streamed once (clean the records as files, or without it)"
        );
    }
    // JSON strings are UTF-8: --encoding has nothing to say here.
    let wanted = crate::config::Wanted { encoding: None, ..args.config.wanted() };
    let mut cleaners = crate::config::Cleaners::new(wanted);
    let at = args.paths.first().map_or(std::path::Path::new("-"), |p| p.as_path());
    let i = cleaners.index_for(at)?;
    cleaners.print_notes(args.quiet);
    let cleaner = &cleaners.list[i].1;
    let paths: Vec<String> = args.paths.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    // Records are many: the cap is the cores' (4 per core).
    let jobs = crate::clean_cmd::worker_count(args.jobs, usize::MAX);
    let opts = JsonlOptions {
        field: j.field.clone(),
        annotate: j.annotate,
        strict: j.strict,
        max_record_bytes: j.max_record_bytes,
        survey: !args.no_survey,
        ..JsonlOptions::default()
    };
    let code = run_command(cleaner, &paths, jobs, &opts, args.quiet)?;
    Ok(if code == 1 && j.allow_bad { 0 } else { code.min(1) * 2 })
}

/// The `clean --jsonl` command: stream `paths` (none, `-` or one file) to standard output
/// on a pool of `jobs` threads (0: one per core), print the summary on standard error.
/// Returns 0, 1 when bad records were passed through (named on standard error), or 2 when
/// `--strict` met a bad record.
pub fn run_command(
    cleaner: &newsclean::Cleaner,
    paths: &[String],
    jobs: usize,
    opts: &JsonlOptions,
    quiet: bool,
) -> anyhow::Result<u8> {
    use anyhow::Context as _;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let stdout = std::io::stdout().lock();
    let output = std::io::BufWriter::with_capacity(1 << 20, stdout);
    let result = match paths {
        [] => clean_jsonl(cleaner, std::io::stdin().lock(), output, opts, &pool),
        [p] if p == "-" => clean_jsonl(cleaner, std::io::stdin().lock(), output, opts, &pool),
        [p] => {
            let meta = std::fs::metadata(p)
                .map_err(|e| anyhow::anyhow!("{p}: {}", crate::inputs::describe_open_error(&e)))?;
            if !meta.is_file() {
                anyhow::bail!("{p}: {}", crate::inputs::not_regular(&meta));
            }
            let file = std::fs::File::open(p).with_context(|| format!("{p}: cannot read"))?;
            let input = std::io::BufReader::with_capacity(1 << 20, file);
            clean_jsonl(cleaner, input, output, opts, &pool).with_context(|| p.clone())
        }
        _ => anyhow::bail!("--jsonl reads one stream: give one file or `-`"),
    };
    match result {
        Ok(summary) => {
            if !quiet || summary.bad > 0 {
                eprintln!("newsclean: jsonl: {summary}");
            }
            Ok(u8::from(summary.bad > 0))
        }
        Err(e) if e.chain().any(|c| c.is::<StrictStop>()) => {
            eprintln!("newsclean: error: {e:#}");
            Ok(2)
        }
        Err(e) => Err(e),
    }
}

/// Split a raw line into its content and its terminator (`\n`, `\r\n` or nothing).
fn split_terminator(raw: &[u8]) -> (&[u8], &[u8]) {
    let n = if raw.ends_with(b"\r\n") {
        2
    } else if raw.ends_with(b"\n") {
        1
    } else {
        0
    };
    raw.split_at(raw.len() - n)
}

fn process_line(
    cleaner: &newsclean::Cleaner,
    raw: &[u8],
    opts: &JsonlOptions,
    survey: Option<&std::sync::Arc<newsclean::Survey>>,
) -> Outcome {
    let (body, term) = split_terminator(raw);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Blank;
    }
    match clean_record(cleaner, body, opts, survey) {
        Ok((mut line, changed)) => {
            line.extend_from_slice(term);
            Outcome::Clean { line, changed }
        }
        Err(why) => Outcome::Bad(why),
    }
}

/// Clean one record (a line without its terminator). Returns the new line and whether the
/// field's text changed.
pub fn clean_record(
    cleaner: &newsclean::Cleaner,
    body: &[u8],
    opts: &JsonlOptions,
    survey: Option<&std::sync::Arc<newsclean::Survey>>,
) -> Result<(Vec<u8>, bool), BadRecord> {
    let line = std::str::from_utf8(body).map_err(|_| BadRecord::NotUtf8)?;
    let spans = find_spans(line, &opts.field)?;
    let field = spans.field.clone().ok_or_else(|| BadRecord::Missing(opts.field.clone()))?;
    let raw_value = &line[field.clone()];
    if !raw_value.starts_with('"') {
        return Err(BadRecord::NotString(opts.field.clone()));
    }
    let original: String = serde_json::from_str(raw_value).map_err(|e| BadRecord::NotJson(e.to_string()))?;
    let cleaned = cleaner
        .clean_surveyed(original.as_bytes(), survey.cloned())
        .map_err(|e| BadRecord::Clean(e.to_string()))?;
    // A page's clean text ends in `\n`; a record's text keeps the input's choice, and its
    // stats leave out the final newline it does not keep (the facade's one definition).
    let (text, stats) = newsclean::record::record_text(&original, &cleaned);
    let changed = stats.changed;

    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    if changed {
        let encoded = serde_json::to_string(&text).map_err(|e| BadRecord::Clean(e.to_string()))?;
        replacements.push((field, encoded));
    }
    if opts.annotate {
        let stats = serde_json::to_string(&stats).map_err(|e| BadRecord::Clean(e.to_string()))?;
        match spans.annotation {
            Some(r) => replacements.push((r, stats)),
            None => {
                // Insert before the object's closing brace.
                let close = line.trim_end().len() - 1;
                replacements.push((close..close, format!(",\"{ANNOTATION_KEY}\":{stats}")));
            }
        }
    }
    replacements.sort_by_key(|(r, _)| r.start);
    let mut out = Vec::with_capacity(line.len() + 64);
    let mut cursor = 0;
    for (r, s) in replacements {
        out.extend_from_slice(&body[cursor..r.start]);
        out.extend_from_slice(s.as_bytes());
        cursor = r.end;
    }
    out.extend_from_slice(&body[cursor..]);
    Ok((out, changed))
}

/// Byte spans of the values of the cleaned field and of an existing annotation, in one line.
#[derive(Debug, Default)]
struct Spans {
    field: Option<Range<usize>>,
    annotation: Option<Range<usize>>,
}

struct SpanSeed<'a> {
    base: usize,
    field: &'a str,
}

impl<'de> DeserializeSeed<'de> for SpanSeed<'_> {
    type Value = Result<Spans, BadRecord>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SpanSeed<'_> {
    type Value = Result<Spans, BadRecord>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut spans = Spans::default();
        let mut duplicate = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let value: &'de RawValue = map.next_value()?;
            let start = value.get().as_ptr() as usize - self.base;
            let span = start..start + value.get().len();
            let slot = if key == self.field {
                &mut spans.field
            } else if key == ANNOTATION_KEY {
                &mut spans.annotation
            } else {
                continue;
            };
            if slot.replace(span).is_some() {
                duplicate = Some(key.into_owned());
            }
        }
        Ok(match duplicate {
            Some(k) => Err(BadRecord::Duplicate(k)),
            None => Ok(spans),
        })
    }
}

fn find_spans(line: &str, field: &str) -> Result<Spans, BadRecord> {
    if !line.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<IgnoredAny>(line) {
            Ok(_) => BadRecord::NotObject,
            Err(e) => BadRecord::NotJson(e.to_string()),
        });
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let seed = SpanSeed { base: line.as_ptr() as usize, field };
    let spans = seed.deserialize(&mut de).map_err(|e| BadRecord::NotJson(e.to_string()))?;
    de.end().map_err(|e| BadRecord::NotJson(e.to_string()))?;
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaner() -> newsclean::Cleaner {
        newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE).unwrap()
    }

    fn run(input: &str, opts: &JsonlOptions) -> (String, anyhow::Result<JsonlSummary>) {
        run_on(input, opts, 2)
    }

    fn run_on(input: &str, opts: &JsonlOptions, jobs: usize) -> (String, anyhow::Result<JsonlSummary>) {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().unwrap();
        let mut out = Vec::new();
        let r = clean_jsonl(&cleaner(), input.as_bytes(), &mut out, opts, &pool);
        (String::from_utf8(out).unwrap(), r)
    }

    #[test]
    fn spans_point_at_values() {
        let line = r#"{"id": 1.50, "text" : "a\nb", "newsclean":{"x":[1]}}"#;
        let s = find_spans(line, "text").unwrap();
        assert_eq!(&line[s.field.unwrap()], r#""a\nb""#);
        assert_eq!(&line[s.annotation.unwrap()], r#"{"x":[1]}"#);
    }

    /// A raw paragraph broken across lines, as OCR leaves it: cleaning changes it.
    const RAW: &str = "党建强，则根基稳；根基稳，则社\n会兴。如何为打造中国式现代化的\n金平湖提供坚强的组织保证？\n\n\n今年的党建强基工程给出了答案。";

    /// What cleaning makes of `raw` in a record: the page's clean text, with the final newline
    /// only when the input had one.
    fn expected(raw: &str) -> String {
        let mut t = cleaner().clean(raw.as_bytes()).unwrap().text;
        if !raw.ends_with('\n') && t.ends_with('\n') {
            t.pop();
        }
        t
    }

    fn record(prefix: &str, text: &str, suffix: &str) -> String {
        format!("{prefix}{}{suffix}", serde_json::to_string(text).unwrap())
    }

    #[test]
    fn other_fields_stay_byte_identical() {
        assert_ne!(expected(RAW), RAW, "the test needs a text that cleaning changes");
        let (pre, post) = ("{\"id\":1.500e3,\"meta\":{\"b\":2,\"a\":\"\\u00e9\"},\"text\":", ",\"z\":[]}\n");
        let (out, r) = run(&record(pre, RAW, post), &JsonlOptions::default());
        let s = r.unwrap();
        assert_eq!(out, record(pre, &expected(RAW), post));
        assert_eq!((s.records, s.changed, s.bad), (1, 1, 0));
    }

    #[test]
    fn unchanged_record_is_byte_identical() {
        // Clean text stays as it is, escapes and all: the field is not re-encoded.
        let clean = expected(RAW);
        let escaped: String = clean
            .chars()
            .map(|c| {
                if c.is_ascii() {
                    serde_json::to_string(&c.to_string()).unwrap().trim_matches('"').to_string()
                } else {
                    format!("\\u{:04x}", c as u32)
                }
            })
            .collect();
        let input =
            format!("{{\"text\":\"{escaped}\",\"id\":7}}\r\n{}", record("{\"id\":8,\"text\":", &clean, "}"));
        let (out, r) = run(&input, &JsonlOptions::default());
        assert_eq!(out, input);
        assert_eq!(r.unwrap().changed, 0);
    }

    #[test]
    fn order_is_kept_and_parallel_equals_one_job() {
        let texts: Vec<String> = (0..300).map(|i| format!("{RAW}\n\n第{i}段。")).collect();
        let input: String = texts
            .iter()
            .enumerate()
            .map(|(i, t)| record(&format!("{{\"id\":{i},\"text\":"), t, "}\n"))
            .collect();
        let opts = JsonlOptions { chunk_lines: 7, annotate: true, ..JsonlOptions::default() };
        let (a, _) = run_on(&input, &opts, 1);
        let (b, _) = run_on(&input, &opts, 4);
        assert_eq!(a, b);
        assert_eq!(a.lines().count(), texts.len());
        for (i, line) in a.lines().enumerate() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["id"], i);
            assert_eq!(v["text"], expected(&texts[i]));
        }
    }

    #[test]
    fn bad_records_pass_through_and_are_counted() {
        let good = record("{\"id\":1,\"text\":", RAW, "}\n");
        let bad = "not json\n[1,2]\n{\"id\":2}\n{\"text\":3}\n\n{\"text\":\"a\",\"text\":\"b\"}\n";
        let (out, r) = run(&format!("{good}{bad}{good}"), &JsonlOptions::default());
        let s = r.unwrap();
        let cleaned = record("{\"id\":1,\"text\":", &expected(RAW), "}\n");
        assert_eq!(out, format!("{cleaned}{bad}{cleaned}"));
        assert_eq!((s.records, s.bad, s.blank, s.changed), (7, 5, 1, 2));
        let lines: Vec<u64> = s.bad_records.iter().map(|b| b.0).collect();
        assert_eq!(lines, [2, 3, 4, 5, 7], "every bad record is named");
        assert!(s.bad_records[0].1.starts_with("not JSON"));
        let shown = s.to_string();
        assert!(shown.contains("line 7: field \"text\" appears more than once"), "{shown}");
    }

    /// Issue 21 item 2: a record over the limit is passed through unchanged without being held
    /// whole, reported as bad, and the records after it are cleaned.
    #[test]
    fn a_record_over_the_limit_is_passed_through_and_reported() {
        let good = record("{\"id\":1,\"text\":", RAW, "}\n");
        let long = format!("{{\"text\":\"{}\"}}\n", "x".repeat(5000));
        let opts = JsonlOptions { max_record_bytes: 1000, chunk_lines: 3, ..JsonlOptions::default() };
        let (out, r) = run(&format!("{good}{long}{good}{long}"), &opts);
        let s = r.unwrap();
        let cleaned = record("{\"id\":1,\"text\":", &expected(RAW), "}\n");
        assert_eq!(out, format!("{cleaned}{long}{cleaned}{long}"));
        assert_eq!((s.records, s.bad), (4, 2));
        assert_eq!(s.bad_records[1].0, 4);
        assert!(s.bad_records[0].1.contains("--max-record-bytes"), "{:?}", s.bad_records);
    }

    #[test]
    fn bad_record_kinds() {
        let c = cleaner();
        let o = JsonlOptions::default();
        let bad = |l: &[u8]| clean_record(&c, l, &o, None).unwrap_err();
        assert_eq!(bad(b"\xff{}"), BadRecord::NotUtf8);
        assert_eq!(bad(b"[1]"), BadRecord::NotObject);
        assert_eq!(bad(b"{\"id\":1}"), BadRecord::Missing("text".into()));
        assert_eq!(bad(b"{\"text\":null}"), BadRecord::NotString("text".into()));
        assert_eq!(
            bad(b"{\"text\":\"a\"} x"),
            BadRecord::NotJson("trailing characters at line 1 column 14".into())
        );
        assert!(matches!(bad(b"{\"text\":\"a\\u0000\"}"), BadRecord::Clean(_)));
    }

    #[test]
    fn strict_stops_with_line_number() {
        let input = "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n{\"text\":1}\n{\"text\":\"c\"}\n";
        let opts = JsonlOptions { strict: true, chunk_lines: 2, ..JsonlOptions::default() };
        let (out, r) = run(input, &opts);
        let err = r.unwrap_err();
        let stop = err.downcast_ref::<StrictStop>().unwrap();
        assert_eq!(stop.line, 4);
        assert_eq!(err.to_string(), "line 4: field \"text\" is not a string (--strict)");
        // Everything before the bad record was written.
        assert_eq!(out, "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n");
    }

    #[test]
    fn annotate_adds_or_replaces_stats() {
        let opts = JsonlOptions { annotate: true, field: "body".into(), ..JsonlOptions::default() };
        let input =
            format!("{}\n{{\"body\":\"a\"}}\n", record("{\"body\":", RAW, ",\"newsclean\":{\"old\":1}}"));
        let (out, _) = run(&input, &opts);
        let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines[0]["body"], expected(RAW));
        let stats = &lines[0]["newsclean"];
        assert_eq!(stats["changed"], true);
        let page = cleaner().clean(RAW.as_bytes()).unwrap().page;
        // The final newline the page added is no edit of the record.
        assert_eq!(stats["edits"], page.log().edits().len() - 1);
        let by_rule: usize =
            stats["rules"].as_object().unwrap().values().map(|n| n.as_u64().unwrap() as usize).sum();
        assert_eq!(by_rule, page.log().edits().len() - 1);
        assert!(stats.get("old").is_none());
        assert_eq!(
            out.lines().nth(1).unwrap(),
            "{\"body\":\"a\",\"newsclean\":{\"changed\":false,\"edits\":0,\"rules\":{}}}"
        );
    }

    #[test]
    fn cleaning_is_idempotent_on_records() {
        let input = record("{\"text\":", &format!("  {RAW}  \n"), ",\"id\":1}\n");
        let (once, _) = run(&input, &JsonlOptions::default());
        let (twice, r) = run(&once, &JsonlOptions::default());
        assert_eq!(once, twice);
        assert_eq!(r.unwrap().changed, 0);
    }
}
