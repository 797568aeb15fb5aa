//! Behaviour of the scanner on the surface forms named in the brief. The corpus test
//! (`tests/deid_corpus.rs`) measures it at scale.

use super::*;

fn found(text: &str) -> Vec<(&'static str, &str)> {
    scan(text)
        .into_iter()
        .map(|f| (f.category.as_str(), &text[f.start..f.end]))
        .collect()
}

fn has(text: &str, category: &str, part: &str) -> bool {
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

#[test]
fn names_no_capital_announces() {
    // Another script, unless glossed as a word.
    assert!(has(
        "She signs each page فاطمة and then tears it out.",
        "name",
        "فاطمة"
    ));
    assert!(found("Clients speak of тоска (toska, a spiritual anguish) often.").is_empty());
    // Naming phrases, initials beside a person, lower-case names after a meeting.
    assert!(has(
        "His name is Blessing and he laughs about it.",
        "name",
        "Blessing"
    ));
    assert!(has("The son is 14 and goes by JJ at school.", "name", "JJ"));
    assert!(has(
        "Her sister KB thinks that is the problem.",
        "name",
        "KB"
    ));
    assert!(has(
        "quick note: saw jess and her mum today",
        "name",
        "jess"
    ));
    assert!(has("hurried note: seeing a.k. tomorrow", "name", "a.k."));
    // Pets and kin in the next cell, an age after a name, a heading.
    assert!(has(
        "She engages with her dog Biscuit more than me.",
        "name",
        "Biscuit"
    ));
    assert!(has("| Dawn | mother | main carer |", "name", "Dawn"));
    assert!(has(
        "Client (Grace, 70s) says grace before meals.",
        "name",
        "Grace"
    ));
    assert!(has("## Tomasz, 34: stuck at session 9", "name", "Tomasz"));
    assert!(has("Her new partner Ji-hoon moved in.", "name", "Ji-hoon"));
}

#[test]
fn authors_and_clinical_words_are_not_names() {
    for text in [
        "Using Clark & Wells' model with video feedback.",
        "The parents are reading Golding & Hughes this month.",
        "Herman's phase model says stabilise first.",
        "Per Jacobson & Truax 1991 the change is reliable.",
        "Hofmann and Hinton's writing on cultural adaptation helped.",
        "Charles Bonnet syndrome is top of my list.",
        "The Schema Mode Inventory shows a Detached Protector; Defectiveness is high.",
        "The DoLS authorisation and the OTs' report arrived.",
        "VoC 2/7, SUD 8/10, and sertraline over 6/52, now 2/12 at the full dose.",
        "The weight dropped from the 50th to the 25th centile.",
        "She moved from New Zealand to Kerala.",
        "Son (15) has become his carer; HR insists on a meeting.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
    // "at Hallam & Price" is a firm, not two authors: something is found there.
    let firm = "She is a trainee solicitor at Hallam & Price, 26.";
    assert!(
        found(firm).iter().any(|(_, s)| s.contains("Hallam")),
        "{:?}",
        found(firm)
    );
}

#[test]
fn international_numbers_and_numbers_in_words() {
    assert!(has(
        "His NI number is JT 48 19 62 B.",
        "ssn",
        "JT 48 19 62 B"
    ));
    assert!(has(
        "He read his SIN aloud: 046 454 286.",
        "ssn",
        "046 454 286"
    ));
    assert!(has(
        "NHS number 943 476 5919 on the letter.",
        "health_plan",
        "943 476 5919"
    ));
    assert!(has(
        "A standing order to GB82 WEST 1234 5698 7654 32 monthly.",
        "account",
        "GB82 WEST"
    ));
    assert!(has(
        "sort code 40-17-62 and the rest",
        "account",
        "40-17-62"
    ));
    assert!(has(
        "gave her mobile as oh seven seven double-oh nine double-oh three one six",
        "phone",
        "oh seven seven"
    ));
    assert!(has(
        "write to jo dot smith at example dot com",
        "email",
        "jo dot smith"
    ));
    assert!(has(
        "the router's MAC is 02:5E:A1:7C:33:9B",
        "device",
        "02:5E"
    ));
    // Shapes that fail their check digits, or clinical numbers, stay quiet.
    assert!(found("Scores were 123 456 789 on three scales.").is_empty());
    assert!(found("She went to the shop at nine and got home at ten.").is_empty());
}

#[test]
fn dates_in_words_and_places_written_loosely() {
    assert!(has("He died the morning of Eid.", "date", "morning of Eid"));
    assert!(has(
        "It started the day after her cousin's 18th.",
        "date",
        "18th"
    ));
    assert!(has(
        "The hearing is listed for the fourteenth.",
        "date",
        "fourteenth"
    ));
    assert!(has(
        "Contact was Good Friday, she didn't show.",
        "date",
        "Good Friday"
    ));
    assert!(has(
        "She gave the date as Thurs 14th.",
        "date",
        "Thurs 14th"
    ));
    assert!(has("Adm: 14-Feb", "date", "14-Feb"));
    assert!(has("She is on Ward 7B now.", "organization", "Ward 7B"));
    assert!(has(
        "Discharge from the Cedar Unit went badly.",
        "organization",
        "Cedar Unit"
    ));
    assert!(has(
        "the Eircode is H53 XK29 if that helps",
        "location",
        "H53 XK29"
    ));
    assert!(has("pt_name: darren pike", "name", "darren pike"));
    // Generic units, the first time and ordinary days are not identifiers.
    for text in [
        "She was moved to the Intensive Care Unit and then an acute ward.",
        "For the first time she came on time.",
        "We meet on Tuesdays after the ward round.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}
