//! The combination check on the examples the issue and the corpus gave.
#![allow(clippy::expect_used)]

use super::*;

fn factors(text: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Factor::ALL
        .into_iter()
        .filter(|f| f.found_in(text))
        .map(Factor::as_str)
        .collect();
    out.sort_unstable();
    out
}

#[test]
fn every_pattern_compiles() {
    for f in Factor::ALL {
        assert!(patterns::pattern(f).is_some(), "{f:?}");
    }
    assert!(patterns::says_unique("the only vet in the valley"));
}

#[test]
fn the_headteacher_in_the_issue_is_flagged() {
    let text = "A retired headteacher in her late 70s, recently widowed, whose son was in \
                the news after the flood.";
    let risk = assess(&[("situation", text)]).expect("flagged");
    let kinds: Vec<Factor> = risk.factors.iter().map(|h| h.factor).collect();
    assert_eq!(
        kinds,
        vec![
            Factor::Age,
            Factor::Occupation,
            Factor::Family,
            Factor::Event
        ]
    );
    assert!(
        risk.reason.contains("exact age + occupation"),
        "{}",
        risk.reason
    );
    assert!(risk.reason.ends_with("together may single out one person"));
    assert_eq!(risk.advice.len(), 4);
    let hit = &risk.factors[1];
    assert_eq!(&text[hit.start..hit.end], "headteacher");
}

#[test]
fn common_details_are_not_factors() {
    for text in [
        "A woman in her 30s, a nurse, with two children and recurrent depression.",
        "A 34-year-old teacher with GAD, recently divorced.",
        "He is a retired builder with PTSD from his army service; lives with his partner.",
        "Student, 19, ADHD and low mood; parents separated when she was small.",
    ] {
        assert!(
            assess(&[("situation", text)]).is_none(),
            "{text}: {:?}",
            factors(text)
        );
    }
}

#[test]
fn factors_across_parts_combine_and_keep_their_part() {
    let parts = [
        ("situation", "She has Huntington's disease."),
        ("stuck", "She is 52."),
    ];
    assert!(
        assess(&parts).is_none(),
        "an age and one other detail do not flag"
    );
    let parts = [
        ("situation", "She has Huntington's disease."),
        ("stuck", "She lives in a village of about 400."),
    ];
    assert!(
        assess(&parts).is_some(),
        "two narrowing details without an age flag: a rare condition in a village of 400"
    );
    let parts = [
        ("situation", "A 52-year-old with Huntington's disease."),
        ("stuck", "She lives in a village of about 400."),
    ];
    let risk = assess(&parts).expect("three factors flag");
    let place = risk
        .factors
        .iter()
        .find(|h| h.factor == Factor::Place)
        .expect("place");
    assert_eq!(place.part, "stuck");
    assert_eq!(&parts[1].1[place.start..place.end], "village");
}

#[test]
fn one_of_a_kind_needs_only_one_more_detail() {
    let text = "She is the only female firefighter at the station in our village.";
    assert!(assess(&[("situation", text)]).is_some());
    let text = "He is a firefighter; the station is busy.";
    assert!(assess(&[("situation", text)]).is_none());
}

#[test]
fn clinical_words_do_not_trip_it() {
    for text in [
        "A trial of sertraline; the transplant of skills to home; firing on all cylinders.",
        "She reads the news every morning and worries; we discussed her fire-setting history.",
        "Prescribed by her consultant psychiatrist; reviewed by the registrar.",
    ] {
        assert!(
            assess(&[("situation", text)]).is_none(),
            "{text}: {:?}",
            factors(text)
        );
    }
}
