//! Bounded fuzzing of what parses member input: Markdown cooking, the scanner's reading of a
//! post, form decoding, the redaction matcher and the text checks. Inputs are random strings
//! built from pieces that have broken parsers before (Markdown syntax, character references,
//! direction and invisible characters, NUL, combining marks, other scripts, identifiers),
//! plus raw random characters. Each target runs for a share of `CASEROOM_FUZZ_SECS` (default
//! 12 s in all, in the test command); `scripts/fuzz.sh` runs them longer in a release build.
//! A failure prints the seed and the input.

use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::domain::redaction::Redaction;
use crate::domain::text;
use crate::server::forms::decode::parse_form;
use crate::server::gate::scan_as_read;
use crate::server::render::{cook, reading};
use crate::server::services::redaction::redacted;

const PIECES: &[&str] = &[
    "**",
    "*",
    "_",
    "__",
    "`",
    "``",
    "```\n",
    "~~~",
    "[",
    "]",
    "](",
    ")",
    "(",
    "<",
    ">",
    "&",
    "&#",
    "&#x",
    ";",
    "&amp;",
    "&#97;",
    "&#x41;",
    "&#0;",
    "&#x202E;",
    "\\",
    "#",
    "## ",
    "- ",
    "1. ",
    "> ",
    "|",
    "| --- |",
    "---",
    "\n",
    "\n\n",
    "  \n",
    "\t",
    "    ",
    "![",
    "![x](",
    "<script>",
    "</script>",
    "<a href=\"",
    "javascript:",
    "data:text/html,",
    "<img src=x onerror=",
    "<!--",
    "-->",
    "<![CDATA[",
    "[x]: ",
    "http://",
    "https://ex.org/",
    "\"",
    "'",
    "\u{202E}",
    "\u{2066}",
    "\u{2069}",
    "\u{200F}",
    "\u{200B}",
    "\u{00AD}",
    "\u{FEFF}",
    "\u{0}",
    "\u{1b}",
    "\u{85}",
    "é",
    "e\u{301}",
    "\u{301}",
    "日本",
    "Ελλάδα",
    "ا",
    "שלום",
    "🙂",
    "👩\u{200D}⚕️",
    "０",
    "٣",
    "𝟗",
    "Ⅻ",
    "Maria",
    "Okafor",
    "Mаria",
    "555-0199",
    "(503) 555-0199",
    "1990-01-02",
    "12/03/2019",
    "MRN 00482913",
    "SW1A 1AA",
    "@",
    ".",
    " ",
    "%",
    "%FF",
    "%00",
    "+",
    "=",
    "&",
    "a",
    "Z",
    "0",
    "9",
];

fn random_text(rng: &mut StdRng, max_pieces: usize) -> String {
    let n = rng.gen_range(0..=max_pieces);
    let mut s = String::new();
    for _ in 0..n {
        if rng.gen_bool(0.15) {
            // Any scalar value, weighted to the first planes where most scripts live.
            let cp = if rng.gen_bool(0.8) {
                rng.gen_range(0..0x3000)
            } else {
                rng.gen_range(0..0x11_0000)
            };
            if let Some(c) = char::from_u32(cp) {
                s.push(c);
            }
        } else {
            s.push_str(PIECES[rng.gen_range(0..PIECES.len())]);
        }
    }
    s
}

