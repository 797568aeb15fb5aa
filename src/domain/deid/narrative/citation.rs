//! Capitalised words that are not people in the case: authors and eponyms read from their
//! context ("Jacobson & Truax 1991", "Freeman's model", "Charles Bonnet syndrome") and derived
//! words ("Defectiveness" in a schema's name).

use super::tokens::*;
use crate::domain::deid::text::Case;

/// Endings of derived English words ("Defectiveness", "Catastrophizing", "Structurally"),
/// which a capital letter in a heading or a schema's name does not make a name. Only asked
/// about words in no name or place list.
pub(super) fn derived_word(folded: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ness", "ity", "ities", "ism", "isms", "tion", "tions", "sion", "sions", "ment", "ments",
        "ally", "izing", "ising", "ization", "isation", "ology", "ologist", "ological", "ical",
        "ically", "ative", "atives", "ivity", "ship", "hood", "ful", "less", "able", "ible",
        "ician", "icians", "ists", "ancy", "ency", "istic", "atory", "otic", "atic",
    ];
    /// Conditions and the stems of drug names (the USAN and INN stems), which are shaped
    /// more like names than like English words: "Tokophobia", "Prazosin", "Olanzapine".
    const TERMS: &[&str] = &[
        "phobia",
        "philia",
        "mania",
        "algia",
        "pathy",
        "plasia",
        "trophy",
        "itis",
        "osis",
        "emia",
        "azepam",
        "azolam",
        "apine",
        "oxetine",
        "pramine",
        "triptyline",
        "idone",
        "peridol",
        "azine",
        "olol",
        "pril",
        "sartan",
        "statin",
        "prazole",
        "cillin",
        "mycin",
        "cycline",
        "floxacin",
        "zosin",
        "afil",
        "tidine",
        "setron",
        "profen",
        "fenac",
        "coxib",
        "gabalin",
        "pentin",
        "barbital",
        "triptan",
        "caine",
        "dronate",
        "glitazone",
        "gliptin",
        "flozin",
        "lukast",
        "semide",
        "thiazide",
        "dipine",
        "parin",
        "xaban",
        "trigine",
        "tiapine",
        "etamol",
        "codone",
        "morphone",
        "fentanil",
        "tadine",
        "zepine",
        "oxetin",
        "faxine",
        "pidem",
        "zopiclone",
        "ralin",
        "lamide",
        "mazenil",
        "nidazole",
    ];
    let long = folded.chars().count() >= 7;
    long && ENDINGS.iter().any(|e| folded.ends_with(e))
        || folded.len() >= 6 && TERMS.iter().any(|e| folded.ends_with(e))
}

/// Nouns that make the capitalised words before them an eponym or an author, not a person in
/// the case: "Charles Bonnet syndrome", "Freeman's model", "Herman's phase model".
const WORK_NOUNS: &[&str] = &[
    "syndrome",
    "disease",
    "disorder",
    "test",
    "tests",
    "scale",
    "scales",
    "model",
    "models",
    "triad",
    "triangle",
    "effect",
    "sign",
    "criteria",
    "technique",
    "techniques",
    "method",
    "protocol",
    "procedure",
    "questionnaire",
    "inventory",
    "paradigm",
    "principle",
    "principles",
    "hierarchy",
    "cycle",
    "theory",
    "theories",
    "framework",
    "approach",
    "stages",
    "phases",
    "tasks",
    "functions",
    "manual",
    "book",
    "books",
    "review",
    "graces",
    "typology",
    "concept",
    "hypothesis",
    "formulation",
    "map",
    "matrix",
    "ladder",
    "grid",
    "wheel",
    "circle",
    "drama",
    "classic",
    "paper",
    "papers",
    "study",
    "studies",
    "trial",
    "research",
    "classification",
    "continuum",
    "diagram",
    "window",
    "quadrant",
    "programme",
    "program",
    "checklist",
    "measure",
    "battery",
    "exercise",
    "exercises",
    "worksheet",
    "worksheets",
    "rules",
    "law",
    "laws",
    "writing",
    "writings",
];

