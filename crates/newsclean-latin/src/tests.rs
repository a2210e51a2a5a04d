//! Tests of Latin line joining on synthetic text: what must be joined, and what must not.

use newsclean_core::{BlockKind, Context, Page, Pass, Pipeline, Script};

use super::*;

fn run_with(raw: &str, apply_review: bool) -> Page {
    let mut pl = Pipeline::new();
    pl.push(Box::new(JoinLatin));
    let mut page = Page::new(raw);
    pl.run(&mut page, &Context { apply_review, ..Context::default() }).unwrap();
    assert_eq!(page.log().undo(page.text()), raw, "lossless");
    page
}

fn clean(raw: &str) -> String {
    run_with(raw, false).render()
}

/// The text with every run of white space as one space: for cases where a line break and a
/// space are both right (a two-line text cannot show whether it is wrapped).
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn rules(page: &Page) -> Vec<&str> {
    page.log().edits().iter().map(|e| e.rule.as_str()).filter(|r| r.starts_with("layout.latin.")).collect()
}

#[test]
fn wrapped_lines_joined_with_one_space() {
    assert_eq!(
        clean(
            "The committee met on\n  Monday and agreed to\nthe plan of the new\nWharf at the north\nend of the harbour.\n"
        ),
        "The committee met on Monday and agreed to the plan of the new Wharf at the north end of the harbour.\n"
    );
}

#[test]
fn scraps_are_not_a_column() {
    // Two short lines, as clean output holds them (a title over a name): no wrap evidence, so
    // nothing is joined; joining them would change clean output when it is cleaned again.
    assert_eq!(clean("Local news\nJohn Smith\n"), "Local news\nJohn Smith\n");
    assert_eq!(clean("A\nA\nA,\n"), "A\nA\nA,\n");
}

#[test]
fn broken_word_dehyphenated_with_evidence() {
    let page = run_with("The first sec-\ntion of the line is open.\n", false);
    assert_eq!(page.render(), "The first section of the line is open.\n");
    let e = page.log().edits().iter().find(|e| e.rule == DEHYPHEN).unwrap();
    assert_eq!(e.before, "-\n");
    assert!(e.note.as_deref().unwrap().contains("section"), "{:?}", e.note);
}

#[test]
fn real_hyphen_kept_when_the_page_writes_the_compound() {
    let raw = "The ship sails to-day for London, and\nthe mail closes early to-\nday at the office.\n";
    let page = run_with(raw, false);
    assert_eq!(
        page.render(),
        "The ship sails to-day for London, and the mail closes early to-day at the office.\n"
    );
    let e = page.log().edits().iter().find(|e| e.rule == KEEP_HYPHEN).unwrap();
    assert!(e.note.as_deref().unwrap().contains("to-day 1x"), "{:?}", e.note);
}

#[test]
fn page_evidence_for_the_solid_form_wins_over_the_hyphen() {
    let raw = "He said that today the mail\nwould close early to-\nday at noon.\n";
    assert_eq!(clean(raw), "He said that today the mail would close early today at noon.\n");
}

#[test]
fn capitalised_second_part_keeps_the_hyphen() {
    assert_eq!(clean("the old Anglo-\nSaxon law was read\n"), "the old Anglo-Saxon law was read\n");
}

#[test]
fn numbers_keep_the_hyphen() {
    assert_eq!(clean("in the years 1842-\n43 the price fell\n"), "in the years 1842-43 the price fell\n");
}

#[test]
fn dash_set_apart_is_not_a_hyphen() {
    assert_eq!(clean("he paused -\nthen went on\n"), "he paused - then went on\n");
}

#[test]
fn lost_hyphen_joined_by_frequency() {
    let page = run_with("The directors refused to dis\nclose the accounts.\n", false);
    assert_eq!(page.render(), "The directors refused to disclose the accounts.\n");
    let e = page.log().edits().iter().find(|e| e.rule == JOIN_LOST_HYPHEN).unwrap();
    assert!(e.note.as_deref().unwrap().contains("zipf disclose"), "{:?}", e.note);
}

