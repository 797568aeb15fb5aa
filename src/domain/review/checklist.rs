//! The de-identification checklists. The author confirms every item before a case or an edit is
//! submitted; the moderator ticks every item *absent* or *redacted* before approving. The items
//! follow HIPAA Safe Harbor's identifiers, grouped the way a clinician thinks about a case, plus
//! the combinations and context that identify people in small communities.

use serde::{Deserialize, Serialize};

/// One item: its stored key, a short name for messages, and the wording each role reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    pub key: &'static str,
    pub short: &'static str,
    pub author: &'static str,
    pub moderator: &'static str,
}

const fn item(
    key: &'static str,
    short: &'static str,
    author: &'static str,
    moderator: &'static str,
) -> ChecklistItem {
    ChecklistItem {
        key,
        short,
        author,
        moderator,
    }
}

/// What the author confirms.
pub const AUTHOR_ITEMS: &[ChecklistItem] = &[
    item(
        "names",
        "names",
        "No names, initials or nicknames of the client or of anyone in their life.",
        "Names, initials and nicknames",
    ),
    item(
        "places",
        "places",
        "No place smaller than a state: no town, street, postcode or named clinic, school or ward.",
        "Places smaller than a state",
    ),
    item(
        "dates",
        "dates and ages",
        "No dates more precise than the year, and no age over 89.",
        "Dates more precise than the year; ages over 89",
    ),
    item(
        "contacts",
        "contact details and numbers",
        "No phone numbers, emails, addresses, web links, record, insurance or ID numbers.",
        "Contact details, record and ID numbers, links",
    ),
    item(
        "images",
        "images",
        "No photos or images, and no description of a unique mark, tattoo or feature.",
        "Images and unique physical features",
    ),
    item(
        "combination",
        "unique combinations",
        "No unique combination of details (a rare job, event or condition with a time and place) that would point to one person.",
        "Unique combinations of details",
    ),
    item(
        "relations",
        "relatives, employers and schools",
        "Relatives, employers and schools are not named.",
        "Named relatives, employers and schools",
    ),
    item(
        "own_location",
        "your own location",
        "My own location or practice details do not narrow it down.",
        "The clinician's own location or practice details",
    ),
];

/// What the moderator ticks: the author's items, then the scanner's findings.
pub const MODERATOR_ITEMS: &[ChecklistItem] = &[
    AUTHOR_ITEMS[0],
    AUTHOR_ITEMS[1],
    AUTHOR_ITEMS[2],
    AUTHOR_ITEMS[3],
    AUTHOR_ITEMS[4],
    AUTHOR_ITEMS[5],
    AUTHOR_ITEMS[6],
    AUTHOR_ITEMS[7],
    item(
        "findings",
        "scanner findings",
        "",
        "Every scanner finding was removed, explained acceptably, or redacted",
    ),
];

/// How the author protected the client, beyond removing identifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Disguise {
    Consented,
    Composite,
    Disguised,
}

pub const DISGUISES: &[(Disguise, &str, &str)] = &[
    (
        Disguise::Consented,
        "consented",
        "The client consented to this consultation.",
    ),
    (
        Disguise::Composite,
        "composite",
        "This is a composite of more than one client.",
    ),
    (
        Disguise::Disguised,
        "disguised",
        "Details are changed so that the client cannot be recognised.",
    ),
];

impl Disguise {
    pub fn key(self) -> &'static str {
        DISGUISES
            .iter()
            .find(|(d, _, _)| *d == self)
            .map_or("", |(_, k, _)| k)
    }

    pub fn label(self) -> &'static str {
        DISGUISES
            .iter()
            .find(|(d, _, _)| *d == self)
            .map_or("", |(_, _, l)| l)
    }

    pub fn parse(raw: &str) -> Option<Disguise> {
        DISGUISES
            .iter()
            .find(|(_, k, _)| *k == raw)
            .map(|(d, _, _)| *d)
    }
}

/// The author's confirmed checklist, as stored with the revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorChecklist {
    pub confirmed: Vec<String>,
    pub disguise: Disguise,
}

