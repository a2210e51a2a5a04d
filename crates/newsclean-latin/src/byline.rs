//! Latin-script bylines and credits, told by their shape (`layout.latin.byline`): a byline is a
//! block of its own, never joined into the paragraph it stands over.
//!
//! The shapes (each a whole line, at most [`MAX_CHARS`] characters, ending in no sentence
//! mark):
//! - a byline word (`By`, `BY`, `par`, `di`, `von`, `por`) before a name: one to five name
//!   words, each capitalised or in capitals, or an initial (`J.`), with name particles
//!   (`de`, `van`, `di` …) between them; after a comma, a slash or a dash, a role of
//!   capitalised words (`By Mary Ashcroft, Staff Reporter`, `By JOHN SMITH / Staff Writer`);
//! - a staff credit without a name (`From our Correspondent`, `De notre correspondant`,
//!   `Dal nostro inviato`): a "from our" opening and a role word;
//! - a photo credit (`Photo: Mary Smith`, `Photo : Luc Moreau`, `Foto di Marco Rossi`);
//! - a role line right under a byline (`Staff Writer` under `By Mary Keane`).
//!
//! # When it must not fire
//! Running text: a word after the byline word in lower case (`By the way, the council…`,
//! `di questo passo`), a possessive (`By Mary Keane's account`), a sentence mark at the end, a
//! line longer than a byline; a one-name byline (`By Monday`) only where the line before does
//! not run on into it and the line after does not go on in lower case (`By Monday` /
//! `the council had voted` is a sentence).

/// The longest byline line, in characters.
pub const MAX_CHARS: usize = 70;
/// The most name words after the byline word.
const MAX_NAME_WORDS: usize = 5;
/// The most words of a role.
const MAX_ROLE_WORDS: usize = 5;

/// The words that open a byline before a name (English, French, Italian, German, Spanish).
const BY_WORDS: &[&str] =
    &["By", "BY", "by", "Par", "par", "PAR", "Di", "di", "DI", "Von", "von", "Por", "por"];
/// Name particles: lower-case words inside a name (`Ludwig van Beethoven`, `Anna di Marco`).
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "di", "del", "della", "le", "la", "du", "des", "dos", "y", "bin",
    "al",
];
/// Lower-case words inside a role (`Correspondent in Paris`, `envoyé spécial à Rome`).
const ROLE_LINKS: &[&str] = &[
    "in",
    "of",
    "at",
    "for",
    "the",
    "and",
    "our",
    "own",
    "à",
    "a",
    "en",
    "de",
    "du",
    "des",
    "da",
    "di",
    "dal",
    "del",
    "per",
    "spécial",
    "spéciale",
    "speciale",
    "special",
];
/// Role words: the closed class of what a newspaper calls its writers.
const ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "columnist",
    "photographer",
    "contributor",
    "critic",
    "bureau",
    "correspondant",
    "correspondante",
    "envoyé",
    "envoyée",
    "journaliste",
    "rédaction",
    "rédacteur",
    "rédactrice",
    "corrispondente",
    "inviato",
    "inviata",
    "redazione",
    "giornalista",
    "cronista",
];
/// Openings of a staff credit without a name.
const FROM_OUR: &[&str] = &[
    "from our",
    "from a",
    "from an",
    "de notre",
    "de nos",
    "dal nostro",
    "dalla nostra",
    "dai nostri",
    "del nostro",
];
/// Words that open a photo credit.
const PHOTO_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "foto",
    "illustration",
    "graphic",
];

/// Why `line` is a byline or credit by shape alone, or `None`. `role_allowed`: the line
/// stands right under a byline, where a role line alone (`Staff Writer`) is one too.
pub fn byline_shape(line: &str, role_allowed: bool) -> Option<&'static str> {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > MAX_CHARS || ends_with_sentence_mark(t) {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let lower = t.to_lowercase();
    if FROM_OUR.iter().any(|p| lower.starts_with(p) && lower[p.len()..].starts_with(' '))
        && words.len() <= 6
        && words.iter().any(|w| is_role_word(w))
    {
        return Some("a staff credit: \"from our\" and a role word");
    }
    if let Some(first) = words.first() {
        let head = first.trim_end_matches(':').to_lowercase();
        if PHOTO_WORDS.contains(&head.as_str()) {
            let rest: &[&str] = if first.ends_with(':') {
                &words[1..]
            } else if words.get(1).is_some_and(|w| matches!(*w, ":" | "by" | "di" | "de" | "par")) {
                &words[2..]
            } else {
                &[]
            };
            if !rest.is_empty() && name_words(rest).is_some_and(|n| n == rest.len()) {
                return Some("a photo credit: a photo word and a name");
            }
        }
        if BY_WORDS.contains(first) && words.len() >= 2 {
            let rest = &words[1..];
            let n = name_words(rest)?;
            let role = &rest[n..];
            if role.is_empty() || is_role(role) {
                return Some(if n == 1 {
                    "a byline word and a one-word name"
                } else {
                    "a byline word and a name"
                });
            }
            return None;
        }
    }
    if role_allowed && is_role(&words) && words.iter().all(|w| !w.starts_with(['/', ',', '—', '–'])) {
        return Some("a role line under a byline");
    }
    None
}

