//! Safer wording for each finding, from the finding and the words around it.

use super::lexicon::{MONTH_ABBREVIATIONS, MONTHS, RELATIONS, in_list};
use super::text::fold;
use super::{Category, Hit};

pub(crate) fn wording(text: &str, hit: &Hit) -> String {
    let found = &text[hit.start..hit.end];
    match hit.category {
        Category::Name => name(text, hit),
        Category::Location => {
            let lower = found.to_ascii_lowercase();
            if found.bytes().next().is_some_and(|b| b.is_ascii_digit())
                || lower.starts_with("apt")
                || lower.starts_with("unit")
                || lower.starts_with("flat")
            {
                "\"her home\" or \"a flat in the city\"".to_owned()
            } else if lower.ends_with("county") || lower.ends_with("parish") {
                "\"a rural county\" or \"a suburban county\"".to_owned()
            } else if found
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
                && found.bytes().any(|b| b.is_ascii_digit())
            {
                "leave the ZIP or postcode out".to_owned()
            } else {
                "\"a mid-sized city\", \"a small town\" or \"a rural area\"".to_owned()
            }
        }
        Category::Date => date(found),
        Category::Age => "\"aged 90 or over\"".to_owned(),
        Category::Phone => "leave the number out (\"she gave me her number\")".to_owned(),
        Category::Email => "leave the address out (\"she emailed me\")".to_owned(),
        Category::Ssn
        | Category::MedicalRecord
        | Category::HealthPlan
        | Category::Account
        | Category::Licence
        | Category::Vehicle
        | Category::Device
        | Category::OtherNumber => format!("leave the {} out", hit.category.label()),
        Category::Url => {
            "describe the site without its address (\"a fundraising page\")".to_owned()
        }
        Category::IpAddress => "leave the address out".to_owned(),
        Category::Biometric => "leave the biometric detail out".to_owned(),
        Category::Image => {
            "describe what the image shows in words, without faces, names or documents".to_owned()
        }
        Category::Organization => organization(found),
        Category::Occupation => {
            "a broader role (\"a senior doctor\", \"a public figure\")".to_owned()
        }
        Category::Event => {
            "\"a local disaster\" or \"an incident that was in the news\", without the name"
                .to_owned()
        }
        Category::SocialHandle => "leave the handle out (\"her social media account\")".to_owned(),
    }
}

/// "her sister Ana" → "her sister"; otherwise a role.
fn name(text: &str, hit: &Hit) -> String {
    let before: Vec<&str> = text[..hit.start]
        .rsplit(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    if let [relation, owner] = before.as_slice() {
        let r = relation.to_lowercase();
        let o = owner.to_lowercase();
        if in_list(RELATIONS, &r)
            && matches!(
                o.as_str(),
                "her" | "his" | "their" | "my" | "the" | "a" | "our"
            )
        {
            return format!("\"{o} {r}\"");
        }
    }
    "a role instead of the name (\"the client\", \"her sister\", \"his manager\")".to_owned()
}

fn date(found: &str) -> String {
    let month = month_of(found);
    match month {
        Some(1) => "\"in midwinter\"",
        Some(2) => "\"in late winter\"",
        Some(3) => "\"in early spring\"",
        Some(4) => "\"in spring\"",
        Some(5) => "\"in late spring\"",
        Some(6) => "\"in early summer\"",
        Some(7) => "\"in midsummer\"",
        Some(8) => "\"in late summer\"",
        Some(9) => "\"in early autumn\"",
        Some(10) => "\"in autumn\"",
        Some(11) => "\"in late autumn\"",
        Some(12) => "\"in early winter\"",
        _ => "a relative time (\"a few weeks ago\", \"around the holidays\")",
    }
    .to_owned()
}

fn month_of(found: &str) -> Option<u32> {
    for w in found.split(|c: char| !c.is_alphabetic()) {
        let f = fold(w);
        if let Some(i) = MONTHS.iter().position(|m| *m == f) {
            return Some(i as u32 + 1);
        }
        if let Some(i) = MONTH_ABBREVIATIONS.iter().position(|m| *m == f) {
            // The list has no "may" and both "sep" and "sept".
            const MONTH_OF: [u32; 12] = [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12];
            return MONTH_OF.get(i).copied();
        }
    }
    // Numeric: month first (3/14) when the first number can be a month, else second.
    let nums: Vec<u32> = found
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|p| p.parse().ok())
        .collect();
    match nums.as_slice() {
        [y, m, _] if *y > 31 => Some(*m).filter(|m| (1..=12).contains(m)),
        [a, b, ..] if (1..=12).contains(a) => Some(*a).filter(|_| *b <= 31),
        [_, b, ..] if (1..=12).contains(b) => Some(*b),
        _ => None,
    }
}

fn organization(found: &str) -> String {
    let lower = found.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| lower.contains(w));
    if has(&[
        "school",
        "academy",
        "elementary",
        "college",
        "university",
        "prep",
        "nursery",
        "kindergarten",
    ]) {
        "\"her school\" or \"a local secondary school\"".to_owned()
    } else if has(&[
        "hospital",
        "clinic",
        "center",
        "centre",
        "recovery",
        "rehab",
        "hospice",
        "medical",
        "health",
        "infirmary",
    ]) {
        "\"a local hospital\" or \"a residential treatment programme\"".to_owned()
    } else if has(&[
        "church",
        "mosque",
        "synagogue",
        "temple",
        "chapel",
        "ministr",
        "gurdwara",
    ]) {
        "\"her faith community\"".to_owned()
    } else {
        "\"a large employer\" or \"a small family business\"".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_seasons() {
        assert_eq!(date("March 3rd"), "\"in early spring\"");
        assert_eq!(date("3/14"), "\"in early spring\"");
        assert_eq!(date("2023-08-02"), "\"in late summer\"");
        assert_eq!(date("14.03.2023"), "\"in early spring\"");
        assert_eq!(date("Sept 4"), "\"in early autumn\"");
        assert_eq!(
            date("the 12th"),
            "a relative time (\"a few weeks ago\", \"around the holidays\")"
        );
    }
}