/// Whether the run `start..end` reads as an author or an eponym: a citation ("Jacobson & Truax
/// 1991", "(Burnham, 2012)", "Hull, Mandy and colleagues"), a pair of authors joined by `&`, or
/// a name followed by a work ("Beck's triad", "Gilbert's compassion-focused work").
pub(super) fn cited(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let last = &tokens[end - 1];
    // A work's name in the run itself: "Binet-Kamat Test", "Vineland Social Maturity Scale".
    if end - start >= 2
        && tokens[start + 1..end]
            .iter()
            .any(|t| WORK_NOUNS.contains(&t.folded.as_ref()))
    {
        return true;
    }
    let before = &text[..tokens[start].word.start];
    // An author after a title: "Basics and Beyond" (Judith Beck).
    if before.ends_with("\" (") || before.ends_with("” (") {
        return true;
    }
    let after = strip_possessive(&text[last.word.end..]).trim_start_matches(' ');
    // Two authors joined by "&": "Clark & Wells", "Golding & Hughes", "Arntz & Jacob's";
    // but "a trainee solicitor at Hallam & Price" is a firm.
    let firm_before = |b: &str| {
        [" at", " for", " from", " joined", " left", " with", " by"]
            .iter()
            .any(|w| b.trim_end().ends_with(w))
    };
    if let Some(head) = before.strip_suffix(" & ") {
        let first_start = head.rfind(' ').map_or(0, |at| at + 1);
        if !firm_before(&head[..first_start]) {
            return true;
        }
    }
    if after.starts_with("& ") && !firm_before(before) {
        return true;
    }
    // Two names joined by "and" where one is a known author ("Hofmann and Hinton's"), or a
    // year, "et al", "colleagues" or a work follows the pair ("Kingdon and Turkington (1994)").
    let partner_before = before
        .strip_suffix(" and ")
        .and_then(|b| b.rsplit(' ').next())
        .filter(|w| w.chars().count() >= 3 && w.starts_with(|c: char| c.is_uppercase()));
    if partner_before.is_some_and(|p| is_clinical(p) || year_follows(after) || work_follows(after))
    {
        return true;
    }
    if let Some(rest) = after.strip_prefix("and ") {
        let second_end = rest
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(rest.len());
        let second = &rest[..second_end];
        if second.chars().count() >= 3 && second.starts_with(|c: char| c.is_uppercase()) {
            let tail = strip_possessive(&rest[second_end..]);
            if is_clinical(second) || year_follows(tail) || work_follows(tail) {
                return true;
            }
        }
        if rest.starts_with("colleagues") {
            return true;
        }
    }
    if year_follows(after) || after.starts_with("et al") {
        return true;
    }
    // "Hull, Mandy and colleagues on camouflaging".
    // Only the next 60 bytes are read: a search to the end of the text for every capitalised
    // word made the pass quadratic.
    let near = window(text, last.word.end, 60);
    if after.starts_with(", ")
        && near
            .find(" and colleagues")
            .is_some_and(|at| !near[..at].contains(['.', '\n']))
    {
        return true;
    }
    // Right after, across one space only (not a table cell or a comma): "Stroop test".
    if tokens.get(end).is_some_and(|n| {
        n.word.case == Case::Lower
            && text[last.word.end..n.word.start] == *" "
            && WORK_NOUNS.contains(&n.folded.as_ref())
    }) {
        return true;
    }
    if last.possessive {
        // Within six words: "Herman's phase model", "Proctor's normative, formative and
        // restorative functions", "Gilbert's compassion-focused work".
        let window: String = text[last.word.end..].chars().take(48).collect();
        if ["-focused", "-focussed", "-based", "-informed", "-oriented"]
            .iter()
            .any(|e| window.contains(e))
        {
            return true;
        }
        for (n, t) in tokens.iter().skip(end).take(6).enumerate() {
            if t.word.sentence_start {
                break;
            }
            if WORK_NOUNS.contains(&t.folded.as_ref()) {
                return true;
            }
            // "Chochinov's Dignity Therapy": a therapy with a capital is a named method; a
            // client's own therapy is written in lower case.
            if n < 3
                && t.word.case == Case::Title
                && matches!(t.folded.as_ref(), "therapy" | "therapies")
            {
                return true;
            }
        }
    }
    false
}

/// Up to `len` bytes of `text` from `from`, cut at a character boundary.
fn window(text: &str, from: usize, len: usize) -> &str {
    let mut to = (from + len).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[from..to]
}

fn strip_possessive(s: &str) -> &str {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
}

/// ", 1991", " (2003)", " 1991": a year right after a name makes it a citation.
fn year_follows(after: &str) -> bool {
    let a = after.trim_start_matches([',', ' ', '(']);
    let digits = a.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && (a.starts_with("19") || a.starts_with("20"))
}

fn work_follows(after: &str) -> bool {
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    WORK_NOUNS.contains(&word.as_str())
}
