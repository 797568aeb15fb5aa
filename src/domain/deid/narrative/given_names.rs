//! The Bloom filter of given names that are no English word ("jayden", "priya"), which
//! `build.rs` makes from the compiled lists: the word pass asks it about every lower-case word,
//! and the lexicon only when it says maybe.

use super::tokens::Fx;

/// 2^18 bits (32 KiB, held in cache) for about fifteen thousand names, two probes: about one
/// false "maybe" in a hundred words. Made by `build.rs`, which hashes as `Fx` does.
const BLOOM_BITS: usize = 1 << 18;
static GIVEN_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given_names.bloom"));

fn probes(folded: &str) -> [usize; 2] {
    use std::hash::Hasher;
    let mut h = Fx::default();
    h.write(folded.as_bytes());
    let v = h.finish();
    [
        (v as usize) & (BLOOM_BITS - 1),
        ((v >> 32) as usize) & (BLOOM_BITS - 1),
    ]
}

pub(super) fn maybe_given_name(folded: &str) -> bool {
    probes(folded).iter().all(|&at| {
        GIVEN_NAMES
            .get(at / 64 * 8..at / 64 * 8 + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    })
}

#[cfg(test)]
mod tests {
    use super::maybe_given_name;
    use crate::domain::deid::lexicon as lx;

    /// `build.rs` hashes with its own copy of `Fx`: every name it put in must be found here.
    #[test]
    fn the_bloom_filter_holds_every_given_name() {
        let mut names = 0;
        lx::each_entry(|e| {
            if e.first_name() && !e.common() {
                names += 1;
                assert!(maybe_given_name(e.folded()), "{}", e.folded());
            }
        });
        assert!(names > 10_000, "{names} names");
        assert!(!maybe_given_name("referral") || !maybe_given_name("session"));
    }
}
