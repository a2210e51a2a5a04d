//! The registry of rule ids: what every id an edit or a block can carry means, and the ids a
//! user switched off.
//!
//! Each layout pass registers its decisions as [`RuleInfo`]s (the table is
//! `newsclean_layout::registry::RULES`, the page's own ids are [`PAGE_RULES`]); the YAML rules
//! carry the same fields in their files. `newsclean rules list`, `rules explain`, `disable:`
//! in a rule file and docs/rules.md all read them, so an id that a pass logs and nobody
//! documents is a test failure, not a surprise in a user's log.

use crate::pass::Safety;

/// One registered rule: a decision a pass makes, under a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// The stable id logged on every edit (and block) the rule makes: `layout.paragraphs.join-cjk`.
    pub id: &'static str,
    /// The id of the pass that makes the decision.
    pub pass: &'static str,
    /// One line: what the rule does.
    pub title: &'static str,
    /// Why the change is right when the rule fires.
    pub why: &'static str,
    /// An example: the input, ` → `, what the rule makes of it.
    pub example: &'static str,
    /// When it must not fire: what it leaves alone.
    pub not_when: &'static str,
    /// How sure the rule is (every layout rule applies by default today).
    pub safety: Safety,
}

/// The ids the page itself logs when it is finalized. They are the output format (one `\n`
/// between blocks) and the removal of blocks a pass classified without a rule, not decisions:
/// they cannot be disabled.
pub const PAGE_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "page.separator",
        pass: "page.finalize",
        title: "Exactly one line break between blocks and after the last one",
        why: "The clean text is one block (a title, a paragraph, a byline) a line; the blank lines and \
              the white space between blocks were layout.",
        example: "标题\\n\\n\\n正文 → 标题\\n正文\\n",
        not_when: "Never inside a block: only the white space between two blocks is replaced.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "page.furniture",
        pass: "page.finalize",
        title: "A block classified as furniture without a rule of its own is removed",
        why: "Page furniture (mastheads, page labels, date lines) is not article text; the block's \
              own rule id is logged when a pass gave one.",
        example: "(a furniture block) → (removed)",
        not_when: "Content blocks (titles, bylines, body, captions) are never removed.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "page.junk",
        pass: "page.finalize",
        title: "A block classified as junk without a rule of its own is removed",
        why: "Artefacts (picture noise, duplicated text) are not article text.",
        example: "(a junk block) → (removed)",
        not_when: "Content blocks are never removed.",
        safety: Safety::Safe,
    },
];

/// The ids of the changes decoding makes before the page is segmented (the first batches of
/// every page's log). They are how bytes become text, not layout decisions: they cannot be
/// disabled (`--encoding NAME` decides the reading instead). `newsclean_decode::RULE_IDS`
/// lists the same ids; a test in the facade checks the two agree.
pub const DECODE_RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "decode.bom",
        pass: "decode",
        title: "A byte-order mark at the start of the file is dropped",
        why: "The mark says how the bytes are encoded; it is not text.",
        example: "\\u{feff}标题 → 标题",
        not_when: "A U+FEFF inside the text is a zero-width character (decode.zero-width), not a mark.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "decode.mojibake",
        pass: "decode",
        title: "Text decoded in the wrong encoding and saved again (mojibake) is read back",
        why: "UTF-8 read as windows-1252 or GBK turns every character into two or three wrong ones; \
              the repair is made only when the run round-trips exactly.",
        example: "cafÃ© → café",
        not_when: "A page that also writes the repaired form as genuine text beside it (text that \
                   discusses mojibake) is left alone.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "decode.newline",
        pass: "decode",
        title: "Every line break (CRLF, CR, U+2028, U+0085) becomes LF",
        why: "One line-break convention lets every pass see lines the same way.",
        example: "a\\r\\nb → a\\nb",
        not_when: "Never: every line break is one LF afterwards.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "decode.control",
        pass: "decode",
        title: "Control characters other than tab and line breaks are removed",
        why: "Extraction and OCR leave controls (NUL, form feeds, C1) that no text means.",
        example: "a\\u{0c}b → ab",
        not_when: "Tabs and line breaks are kept.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "decode.zero-width",
        pass: "decode",
        title: "Invisible zero-width characters that carry nothing are removed",
        why: "Zero-width spaces and stray joiners split words for search and counting.",
        example: "新\\u{200b}闻 → 新闻",
        not_when: "A ZWJ inside an emoji sequence, and ZWJ/ZWNJ between letters of scripts that use \
                   them (Arabic script, Indic, Myanmar, Khmer), are text and stay.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "decode.bidi",
        pass: "decode",
        title: "Bidi controls away from right-to-left text are removed",
        why: "Directional marks and overrides left by extraction hide nothing but can reorder what a \
              terminal shows.",
        example: "a\\u{202e}b → ab",
        not_when: "LRM, RLM and ALM near right-to-left text on the same line stay.",
        safety: Safety::Safe,
    },
    RuleInfo {
        id: "decode.nfc",
        pass: "decode",
        title: "Text is put in Unicode normal form C",
        why: "One form for each character, so the same text compares and searches the same.",
        example: "e\\u{301} → é",
        not_when: "Never changes what is shown, only how it is encoded.",
        safety: Safety::Safe,
    },
];

