//! Time-based one-time codes (RFC 6238: HMAC-SHA-1, 30-second steps, six digits), as every
//! authenticator app makes them, and the recovery codes that stand in for the app.

use hmac::{Hmac, Mac};
use rand::RngCore as _;
use sha1::Sha1;

use super::token::same;

const STEP_SECS: i64 = 30;
/// A code of the step before or after is accepted too: a phone's clock a little off, a code
/// typed as it turned.
const DRIFT_STEPS: i64 = 1;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new secret: 160 random bits, as RFC 4226 recommends, in base32 (what apps take typed).
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base32(&bytes)
}

/// The link an authenticator app takes: the site's name, the member's email, the secret.
pub fn provisioning_uri(secret: &str, account: &str) -> String {
    let label: String = format!("Caseroom:{account}")
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!(
        "otpauth://totp/{label}?secret={secret}&issuer=Caseroom&algorithm=SHA1&digits=6&period=30"
    )
}

/// The step of the code `typed` at `now`, if it is right for `secret` within the drift and
/// newer than `last_step` (a code is never taken twice); `None` otherwise.
pub fn verify(secret: &str, typed: &str, now: i64, last_step: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != 6 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let key = unbase32(secret)?;
    let current = now.div_euclid(STEP_SECS);
    (current - DRIFT_STEPS..=current + DRIFT_STEPS)
        .filter(|step| *step > last_step)
        .find(|step| {
            same(
                format!("{:06}", code(&key, *step)).as_bytes(),
                typed.as_bytes(),
            )
        })
}

/// The code an authenticator app shows for `secret` at `at`: what the tests and a person at
/// the command line type. `None` for a secret that is not base32.
pub fn code_at(secret: &str, at: i64) -> Option<String> {
    let key = unbase32(secret)?;
    Some(format!("{:06}", code(&key, at.div_euclid(STEP_SECS))))
}

/// The six-digit code of `step` (RFC 4226's dynamic truncation).
fn code(key: &[u8], step: i64) -> u32 {
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(key) else {
        return u32::MAX;
    };
    mac.update(&step.to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[19] & 0x0f);
    let binary = (u32::from(hash[offset]) & 0x7f) << 24
        | u32::from(hash[offset + 1]) << 16
        | u32::from(hash[offset + 2]) << 8
        | u32::from(hash[offset + 3]);
    binary % 1_000_000
}

/// Ten recovery codes, each usable once: 50 random bits as two groups of five letters and
/// digits, easy to copy from paper.
pub fn new_recovery_codes() -> Vec<String> {
    (0..10)
        .map(|_| {
            let mut bytes = [0u8; 8];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let s = base32(&bytes).to_lowercase();
            format!("{}-{}", &s[0..5], &s[5..10])
        })
        .collect()
}

/// A recovery code as typed, in the form it was given (lower case, one hyphen), or `None`
/// when it cannot be one.
pub fn normalise_recovery_code(typed: &str) -> Option<String> {
    let plain: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (plain.len() == 10).then(|| format!("{}-{}", &plain[0..5], &plain[5..10]))
}

fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for b in bytes {
        buffer = (buffer << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

fn unbase32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| *c != b'=' && *c != b' ') {
        let value = ALPHABET.iter().position(|a| *a == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238's SHA-1 test secret, "12345678901234567890".
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_match_the_rfc_and_base32_round_trips() {
        assert_eq!(base32(b"12345678901234567890"), RFC_SECRET);
        assert_eq!(
            unbase32(RFC_SECRET).as_deref(),
            Some(&b"12345678901234567890"[..])
        );
        // Appendix B, the last six of the eight digits.
        for (time, expected) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ] {
            assert_eq!(
                verify(RFC_SECRET, expected, time, 0),
                Some(time / 30),
                "{time}"
            );
        }
    }

    #[test]
    fn a_code_is_taken_within_a_step_once_and_never_when_wrong() {
        let t = 1_111_111_109;
        assert_eq!(
            verify(RFC_SECRET, "081 804", t + 30, 0),
            Some(t / 30),
            "a step late"
        );
        assert_eq!(verify(RFC_SECRET, "081804", t + 90, 0), None, "too late");
        assert_eq!(
            verify(RFC_SECRET, "081804", t, t / 30),
            None,
            "used already"
        );
        assert_eq!(verify(RFC_SECRET, "081805", t, 0), None);
        for bad in ["", "12345", "1234567", "abcdef", "08180４"] {
            assert_eq!(verify(RFC_SECRET, bad, t, 0), None, "{bad}");
        }
        assert_eq!(verify("not base32!", "081804", t, 0), None);
    }

    #[test]
    fn secrets_and_recovery_codes_are_fresh_and_typed_back_loosely() {
        assert_ne!(new_secret(), new_secret());
        assert_eq!(new_secret().len(), 32);
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 11 && normalise_recovery_code(c).as_ref() == Some(c))
        );
        assert_eq!(
            normalise_recovery_code(" ABCDE fghij ").as_deref(),
            Some("abcde-fghij")
        );
        assert_eq!(normalise_recovery_code("abc"), None);
        assert!(
            provisioning_uri("ABC", "jo smith@x.org")
                .starts_with("otpauth://totp/Caseroom:jo%20smith@x.org?secret=ABC")
        );
    }
}
