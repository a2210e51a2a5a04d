//! newsclean: the one door for library users.
//!
//! ```
//! let cleaner = newsclean::Cleaner::new(newsclean::DEFAULT_PROFILE).unwrap();
//! let cleaned = cleaner.clean("党建强,则根\n基稳\n".as_bytes()).unwrap();
//! assert!(cleaned.text.starts_with("党建强"));
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub use newsclean_core as core;
pub use newsclean_decode as decode;
pub use newsclean_layout as layout;
pub use newsclean_rules as rules;

pub mod learn;
pub mod record;
pub mod report;
pub mod structure;

use std::path::PathBuf;
use std::sync::Arc;

use newsclean_core::{Context, Disabled, Page, PassError, Pipeline, Script, TextEdit, WordCounts};

pub use newsclean_core::Survey;
use newsclean_decode::{DecodeError, DecodeOptions, DecodeReport};
pub use newsclean_layout::analysis::survey::{PageSurvey, SurveyBuilder, SurveyClaims};
use newsclean_rules::{RuleSet, RulesError};

/// The name of the built-in default profile.
pub const DEFAULT_PROFILE: &str = newsclean_rules::DEFAULT_PROFILE;

/// Why a page could not be cleaned.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes could not be read as text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A pass failed.
    #[error(transparent)]
    Pass(#[from] PassError),
    /// The rules could not be loaded.
    #[error(transparent)]
    Rules(#[from] RulesError),
    /// The text is a structured document (Markdown), not page text: refused, left as it is.
    #[error(
        "looks like a Markdown document ({0}): newsclean cleans raw page text and would join its lists and quotes, \
         curl the quotes of its code and drop its blank lines, so it is refused and left as it is"
    )]
    Structured(String),
}

/// Everything that configures a [`Cleaner`].
#[derive(Clone, Debug)]
pub struct Config {
    /// The built-in profile to start from.
    pub profile: String,
    /// The user's rule files, as (path, content), applied over the profile in order.
    pub rule_files: Vec<(PathBuf, String)>,
    /// How to decode bytes.
    pub decode: DecodeOptions,
    /// Apply review-level changes too.
    pub apply_review: bool,
    /// The profile for pages detected as Latin script (with the same rule files), or `None` to
    /// use `profile` for every page. The default picks the fitting profile without a flag;
    /// a profile the user names (`--profile`) sets this to `None`.
    pub latin_profile: Option<String>,
}

/// The profile for Latin-script pages when none is named.
pub const LATIN_PROFILE: &str = "en-newspaper";

impl Default for Config {
    fn default() -> Self {
        Config {
            profile: DEFAULT_PROFILE.to_string(),
            rule_files: Vec::new(),
            decode: DecodeOptions::default(),
            apply_review: false,
            latin_profile: Some(LATIN_PROFILE.to_string()),
        }
    }
}

/// A cleaned page.
#[derive(Debug)]
pub struct Cleaned {
    /// The decoded input, before any pass ran (shared with the page where decoding changed
    /// nothing: see [`Page::shared_input`]).
    pub input: Arc<str>,
    /// The clean text.
    pub text: String,
    /// The page after cleaning: blocks, metadata and the edit log.
    pub page: Page,
    /// How the bytes were decoded.
    pub report: DecodeReport,
}

impl Cleaned {
    /// True when the clean text differs from `original`, the bytes the page was decoded from
    /// (a re-encoding or a changed line ending counts as a change).
    pub fn changed_from(&self, original: &[u8]) -> bool {
        self.text.as_bytes() != original
    }
}

/// The rules of a built-in profile with the user's rule files over them, where `disable:` may
/// name a YAML rule of any profile or a layout rule (`layout.furniture.app-promo`): what
/// `clean` runs and `rules list` shows.
pub fn rule_set(profile: &str, rule_files: &[(PathBuf, String)]) -> Result<RuleSet, RulesError> {
    let mut rules = RuleSet::builtin(profile)?.with_external(newsclean_layout::registry::knows);
    for (path, text) in rule_files {
        rules.add_file(path, text)?;
    }
    Ok(rules)
}

/// The markdown of docs/rules.md: the built-in profiles' rules and the layout registry.
pub fn rules_markdown() -> Result<String, RulesError> {
    newsclean_rules::docs::rules_markdown_with(&newsclean_layout::registry::all().collect::<Vec<_>>())
}

/// A configured cleaner: decoding options, the pipeline of passes, the run's context.
pub struct Cleaner {
    decode: DecodeOptions,
    pipeline: Pipeline,
    /// The pipeline for Latin-script pages, when it differs from `pipeline`.
    latin: Option<Pipeline>,
    ctx: Context,
}

impl Cleaner {
    /// A cleaner for a built-in profile, used for every page whatever its script.
    pub fn new(profile: &str) -> Result<Self, Error> {
        Self::from_config(&Config { profile: profile.to_string(), latin_profile: None, ..Config::default() })
    }

