//! The five targets: each property must hold for every input the generator makes.

use rand::Rng;

use super::{fuzz, random_text};
use crate::domain::redaction::Redaction;
use crate::domain::text;
use crate::server::forms::decode::parse_form;
use crate::server::gate::scan_as_read;
use crate::server::render::{cook, reading};
use crate::server::services::redaction::redacted;

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
