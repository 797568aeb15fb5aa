//! "My blind spots": the recurring themes across one clinician's own cases, from the concerns
//! they tagged and the words they used where they named their stuck point and the blind spot
//! they suspected. Pure: the store reads the cases through the visibility rule, this groups.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::case::ConcernTag;
use crate::domain::search::{is_stop_word, words};

/// One of the clinician's cases, as the page reads it: the two sections as plain text.
#[derive(Clone, Debug, Default)]
pub struct CaseNotes {
    pub id: i64,
    pub tags: Vec<ConcernTag>,
    pub stuck: String,
    pub blind_spot: String,
}

/// What several cases share: a concern tagged on each, or a word used in each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThemeKind {
    Concern(ConcernTag),
    /// The word as the clinician most often wrote it (lower-cased).
    Word(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub kind: ThemeKind,
    /// The cases that share it, oldest first.
    pub cases: Vec<i64>,
}

/// At most this many themes of words: the strongest, not a word cloud.
pub const WORD_THEMES: usize = 8;

/// Words that say nothing of a theme in a case written by a clinician, beyond the common
/// English words search leaves out.
const CLINICAL_FILLER: &[&str] = &[
    "also",
    "client",
    "clients",
    "even",
    "feel",
    "feels",
    "felt",
    "just",
    "know",
    "like",
    "maybe",
    "much",
    "really",
    "seem",
    "seems",
    "session",
    "sessions",
    "something",
    "still",
    "think",
    "want",
    "week",
    "weeks",
];

/// The themes that recur: every concern tagged on two cases or more, then up to
/// [`WORD_THEMES`] words found in the stuck point or blind spot of two cases or more, each
/// strongest first.
pub fn themes(cases: &[CaseNotes]) -> Vec<Theme> {
    let mut out = Vec::new();
    let mut by_tag: BTreeMap<ConcernTag, BTreeSet<i64>> = BTreeMap::new();
    for case in cases {
        for tag in &case.tags {
            by_tag.entry(*tag).or_default().insert(case.id);
        }
    }
    let mut tags: Vec<(ConcernTag, BTreeSet<i64>)> =
        by_tag.into_iter().filter(|(_, c)| c.len() >= 2).collect();
    tags.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    out.extend(tags.into_iter().map(|(tag, cases)| Theme {
        kind: ThemeKind::Concern(tag),
        cases: cases.into_iter().collect(),
    }));

    // By stem: the cases using it, and how often each spelling was written.
    let mut by_stem: BTreeMap<String, (BTreeSet<i64>, BTreeMap<String, usize>)> = BTreeMap::new();
    for case in cases {
        let text = format!("{}\n{}", case.stuck, case.blind_spot);
        for word in words(&text) {
            if word.chars().count() < 4
                || word.chars().all(|c| c.is_numeric())
                || is_stop_word(&word)
                || CLINICAL_FILLER.contains(&word.as_str())
            {
                continue;
            }
            let entry = by_stem.entry(stem(&word)).or_default();
            entry.0.insert(case.id);
            *entry.1.entry(word).or_default() += 1;
        }
    }
    let mut recurring: Vec<(String, BTreeSet<i64>, usize)> = by_stem
        .into_values()
        .filter(|(cases, _)| cases.len() >= 2)
        .filter_map(|(cases, spellings)| {
            let uses = spellings.values().sum();
            let word = spellings
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(w, _)| w)?;
            Some((word, cases, uses))
        })
        .collect();
    recurring.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then(b.2.cmp(&a.2))
            .then(a.0.cmp(&b.0))
    });
    out.extend(
        recurring
            .into_iter()
            .take(WORD_THEMES)
            .map(|(word, cases, _)| Theme {
                kind: ThemeKind::Word(word),
                cases: cases.into_iter().collect(),
            }),
    );
    out
}

/// A word's stem, so that "rescue", "rescuing" and "rescued" meet: a few English endings
/// taken off, never leaving fewer than four letters.
fn stem(word: &str) -> String {
    for ending in ["ing", "ed", "es", "s", "e"] {
        if let Some(rest) = word.strip_suffix(ending)
            && rest.chars().count() >= 4
            && !(ending == "s" && rest.ends_with('s'))
        {
            return rest.to_owned();
        }
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(id: i64, tags: &[ConcernTag], stuck: &str, blind_spot: &str) -> CaseNotes {
        CaseNotes {
            id,
            tags: tags.to_vec(),
            stuck: stuck.into(),
            blind_spot: blind_spot.into(),
        }
    }

    #[test]
    fn themes_are_what_two_cases_or_more_share() {
        let cases = [
            case(
                1,
                &[ConcernTag::Anxiety, ConcernTag::Rupture],
                "I keep rescuing her.",
                "My need to rescue.",
            ),
            case(
                2,
                &[ConcernTag::Anxiety],
                "He wants me to decide.",
                "I rescued him again; anger.",
            ),
            case(
                3,
                &[ConcernTag::Rupture, ConcernTag::Anxiety],
                "Anger in the room.",
                "Fear of his anger.",
            ),
            case(
                4,
                &[ConcernTag::Grief],
                "The session feels stuck.",
                "Something about grief.",
            ),
        ];
        let found = themes(&cases);
        assert_eq!(
            found[0],
            Theme {
                kind: ThemeKind::Concern(ConcernTag::Anxiety),
                cases: vec![1, 2, 3]
            }
        );
        assert_eq!(
            found[1],
            Theme {
                kind: ThemeKind::Concern(ConcernTag::Rupture),
                cases: vec![1, 3]
            }
        );
        let words: Vec<(&ThemeKind, &[i64])> = found[2..]
            .iter()
            .map(|t| (&t.kind, t.cases.as_slice()))
            .collect();
        // "anger" is written three times in two cases; "rescue" and its forms in two.
        assert_eq!(
            words,
            vec![
                (&ThemeKind::Word("anger".into()), &[2, 3][..]),
                (&ThemeKind::Word("rescue".into()), &[1, 2][..]),
            ]
        );
        // Grief, tagged once and named once, recurs nowhere; filler never makes a theme.
        assert!(found.iter().all(|t| t.cases.len() >= 2));
        assert!(
            !found
                .iter()
                .any(|t| t.kind == ThemeKind::Concern(ConcernTag::Grief))
        );
        assert!(themes(&[]).is_empty());
        assert!(themes(&cases[3..]).is_empty());
    }

    #[test]
    fn stems_meet_without_cutting_words_short() {
        assert_eq!(stem("rescuing"), "rescu");
        assert_eq!(stem("rescued"), "rescu");
        assert_eq!(stem("rescue"), "rescu");
        assert_eq!(stem("boundaries"), "boundari");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("shame"), "sham");
        assert_eq!(stem("fear"), "fear");
    }
}