    /// A cleaner for a full configuration.
    pub fn from_config(config: &Config) -> Result<Self, Error> {
        let (pipeline, mut disabled) = Self::pipeline(&config.profile, &config.rule_files)?;
        let latin = match &config.latin_profile {
            Some(p) if *p != config.profile => {
                let (latin, more) = Self::pipeline(p, &config.rule_files)?;
                disabled.extend(more);
                Some(latin)
            }
            _ => None,
        };
        let disabled = (!disabled.is_empty()).then(|| Arc::new(Disabled::new(disabled)));
        let ctx = Context { apply_review: config.apply_review, disabled, ..Context::default() };
        Ok(Cleaner { decode: config.decode, pipeline, latin, ctx })
    }

    /// The layout passes and the rules of `profile` with the user's rule files over them, and
    /// the ids the files disabled. The `furniture` rules run right after the layout furniture
    /// pass (on lines, before anything joins them), the other rules after the layout passes.
    fn pipeline(profile: &str, rule_files: &[(PathBuf, String)]) -> Result<(Pipeline, Vec<String>), Error> {
        let rules = rule_set(profile, rule_files)?;
        let disabled = rules.disabled().to_vec();
        let rule_passes = rules.into_rule_passes()?;
        let mut furniture = rule_passes.furniture;
        let mut pipeline = Pipeline::new();
        for pass in newsclean_layout::passes() {
            let after_furniture = pass.id() == newsclean_layout::furniture::PASS_ID;
            pipeline.push(pass);
            if after_furniture && let Some(f) = furniture.take() {
                pipeline.push(f);
            }
        }
        // A layout without a furniture pass still gets the rules, before the text rules.
        pipeline.extend(furniture);
        pipeline.extend(rule_passes.text);
        Ok((pipeline, disabled))
    }

    /// The ids of the passes this cleaner runs, in order.
    pub fn pass_ids(&self) -> Vec<&str> {
        self.pipeline.ids()
    }

    /// Read input in this encoding instead of detecting it.
    pub fn with_decode_options(mut self, decode: DecodeOptions) -> Self {
        self.decode = decode;
        self
    }

    /// Apply review-level changes too.
    pub fn with_review(mut self, apply_review: bool) -> Self {
        self.ctx.apply_review = apply_review;
        self
    }

    /// Weigh the words counted over a whole batch ([`Cleaner::count_batch_words`]) where a
    /// page's own text is silent (`to-`/`day`: `to-day` or `today`?). Every page of the batch
    /// is then cleaned against the same counts, so the output of a page depends on its batch.
    pub fn with_batch_words(mut self, words: Arc<WordCounts>) -> Self {
        self.ctx.batch_words = Some(words);
        self
    }

    /// Decode one page of a batch and count its words into `counts`, as the passes that read
    /// batch evidence want them. Bytes that do not decode count nothing (cleaning them fails
    /// later with the reason).
    pub fn count_batch_words(&self, bytes: &[u8], counts: &mut WordCounts) {
        if let Ok(decoded) = newsclean_decode::decode(bytes, &self.decode) {
            newsclean_layout::latin::count_batch_words(&decoded.text, counts);
        }
    }

    /// Weigh the lines that repeat near the edges of the pages of the batch (a [`Survey`] of
    /// it, [`Cleaner::survey_page`]) as furniture evidence for every page cleaned
    /// (`layout.furniture.repeated`). For a batch of several folders, give each page its own
    /// folder's survey with [`Cleaner::clean_surveyed`] instead.
    pub fn with_survey(mut self, survey: Arc<Survey>) -> Self {
        self.ctx.survey = Some(survey);
        self
    }

    /// Decode one page of a folder and count its top and bottom lines into `survey`, as the
    /// furniture pass wants them. Bytes that do not decode count nothing (cleaning them fails
    /// later with the reason); nor does a page the cleaner refuses (a Markdown document).
    pub fn survey_page(&self, bytes: &[u8], survey: &mut SurveyBuilder) {
        if let Some(text) = self.survey_text(bytes) {
            survey.add_page(&text);
        }
    }

    /// The text [`Cleaner::survey_page`] counts for `bytes` (`None`: it counts nothing), for a
    /// caller that decodes pages on several threads and adds them to a [`SurveyBuilder`] in
    /// a fixed order ([`SurveyBuilder::add_page`], or [`SurveyBuilder::add`] of each page's
    /// [`PageSurvey`] worked out on the threads): the same survey whatever the threads.
    pub fn survey_text(&self, bytes: &[u8]) -> Option<String> {
        let decoded = newsclean_decode::decode(bytes, &self.decode).ok()?;
        structure::markdown_evidence(&decoded.text).is_none().then_some(decoded.text)
    }

