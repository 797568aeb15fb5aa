//! Behaviour of the scanner on the surface forms named in the brief. The corpus test
//! (`tests/deid_corpus.rs`) measures it at scale.

use super::*;

pub(super) fn found(text: &str) -> Vec<(&'static str, &str)> {
    scan(text)
        .into_iter()
        .map(|f| (f.category.as_str(), &text[f.start..f.end]))
        .collect()
}

/// Text the scanner must leave alone.
pub(super) fn clean(text: &str) {
    assert!(found(text).is_empty(), "{text}: {:?}", found(text));
}

pub(super) fn has(text: &str, category: &str, part: &str) -> bool {
    found(text)
        .iter()
        .any(|(c, s)| *c == category && s.contains(part))
}

#[test]
fn every_rule_compiles() {
    let (compiled, written, union) = rules::compiled();
    assert_eq!(compiled, written);
    assert!(union, "the candidate automaton compiles");
}

#[test]
fn names_in_their_many_forms() {
    assert!(has("Then Maria told me she was done.", "name", "Maria"));
    assert!(has(
        "I saw Mr. Okafor again last week.",
        "name",
        "Mr. Okafor"
    ));
    assert!(has("Mrs K was worried.", "name", "Mrs K"));
    assert!(has("Her teacher, J.M., phoned.", "name", "J.M."));
    assert!(has("we met and maria said it was fine", "name", "maria"));
    assert!(has("Her son José Núñez moved out.", "name", "José Núñez"));
    assert!(has("She lives with her sister Zoë.", "name", "Zoë"));
    assert!(has("Will said he would come back.", "name", "Will"));
}

#[test]
fn places_dates_and_numbers() {
    assert!(has(
        "They moved to Portland after the divorce.",
        "location",
        "Portland"
    ));
    assert!(has(
        "She lives at 14 Larkspur Lane, Apt 4B.",
        "location",
        "14 Larkspur Lane"
    ));
    assert!(has(
        "She lives at 14 Larkspur Lane, Apt 4B.",
        "location",
        "4B"
    ));
    assert!(has("The ZIP is 97214.", "location", "97214"));
    assert!(has("Admitted on March 3rd.", "date", "March 3rd"));
    assert_eq!(found("She moved in March."), vec![("date", "March")]);
    assert!(has("Discharged 3/14 with a plan.", "date", "3/14"));
    assert!(has("Seen on 2023-03-14.", "date", "2023-03-14"));
    assert!(has("Seen on 14.03.2023.", "date", "14.03.2023"));
    assert!(has(
        "Call me at (503) 555-0147 ext. 204.",
        "phone",
        "(503) 555-0147 ext. 204"
    ));
    assert!(has(
        "Her mobile is +44 20 7946 0958.",
        "phone",
        "+44 20 7946 0958"
    ));
    assert!(has(
        "Email her at kay@example.org.",
        "email",
        "kay@example.org"
    ));
    assert!(has("SSN 123-45-6789 on the form.", "ssn", "123-45-6789"));
    assert!(has("the last four of his SSN are 6789", "ssn", "6789"));
    assert!(has(
        "MRN 00482913 on the letter",
        "medical_record",
        "00482913"
    ));
    assert!(has(
        "Medicaid ID 4401-882-19 expired",
        "health_plan",
        "4401-882-19"
    ));
    assert!(has(
        "See gofundme.com/f/help-the-family.",
        "url",
        "gofundme.com/f/help-the-family"
    ));
    assert!(has(
        "Logged in from 192.0.2.44 twice.",
        "ip_address",
        "192.0.2.44"
    ));
    assert!(has("A 93-year-old widow.", "age", "93-year-old"));
    assert!(has(
        "She posts as @kaylee_runs.",
        "social_handle",
        "@kaylee_runs"
    ));
    assert!(has(
        "![her drawing](drawing.png)",
        "image",
        "![her drawing]"
    ));
    assert!(has(
        "He works at Harmon Logistics.",
        "organization",
        "Harmon Logistics"
    ));
    assert!(has(
        "the only paediatric neurosurgeon in town",
        "occupation",
        "the only"
    ));
}

#[test]
fn clinical_language_is_quiet() {
    let quiet = [
        "CAPS-5 was 38 and a CAGE of 2; SCARED and Conners 3 next week.",
        "Bowlby and Ainsworth would call it avoidant; Erikson and Klein help too.",
        "Possible Lewy body dementia, F41.0 and Z65.8, billed CPT 90832 then 90837 under ICD-11.",
        "Sertraline 100 mg, quetiapine 25 mg at night, buprenorphine 16/4 mg.",
        "Session 12 of 16; she rated her craving 7/10 and BP was 120/80.",
        "Since 2019 she has been in her 30s, a 34-year-old from Ohio; an 89-year-old neighbour.",
        "The portal updated to 4.2.1 and iOS 17 broke it.",
        "Her manager and a teacher both noticed. Hope feels far away for him.",
        "May I ask how others handle this? Will he engage?",
        "We meet on Tuesdays, twice a week, over the winter.",
    ];
    for text in quiet {
        assert_eq!(found(text), Vec::<(&str, &str)>::new(), "{text}");
    }
}

#[test]
fn suggestions_match_the_brief() {
    let s = |text: &str| {
        scan(text)
            .into_iter()
            .map(|f| f.suggestion)
            .collect::<Vec<_>>()
    };
    assert!(s("Admitted on March 3rd.")[0].contains("in early spring"));
    assert!(s("They moved to Portland.")[0].contains("a mid-sized city"));
    assert!(s("She lives with her sister Ana.")[0].contains("her sister"));
    assert!(s("He works at Harmon Logistics.")[0].contains("a large employer"));
}

#[test]
fn findings_are_ordered_and_never_overlap() {
    let text = "Maria (maria@example.com, 503-555-0147) lives at 14 Larkspur Lane in Portland.";
    let f = scan(text);
    assert!(f.windows(2).all(|w| w[0].end <= w[1].start));
    assert!(
        f.iter()
            .all(|x| text.is_char_boundary(x.start) && text.is_char_boundary(x.end))
    );
}

#[test]
fn pathological_input_is_bounded_and_safe() {
    for text in [
        String::new(),
        "a".repeat(1_000_000),
        "9".repeat(100_000),
        "1/".repeat(50_000),
        "Ab ".repeat(100_000),
        "é".repeat(100_000),
        "[[".repeat(10_000),
        "1.2.3.4.".repeat(20_000),
        "See ‘www.example.org’ for details.".to_owned(),
        "Then josé's mum rang, and zoë’s too.".to_owned(),
    ] {
        let _ = scan(&text);
    }
}