#[test]
fn lost_hyphen_joined_when_the_join_is_a_misread_word() {
    // `passeneers` is one letter from `passengers`; neither part is near it alone.
    let page = run_with("Among the pas\nseneers were two clerks.\n", false);
    assert_eq!(page.render(), "Among the passeneers were two clerks.\n");
    let e = page.log().edits().iter().find(|e| e.rule == JOIN_LOST_HYPHEN).unwrap();
    assert!(e.note.as_deref().unwrap().contains("from passengers"), "{:?}", e.note);
    // A short garbled second part is not enough (`bo` for `be`).
    assert_eq!(clean("the meeting\nbo held\n"), "the meeting bo held\n");
}

#[test]
fn lost_hyphen_joined_by_page_vocabulary() {
    // A name no word list knows: the page itself writes it inside a line.
    let raw = "The Wandabirra road was opened. Near Wanda\nbirra the road is flooded.\n";
    let page = run_with(raw, false);
    assert_eq!(page.render(), "The Wandabirra road was opened. Near Wandabirra the road is flooded.\n");
    let e = page.log().edits().iter().find(|e| e.rule == JOIN_LOST_HYPHEN).unwrap();
    assert!(e.note.as_deref().unwrap().contains("page writes wandabirra 1x"), "{:?}", e.note);
    // Without the page's evidence the two parts stay apart.
    assert_eq!(clean("Near Wanda\nbirra the road\n"), "Near Wanda birra the road\n");
}

#[test]
fn ordinary_word_pairs_never_joined() {
    for raw in [
        "and then the\nman came in\n",
        "they sat at a\nround table\n",
        "they sat at a round\ntable of oak\n",
        "he went in\nto the house\n",
        "there was some\nthing in the box\n",
        "he can\nnot say\n",
        "in any\nway he could\n",
    ] {
        let out = clean(raw);
        assert_eq!(out, format!("{}\n", raw.trim_end().replace('\n', " ")), "{raw:?}");
    }
}

#[test]
fn pair_written_apart_on_the_page_is_not_joined() {
    // Frequencies alone would join `after`/`noon`, but the page writes `after noon` apart.
    assert_eq!(clean("they met after\nnoon on Monday\n"), "they met afternoon on Monday\n");
    let raw = "The hours after noon were quiet, and after\nnoon the vote was taken.\n";
    assert_eq!(clean(raw), "The hours after noon were quiet, and after noon the vote was taken.\n");
}

#[test]
fn ocr_errors_untouched() {
    let raw = "The Crown Lnnd sale at tho\nCourt-house was held.\n";
    assert_eq!(flat(&clean(raw)), "The Crown Lnnd sale at tho Court-house was held.");
}

#[test]
fn capitalised_next_line_or_punctuation_is_never_a_lost_hyphen() {
    assert_eq!(flat(&clean("said the Pro\nTestant minister\n")), "said the Pro Testant minister");
    assert_eq!(clean("the end of the dis.\nclose at hand\n"), "the end of the dis.\nclose at hand\n");
}

#[test]
fn review_tier_fragments_joined_only_when_asked() {
    // `gre` starts far more words than it is one, `tation` only ends words, and their join
    // is near no word the list knows (as with a word the OCR garbled badly): review level.
    let raw = "the gre\ntation of the case\n";
    let page = run_with(raw, false);
    assert_eq!(page.render(), "the gre tation of the case\n");
    assert!(page.log().edits()[0].note.as_deref().unwrap().contains("review-level"));
    let page = run_with(raw, true);
    assert_eq!(page.render(), "the gretation of the case\n");
    assert!(rules(&page).contains(&JOIN_LOST_HYPHEN));
}