/// Seconds for each target: the total from `CASEROOM_FUZZ_SECS`, shared by the five.
fn budget() -> Duration {
    let total: u64 = std::env::var("CASEROOM_FUZZ_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    Duration::from_millis(total * 1000 / 5)
}

/// Runs `check` on fresh inputs until the budget is spent; returns how many ran.
fn fuzz(name: &str, mut check: impl FnMut(&mut StdRng, u64)) -> u64 {
    let seed: u64 = std::env::var("CASEROOM_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(rand::random);
    let started = Instant::now();
    let mut runs = 0;
    while started.elapsed() < budget() || runs < 50 {
        let case_seed = seed.wrapping_add(runs);
        let mut rng = StdRng::seed_from_u64(case_seed);
        check(&mut rng, case_seed);
        runs += 1;
    }
    eprintln!("fuzz {name}: {runs} inputs from seed {seed}");
    runs
}

#[test]
fn fuzz_cooking_never_panics_and_never_lets_script_through() {
    let script_url =
        regex::Regex::new(r#"(?i)<[a-z][^<>]*\s(href|src)\s*=\s*"\s*(javascript|data|vbscript):"#)
            .unwrap_or_else(|e| panic!("{e}"));
    let handler = regex::Regex::new(r"(?i)<[^>]*\son[a-z]+\s*=").unwrap_or_else(|e| panic!("{e}"));
    fuzz("cook", |rng, seed| {
        let md = random_text(rng, 80);
        if let Ok(html) = cook(&md) {
            let html = html.into_string();
            let lower = html.to_lowercase();
            for banned in ["<script", "<iframe", "<style", "<object", "<embed", "<form"] {
                assert!(
                    !lower.contains(banned),
                    "seed {seed}: {banned} from {md:?}: {html}"
                );
            }
            assert!(
                !script_url.is_match(&html),
                "seed {seed}: script URL from {md:?}: {html}"
            );
            assert!(
                !handler.is_match(&html),
                "seed {seed}: event handler from {md:?}: {html}"
            );
        }
    });
}

#[test]
fn fuzz_the_scanner_places_every_finding_on_the_typed_text() {
    fuzz("scan", |rng, seed| {
        let md = random_text(rng, 60);
        let _ = reading(&md).visual().fold();
        for f in scan_as_read(&md) {
            assert!(
                f.start < f.end && md.get(f.start..f.end).is_some(),
                "seed {seed}: finding {}..{} off the text {md:?}",
                f.start,
                f.end
            );
        }
    });
}

#[test]
fn fuzz_form_decoding_round_trips_and_never_panics() {
    fuzz("forms", |rng, seed| {
        // Raw bytes: any answer but a panic.
        let len = rng.gen_range(0..200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.r#gen::<u8>()).collect();
        let _ = parse_form(&bytes);
        // Encoded pairs come back as they were.
        let pairs: Vec<(String, String)> = (0..rng.gen_range(1..5))
            .map(|_| {
                let mut key = random_text(rng, 3);
                if key.is_empty() {
                    key.push('k');
                }
                (key, random_text(rng, 6))
            })
            .collect();
        let encoded = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        assert_eq!(
            parse_form(encoded.as_bytes()).as_ref(),
            Some(&pairs),
            "seed {seed}: {encoded}"
        );
    });
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn fuzz_redaction_removes_every_typed_occurrence() {
    fuzz("redaction", |rng, seed| {
        let source = random_text(rng, 60);
        // A target of letters and digits that the source may or may not contain.
        let target: String = if rng.gen_bool(0.5) && !source.is_empty() {
            let words: Vec<&str> = source
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| w.len() >= 2)
                .collect();
            match words.get(rng.gen_range(0..words.len().max(1))) {
                Some(w) => (*w).to_owned(),
                None => "Maria".to_owned(),
            }
        } else {
            ["Maria", "Okafor", "0199", "Zz"][rng.gen_range(0..4)].to_owned()
        };
        let Ok(r) = Redaction::parse(&target, "name") else {
            return;
        };
        let typed_in = source
            .to_ascii_lowercase()
            .contains(&target.to_ascii_lowercase());
        match redacted(&source, &r) {
            Some((out, n)) => {
                assert!(n >= 1, "seed {seed}");
                if !r
                    .replacement()
                    .to_ascii_lowercase()
                    .contains(&target.to_ascii_lowercase())
                {
                    assert!(
                        !out.to_ascii_lowercase()
                            .contains(&target.to_ascii_lowercase()),
                        "seed {seed}: {target:?} left in {out:?} (from {source:?})"
                    );
                }
            }
            None => assert!(!typed_in, "seed {seed}: {target:?} not found in {source:?}"),
        }
    });
}

#[test]
fn fuzz_text_checks_leave_no_control_character() {
    fuzz("text", |rng, seed| {
        let s = random_text(rng, 30);
        if let Ok(body) = text::check_body(&s, "x") {
            assert!(
                !body.chars().any(text::is_forbidden_control),
                "seed {seed}: {s:?}"
            );
        }
        if text::check_line(&s, "x").is_ok() {
            assert!(
                !s.chars().any(text::is_layout_control),
                "seed {seed}: {s:?}"
            );
        }
        let _ = text::skeleton(&s);
        let _ = text::looks_empty(&s);
    });
}
