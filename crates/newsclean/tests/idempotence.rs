//! Cleaning clean output changes nothing (#18: "idempotent and lossless on every page of both
//! splits"). Each case is a minimal synthetic page of a shape that a realpages page showed: the
//! first clean left something that a second clean changed. Every page is cleaned with the
//! profile named (as `cargo xtask eval` does) and as the command line does (Latin pages with
//! the Latin profile), and cleaned again.

use newsclean::{Cleaner, Config, DEFAULT_PROFILE};

/// Clean `raw` both ways, check undo and that a second clean changes nothing; the first clean
/// of the command line's way.
fn clean_twice(raw: &str) -> String {
    let named = Cleaner::new(DEFAULT_PROFILE).expect("profile");
    let auto = Cleaner::from_config(&Config::default()).expect("config");
    let mut first = String::new();
    for (way, cleaner) in [("as the command line", &auto), ("with the default profile", &named)] {
        let once = cleaner.clean(raw.as_bytes()).expect("clean");
        assert_eq!(once.page.log().undo(&once.text), &*once.input, "{way}: undo gives the input back");
        let twice = cleaner.clean(once.text.as_bytes()).expect("clean again");
        assert_eq!(twice.text, once.text, "{way}: a second clean changed the clean text of {raw:?}");
        if first.is_empty() {
            first = once.text;
        }
    }
    first
}

/// A footer line and a blank line between two parts of one sentence: the footer is removed
/// and the sentence joined across it in the first clean, as the second clean (where the two
/// parts meet on consecutive lines) joins it. Where the text after starts anew, the lines stay
/// apart both times.
#[test]
fn furniture_and_a_blank_line_inside_a_latin_sentence() {
    let out = clean_twice(
        "COUNCIL BACKS NEW BRIDGE\n\nBy JOHN SMITH\n\nMembers of the school board\nagreed after a long debate\nto fund longer hours at the\nwww.harlanchronicle.com | Tel. 045 591715\n\npublic library, at a cost of\nabout $45,000, the report said.\n",
    );
    assert!(out.contains("longer hours at the public library"), "{out}");
    assert!(!out.contains("harlanchronicle"), "{out}");
    // Must not fire: the text after the footer starts a new paragraph.
    let out = clean_twice(
        "COUNCIL BACKS NEW BRIDGE\n\nMembers of the school board agreed after a long debate to fund the library.\nwww.harlanchronicle.com | Tel. 045 591715\n\nThe report runs to 112 pages and includes 14 recommendations.\n",
    );
    assert!(out.contains("fund the library.\nThe report"), "{out}");
}

/// A lower-case byline (`par Luc Moreau`) under a heading that ends no sentence, with blank
/// lines around it, and one under a lone capital (a drop cap whose rest is elsewhere): the
/// byline stays a line of its own in both cleans.
#[test]
fn a_lower_case_byline_under_a_line_that_runs_on() {
    let out = clean_twice(
        "Le vieux pont sera rénové\n\npar Luc Moreau\n\nLes habitants du quartier attendent ces travaux depuis plusieurs années.\n",
    );
    assert!(out.contains("Le vieux pont sera rénové\npar Luc Moreau\n"), "{out}");
    let out = clean_twice(
        "NUOVO PIANO DEL TRAFFICO\n\nIl consiglio comunale ha approvato ieri sera il nuovo piano.\n\nI\n\ndi Anna Riva\n\nLa biblioteca civica resterà aperta anche la domenica mattina.\n",
    );
    assert!(out.contains("\ndi Anna Riva\n"), "{out}");
    // Must not fire: on a raw page (hard-wrapped prose), the name runs on into lower-case
    // text (running text, joined).
    let out = clean_twice(
        "Il consiglio comunale ha approvato ieri\nsera il nuovo piano del traffico, e il\nsindaco ha parlato alla stampa e ha\napprovato\ndi Marco Rossi\nla relazione sulla nuova strada che porta alla stazione.\n",
    );
    assert!(!out.lines().any(|l| l == "di Marco Rossi"), "{out}");
}