#[test]
fn all_caps_heading_stays_on_its_own_line() {
    let raw = "LAND SALE.\nThe sale of Crown land at\nthe Court-house was held.\n";
    let page = run_with(raw, false);
    assert_eq!(page.render(), "LAND SALE.\nThe sale of Crown land at the Court-house was held.\n");
    assert_eq!(page.blocks()[0].kind, BlockKind::Headline);
    // A two-line heading is joined within itself.
    assert_eq!(
        clean("EXPLOSION IN A\nFIRE-PLACE.\nA boy was hurt.\n"),
        "EXPLOSION IN A FIRE-PLACE.\nA boy was hurt.\n"
    );
}

#[test]
fn heading_lines_across_a_blank_line() {
    // One heading cut by a blank line is joined, as it is without the blank line...
    assert_eq!(
        clean("EXPLOSION IN A\n\nFIRE-PLACE.\nA boy was hurt.\n"),
        "EXPLOSION IN A FIRE-PLACE.\nA boy was hurt.\n"
    );
    // ... but a heading that ends a sentence stays apart from the next one.
    assert_eq!(clean("LAND SALE.\n\nTO THE EDITOR.\n"), "LAND SALE.\nTO THE EDITOR.\n");
}

#[test]
fn cjk_blocks_untouched() {
    let raw = "党建强，则根\n基稳。\n\nThe mail closes\nat noon.\n";
    let page = run_with(raw, false);
    assert_eq!(page.render(), "党建强，则根\n基稳。\nThe mail closes at noon.\n");
    assert_eq!(page.meta.script, Script::Mixed);
    let only_cjk = run_with("党建强，则根\n基稳。\n", false);
    assert!(rules(&only_cjk).is_empty());
    assert_eq!(only_cjk.meta.script, Script::Cjk);
}

#[test]
fn idempotent_on_its_output() {
    let raw = "LAND SALE.\nThe directors refused to dis\nclose the sec-\ntion accounts to-\nday.\n";
    let once = clean(raw);
    assert_eq!(clean(&once), once);
}

#[test]
fn heading_line_shape() {
    assert!(is_heading_line("LAND SALE."));
    assert!(is_heading_line("THE WAR IN FRANCE"));
    assert!(!is_heading_line("The War"));
    assert!(!is_heading_line("I."));
    assert!(!is_heading_line("A VERY LONG LINE OF CAPITALS THAT GOES ON AND ON AND ON FOR EVER"));
}

#[test]
fn pass_id() {
    assert_eq!(JoinLatin.id(), "layout.latin");
}

#[test]
fn sentence_cut_by_a_blank_line_is_joined() {
    let raw = "the members of the Austra\n\nlian Youth Hostel met.\n\nA new paragraph.\n";
    assert_eq!(clean(raw), "the members of the Australian Youth Hostel met.\nA new paragraph.\n");
    // A block ending a sentence, or followed by a capital, stays a paragraph of its own.
    assert_eq!(clean("It was over.\n\nthe end came.\n"), "It was over.\nthe end came.\n");
    assert_eq!(clean("It was over\n\nThe end came.\n"), "It was over\nThe end came.\n");
}

#[test]
fn page_style_for_compounds_keeps_the_hyphen() {
    // The page writes `to-day`, so `to-`/`morrow` is its style too.
    let raw = "The court sat to-day and adjourned until to-\nmorrow at ten.\n";
    let page = run_with(raw, false);
    assert_eq!(page.render(), "The court sat to-day and adjourned until to-morrow at ten.\n");
    let e = page.log().edits().iter().find(|e| e.rule == KEEP_HYPHEN).unwrap();
    assert!(e.note.as_deref().unwrap().contains("compound(s) to-"), "{:?}", e.note);
    // The page writes `half-back`, so `full-`/`back` keeps its hyphen.
    let raw = "The half-back Smith was hurt, and the full-\nback will play.\n";
    assert_eq!(clean(raw), "The half-back Smith was hurt, and the full-back will play.\n");
}

