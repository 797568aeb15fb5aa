//! Bounded fuzzing of what parses member input: Markdown cooking, the scanner's reading of a
//! post, form decoding, the redaction matcher and the text checks. Inputs are random strings
//! built from pieces that have broken parsers before (Markdown syntax, character references,
//! direction and invisible characters, NUL, combining marks, other scripts, identifiers),
//! plus raw random characters. Each target runs for a share of `CASEROOM_FUZZ_SECS` (default
//! 12 s in all, in the test command); `scripts/fuzz.sh` runs them longer in a release build.
//! A failure prints the seed and the input.

mod targets;

use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

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