/// On clean text (no blank line, no hard-wrapped prose), a byline-shaped line between two
/// lines of running text is a byline the first clean kept apart: it stays apart. On a raw
/// page whose blank lines part it from a line that runs on, it is kept the first time, and
/// the clean page then shows it between running lines.
#[test]
fn a_byline_between_running_lines_of_clean_text_stays_apart() {
    let clean = "Il consiglio ha approvato\ndi Marco Rossi\nla relazione sulla nuova strada che porta alla stazione.\n";
    let out = clean_twice(clean);
    assert!(out.lines().any(|l| l == "di Marco Rossi"), "{out}");
    let out = clean_twice(
        "oppose the purchase of land for a park,\n\npar Luc Moreau\nthe public library on Sundays, the engineer said.\n",
    );
    assert!(out.lines().any(|l| l == "par Luc Moreau"), "{out}");
}

/// Two drop caps printed at the page's top; a column line that ends one sentence and opens
/// the next (`March 3, 1925. Members of the`) is no title, so the line under it is no drop
/// cap's rest, and the letters go to their rests in the first clean as in the second.
#[test]
fn a_column_line_with_a_sentence_end_inside_is_no_title() {
    let out = clean_twice(
        "T\nT\nThe Harlan Chronicle\nCOUNCIL BACKS NEW BRIDGE\nBy GRACE HARLOW\nhe hospital trustees expressed concern about\nrepairs to the old grammar school, on\nMarch 3, 1925. Members of the\nschool committee agreed after a long\ndebate to fund a new bridge over the river.\nPARK LAND PURCHASE APPROVED\nBy JOHN SMITH\nhe new railway company said they would\noppose the purchase of land for a park,\naccording to figures released on Friday.\n",
    );
    assert!(out.contains("\nThe hospital trustees"), "{out}");
    assert!(out.contains("\nThe new railway company"), "{out}");
    assert!(!out.lines().any(|l| l == "T"), "{out}");
}

/// A drop cap whose word the page writes only at the start of a line (`Secondo`, not in the
/// English word list): the raw page's line-initial word counts as the clean page's in-line one.
#[test]
fn a_drop_caps_word_written_at_a_line_start() {
    let out = clean_twice(
        "NUOVO PIANO DEL TRAFFICO\ndi Marco Rossi\nIl consiglio comunale ha approvato ieri\nsera il nuovo piano del traffico, e il\nsindaco ha parlato alla stampa locale.\nSecondo il sindaco, i lavori della nuova\nstrada cominceranno entro la fine di\nmarzo.\nS\nFESTA DEL LAGO, PIENONE\ndi Luca Bianchi\necondo il sindaco, alla festa del lago\nhanno partecipato oltre quattromila\npersone, venute da tutta la valle.\n",
    );
    assert!(out.contains("\nSecondo il sindaco, alla festa"), "{out}");
    // Must not fire: a word the page writes nowhere whole.
    let out = clean_twice(
        "FESTA DEL LAGO, PIENONE\n\nS\n\ndi Luca Bianchi\n\nxyzzo il sindaco, alla festa del lago hanno partecipato oltre quattromila persone.\n",
    );
    assert!(!out.contains("Sxyzzo"), "{out}");
}

/// A line whose runs of spaces (`pdftotext -layout`) make it longer than a printed column, but
/// not once the Latin profile squeezes them: it is measured squeezed, so it is joined the first
/// time as the second clean joins it.
#[test]
fn a_line_long_only_by_its_runs_of_spaces() {
    let out = clean_twice(&format!(
        "COUNCIL BACKS NEW BRIDGE\n\nThe council agreed after a long debate to fund longer opening hours at\nthe public library on Sundays,{}the engineer said on Friday.\n",
        " ".repeat(50)
    ));
    assert!(out.contains("hours at the public library"), "{out}");
}