#[test]
fn a_prefix_compound_does_not_make_every_break_a_compound() {
    // `re-elected` on the page says nothing about `re-`/`turned`: `re` is a prefix.
    let raw = "He was re-elected and re-\nturned to the chair.\n";
    assert_eq!(clean(raw), "He was re-elected and returned to the chair.\n");
    // Without any evidence a broken word loses its hyphen.
    assert_eq!(clean("the whole-\nsale market\n"), "the wholesale market\n");
}

#[test]
fn short_last_line_of_a_paragraph_ends_it() {
    let raw = "The council met on Monday night and\npassed the estimates for the year.\nIt rose at ten.\nThe mayor then left for the\ncountry by the evening train.\n";
    assert_eq!(
        clean(raw),
        "The council met on Monday night and passed the estimates for the year. It rose at ten.\nThe mayor then left for the country by the evening train.\n"
    );
}

#[test]
fn clean_text_with_one_paragraph_a_line_is_left_alone() {
    let text = "The council met on Monday night and passed the estimates for the year, after a debate that lasted until the small hours.\nThe mayor then left for the country by the evening train, and will return to the city on Thursday next.\nVerdict for the defendants.\nThe court rose.\n";
    assert_eq!(clean(text), text);
}

fn run_in_batch(raw: &str, batch: &[&str]) -> Page {
    let mut words = WordCounts::new();
    for page in batch {
        count_batch_words(page, &mut words);
    }
    let mut pl = Pipeline::new();
    pl.push(Box::new(JoinLatin));
    let mut page = Page::new(raw);
    let ctx = Context { batch_words: Some(std::sync::Arc::new(words)), ..Context::default() };
    pl.run(&mut page, &ctx).unwrap();
    assert_eq!(page.log().undo(page.text()), raw, "lossless");
    page
}

#[test]
fn batch_evidence_decides_where_the_page_is_silent() {
    let raw = "The mail closes early to-\nday at the office.\n";
    // Alone, nothing on the page says `to-day`: the default joins the word.
    assert_eq!(clean(raw), "The mail closes early today at the office.\n");
    // Other pages of the batch write `to-day` inside their lines: the batch keeps the hyphen,
    // and the note says why.
    let other = "The ship sails to-day for London.\nThe court sits to-day at ten.\n";
    let page = run_in_batch(raw, &[other, raw]);
    assert_eq!(page.render(), "The mail closes early to-day at the office.\n");
    let e = page.log().edits().iter().find(|e| e.rule == KEEP_HYPHEN).expect("a keep-hyphen edit");
    assert!(e.note.as_deref().unwrap().contains("batch writes to-day 2x, today 0x"), "{:?}", e.note);
}

#[test]
fn batch_evidence_never_outweighs_the_page() {
    // The page writes `today` itself: the batch's `to-day` does not change that.
    let raw = "Prices fell today, and the mail closes early to-\nday at the office.\n";
    let other = "The ship sails to-day for London.\nThe court sits to-day at ten.\nHe left to-day.\n";
    let page = run_in_batch(raw, &[other, raw]);
    assert_eq!(page.render(), "Prices fell today, and the mail closes early today at the office.\n");
}

#[test]
fn batch_words_count_only_whole_written_words() {
    let mut w = WordCounts::new();
    // First and last words of a line may be cut by the break; `sec-` is cut; `4th` has digits.
    count_batch_words("sec-\ntion of the 4th to-day\nmorning\n", &mut w);
    assert_eq!((w.get("of"), w.get("the"), w.get("to-day")), (1, 1, 1));
    assert_eq!((w.get("sec"), w.get("tion"), w.get("4th"), w.get("morning")), (0, 0, 0, 0));
}

#[test]
fn batch_evidence_does_not_join_words_the_ocr_split() {
    // A batch that writes `around` does not make `a`/`round` one word: lost-hyphen joins weigh
    // the page only (the joined form occurs in a batch by chance as often as not).
    let raw = "They sat at a\nround table in the hall of the town.\n";
    let page = run_in_batch(raw, &["We walked around the town and around the park.\n"]);
    assert_eq!(flat(&page.render()), "They sat at a round table in the hall of the town.");
}

