//! The structured context of a case: chosen from lists, never an exact age or a place.

use crate::domain::choice::choice;

choice!(AgeBand, "client age band" {
    Child => ("child", "Child (under 13)"),
    Adolescent => ("adolescent", "Adolescent (13–17)"),
    YoungAdult => ("young-adult", "Young adult (18–25)"),
    Adult => ("adult", "Adult (26–64)"),
    OlderAdult => ("older-adult", "Older adult (65+)"),
});

choice!(Setting, "setting" {
    Outpatient => ("outpatient", "Outpatient"),
    Inpatient => ("inpatient", "Inpatient"),
    School => ("school", "School"),
    Community => ("community", "Community"),
    PrivatePractice => ("private-practice", "Private practice"),
    Telehealth => ("telehealth", "Telehealth"),
    Other => ("other", "Other setting"),
});

choice!(Modality, "modality" {
    Cbt => ("cbt", "CBT"),
    Dbt => ("dbt", "DBT"),
    Emdr => ("emdr", "EMDR"),
    Psychodynamic => ("psychodynamic", "Psychodynamic"),
    FamilySystems => ("family-systems", "Family systems"),
    Act => ("act", "ACT"),
    PersonCentred => ("person-centred", "Person-centred"),
    Integrative => ("integrative", "Integrative"),
    Other => ("other", "Other modality"),
});

choice!(SessionsBand, "number of sessions so far" {
    Assessment => ("0-1", "Assessment or first session"),
    Early => ("2-5", "2–5 sessions"),
    Established => ("6-15", "6–15 sessions"),
    Long => ("16-40", "16–40 sessions"),
    VeryLong => ("41+", "More than 40 sessions"),
});

choice!(ConcernTag, "presenting concern" {
    Anxiety => ("anxiety", "Anxiety"),
    Depression => ("depression", "Depression"),
    Trauma => ("trauma", "Trauma"),
    Grief => ("grief", "Grief and loss"),
    SubstanceUse => ("substance-use", "Substance use"),
    Eating => ("eating", "Eating difficulties"),
    SelfHarm => ("self-harm", "Self-harm"),
    Suicidality => ("suicidality", "Suicidality"),
    Relationships => ("relationships", "Relationships"),
    FamilyConflict => ("family-conflict", "Family conflict"),
    Psychosis => ("psychosis", "Psychosis"),
    Personality => ("personality", "Personality"),
    Neurodevelopmental => ("neurodevelopmental", "Neurodevelopmental"),
    Ocd => ("ocd", "OCD"),
    Anger => ("anger", "Anger"),
    Sleep => ("sleep", "Sleep"),
    Attachment => ("attachment", "Attachment"),
    Identity => ("identity", "Identity"),
    Rupture => ("rupture", "Therapeutic rupture"),
    Ethics => ("ethics", "Ethics and boundaries"),
});

/// Where a case stands for its author and readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CaseState {
    Open,
    FollowUpPosted,
    Closed,
}

impl CaseState {
    pub fn key(self) -> &'static str {
        match self {
            CaseState::Open => "open",
            CaseState::FollowUpPosted => "follow-up",
            CaseState::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CaseState::Open => "Open",
            CaseState::FollowUpPosted => "Follow-up posted",
            CaseState::Closed => "Closed",
        }
    }

    pub fn parse(raw: &str) -> Option<CaseState> {
        [
            CaseState::Open,
            CaseState::FollowUpPosted,
            CaseState::Closed,
        ]
        .into_iter()
        .find(|s| s.key() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses_back_and_unknown_values_are_refused() {
        for a in AgeBand::ALL {
            assert_eq!(AgeBand::parse(a.key()), Ok(*a));
        }
        for m in Modality::ALL {
            assert_eq!(Modality::parse(m.key()), Ok(*m));
        }
        for t in ConcernTag::ALL {
            assert_eq!(ConcernTag::parse(t.key()), Ok(*t));
        }
        assert_eq!(
            AgeBand::parse("42").map_err(|e| e.to_string()),
            Err("Choose a client age band from the list.".into())
        );
        assert!(Setting::parse("Springfield General").is_err());
        assert!(SessionsBand::parse("").is_err());
    }
}