/// Lines of the shapes realpages pages showed around the failures above: lone capitals (drop
/// caps), their lower-case rests, bylines in three languages, headings, credits, a footer
/// line, column lines that end mid-sentence (one with a sentence end inside), a line with a
/// run of spaces, plain sentences.
fn realpages_like_page() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let line = proptest::sample::select(vec![
        "T",
        "I",
        "S",
        "L",
        "he new railway company said they would",
        "econdo il sindaco, i lavori",
        "es habitants du quartier attendent",
        "By JOHN SMITH",
        "di Anna Riva",
        "par Luc Moreau",
        "From our Correspondent",
        "Photo: Paul Girard",
        "COUNCIL BACKS NEW BRIDGE",
        "Le vieux pont sera rénové",
        "Nuovo piano del traffico",
        "www.harlanchronicle.com | Tel. 045 591715",
        "March 3, 1925. Members of the",
        "agreed after a long debate to fund",
        "the public library on Sundays,                    the engineer said.",
        "Secondo il sindaco, i lavori cominceranno",
        "oppose the purchase of land for a park,",
        "The report runs to 112 pages and includes 14 recommendations.",
    ]);
    let sep = proptest::sample::select(vec!["\n", "\n", "\n\n"]);
    proptest::collection::vec((line, sep), 1..16)
        .prop_map(|v| v.into_iter().map(|(l, s)| format!("{l}{s}")).collect::<String>())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 64,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x6964_656d),
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// The 64 pages of the fixed seed are all idempotent. A wider scan (1500 pages of another
    /// seed) still finds two classes, left open:
    /// - a lone capital (a drop cap whose rest is not found) under a line that runs on: the
    ///   first clean keeps it on its own line (`… attendent` / `T` / `COUNCIL …`, a blank line
    ///   further on), a second clean joins it to the line before;
    /// - lines that a removed line kept apart (a repeated sentence the duplicates pass drops),
    ///   read as one wrapped column once they meet in the clean text (`Le vieux pont sera
    ///   rénové` / `agreed after a long debate to fund`).
    #[test]
    fn realpages_like_latin_pages_are_idempotent(text in realpages_like_page()) {
        let named = Cleaner::new(DEFAULT_PROFILE).expect("profile");
        let auto = Cleaner::from_config(&Config::default()).expect("config");
        for cleaner in [&named, &auto] {
            let once = cleaner.clean(text.as_bytes()).expect("clean");
            proptest::prop_assert_eq!(once.page.log().undo(&once.text), &*once.input);
            let twice = cleaner.clean(once.text.as_bytes()).expect("clean again");
            proptest::prop_assert_eq!(&twice.text, &once.text, "not idempotent on {:?}", text);
        }
    }
}

/// A CJK column that `pdftotext -layout` set far right, whose neighbours the columns pass did
/// not read apart: its lines share a lead of 40 spaces, and only a paragraph's first line
/// stands further right. The shared lead is no indent, so its wrapped lines are joined the
/// first time, as a second clean (no leads left) joins them.
#[test]
fn a_column_set_far_right_is_joined_the_first_time() {
    let lead = " ".repeat(40);
    let col = [
        "   今年以来，全县各地围绕乡村振兴这一",
        "主线，持续推进农田水利建设，新修渠道",
        "二十多公里，改善灌溉面积三万余亩，受",
        "益农户超过五千户。",
        "   县农业农村局负责人介绍，明年还将继",
        "续加大投入力度，重点解决山区群众的饮",
        "水难题，力争让每个村都用上放心水。",
    ];
    let mut raw = String::from("县委召开农村工作会议\n\n");
    for l in col {
        raw.push_str(&format!("{lead}{l}\n"));
    }
    let out = clean_twice(&raw);
    assert!(out.contains("这一主线，持续推进"), "{out}");
    assert!(out.contains("五千户。\n县农业农村局"), "{out}");
    // Must not fire: lines 2 spaces in (paragraph indents) stay paragraphs of their own.
    let out = clean_twice(
        "县委召开农村工作会议\n\n  今年以来，全县新修渠道二十多公里。\n  县农业农村局负责人介绍，明年还将继续加大投入。\n",
    );
    assert!(out.contains("二十多公里。\n县农业农村局"), "{out}");
}