#[test]
fn compound_broken_at_its_own_hyphen_keeps_it() {
    // Both parts are words, the joined form is rare: the hyphen is the compound's own
    // (issue 20, item 2). The note gives the evidence.
    for (raw, want) in [
        ("It is a well-\nknown fact.\n", "well-known"),
        ("Many are self-\nemployed now.\n", "self-employed"),
        ("A long-\nterm plan.\n", "long-term"),
        ("A web-\nbased service.\n", "web-based"),
        ("A 35-year-\nold man.\n", "35-year-old"),
        // The same elements in compounds the rule was not written from.
        ("A half-\nhearted try.\n", "half-hearted"),
        ("A state-\nowned line.\n", "state-owned"),
    ] {
        let page = run_with(raw, false);
        assert!(flat(&page.render()).contains(want), "{raw:?} -> {:?}", page.render());
        let e = page.log().edits().iter().find(|e| e.rule == KEEP_HYPHEN);
        assert!(e.is_some_and(|e| e.note.as_deref().unwrap().contains("a compound")), "{raw:?}");
    }
    // Where the joined form is a common word it is one word broken by the printer, whatever
    // the parts (co-/operative, non-/profit, some-/thing, be-/fore), or where a part is no
    // word (sec-/tion).
    for (raw, want) in [
        ("A co-\noperative store.\n", "cooperative"),
        ("A non-\nprofit group.\n", "nonprofit"),
        ("There is some-\nthing here.\n", "something"),
        ("He came be-\nfore noon.\n", "before"),
        ("The first sec-\ntion of it.\n", "section"),
        ("The old bar-\nrack square.\n", "barrack"),
        // Pieces of words that are also short words or affixes (`wait-`/`ing`, `de-`/`tuned`).
        ("They were walt-\ning for him.\n", "walting"),
        ("The string was de-\ntuned.\n", "detuned"),
        ("The co-\nauthor of it.\n", "coauthor"),
        // Closed compounds as rare written solid as `wellknown`, whose parts are no element that
        // forms hyphenated compounds (issue 20: eval --real scores these joins).
        ("She is a fine horse-\nwoman.\n", "horsewoman"),
        ("He said so after-\nwords.\n", "afterwords"),
        ("At the show-\nground today.\n", "showground"),
        ("From hence-\nforward all is well.\n", "henceforward"),
        ("The play-\nboys of the town.\n", "playboys"),
        ("The station at Thorns-\nhope was closed.\n", "Thornshope"),
    ] {
        let out = clean(raw);
        assert!(flat(&out).contains(want), "{raw:?} -> {out:?}");
    }
}

#[test]
fn jump_markers_at_a_paragraphs_end_only() {
    for (t, tail) in [
        ("the engineer said. Continued on Page 4", " Continued on Page 4"),
        ("the engineer said. (Continued on page 4)", " (Continued on page 4)"),
        ("the engineer said. See FOOTBALL, Page 5", " See FOOTBALL, Page 5"),
        ("a dit le maire. suite page 3", " suite page 3"),
        ("ha detto il sindaco. ● a pagina 12", " ● a pagina 12"),
    ] {
        assert_eq!(trailing_jump(t).map(|at| &t[at..]), Some(tail), "{t}");
    }
    for t in [
        "the figures were continued on page 4",
        "the figures are set out on Page 4",
        "See also page 5 of the report",
        "the engineer said. See also page 5",
        "the engineer said. See Page 5 of the report",
        "the engineer said. Continued on Page 1234",
        "the engineer said Continued on Page 4",
        "The report, see FOOTBALL, Page 5",
    ] {
        assert_eq!(trailing_jump(t), None, "{t}");
    }
}

