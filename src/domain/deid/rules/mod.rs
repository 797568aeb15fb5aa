//! Pattern rules: everything with a shape. Each rule is one linear-time regex, an optional
//! capture group that is the identifier itself (the keyword around it is not), and an optional
//! check that looks at the neighbourhood to turn away look-alikes (`120/80`, `CPT 90832`).

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::{Category, Hit, Severity};

mod checks;
mod date_checks;
mod id_checks;
mod place_checks;
mod recall_checks;
mod table;
mod table_more;
mod table_recall;
mod table_world;
mod windows;
mod world_checks;
mod written_checks;

use table::specs;
use windows::windows;

/// What a check sees: the whole text and the span the rule matched.
pub(crate) struct Span<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl<'a> Span<'a> {
    fn get(&self) -> &'a str {
        &self.text[self.start..self.end]
    }

    /// Up to `n` bytes before the span, lower-cased.
    fn before(&self, n: usize) -> String {
        let mut from = self.start.saturating_sub(n);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        self.text[from..self.start].to_ascii_lowercase()
    }

    /// Up to `n` bytes after the span, lower-cased.
    fn after(&self, n: usize) -> String {
        let mut to = (self.end + n).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        self.text[self.end..to].to_ascii_lowercase()
    }

    /// The word right after the span, lower-cased.
    fn next_word(&self) -> String {
        self.after(24)
            .trim_start_matches([' ', ',', '\t'])
            .split(|c: char| !c.is_alphanumeric() && c != '%')
            .next()
            .unwrap_or("")
            .to_owned()
    }

    /// The word right before the span, lower-cased.
    fn prev_word(&self) -> String {
        self.before(24)
            .trim_end_matches([' ', ',', '\t', '#', ':'])
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_owned()
    }
}

type Check = fn(&mut Span<'_>) -> Option<Severity>;

struct Rule {
    pattern: &'static str,
    /// Compiled the first time a window needs this rule: each rule's own automaton is a third
    /// of the scanner's start-up, and a short text needs few of them (`caseroom scan` runs once
    /// per file).
    regex: OnceLock<Option<Regex>>,
    /// Capture group holding the identifier (0: the whole match).
    group: usize,
    category: Category,
    severity: Severity,
    reason: &'static str,
    priority: u8,
    check: Option<Check>,
}

struct Spec {
    pattern: &'static str,
    /// What the union of all rules looks for instead of the whole pattern (see `CANDIDATES`):
    /// a part every match holds, at most `WINDOW_BEFORE` bytes after the match starts.
    trigger: Option<&'static str>,
    group: usize,
    category: Category,
    severity: Severity,
    reason: &'static str,
    priority: u8,
    check: Option<Check>,
}

const fn spec(
    pattern: &'static str,
    category: Category,
    severity: Severity,
    reason: &'static str,
    priority: u8,
) -> Spec {
    Spec {
        pattern,
        trigger: None,
        group: 0,
        category,
        severity,
        reason,
        priority,
        check: None,
    }
}

impl Spec {
    const fn group(mut self, group: usize) -> Spec {
        self.group = group;
        self
    }
    const fn trigger(mut self, trigger: &'static str) -> Spec {
        self.trigger = Some(trigger);
        self
    }
    const fn check(mut self, check: Check) -> Spec {
        self.check = Some(check);
        self
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    specs()
        .into_iter()
        .map(|s| Rule {
            pattern: s.pattern,
            regex: OnceLock::new(),
            group: s.group,
            category: s.category,
            severity: s.severity,
            reason: s.reason,
            priority: s.priority,
            check: s.check,
        })
        .collect()
});

impl Rule {
    /// `None` for a pattern that does not compile (a test holds that every one does).
    fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| {
                regex::RegexBuilder::new(self.pattern)
                    .size_limit(64 << 20)
                    .build()
                    .ok()
            })
            .as_ref()
    }
}

/// Compiles every rule now rather than on first use (the server, at start).
pub(crate) fn compile_all() {
    for rule in RULES.iter() {
        let _ = rule.regex();
    }
}

/// Every rule's matches in `text`.
pub(crate) fn find(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    match CANDIDATES.as_ref() {
        Some(candidates) => {
            for (a, b) in windows(text, candidates) {
                // Only the rules that match somewhere in this window run with their groups.
                match SET.as_ref() {
                    Some(set) => {
                        for i in set.matches(&text[a..b]).iter() {
                            apply(&RULES[i], text, a, b, &mut hits);
                        }
                    }
                    None => {
                        for rule in RULES.iter() {
                            apply(rule, text, a, b, &mut hits);
                        }
                    }
                }
            }
        }
        None => {
            for rule in RULES.iter() {
                apply(rule, text, 0, text.len(), &mut hits);
            }
        }
    }
    hits
}

/// Every rule in one automaton, used only to find *where* some rule matches: one linear pass
/// instead of one per rule. The rules then run, with their groups and checks, only in a window
/// around each candidate. A window reaches far enough past a candidate that a rule whose match
/// starts inside another's (leftmost-first hides it from this pass) is still found.
///
/// A rule whose pattern opens with common words and a long stretch of anything ("the …
/// collapse on …", "call … three four five") gives the union's automaton many states, and the
/// union's time per byte grows with the states a text walks through (their transitions stop
/// fitting in the CPU's cache): such a rule offers a `trigger`, a part of every match, for
/// the union to look for instead. Eight triggers took the union from about a quarter of the
/// scanner's time on realistic posts to about a sixth. A test holds that the windows find
/// everything a run of every rule over the whole text finds.
static CANDIDATES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mut parts: Vec<&str> = specs()
        .iter()
        .map(|s| s.trigger.unwrap_or(s.pattern))
        .collect();
    parts.sort_unstable();
    parts.dedup();
    let union = parts
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    regex::RegexBuilder::new(&union)
        .size_limit(256 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .ok()
});

static SET: LazyLock<Option<regex::RegexSet>> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(RULES.iter().map(|r| r.pattern))
        .size_limit(256 << 20)
        .dfa_size_limit(64 << 20)
        .build()
        .ok()
});

fn apply(rule: &Rule, text: &str, a: usize, b: usize, hits: &mut Vec<Hit>) {
    let Some(regex) = rule.regex() else {
        return;
    };
    for caps in regex.captures_iter(&text[a..b]) {
        let Some(m) = caps.get(rule.group) else {
            continue;
        };
        let mut span = Span {
            text,
            start: a + m.start(),
            end: a + m.end(),
        };
        let severity = match rule.check {
            Some(check) => match check(&mut span) {
                Some(s) => s,
                None => continue,
            },
            None => rule.severity,
        };
        hits.push(Hit {
            start: span.start,
            end: span.end,
            category: rule.category,
            severity,
            reason: rule.reason,
            priority: rule.priority,
        });
    }
}

/// How many rules compiled (all of them; a test holds it), and whether their union did.
#[cfg(test)]
pub(crate) fn compiled() -> (usize, usize, bool) {
    (
        RULES.iter().filter(|r| r.regex().is_some()).count(),
        specs().len(),
        CANDIDATES.is_some(),
    )
}

#[cfg(test)]
mod window_tests;
