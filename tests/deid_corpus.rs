//! Scores the de-identification scanner on the labelled corpus (tests/deid/README.md) and fails
//! below span recall 0.95 or precision 0.85. Run with `--nocapture` to see the per-category table
//! published in docs/DEID.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "deid/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;

use caseroom::domain::deid::{Category, scan};

#[derive(Default)]
struct Tally {
    gold: usize,
    caught: usize,
    found: usize,
    correct: usize,
}

#[test]
fn scanner_meets_recall_and_precision_on_the_corpus() {
    let posts = corpus::load().expect("corpus loads");
    assert!(posts.len() >= 200, "the corpus has {} posts", posts.len());
    for p in &posts {
        for g in &p.gold {
            assert!(
                Category::parse(&g.category).is_some(),
                "{}: unknown category {}",
                p.id,
                g.category
            );
        }
    }

    let mut by_category: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut fully_caught, mut identifying, mut quiet, mut negatives) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for post in &posts {
        let findings = scan(&post.text);
        let overlaps = |a: usize, b: usize, c: usize, d: usize| a < d && c < b;
        let mut all = true;
        for g in &post.gold {
            let t = by_category.entry(g.category.clone()).or_default();
            t.gold += 1;
            if findings
                .iter()
                .any(|f| overlaps(f.start, f.end, g.start, g.end))
            {
                t.caught += 1;
            } else {
                all = false;
                misses.push(format!(
                    "{} {}: {:?}",
                    post.id,
                    g.category,
                    &post.text[g.start..g.end]
                ));
            }
        }
        for f in &findings {
            let t = by_category
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
                false_alarms.push(format!(
                    "{} {}: {:?}",
                    post.id,
                    f.category.as_str(),
                    &post.text[f.start..f.end]
                ));
            }
        }
        if post.kind == "identifying" {
            identifying += 1;
            fully_caught += usize::from(all);
        } else {
            negatives += 1;
            quiet += usize::from(findings.is_empty());
        }
    }

    let sum = |f: fn(&Tally) -> usize| by_category.values().map(f).sum::<usize>();
    let (gold, caught, found, correct) = (
        sum(|t| t.gold),
        sum(|t| t.caught),
        sum(|t| t.found),
        sum(|t| t.correct),
    );
    let recall = caught as f64 / gold.max(1) as f64;
    let precision = correct as f64 / found.max(1) as f64;

    println!("| category | gold spans | span recall | findings | precision |");
    println!("|---|---:|---:|---:|---:|");
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "–".to_owned()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    for (name, t) in &by_category {
        println!(
            "| {name} | {} | {} | {} | {} |",
            t.gold,
            ratio(t.caught, t.gold),
            t.found,
            ratio(t.correct, t.found)
        );
    }
    println!("| **all** | {gold} | **{recall:.3}** | {found} | **{precision:.3}** |");
    println!();
    println!(
        "posts: {} ({identifying} identifying, {negatives} hard-negative or clean)",
        posts.len()
    );
    println!(
        "identifying posts with every identifier caught: {fully_caught}/{identifying} = {:.3}",
        fully_caught as f64 / identifying.max(1) as f64
    );
    println!(
        "clean and hard-negative posts with no finding: {quiet}/{negatives} = {:.3}",
        quiet as f64 / negatives.max(1) as f64
    );
    println!("\nmissed ({}):", misses.len());
    for m in &misses {
        println!("  {m}");
    }
    println!("\nfalse alarms ({}):", false_alarms.len());
    for f in &false_alarms {
        println!("  {f}");
    }

    assert!(recall >= 0.95, "span recall {recall:.3} is below 0.95");
    assert!(precision >= 0.85, "precision {precision:.3} is below 0.85");
}
