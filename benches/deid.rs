//! Scanner throughput on realistic posts (the demo cases: case text as clinicians write it), on
//! the labelled corpus (markup removed; dense with identifiers and traps by design, so the
//! slowest realistic-looking text), and on hostile 1 MB inputs that would expose anything
//! worse than linear time. Results: docs/BENCHMARKS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// The bench reads only the texts.
#[allow(dead_code)]
#[path = "../tests/deid/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Duration;

use caseroom::domain::deid::scan;
use caseroom::server::gate::scan_as_read;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn realistic(c: &mut Criterion) {
    let texts = caseroom::server::demo::texts();
    let _ = scan("warm up");
    let mut group = c.benchmark_group("deid");
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("demo_case_texts", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(scan(black_box(t)));
            }
        })
    });
    // As the publication gate scans: the rendered and the typed reading, folded, mapped back.
    group.bench_function("demo_case_texts_as_read", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(scan_as_read(black_box(t)));
            }
        })
    });
    group.finish();
}

/// The gate's reading of posts at the 64 KiB limit, in shapes that stress it: Markdown on every
/// word, a character reference for every letter, an invisible character in every word, and
/// full-width digits.
fn as_read(c: &mut Criterion) {
    const POST: usize = 60_000;
    let fill = |unit: &str| unit.repeat(POST / unit.len());
    let inputs = [
        ("emphasis_60kb", fill("Ma**ria** ")),
        ("char_references_60kb", fill("M&#97;ria ")),
        ("zero_width_60kb", fill("Ma\u{200B}ria ")),
        (
            "fullwidth_digits_60kb",
            fill("\u{FF15}\u{FF10}\u{FF13}-555 "),
        ),
    ];
    let _ = scan_as_read("warm up");
    let mut group = c.benchmark_group("deid_as_read");
    group.sample_size(10);
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| scan_as_read(black_box(text))));
    }
    group.finish();
}

fn corpus(c: &mut Criterion) {
    let posts = corpus::load().expect("corpus loads");
    let text: String = posts
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    // Warm the lazily built rules and word lists outside the measurement.
    let _ = scan("warm up");
    let mut group = c.benchmark_group("deid_corpus");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("corpus_posts_joined", |b| b.iter(|| scan(black_box(&text))));
    // How the product scans: one post at a time.
    let bytes: usize = posts.iter().map(|p| p.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("each_post_separately", |b| {
        b.iter(|| {
            for p in &posts {
                black_box(scan(black_box(&p.text)));
            }
        })
    });
    group.finish();
}

/// One megabyte each: a realistic paste, and the shapes that make naive matchers backtrack.
fn hostile(c: &mut Criterion) {
    const MB: usize = 1_000_000;
    let posts = corpus::load().expect("corpus loads");
    let joined: String = posts
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let paste: String = joined.chars().cycle().take(MB).collect();
    let inputs = [
        ("realistic_paste_1mb", paste),
        ("letter_a_1mb", "a".repeat(MB)),
        ("digits_1mb", "7".repeat(MB)),
        ("digit_groups_1mb", "12-34 ".repeat(MB / 6)),
        ("capitalised_words_1mb", "Maria Okafor ".repeat(MB / 13)),
        ("at_signs_1mb", "a@".repeat(MB / 2)),
        ("slashes_1mb", "1/".repeat(MB / 2)),
        // Once quadratic: the union automaton kept scanning a long run of [A-Za-z0-9.] for a
        // longer alternative after every short match.
        ("dotted_runs_1mb", "1.2.3.4.".repeat(MB / 8)),
        // Issue 14's forms: numbers read aloud, spelled-out e-mails, capitals and initials.
        ("digit_words_1mb", "oh seven ".repeat(MB / 9)),
        ("spelled_at_dot_1mb", "a at b dot ".repeat(MB / 11)),
        ("initials_1mb", "RB KB JJ ".repeat(MB / 9)),
        // A post at the size limit made of one name.
        ("one_name_64kib", "Maria ".repeat(64 * 1024 / 6)),
    ];
    let mut group = c.benchmark_group("deid_hostile");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| b.iter(|| scan(black_box(text))));
    }
    // A post made only of look-alikes (Cyrillic and Greek letters, full-width digits,
    // zero-width joiners, mathematical capitals, a direction override), read as the gate
    // reads it.
    let lookalikes: String = "Мaрíа О\u{200d}kаfоr １２３-５５５-０１９９ 𝐌𝐚𝐫𝐢𝐚 ΑΒΓ \u{202e}9910 "
        .chars()
        .cycle()
        .take(64 * 1024 / 3)
        .collect();
    group.throughput(Throughput::Bytes(lookalikes.len() as u64));
    group.bench_function("lookalikes_64kib_as_read", |b| {
        b.iter(|| scan_as_read(black_box(&lookalikes)))
    });
    group.finish();
}

criterion_group!(benches, realistic, corpus, hostile, as_read);
criterion_main!(benches);