#[test]
fn a_sentence_end_with_room_for_the_next_word_ends_the_paragraph() {
    // A justified column whose indents the extractor dropped: `aldermen.` ends its line with
    // room for `The`, so the wrap did not end it; `council.` ends a full line and goes on.
    let raw = "named. Farmers in the valley will\n\
               consider next week longer opening\n\
               hours at the public library, despite\n\
               the objections of aldermen.\n\
               The chairman of the water board\n\
               agreed after a long debate to fund\n\
               repairs to the old grammar school.\n\
               The mayor voted on Monday to approve\n\
               longer opening hours at the public\n\
               library in the new wing of the hall.\n";
    let out = clean(raw);
    let paras: Vec<&str> = out.lines().collect();
    assert_eq!(paras.len(), 2, "{out}");
    assert!(paras[0].ends_with("aldermen."), "{out}");
    assert!(paras[1].contains("grammar school. The mayor"), "a full line: {out}");
}

#[test]
fn room_for_the_next_word_is_no_break_without_a_column_or_a_sentence_end() {
    // Lines of a poem (no column: nothing is joined), a short line that ends mid-sentence.
    let poem = "The sea is calm.\nThe moon is up.\nAnd all is still.\n";
    assert_eq!(clean(poem), poem);
    let raw = "The chairman of the water board\n\
               agreed after a long debate to fund\n\
               repairs to the old grammar school\n\
               in the spring of the next year, and\n\
               Members of the board agreed with it\n\
               at the meeting of the full council\n\
               on Monday at the town hall of the city.\n";
    assert_eq!(clean(raw).lines().count(), 1, "{}", clean(raw));
}

#[test]
fn raw_layout_is_blank_lines_or_hard_wrapped_prose() {
    // Blank lines between lines of text.
    assert!(shows_raw_layout("COUNCIL BACKS NEW BRIDGE\n\nMembers of the board agreed.\n"));
    // Three breaks of hard-wrapped prose: an open line, then a lower-case one.
    assert!(shows_raw_layout(
        "Members of the school board\nagreed after a long debate\nto fund longer hours at the\npublic library, at a cost of\nabout $45,000, the report said.\n"
    ));
    // Must not: clean text, one paragraph a line; a byline-shaped line between running lines;
    // a sentence end before a lower-case line; two breaks only; a blank line at the end only.
    for text in [
        "COUNCIL BACKS NEW BRIDGE\nBy JOHN SMITH\nMembers of the board agreed.\nThe report runs to 112 pages.\n",
        "Il consiglio ha approvato\ndi Marco Rossi\nla relazione sulla strada.\noppose the park,\npar Luc Moreau\nthe library.\nparks,\nby Anna Riva\nthe end.\n",
        "He said so.\nthe iPhone sold well.\nIt rained.\neBay grew.\nThey left.\nmacOS was new.\n",
        "Members of the school board\nagreed after a long debate\nto fund longer hours at the library.\n",
        "Members of the board agreed.\n\n\n",
        "see https://example.com/a-b\nand mail a@b.org\n",
    ] {
        assert!(!shows_raw_layout(text), "{text}");
    }
}

#[test]
fn an_indented_first_line_after_a_full_sentence_end_starts_a_paragraph() {
    // The extractor dropped the indent: `money.` ends a full line (no room for `The`), but
    // `The harbour master said` is short of the column by about an indent although `that`
    // would have fit on a full line: the first line of a new paragraph.
    let raw = "Members of the board met on the\n\
               Monday to discuss the new road\n\
               across the marsh, and agreed to\n\
               ask the county for the money.\n\
               The harbour master said\n\
               that the work would begin in\n\
               the spring and take two years\n\
               to finish, at a cost of $9,000.\n";
    let out = clean(raw);
    let paras: Vec<&str> = out.lines().collect();
    assert_eq!(paras.len(), 2, "{out}");
    assert!(paras[0].ends_with("the money."), "{out}");
    assert!(paras[1].starts_with("The harbour master said that"), "{out}");
    assert_eq!(clean(&out), out, "idempotent");
}

