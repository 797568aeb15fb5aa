//! Scores the de-identification scanner on the labelled corpus (tests/deid/README.md): the
//! development posts it was tuned on and the held-out posts it never saw. Fails below span
//! recall 0.95 or precision 0.85 over all posts. `--nocapture` prints the tables published in
//! docs/DEID.md and every miss and false alarm.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "deid/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;

use caseroom::domain::deid::{Category, combination};
// The scanner as the publication gate runs it: on the text as readers will read it.
use caseroom::server::gate::scan_as_read as scan;
use corpus::Post;

#[derive(Default)]
struct Tally {
    gold: usize,
    caught: usize,
    found: usize,
    correct: usize,
}

struct Score {
    by_category: BTreeMap<String, Tally>,
    posts: usize,
    identifying: usize,
    fully_caught: usize,
    negatives: usize,
    quiet: usize,
    /// Posts identifiable only by a combination of details, and how many the check flagged.
    combination: usize,
    combination_flagged: usize,
    /// Clean and hard-negative posts the combination check flagged.
    combination_false: usize,
    misses: Vec<String>,
    false_alarms: Vec<String>,
}

impl Score {
    fn sum(&self, f: fn(&Tally) -> usize) -> usize {
        self.by_category.values().map(f).sum()
    }
    fn recall(&self) -> f64 {
        self.sum(|t| t.caught) as f64 / self.sum(|t| t.gold).max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.sum(|t| t.correct) as f64 / self.sum(|t| t.found).max(1) as f64
    }
    fn fully_protected(&self) -> f64 {
        self.fully_caught as f64 / self.identifying.max(1) as f64
    }
    fn clean_passed(&self) -> f64 {
        self.quiet as f64 / self.negatives.max(1) as f64
    }
    fn combination_recall(&self) -> f64 {
        self.combination_flagged as f64 / self.combination.max(1) as f64
    }
}

fn score(posts: &[Post]) -> Score {
    let mut s = Score {
        by_category: BTreeMap::new(),
        posts: posts.len(),
        identifying: 0,
        fully_caught: 0,
        negatives: 0,
        quiet: 0,
        combination: 0,
        combination_flagged: 0,
        combination_false: 0,
        misses: Vec::new(),
        false_alarms: Vec::new(),
    };
    let overlaps = |a: usize, b: usize, c: usize, d: usize| a < d && c < b;
    for post in posts {
        let findings = scan(&post.text);
        let risk = combination::assess(&[("post", &post.text)]);
        if post.kind == "combination" {
            // No span is labelled in these posts: they are scored by the case-level check
            // alone, and their spans count neither for nor against precision.
            s.combination += 1;
            s.combination_flagged += usize::from(risk.is_some());
            if risk.is_none() {
                let found: Vec<&str> = combination::factors_found(&[("post", &post.text)])
                    .into_iter()
                    .map(|f| f.as_str())
                    .collect();
                s.misses.push(format!(
                    "{} combination: not flagged (found {})",
                    post.id,
                    found.join(",")
                ));
            }
            continue;
        }
        let mut all = true;
        for g in &post.gold {
            let t = s.by_category.entry(g.category.clone()).or_default();
            t.gold += 1;
            if findings
                .iter()
                .any(|f| overlaps(f.start, f.end, g.start, g.end))
            {
                t.caught += 1;
            } else {
                all = false;
                s.misses.push(format!(
                    "{} {}: {:?}",
                    post.id,
                    g.category,
                    &post.text[g.start..g.end]
                ));
            }
        }
        for f in &findings {
            let t = s
                .by_category
                .entry(f.category.as_str().to_owned())
                .or_default();
            t.found += 1;
            if post
                .gold
                .iter()
                .any(|g| overlaps(f.start, f.end, g.start, g.end))
            {
                t.correct += 1;
            } else {
                s.false_alarms.push(format!(
                    "{} {}: {:?}",
                    post.id,
                    f.category.as_str(),
                    &post.text[f.start..f.end]
                ));
            }
        }
        if post.kind == "identifying" {
            s.identifying += 1;
            s.fully_caught += usize::from(all);
        } else {
            s.negatives += 1;
            s.quiet += usize::from(findings.is_empty() && risk.is_none());
            if let Some(r) = &risk {
                s.combination_false += 1;
                s.false_alarms
                    .push(format!("{} combination: {}", post.id, r.reason));
            }
        }
    }
    s
}