/// Lines of columns side by side that a first clean left as they were (no blank line, no
/// line indented: where their pieces stood is lost once each line is trimmed) are clean text:
/// a second clean does not read them apart as columns.
#[test]
fn gutters_left_in_clean_text_are_not_read_as_columns_again() {
    let clean = "\
the council agreed to fund the bridge          repairs to the old grammar school were          a survey of the harbour wall was made
over the river after a long debate on          approved by the trustees on Monday at          in the spring by the county engineer
Monday evening, the mayor said today,          a cost of about forty thousand dollars          and his staff, the report said today
and the work is expected to begin soon          according to figures released Friday.          at the meeting of the harbour board.
";
    let named = Cleaner::new(DEFAULT_PROFILE).expect("profile");
    let out = named.clean(clean.as_bytes()).expect("clean").text;
    assert_eq!(out, clean);
    clean_twice(clean);
    // Must fire: the same lines on a raw page (a masthead, a blank line) are read apart.
    let raw = format!("THE HARBOUR TIMES\n\n{clean}");
    let out = named.clean(raw.as_bytes()).expect("clean").text;
    assert!(out.contains("the bridge over the river"), "{out}");
}

/// A drop cap whose word the page writes only at a line's start, after a line that a comma
/// ends (`… dix-huit mois,` / `selon les services`): no line break cut the word, and clean text
/// has it inside a line, so it counts the first time as the second clean counts it.
#[test]
fn a_drop_caps_word_written_after_a_line_ending_in_a_comma() {
    let out = clean_twice(
        "Le chantier devrait durer dix-huit mois,\nselon les services techniques de la ville.\nLES ROUTES DU CANTON\nS\npar Claire Dubois\nelon la mairie, plus de trois mille personnes sont attendues au bord du lac.\n",
    );
    assert!(out.contains("\nSelon la mairie"), "{out}");
    assert!(!out.lines().any(|l| l == "S"), "{out}");
}

/// A drop cap that `pdftotext -layout` sets apart from its rest by a run of spaces
/// (`T      he hospital`): the first clean rejoins it, as the second clean would once the
/// Latin profile has squeezed the run to one space. `A` and `I` before a word, and a table
/// row whose cells stand apart by runs of spaces, keep their spaces.
#[test]
fn a_drop_cap_before_a_run_of_spaces() {
    let out = clean_twice(
        "COUNCIL BACKS NEW BRIDGE\n\nBy JOHN SMITH\n\nT      he hospital trustees voted on Monday to approve a\nnew wing, according to figures released on Friday.\n",
    );
    assert!(out.contains("The hospital trustees"), "{out}");
    // Must not fire: a word of its own before a word, and a table row.
    let out = clean_twice(
        "COUNCIL BACKS NEW BRIDGE\n\nA      list of the new members was read at the meeting on Friday.\n",
    );
    assert!(out.contains("A list of the new members"), "{out}");
    let out = clean_twice(
        "COUNCIL BACKS NEW BRIDGE\n\nI      am told the report runs to 112 pages, the mayor said.\n",
    );
    assert!(out.contains("I am told"), "{out}");
    // (With the default profile only: the Latin profile squeezes the row to `B and 3 1`,
    // which the rule for one space rejoins in a second clean, as it did before runs counted.)
    let named = Cleaner::new(DEFAULT_PROFILE).expect("profile");
    let row = "RESULTS\n\nTeam      Won      Lost\nB      and      3      1\n";
    let out = named.clean(row.as_bytes()).expect("clean").text;
    assert!(out.contains("B      and      3"), "{out}");
}

/// A heading over a byline whose words `pdftotext -layout` set apart by runs of spaces, wrapped
/// with a one-word rest (`Summer`), over a line of its own: the runs do not count in the
/// lengths that show a wrap, so the second clean (the first line now holding the rest) reads
/// the line under it as a heading of its own, as the first did.
#[test]
fn a_heading_long_only_by_its_runs_of_spaces() {
    let out = clean_twice(
        "Farmers            Fear       Another\nSummer\nResidents Say Decision\nFrom our Correspondent\nFarmers in the valley agreed after a long debate to fund the sale of the municipal gas works.\n",
    );
    assert!(out.contains("Another Summer\nResidents Say Decision\n"), "{out}");
}