#[test]
fn an_initial_or_a_title_before_a_short_line_is_no_paragraph_end() {
    // Must not: `J.` and `Mr.` end a line as a sentence would, but a name goes on (real OCR
    // of 1880s papers: `witnessed by "J.` / `T. Scott" and ...`).
    for end in ["J.", "Mr.", "\"J.", "(Mr."] {
        let raw = format!(
            "Members of the board met on the\n\
             Monday to discuss the new road\n\
             across the marsh, and agreed to\n\
             ask the county for papers of {end}\n\
             Thornton and his son said\n\
             that the work would begin in\n\
             the spring and take two years\n\
             to finish, at a cost of $9,000.\n"
        );
        assert_eq!(clean(&raw).lines().count(), 1, "{end}: {}", clean(&raw));
    }
    assert!(ends_sentence_after_word("ask the county for the money."));
    assert!(ends_sentence_after_word("in the year 1880."));
    assert!(ends_sentence_after_word("three years ago."));
    assert!(ends_sentence_after_word("down by the Meadows."));
    assert!(ends_sentence_after_word("and so it was said!\""));
    for not in ["witnessed by \"J.", "by Mr.", "(Mr.", "Mrs.", "Rev.", "goes on"] {
        assert!(!ends_sentence_after_word(not), "{not}");
    }
}

#[test]
fn a_full_line_or_an_open_end_before_it_is_no_indented_first_line() {
    // Must not: the line after the sentence end is full (`the` would not fit), so the sentence
    // goes on in the same paragraph.
    let full = "Members of the board met on the\n\
                Monday to discuss the new road\n\
                across the marsh, and agreed to\n\
                ask the county for the money.\n\
                The harbour master said that\n\
                the work would begin in the\n\
                spring and take two years to\n\
                finish, at a cost of $9,000.\n";
    assert_eq!(clean(full).lines().count(), 1, "{}", clean(full));
    // Must not: the short line follows a line that ends mid-sentence (a comma).
    let open = "Members of the board met on the\n\
                Monday to discuss the new road\n\
                across the marsh, and agreed to\n\
                ask the county for the money,\n\
                The harbour master said\n\
                that the work would begin in\n\
                the spring and take two years\n\
                to finish, at a cost of $9,000.\n";
    assert_eq!(clean(open).lines().count(), 1, "{}", clean(open));
    // Must not: clean text, a poem, stay as they are.
    let poem = "The sea is calm tonight and\nThe tide is full, the moon lies fair\nUpon the straits.\n";
    assert_eq!(clean(poem), poem);
}

#[test]
fn natural_width_reads_narrow_and_wide_letters() {
    assert!(natural_width("illicit") < natural_width("MMMM"));
    assert!((natural_width("a b") - (0.47 * 2.0 + SPACE_EM)).abs() < 1e-6);
    assert_eq!(natural_width(""), 0.0);
}

/// French column lines of a wrapped paragraph (more than [`LANGUAGE_MIN_WORDS`] words).
const FRENCH: &str = "Les pêcheurs du port attendent depuis\nlongtemps une décision sur les quais.\nLa réunion aura lieu samedi dans la\nsalle du conseil, où les habitants se\ndisent inquiets. Selon le nouveau\nmaire, les travaux commenceront après\nles vacances et dureront plusieurs mois.\n";

/// A text written twice, as two paragraphs: every word of it is written twice or more (more
/// than [`LANGUAGE_MIN_REPEATED`] words written twice).
fn twice(text: &str) -> String {
    format!("{text}\n{text}")
}

#[test]
fn other_languages_are_not_joined_by_english_frequencies() {
    // `la`/`salle`, `se`/`disent`, `nouveau`/`maire`: English frequencies would read
    // `lasalle` and the like as words; on a French page they are two words.
    let page = run_with(&twice(FRENCH), false);
    let out = page.render();
    let para = format!("{}\n", FRENCH.trim_end().replace('\n', " "));
    assert_eq!(out, format!("{para}{para}"), "{out}");
    assert!(!rules(&page).contains(&JOIN_LOST_HYPHEN), "{:?}", rules(&page));
}

