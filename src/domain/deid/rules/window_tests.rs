//! The windows and the triggers lose nothing a run of every rule over the whole text finds.

use super::{RULES, apply, find};

/// Every rule over the whole text: what the windows must not lose.
fn every_rule_everywhere(text: &str) -> Vec<(usize, usize, u8)> {
    let mut hits = Vec::new();
    for rule in RULES.iter() {
        apply(rule, text, 0, text.len(), &mut hits);
    }
    hits.iter().map(|h| (h.start, h.end, h.priority)).collect()
}

fn texts() -> Vec<String> {
    let mut out: Vec<String> = crate::server::demo::texts()
        .iter()
        .map(|t| t.to_string())
        .collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/deid");
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.extend(text.split("\n\n").map(str::to_owned));
            }
        }
    }
    out
}

/// A control character in a pattern (a `\b` typed where the string is not raw becomes a
/// backspace) makes a rule that compiles and never matches.
#[test]
fn no_pattern_holds_a_control_character() {
    for spec in super::specs() {
        for p in [Some(spec.pattern), spec.trigger].into_iter().flatten() {
            assert!(!p.chars().any(char::is_control), "{p:?}");
        }
    }
}

/// The union looks for triggers, not whole patterns, in windows reaching `WINDOW_BEFORE`
/// back: on every demo and corpus text, the windows find all that every rule run over the
/// whole text finds, and the triggers do not lose a rule's match.
#[test]
fn windows_find_everything_the_whole_text_holds() {
    let texts = texts();
    assert!(texts.len() > 1000, "{} texts", texts.len());
    let mut missed = Vec::new();
    let mut total = 0;
    for text in &texts {
        let windowed: std::collections::HashSet<(usize, usize, u8)> = find(text)
            .iter()
            .map(|h| (h.start, h.end, h.priority))
            .collect();
        for hit in every_rule_everywhere(text) {
            total += 1;
            if !windowed.contains(&hit) {
                missed.push(text[hit.0..hit.1].to_string());
            }
        }
    }
    assert!(total > 1000, "{total} hits");
    assert!(
        missed.is_empty(),
        "{} of {total} missed: {missed:?}",
        missed.len()
    );
}
