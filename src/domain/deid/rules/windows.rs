//! Where the rules run: merged windows around the places the union of all rules matched.

use regex::Regex;

/// Far enough back for the longest stretch between a match's start and its rule's trigger
/// ("her mid- … 90s"; see `CANDIDATES`).
pub(super) const WINDOW_BEFORE: usize = 96;
const WINDOW_AFTER: usize = 128;

/// Merged, non-overlapping windows around candidates, starting and ending at whitespace so that
/// word boundaries inside them mean what they mean in the whole text.
pub(super) fn windows(text: &str, candidates: &Regex) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in candidates.find_iter(text) {
        let a = to_space_before(text, m.start().saturating_sub(WINDOW_BEFORE));
        let b = to_space_after(text, (m.end() + WINDOW_AFTER).min(text.len()));
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Back to the nearest whitespace, at most 64 bytes, so that text without spaces ("1/1/1/…")
/// cannot make every window walk back to the start.
fn to_space_before(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let floor = at.saturating_sub(64);
    let mut i = at;
    while i > floor && !bytes[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    if i > floor || floor == 0 {
        i
    } else {
        char_floor(text, at)
    }
}

fn to_space_after(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let ceiling = (at + 64).min(text.len());
    let mut i = at;
    while i < ceiling && !bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if i < ceiling || ceiling == text.len() {
        i
    } else {
        char_ceil(text, at)
    }
}

fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn char_ceil(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}
