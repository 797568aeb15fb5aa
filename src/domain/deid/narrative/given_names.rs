//! The Bloom filter of given names that are no English word ("jayden", "priya"), which
//! `build.rs` makes from the compiled lists: the word pass asks it about every lower-case word,
//! and the lexicon only when it says maybe.

/// 2^18 bits (32 KiB, held in cache) for about fifteen thousand names, two probes: about one
/// false "maybe" in a hundred words. Made by `build.rs`, which hashes as `word_table::fx_hash` does.
const BLOOM_BITS: usize = 1 << 18;
static GIVEN_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/given_names.bloom"));

/// From the word's `fx_hash`, which the word pass has already computed for the flags.
fn probes(v: u64) -> [usize; 2] {
    [
        (v as usize) & (BLOOM_BITS - 1),
        ((v >> 32) as usize) & (BLOOM_BITS - 1),
    ]
}

pub(super) fn maybe_given_name(h: u64) -> bool {
    probes(h).iter().all(|&at| {
        GIVEN_NAMES
            .get(at / 64 * 8..at / 64 * 8 + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
            .is_some_and(|w| w & (1 << (at % 64)) != 0)
    })
}

#[cfg(test)]
mod tests {
    use super::super::word_table::fx_hash;
    use super::maybe_given_name;
    use crate::domain::deid::lexicon as lx;

    /// `build.rs` hashes with its own copy of `fx_hash`: every name it put in must be found here.
    #[test]
    fn the_bloom_filter_holds_every_given_name() {
        let mut names = 0;
        lx::each_entry(|folded, e| {
            if e.first_name() && !e.common() {
                names += 1;
                assert!(maybe_given_name(fx_hash(folded)), "{folded}");
            }
        });
        assert!(names > 10_000, "{names} names");
        assert!(!maybe_given_name(fx_hash("referral")) || !maybe_given_name(fx_hash("session")));
    }
}
