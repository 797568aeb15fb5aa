//! Combination risk: details that identify nobody alone but together may single out one person
//! ("a retired headteacher in her 70s, recently widowed, whose son was in the news after the
//! flood"). The scanner's findings are spans; this is a judgement over the whole case (title,
//! sections, tags and context lists together), so it answers once per case.
//!
//! Each kind of detail is found by one case-insensitive pattern over the text as typed. A case
//! is flagged when details of at least three different kinds appear anywhere in it; or two,
//! when neither is an age or the author's own place (a small place and an occupation), or when
//! the case holds a uniqueness phrase ("the only pharmacist on the island"). Common
//! details (a decade of age, a common diagnosis, a common job) are deliberately not kinds:
//! every case has them, and a warning on every case would be ignored. The warning never blocks;
//! the author and the moderator weigh it, and the moderator's checklist asks about it.

use serde::Serialize;

mod more_patterns;
mod patterns;

/// A kind of detail that narrows who a client could be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// An exact or narrow age ("a 47-year-old", "just turned 60", "in her late 50s").
    Age,
    /// A rare diagnosis or a visible condition.
    Diagnosis,
    /// A small or described place ("a village of about 600", "the island").
    Place,
    /// A public or rare occupation (headteacher, vicar, the local GP, councillor).
    Occupation,
    /// A family event or structure few share (widowed, triplets, lost a child).
    Family,
    /// A newsworthy event, even unnamed ("the flood that made the national news").
    Event,
    /// Where the author works or lives ("here in our rural practice").
    AuthorLocation,
    /// Anything else that makes someone stand out: "the only …", a public role, fame.
    Other,
}

impl Factor {
    pub fn as_str(self) -> &'static str {
        match self {
            Factor::Age => "age",
            Factor::Diagnosis => "diagnosis",
            Factor::Place => "place",
            Factor::Occupation => "occupation",
            Factor::Family => "family",
            Factor::Event => "event",
            Factor::AuthorLocation => "author_location",
            Factor::Other => "other",
        }
    }

    /// The factor as a reader names it in the reason ("age + occupation + small place").
    pub fn label(self) -> &'static str {
        match self {
            Factor::Age => "exact age",
            Factor::Diagnosis => "rare condition",
            Factor::Place => "small place",
            Factor::Occupation => "occupation",
            Factor::Family => "family event",
            Factor::Event => "news event",
            Factor::AuthorLocation => "where you practise",
            Factor::Other => "stand-out detail",
        }
    }

    /// What to write instead, in a clinician's words.
    pub fn advice(self) -> &'static str {
        match self {
            Factor::Age => "give an age band (\"in her 40s\") instead of the exact age",
            Factor::Diagnosis => {
                "name a broader group (\"a progressive neurological condition\") or leave it out \
                 if it is not needed for the question"
            }
            Factor::Place => "say \"a rural area\" or \"a small community\" without its size",
            Factor::Occupation => {
                "name a field (\"works in education\", \"a public-facing role\") instead of the job"
            }
            Factor::Family => "leave out the family detail or make it general (\"a bereavement\")",
            Factor::Event => "leave out the event or say \"a distressing local event\"",
            Factor::AuthorLocation => "leave out where you practise",
            Factor::Other => {
                "leave out what makes them the only one, or make it general (\"a well-known local \
                 figure\" becomes \"someone known in the community\")"
            }
        }
    }

    /// Whether `text` holds this kind of detail.
    fn found_in(self, text: &str) -> bool {
        patterns::pattern(self).is_some_and(|r| r.is_match(text))
    }

    const ALL: [Factor; 8] = [
        Factor::Age,
        Factor::Diagnosis,
        Factor::Place,
        Factor::Occupation,
        Factor::Family,
        Factor::Event,
        Factor::AuthorLocation,
        Factor::Other,
    ];
}

/// Where a factor was found: which part of the case, and its first occurrence there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactorHit {
    pub factor: Factor,
    /// The part's key, as given to `assess` (a field name, "tags", "context").
    pub part: String,
    /// Byte offsets into that part's text.
    pub start: usize,
    pub end: usize,
}

/// A case whose details together may single out one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CombinationRisk {
    /// One hit per factor kind, in the order of `Factor`.
    pub factors: Vec<FactorHit>,
    /// "exact age + occupation + small place together may single out one person".
    pub reason: String,
    /// What to generalise, one line per factor.
    pub advice: Vec<String>,
}

/// Every kind of detail found in the parts, whether or not they add up to a warning: for the
/// corpus test's report of what a missed post held.
pub fn factors_found(parts: &[(&str, &str)]) -> Vec<Factor> {
    Factor::ALL
        .into_iter()
        .filter(|f| parts.iter().any(|(_, text)| f.found_in(text)))
        .collect()
}

/// The whole case, part by part (`(key, text)`): sections, title, tags and the context lists.
/// `None` when the details do not combine into a small group.
pub fn assess(parts: &[(&str, &str)]) -> Option<CombinationRisk> {
    let mut found: Vec<FactorHit> = Vec::new();
    let mut unique = false;
    for factor in Factor::ALL {
        let first = parts.iter().find_map(|(key, text)| {
            patterns::pattern(factor)?.find(text).map(|m| FactorHit {
                factor,
                part: (*key).to_owned(),
                start: m.start(),
                end: m.end(),
            })
        });
        if let Some(hit) = first {
            found.push(hit);
        }
    }
    for (_, text) in parts {
        unique |= patterns::says_unique(text);
    }
    // Two narrowing details are enough when neither is an age or the author's own place: an
    // exact age is in most write-ups and the author's place is not the client's, but a small
    // place and an occupation ("the vet in a village"), or a rare condition and a news event,
    // each cut the people who fit by a large factor.
    let narrowing = found
        .iter()
        .filter(|h| !matches!(h.factor, Factor::Age | Factor::AuthorLocation))
        .count();
    let flagged = found.len() >= 3 || narrowing >= 2 || unique && found.len() >= 2;
    if !flagged {
        return None;
    }
    let labels: Vec<&str> = found.iter().map(|h| h.factor.label()).collect();
    Some(CombinationRisk {
        reason: format!("{} together may single out one person", labels.join(" + ")),
        advice: found.iter().map(|h| h.factor.advice().to_owned()).collect(),
        factors: found,
    })
}

#[cfg(test)]
mod tests;
