//! Fuzz target: the whole pipeline, `Cleaner::clean` on arbitrary bytes.
//!
//! Invariants: no panic; the built-in passes never fail on any input (a pass error there is a
//! bug: an edit the log refused, or built-in rules that do not converge); the clean text is
//! the page's text; and undoing the edit log of the clean text gives back the decoded input
//! exactly (nothing lost). Two cleaners: the default profile alone, and the default
//! configuration (Latin pages get the English profile) with review-level changes applied.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newsclean::{Cleaner, Config, DEFAULT_PROFILE, Error};

static CLEANERS: LazyLock<[Cleaner; 2]> = LazyLock::new(|| {
    let default = Cleaner::new(DEFAULT_PROFILE).expect("the default profile loads");
    let config = Config { apply_review: true, ..Config::default() };
    let review = Cleaner::from_config(&config).expect("the default configuration loads");
    [default, review]
});

fuzz_target!(|bytes: &[u8]| {
    for cleaner in CLEANERS.iter() {
        let cleaned = match cleaner.clean(bytes) {
            Ok(cleaned) => cleaned,
            Err(Error::Decode(_)) => return,
            // A Markdown document is refused, by design (issue 20, item 4).
            Err(Error::Structured(_)) => return,
            Err(e) => panic!("built-in passes failed: {e}"),
        };
        assert_eq!(cleaned.text, cleaned.page.text(), "clean text is not the page text");
        let undone = cleaned.page.log().undo(&cleaned.text);
        assert!(
            undone == *cleaned.input,
            "undo of the log is not the decoded input:\n{undone:?}\n!=\n{:?}",
            cleaned.input
        );
    }
});