fn print(title: &str, s: &Score) {
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "–".to_owned()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    println!("\n### {title}\n");
    println!("| category | gold spans | span recall | findings | precision |");
    println!("|---|---:|---:|---:|---:|");
    for (name, t) in &s.by_category {
        println!(
            "| {name} | {} | {} | {} | {} |",
            t.gold,
            ratio(t.caught, t.gold),
            t.found,
            ratio(t.correct, t.found)
        );
    }
    println!(
        "| **all** | {} | **{:.3}** | {} | **{:.3}** |\n",
        s.sum(|t| t.gold),
        s.recall(),
        s.sum(|t| t.found),
        s.precision()
    );
    println!(
        "- posts: {} ({} identifying, {} hard-negative or clean)",
        s.posts, s.identifying, s.negatives
    );
    println!(
        "- identifying posts with every identifier caught: {}/{} = {}",
        s.fully_caught,
        s.identifying,
        ratio(s.fully_caught, s.identifying)
    );
    println!(
        "- hard-negative and clean posts with no finding (spans or combination): {}/{} = {}",
        s.quiet,
        s.negatives,
        ratio(s.quiet, s.negatives)
    );
    println!(
        "- posts identifiable only by combination, flagged: {}/{} = {}",
        s.combination_flagged,
        s.combination,
        ratio(s.combination_flagged, s.combination)
    );
    println!(
        "- hard-negative and clean posts flagged as a combination: {}/{} = {}",
        s.combination_false,
        s.negatives,
        ratio(s.combination_false, s.negatives)
    );
    println!("\nmissed ({}):", s.misses.len());
    for m in &s.misses {
        println!("  {m}");
    }
    println!("false alarms ({}):", s.false_alarms.len());
    for f in &s.false_alarms {
        println!("  {f}");
    }
}

// Issue 14's floors on the development corpus: span recall 0.97, precision 0.90, posts fully
// protected 0.90, clean posts passed 0.90. The combination check's floor is the share it flags
// today and rises as it does (docs/DEID.md has the figures).
const RECALL: f64 = 0.97;
const PRECISION: f64 = 0.90;
const FULLY_PROTECTED: f64 = 0.90;
const CLEAN_PASSED: f64 = 0.90;
/// Where the gap posts stood when their rules landed (recall 0.793, precision 0.899, clean
/// passed 0.840), less a little: no issue floor, a guard against sliding back.
const GAPS_RECALL: f64 = 0.78;
const GAPS_PRECISION: f64 = 0.88;
const GAPS_CLEAN_PASSED: f64 = 0.82;
/// The id prefix of the held-out file written after the latest rules (printed on its own).
const NEWEST_HELDOUT: &str = "h8-";
const COMBINATION_FLAGGED: f64 = 0.95;
/// A combination warning on an ordinary post teaches authors to ignore it.
const COMBINATION_ON_CLEAN_AT_MOST: f64 = 0.02;

#[test]
fn scanner_meets_recall_and_precision_on_the_corpus() {
    let development = corpus::load().expect("development corpus loads");
    let heldout = corpus::load_heldout().expect("held-out corpus loads");
    let gaps = corpus::load_gaps().expect("gaps corpus loads");
    assert!(
        development.len() >= 600,
        "the development corpus has {} posts",
        development.len()
    );
    for p in development.iter().chain(&heldout).chain(&gaps) {
        for g in &p.gold {
            assert!(
                Category::parse(&g.category).is_some(),
                "{}: unknown category {}",
                p.id,
                g.category
            );
        }
        assert!(
            matches!(
                p.kind.as_str(),
                "identifying" | "hard-negative" | "clean" | "combination"
            ),
            "{}: unknown kind {}",
            p.id,
            p.kind
        );
    }
    let dev = score(&development);
    print("Development corpus (tuned on)", &dev);
    let gap_score = score(&gaps);
    print("Gaps: forms the rules still miss (tuned on)", &gap_score);
    print(
        "Held-out corpus (each file scored once before its misses were read; read since)",
        &score(&heldout),
    );
    let newest: Vec<Post> = heldout
        .iter()
        .filter(|p| p.id.starts_with(NEWEST_HELDOUT))
        .cloned()
        .collect();
    print(
        "Newest held-out file (written after the latest rules; its first score is in docs/DEID.md)",
        &score(&newest),
    );
    // The gaps have no issue floor; they must not slide back while the rules grow.
    for (what, got, floor) in [
        ("span recall", gap_score.recall(), GAPS_RECALL),
        ("precision", gap_score.precision(), GAPS_PRECISION),
        (
            "clean posts passed",
            gap_score.clean_passed(),
            GAPS_CLEAN_PASSED,
        ),
    ] {
        assert!(got >= floor, "gaps {what} {got:.3} is below {floor}");
    }

    let checks = [
        ("span recall", dev.recall(), RECALL),
        ("precision", dev.precision(), PRECISION),
        (
            "posts fully protected",
            dev.fully_protected(),
            FULLY_PROTECTED,
        ),
        ("clean posts passed", dev.clean_passed(), CLEAN_PASSED),
        (
            "combination posts flagged",
            dev.combination_recall(),
            COMBINATION_FLAGGED,
        ),
    ];
    for (what, got, floor) in checks {
        assert!(got >= floor, "development {what} {got:.3} is below {floor}");
    }
    let on_clean = dev.combination_false as f64 / dev.negatives.max(1) as f64;
    assert!(
        on_clean <= COMBINATION_ON_CLEAN_AT_MOST,
        "development clean posts flagged as a combination: {on_clean:.3}"
    );
}
