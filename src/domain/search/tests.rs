use super::*;

fn parse(q: &str) -> SearchQuery {
    match SearchQuery::parse(q) {
        Ok(p) => p,
        Err(e) => panic!("{q:?} did not parse: {e}"),
    }
}

fn word(w: &str) -> Term {
    Term::Word(w.into())
}

#[test]
fn words_phrases_prefixes_and_exclusions() {
    let q = parse(r#"grief "cancelled session" adolesc* -divorce"#);
    assert_eq!(
        q.include,
        vec![
            word("grief"),
            Term::Phrase(vec!["cancelled".into(), "session".into()]),
            Term::Prefix("adolesc".into()),
        ]
    );
    assert_eq!(q.exclude, vec![word("divorce")]);
    assert_eq!(
        parse(r#"-"school refusal" anxiety"#).exclude,
        vec![Term::Phrase(vec!["school".into(), "refusal".into()])]
    );
}

#[test]
fn words_are_lower_cased_and_folded() {
    // Full-width letters are the same word, as NFKC makes them.
    assert_eq!(
        parse("ＧＲＩＥＦ Rupture").include,
        vec![word("grief"), word("rupture")]
    );
    assert_eq!(parse("Ärger").include, vec![word("ärger")]);
}

#[test]
fn operator_characters_are_never_syntax() {
    // Each of these is plain words or nothing.
    assert_eq!(
        parse("NEAR(grief loss)").include,
        vec![word("near"), word("grief"), word("loss")]
    );
    assert_eq!(
        parse("title:grief").include,
        vec![word("title"), word("grief")]
    );
    assert_eq!(
        parse("grief OR loss").include,
        vec![word("grief"), word("loss")]
    );
    assert_eq!(
        parse("grief AND NOT loss").include,
        vec![word("grief"), word("loss")]
    );
    assert_eq!(
        parse("'; drop table cases; --").include,
        vec![word("drop"), word("table"), word("cases")]
    );
    assert_eq!(
        parse("co-therapy").include,
        vec![word("co"), word("therapy")]
    );
    assert_eq!(
        parse("^grief* +loss").include,
        vec![Term::Prefix("grief".into()), word("loss")]
    );
}

#[test]
fn unbalanced_quotes_are_ignored() {
    assert_eq!(
        parse(r#""school refusal"#).include,
        vec![word("school"), word("refusal")]
    );
    assert_eq!(
        parse(r#"grief" loss"#).include,
        vec![word("grief"), word("loss")]
    );
    assert_eq!(
        parse(r#""a b" "c"#).include,
        vec![Term::Phrase(vec!["a".into(), "b".into()]), word("c")]
    );
}

#[test]
fn common_words_drop_out_but_hold_a_phrase_together() {
    assert_eq!(
        parse("the grief of a mother").include,
        vec![word("grief"), word("mother")]
    );
    assert_eq!(
        parse(r#""rupture after the session""#).include,
        vec![Term::Phrase(vec![
            "rupture".into(),
            "after".into(),
            "the".into(),
            "session".into()
        ])]
    );
}

#[test]
fn short_prefixes_are_plain_words() {
    // `a*` would ask for every document.
    assert_eq!(parse("ab* grief").include, vec![word("ab"), word("grief")]);
    assert_eq!(parse("a* grief").include, vec![word("grief")]);
}

#[test]
fn what_cannot_be_searched_says_why() {
    for q in ["", "   ", "\n\t"] {
        assert_eq!(SearchQuery::parse(q), Err(QueryProblem::Empty), "{q:?}");
    }
    for q in [
        r#"""#,
        "*",
        "-",
        ":",
        "NOT",
        "the and of",
        r#"" * - : """#,
        "-grief",
        "\"the\"",
    ] {
        assert_eq!(
            SearchQuery::parse(q),
            Err(QueryProblem::NothingToFind),
            "{q:?}"
        );
    }
    assert_eq!(
        SearchQuery::parse(&"a".repeat(10_000)),
        Err(QueryProblem::TooLong)
    );
    assert_eq!(
        SearchQuery::parse(&"ü".repeat(201)),
        Err(QueryProblem::TooLong)
    );
    assert!(SearchQuery::parse(&"ü".repeat(40)).is_ok());
    let thirteen = (0..13)
        .map(|i| format!("word{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        SearchQuery::parse(&thirteen),
        Err(QueryProblem::TooManyTerms)
    );
    let twelve = (0..12)
        .map(|i| format!("word{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(SearchQuery::parse(&twelve).is_ok());
}

#[test]
fn a_word_too_long_for_any_post_is_dropped() {
    let long = "x".repeat(41);
    assert_eq!(parse(&format!("{long} grief")).include, vec![word("grief")]);
}

#[test]
fn a_term_typed_twice_counts_once() {
    assert_eq!(parse("grief Grief GRIEF").include, vec![word("grief")]);
}

fn marked(s: &Snippet) -> Vec<String> {
    s.pieces
        .iter()
        .filter(|(_, hit)| *hit)
        .map(|(t, _)| t.clone())
        .collect()
}

#[test]
fn a_snippet_marks_words_by_their_stem() {
    let q = parse("grieved");
    let s = snippet(
        "She has been grieving since spring. Grief comes in waves.",
        &q,
    );
    assert_eq!(marked(&s), vec!["grieving".to_owned()]);
    let q = parse("cancel*");
    let s = snippet("I cancelled twice; the cancellation hurt.", &q);
    assert_eq!(
        marked(&s),
        vec!["cancelled".to_owned(), "cancellation".to_owned()]
    );
}

#[test]
fn a_snippet_is_short_and_centred_on_the_terms() {
    let text = format!(
        "{} The rupture came after I cancelled. {}",
        "Filler words here. ".repeat(40),
        "More filler afterwards. ".repeat(40)
    );
    let s = snippet(&text, &parse("rupture cancelled"));
    assert!(s.cut_before && s.cut_after);
    let plain = s.plain();
    assert!(plain.contains("rupture came after I cancelled"), "{plain}");
    assert!(plain.chars().count() <= 260, "{}", plain.len());
    assert_eq!(
        marked(&s),
        vec!["rupture".to_owned(), "cancelled".to_owned()]
    );
}

#[test]
fn a_snippet_without_the_words_is_the_start_of_the_text() {
    let s = snippet("Short text.\n\nOn two lines.", &parse("grief"));
    assert_eq!(s.plain(), "Short text. On two lines.");
    assert!(!s.cut_before && !s.cut_after);
}

#[test]
fn a_snippet_never_splits_a_character() {
    let text = "é".repeat(300) + " grief " + &"ü".repeat(300);
    let s = snippet(&text, &parse("grief"));
    assert_eq!(marked(&s), vec!["grief".to_owned()]);
    assert!(s.plain().len() < 400);
}