/// Rule ids renamed on 2026-12-02 so that every id starts with the id of the pass that logs
/// it (`layout.paragraphs` logs `layout.paragraphs.join-cjk`): the old id, then the new. The
/// old ids still work where a user names a rule (`disable:` in a rule file, `rules explain`),
/// through [`renamed`]; edits carry the new ids.
pub const RENAMED: &[(&str, &str)] = &[
    ("layout.join-cjk", "layout.paragraphs.join-cjk"),
    ("layout.join-latin", "layout.paragraphs.join-latin"),
    ("layout.join-hyphen", "layout.paragraphs.join-hyphen"),
    ("layout.column-break", "layout.paragraphs.column-break"),
    ("layout.paragraph", "layout.paragraphs.body"),
    ("layout.headline", "layout.paragraphs.headline"),
    ("layout.headline.split", "layout.paragraphs.headline.split"),
    ("layout.caption", "layout.paragraphs.caption"),
    ("layout.caption.credit", "layout.byline.caption-credit"),
    ("layout.letter-spacing", "layout.spaces.letter-spacing"),
    ("layout.wrap-space", "layout.spaces.wrap"),
    ("layout.furniture.web", "layout.continuation.web"),
    ("latin", "layout.latin"),
    ("latin.drop-cap", "layout.latin.drop-cap"),
    ("latin.dehyphen", "layout.latin.dehyphen"),
    ("latin.keep-hyphen", "layout.latin.keep-hyphen"),
    ("latin.join-lost-hyphen", "layout.latin.join-lost-hyphen"),
    ("latin.join-space", "layout.latin.join-space"),
    ("latin.heading", "layout.latin.heading"),
    ("latin.byline", "layout.latin.byline"),
    ("latin.paragraph", "layout.latin.paragraph"),
];

/// The id a renamed rule goes by now (`layout.join-cjk` -> `layout.paragraphs.join-cjk`), or
/// `None` for an id that was never renamed.
pub fn renamed(id: &str) -> Option<&'static str> {
    RENAMED.iter().find(|(old, _)| *old == id).map(|(_, new)| *new)
}

/// True when `id` names `rule` or a family of rules it belongs to: `layout.furniture` covers
/// `layout.furniture.date`, never `layout.furniture-x`.
pub fn covers(id: &str, rule: &str) -> bool {
    rule == id || (rule.len() > id.len() && rule.starts_with(id) && rule.as_bytes()[id.len()] == b'.')
}

/// The rule ids a user switched off (`disable:` in a rule file): a pass neither edits nor
/// classifies under them. An id also switches off the ids below it (`layout.furniture`
/// covers `layout.furniture.date`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disabled {
    ids: Vec<String>,
}

impl Disabled {
    /// The set of these ids.
    pub fn new(ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        let mut ids: Vec<String> = ids.into_iter().map(Into::into).collect();
        ids.sort();
        ids.dedup();
        Disabled { ids }
    }

    /// True when nothing is switched off.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The ids, sorted.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// True when `rule` is switched off.
    pub fn covers(&self, rule: &str) -> bool {
        self.ids.iter().any(|id| covers(id, rule))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_renamed_id_names_its_new_id_and_no_old_id_is_a_new_one() {
        assert_eq!(renamed("layout.join-cjk"), Some("layout.paragraphs.join-cjk"));
        assert_eq!(renamed("latin"), Some("layout.latin"));
        assert_eq!(renamed("layout.paragraphs.join-cjk"), None);
        for (old, new) in RENAMED {
            assert!(renamed(new).is_none(), "{new} is renamed again");
            assert_ne!(old, new);
        }
    }

    #[test]
    fn an_id_covers_itself_and_the_ids_below_it_only() {
        let d = Disabled::new(["layout.furniture", "zh.comma-fullwidth"]);
        assert!(d.covers("layout.furniture"));
        assert!(d.covers("layout.furniture.app-promo"));
        assert!(d.covers("zh.comma-fullwidth"));
        assert!(!d.covers("layout.furniture-x"));
        assert!(!d.covers("layout"));
        assert!(!d.covers("zh.comma"));
        assert!(Disabled::default().is_empty() && !Disabled::default().covers("x"));
    }
}