    /// Decode and clean one page of a folder with that folder's survey (`None`: the page's
    /// own evidence only, as [`Cleaner::clean`]).
    pub fn clean_surveyed(&self, bytes: &[u8], survey: Option<Arc<Survey>>) -> Result<Cleaned, Error> {
        match survey {
            None => self.clean(bytes),
            Some(s) => {
                let ctx = Context { survey: Some(s), ..self.ctx.clone() };
                self.clean_in(bytes, &ctx)
            }
        }
    }

    /// Decode and clean one page.
    ///
    /// What decoding changed (a byte-order mark, mojibake, line breaks, invisible characters,
    /// NFC) is the first batches of the page's edit log, under the `decode.*` rule ids, so
    /// every view shows it and [`Cleaned::input`] is the text as read from the bytes.
    pub fn clean(&self, bytes: &[u8]) -> Result<Cleaned, Error> {
        self.clean_in(bytes, &self.ctx)
    }

    /// How this cleaner decodes bytes: two cleaners with the same options decode any bytes
    /// to the same [`newsclean_decode::Decoded`].
    pub fn decode_options(&self) -> DecodeOptions {
        self.decode
    }

    /// Decode `bytes` as [`Cleaner::clean`] does, for [`Cleaner::clean_decoded`] (a folder
    /// run decodes a page once for its survey and cleaning both).
    pub fn decode(&self, bytes: &[u8]) -> Result<newsclean_decode::Decoded, Error> {
        Ok(newsclean_decode::decode(bytes, &self.decode)?)
    }

    /// [`Cleaner::clean_surveyed`] of bytes that `decoded` is the decoding of, by a cleaner
    /// with this cleaner's [`Cleaner::decode_options`]: the same result, without decoding
    /// them again.
    pub fn clean_decoded(
        &self,
        decoded: newsclean_decode::Decoded,
        survey: Option<Arc<Survey>>,
    ) -> Result<Cleaned, Error> {
        match survey {
            None => self.clean_decoded_in(decoded, &self.ctx),
            Some(s) => {
                let ctx = Context { survey: Some(s), ..self.ctx.clone() };
                self.clean_decoded_in(decoded, &ctx)
            }
        }
    }

    /// [`Cleaner::clean`] in the context `ctx`.
    fn clean_in(&self, bytes: &[u8], ctx: &Context) -> Result<Cleaned, Error> {
        let decoded = newsclean_decode::decode(bytes, &self.decode)?;
        self.clean_decoded_in(decoded, ctx)
    }

    /// Clean a decoded page in the context `ctx`.
    fn clean_decoded_in(&self, decoded: newsclean_decode::Decoded, ctx: &Context) -> Result<Cleaned, Error> {
        // One copy of the text in memory where decoding changed nothing: the page takes the
        // decoded text and shares its input with the result (a page can be 200 MB).
        let (input, page) = match decoded.source {
            None => {
                let page = Page::new(decoded.text);
                (page.shared_input(), page)
            }
            Some(source) => {
                let steps = decoded
                    .edits
                    .into_iter()
                    .map(|step| {
                        step.into_iter().map(|e| TextEdit::replace(e.range, e.replacement, e.rule)).collect()
                    })
                    .collect();
                let page = Page::with_prior_edits(source.clone(), steps)
                    .map_err(|source| PassError::Edit { pass: "decode".into(), source })?;
                debug_assert_eq!(page.text(), decoded.text);
                (Arc::from(source), page)
            }
        };
        let mut cleaned = self.clean_page(page, input, ctx)?;
        cleaned.report = decoded.report;
        Ok(cleaned)
    }

    /// Clean one page of text that is already decoded.
    pub fn clean_text(&self, text: &str) -> Result<Cleaned, Error> {
        let page = Page::new(text);
        let input = page.shared_input();
        self.clean_page(page, input, &self.ctx)
    }

    /// Run the pipeline over `page`, whose log starts from `input`.
    fn clean_page(&self, mut page: Page, input: Arc<str>, ctx: &Context) -> Result<Cleaned, Error> {
        if let Some(why) = structure::markdown_evidence(page.text()) {
            return Err(Error::Structured(why));
        }
        let pipeline = match &self.latin {
            Some(latin) => {
                // The layout's one script detector; its answer is the page's script (the
                // Latin pass reads it rather than counting the letters again).
                // The counts are kept with the text for the page facts (`analysis::facts`),
                // which count the same letters unless a pass changed the text first.
                let counts = page.lines_or_init(|p| newsclean_layout::analysis::ScriptCounts::of(p.text()));
                let script = counts.script();
                page.meta.script = script;
                if script == Script::Latin { latin } else { &self.pipeline }
            }
            None => &self.pipeline,
        };
        pipeline.run(&mut page, ctx)?;
        Ok(Cleaned {
            input,
            text: page.render(),
            page,
            report: newsclean_decode::DecodeReport::not_decoded(),
        })
    }
}
