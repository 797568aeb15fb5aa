//! Check digits of national and bank numbers, so a number of the right shape that fails its
//! check stays a plain number ("237 894 456" is a Canadian SIN only when Luhn says so).

use super::Span;
use crate::domain::deid::Severity::{self, Block, Warn};

fn digits(t: &str) -> Vec<u32> {
    t.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// Luhn (Canadian SIN, IMEI, card numbers).
pub(super) fn luhn_ok(d: &[u32]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 { y - 9 } else { y }
            } else {
                x
            }
        })
        .sum();
    !d.is_empty() && sum.is_multiple_of(10)
}

/// Australian tax file number: weights 1 4 3 7 5 8 6 9 10, sum divisible by 11.
fn tfn_ok(d: &[u32]) -> bool {
    const W: [u32; 9] = [1, 4, 3, 7, 5, 8, 6, 9, 10];
    d.len() == 9
        && d.iter()
            .zip(W)
            .map(|(a, b)| a * b)
            .sum::<u32>()
            .is_multiple_of(11)
}

/// UK NHS number: ten digits, mod 11 over the first nine with weights 10..2.
pub(super) fn nhs_ok(d: &[u32]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(a, w)| a * w).sum();
    let check = (11 - sum % 11) % 11;
    check != 10 && check == d[9]
}

/// Verhoeff (Indian Aadhaar).
fn verhoeff_ok(d: &[u32]) -> bool {
    const M: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let mut c = 0usize;
    for (i, &x) in d.iter().rev().enumerate() {
        c = usize::from(M[c][usize::from(P[i % 8][x as usize])]);
    }
    !d.is_empty() && c == 0
}

/// Nine digits in threes: a SIN (Luhn) or a TFN is a national number; anything else of that
/// shape is left to the other rules.
pub(super) fn nine_digit_id(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let seps: Vec<char> = t.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.windows(2).any(|w| w[0] != w[1]) {
        return None;
    }
    let d = digits(t);
    (luhn_ok(&d) || tfn_ok(&d)).then_some(Block)
}

/// Twelve digits in fours: an Aadhaar number when Verhoeff says so.
pub(super) fn aadhaar(s: &mut Span<'_>) -> Option<Severity> {
    verhoeff_ok(&digits(s.get())).then_some(Block)
}

/// Ten digits 3-3-4: an NHS number when mod 11 says so.
pub(super) fn nhs_number(s: &mut Span<'_>) -> Option<Severity> {
    nhs_ok(&digits(s.get())).then_some(Block)
}

/// An IBAN: country letters, two check digits, then the account; mod 97 of the rearranged
/// number is 1.
pub(super) fn iban(s: &mut Span<'_>) -> Option<Severity> {
    let compact: String = s.get().chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) {
        return None;
    }
    let (head, rest) = compact.split_at(4);
    let mut r: u64 = 0;
    for c in rest.chars().chain(head.chars()) {
        let v = c.to_digit(36)?;
        for d in if v >= 10 {
            vec![v / 10, v % 10]
        } else {
            vec![v]
        } {
            r = (r * 10 + u64::from(d)) % 97;
        }
    }
    Some(if r == 1 { Block } else { Warn })
}

/// "AB 12 34 56 C" as a National Insurance number; not "OT 12 34 56 A" in a rota.
pub(super) fn ni_number(s: &mut super::Span<'_>) -> Option<crate::domain::deid::Severity> {
    let prefix: String = s
        .get()
        .chars()
        .take(2)
        .collect::<String>()
        .to_ascii_uppercase();
    (!matches!(
        prefix.as_str(),
        "BG" | "GB" | "NK" | "KN" | "TN" | "NT" | "ZZ"
    ))
    .then_some(Block)
}