#[test]
fn other_languages_still_join_by_the_page_s_own_words() {
    // The page writes `longtemps` inside a line: its own evidence, in any language.
    let raw = format!(
        "{FRENCH}Il faut attendre encore long\ntemps, disent les pêcheurs qui attendent longtemps déjà.\n"
    );
    let out = clean(&raw);
    assert!(out.contains("encore longtemps, disent"), "{out}");
}

#[test]
fn english_pages_still_join_by_frequency() {
    let raw = "The directors of the company met on Monday evening and refused to dis\nclose the accounts of the harbour board, despite objections from several\naldermen who asked for a public meeting before the end of the year.\n";
    let page = run_with(raw, false);
    assert!(page.render().contains("refused to disclose the accounts"), "{}", page.render());
    assert!(rules(&page).contains(&JOIN_LOST_HYPHEN));
}

#[test]
fn the_word_list_speaks_for_english_not_for_other_languages() {
    let speaks = |text: &str| {
        let page = Page::new(text);
        let blocks: Vec<usize> = (0..page.blocks().len()).collect();
        lexicon_speaks_for(&page, &blocks, &ENGLISH)
    };
    // English prose and an English poem: the word list speaks for them.
    assert!(speaks(
        "The committee met on Monday evening and agreed to fund the widening of the\nold harbour wall before the winter storms, according to figures released\nby the council. Several speakers pointed out that the last survey was made\n"
    ));
    assert!(speaks(
        "Whose woods these are I think I know.\nHis house is in the village though;\nHe will not see me stopping here\nTo watch his woods fill up with snow.\nMy little horse must think it queer\nTo stop without a farmhouse near\nBetween the woods and frozen lake\nThe darkest evening of the year.\n"
    ));
    // OCR'd English: many misread words, each once, but the words it writes again are
    // English ones.
    let ocr = format!(
        "{}\nTbe cotmcil rnet ou Mouday aud agreecl tc fuud tlie wideuing cf tbe harhour\nwall hefore tlie wiuter stonns, accordiug tc fignres releasecl hy tbe\ncouncil. Sevcral spcakers poiuted ont tbat tbe lasb snrvey wns rnade\n",
        twice(
            "The committee met on Monday evening and agreed to fund the widening of the\nold harbour wall before the winter storms, according to figures released\nby the council. Several speakers pointed out that the last survey was made\n"
        )
    );
    assert!(speaks(&ocr));
    // French, Italian, Spanish and German prose: it does not.
    assert!(!speaks(&twice(FRENCH)));
    // Written once, too few words are written twice to tell: the word list is trusted.
    assert!(speaks(FRENCH));
    assert!(!speaks(&twice(
        "Il consiglio comunale ha approvato ieri sera il progetto per la nuova\nbiblioteca della città. Secondo il sindaco, i lavori dovrebbero iniziare\nentro la primavera e durare circa diciotto mesi, salvo ritardi imprevisti.\n"
    )));
    assert!(!speaks(&twice(
        "El ayuntamiento aprobó ayer por la tarde el proyecto de la nueva\nbiblioteca municipal. Según el alcalde, las obras empezarán durante la\nprimavera y durarán unos dieciocho meses, salvo retrasos imprevistos\ncausados por las lluvias del invierno pasado en toda la región.\n"
    )));
    assert!(!speaks(&twice(
        "Der Gemeinderat hat gestern Abend den Bau der neuen Stadtbibliothek\nbeschlossen. Nach Angaben des Bürgermeisters sollen die Arbeiten im\nFrühjahr beginnen und ungefähr achtzehn Monate dauern, sagte er gestern.\n"
    )));
    // Too few words to tell: the word list is trusted, as before.
    assert!(speaks("la salle\ndu conseil\n"));
}