impl AuthorChecklist {
    /// Every item must be confirmed and one protection chosen; the message names what is
    /// missing, in the order the author reads them.
    pub fn parse(confirmed: &[String], disguise: &str) -> Result<AuthorChecklist, String> {
        let missing: Vec<&str> = AUTHOR_ITEMS
            .iter()
            .filter(|i| !confirmed.iter().any(|c| c == i.key))
            .map(|i| i.short)
            .collect();
        let disguise = Disguise::parse(disguise);
        match (missing.is_empty(), disguise) {
            (true, Some(disguise)) => Ok(AuthorChecklist {
                confirmed: AUTHOR_ITEMS.iter().map(|i| i.key.to_owned()).collect(),
                disguise,
            }),
            (true, None) => Err(
                "Choose how the client is protected: consent, a composite, or changed details."
                    .into(),
            ),
            (false, _) => Err(format!(
                "Confirm every item of the de-identification checklist before submitting. Not yet confirmed: {}.",
                missing.join(", ")
            )),
        }
    }

    pub fn is_confirmed(&self, key: &str) -> bool {
        self.confirmed.iter().any(|c| c == key)
    }
}

/// A moderator's tick on one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tick {
    /// Nothing of this kind is in the case.
    Absent,
    /// It was there and the moderator redacted it.
    Redacted,
}

impl Tick {
    pub fn parse(raw: &str) -> Option<Tick> {
        match raw {
            "absent" => Some(Tick::Absent),
            "redacted" => Some(Tick::Redacted),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Tick::Absent => "absent",
            Tick::Redacted => "redacted",
        }
    }
}

/// The moderator's completed checklist: every item ticked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeratorChecklist {
    pub ticks: Vec<(String, Tick)>,
}

impl ModeratorChecklist {
    /// `tick(key)` is the submitted value for an item (`check.<key>` in the form). An approval
    /// with any item unticked is refused, with the items named.
    pub fn parse<'a>(tick: impl Fn(&str) -> &'a str) -> Result<ModeratorChecklist, String> {
        let mut ticks = Vec::new();
        let mut missing = Vec::new();
        for i in MODERATOR_ITEMS {
            match Tick::parse(tick(i.key)) {
                Some(t) => ticks.push((i.key.to_owned(), t)),
                None => missing.push(i.short),
            }
        }
        if missing.is_empty() {
            Ok(ModeratorChecklist { ticks })
        } else {
            Err(format!(
                "Complete the de-identification checklist before approving: tick {} as absent or redacted.",
                missing.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_keys() -> Vec<String> {
        AUTHOR_ITEMS.iter().map(|i| i.key.to_owned()).collect()
    }

    #[test]
    fn the_author_confirms_every_item_and_chooses_a_protection() {
        let ok = AuthorChecklist::parse(&all_keys(), "composite");
        assert_eq!(ok.map(|c| c.disguise), Ok(Disguise::Composite));
        let mut some = all_keys();
        some.retain(|k| k != "relations" && k != "names");
        let err = AuthorChecklist::parse(&some, "composite")
            .err()
            .unwrap_or_default();
        assert!(
            err.contains("names, relatives, employers and schools"),
            "{err}"
        );
        assert!(AuthorChecklist::parse(&all_keys(), "").is_err());
        assert!(AuthorChecklist::parse(&all_keys(), "made-up").is_err());
        // Unknown keys are not stored.
        let mut extra = all_keys();
        extra.push("<script>".into());
        let stored = AuthorChecklist::parse(&extra, "consented").map(|c| c.confirmed);
        assert_eq!(stored, Ok(all_keys()));
    }

    #[test]
    fn the_moderator_ticks_every_item_absent_or_redacted() {
        let complete =
            ModeratorChecklist::parse(|k| if k == "names" { "redacted" } else { "absent" });
        let ticks = complete.map(|c| c.ticks).unwrap_or_default();
        assert_eq!(ticks.len(), MODERATOR_ITEMS.len());
        assert_eq!(ticks[0], ("names".to_owned(), Tick::Redacted));
        let err = ModeratorChecklist::parse(|k| if k == "findings" { "" } else { "absent" })
            .err()
            .unwrap_or_default();
        assert!(err.contains("tick scanner findings"), "{err}");
        assert!(ModeratorChecklist::parse(|_| "maybe").is_err());
    }

    #[test]
    fn disguises_parse_back() {
        for (d, key, _) in DISGUISES {
            assert_eq!(Disguise::parse(key), Some(*d));
            assert_eq!(d.key(), *key);
        }
    }
}