/// True when the byline of `line` names one word only (`By Monday`, `By Reuters`): it then
/// needs the line's place to be a byline's too.
pub fn one_word_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() == 2 && BY_WORDS.contains(&words[0])
}

fn ends_with_sentence_mark(t: &str) -> bool {
    let Some(last) = t.chars().last() else { return false };
    if matches!(last, '!' | '?' | ';' | ':' | '"' | '”' | '»') {
        return true;
    }
    if last == '.' {
        // An initial or a short abbreviation ends a name (`Jr.`, `J.`), not a sentence.
        let word = t.split_whitespace().last().unwrap_or("");
        let core = word.trim_end_matches('.');
        return !(core.chars().count() <= 2 && core.chars().next().is_some_and(char::is_uppercase));
    }
    false
}

/// How many of `words` (from the first) make a name: capitalised words, words in capitals,
/// initials, particles between them; a trailing comma, slash or dash ends the name (the role
/// follows). `None` when the first word is no name word.
fn name_words(words: &[&str]) -> Option<usize> {
    let mut n = 0;
    for (k, w) in words.iter().enumerate() {
        if k >= MAX_NAME_WORDS {
            return None;
        }
        if matches!(*w, "/" | "—" | "–" | "-" | "|") {
            break;
        }
        let core = w.trim_end_matches([',', '/']);
        if core.ends_with("'s") || core.ends_with("’s") {
            return None;
        }
        let particle = k > 0 && PARTICLES.contains(&core);
        if !(particle || is_name_word(core)) {
            if k == 0 {
                return None;
            }
            // A lower-case word after the name: running text (`By Monday the council`).
            return None;
        }
        n = k + 1;
        if w.ends_with([',', '/']) {
            break;
        }
    }
    // A name does not end in a particle.
    let last = words[n.saturating_sub(1)].trim_end_matches([',', '/']);
    (n > 0 && !PARTICLES.contains(&last)).then_some(n)
}

/// A capitalised word, a word in capitals or an initial (`Mary`, `SMITH`, `J.`, `O'Brien`,
/// `Jean-Luc`).
fn is_name_word(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    first.is_uppercase()
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 1
}

/// A role: at most [`MAX_ROLE_WORDS`] words (after a separator), capitalised or linking
/// words, one of them a role word.
fn is_role(words: &[&str]) -> bool {
    let words: Vec<&str> = words
        .iter()
        .map(|w| w.trim_start_matches([',', '/', '—', '–']))
        .filter(|w| !w.is_empty() && !matches!(*w, "/" | "—" | "–" | "-" | "|"))
        .collect();
    !words.is_empty()
        && words.len() <= MAX_ROLE_WORDS
        && words.iter().any(|w| is_role_word(w))
        && words.iter().all(|w| {
            let core = w.trim_end_matches(',');
            is_name_word(core) || ROLE_LINKS.contains(&core) || is_role_word(core)
        })
}

fn is_role_word(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
    ROLE_WORDS.contains(&core.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_shapes() {
        for t in [
            "By JOHN SMITH",
            "By Mary Keane",
            "BY MARY KEANE",
            "di Marco Rossi",
            "par Jeanne Martin",
            "From our Correspondent",
            "From Our Own Correspondent",
            "De notre correspondant",
            "Dal nostro inviato",
            "By Mary Ashcroft, Staff Reporter",
            "By JOHN SMITH / Staff Writer",
            "By J. R. R. Tolkien",
            "By Ludwig van Beethoven",
            "By Reuters",
            "Photo: Mary Smith",
            "Photo : Luc Moreau",
            "Foto di Marco Rossi",
        ] {
            assert!(byline_shape(t, false).is_some(), "{t}");
        }
        assert!(byline_shape("Staff Writer", true).is_some());
        assert!(byline_shape("Special Correspondent in Paris", true).is_some());
    }

    #[test]
    fn running_text_is_no_byline() {
        for t in [
            "By the way, the council met on Monday.",
            "By the way, the council",
            "By Monday the council had voted",
            "By Mary Keane's account, the vote",
            "di questo passo il consiglio",
            "di Roma e di Milano",
            "par la commune",
            "See also page 5 of the report",
            "From our point of view, the plan",
            "Photo opportunities were few.",
            "LONDON, March 3 —",
            "A. The council",
            "J. R. R. Tolkien",
            "By 1921 the council had",
            "By MARCH 3, the council",
            "Staff Writer",
            "Staff meetings were held in the hall",
        ] {
            assert!(byline_shape(t, false).is_none(), "{t}");
        }
        assert!(byline_shape("The council met on Monday", true).is_none());
        assert!(byline_shape("Writers said so.", true).is_none());
    }
}
