//! The word pass's hash: one hash per word answers both the short lists' flags (a table
//! looked up by that hash) and the Bloom filter of given names (probed from the same hash).
//! Hashing each word twice was a tenth of the scanner's time on realistic posts.

/// FxHash: the lookup per word is the hot path, and the keys are our own short words, so a
/// fast non-keyed hash is safe here (no attacker chooses the table's keys; a crafted text can
/// only make its own words collide, and a probe ends at the first empty slot).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes per step: words are short, so most take one or two.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
}

pub(crate) type FxBuild = std::hash::BuildHasherDefault<Fx>;

mod shared {
    include!("fx_hash.rs");
}

/// The hash of a folded word (`fx_hash.rs`, which `build.rs` includes too).
pub(super) fn fx_hash(folded: &str) -> u64 {
    shared::fx_hash(folded)
}

/// Flags per word, open-addressed by the word's `fx_hash`, so a caller that has the hash
/// already looks up without hashing again. A probe reads 16-bit tags (8 KiB for the short
/// lists, held in cache) and touches a word only when its tag matches: most words of a post are
/// in no list, and reading a word's slot for each cost more than the second hash it saves.
pub(super) struct WordTable {
    /// The hash's top 16 bits, never 0; 0 marks an empty slot.
    tags: Vec<u16>,
    words: Vec<(&'static str, u32)>,
    mask: usize,
}

fn tag(h: u64) -> u16 {
    ((h >> 48) as u16).max(1)
}

impl WordTable {
    /// ORs each word's flags together; at most half full, so probes stay short.
    pub(super) fn new(words: impl IntoIterator<Item = (&'static str, u32)>) -> WordTable {
        let words: Vec<(&'static str, u32)> = words.into_iter().collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut table = WordTable {
            tags: vec![0; size],
            words: vec![("", 0); size],
            mask: size - 1,
        };
        for (word, flags) in words {
            let h = fx_hash(word);
            let mut at = (h as usize) & table.mask;
            loop {
                if table.tags[at] == 0 {
                    table.tags[at] = tag(h);
                    table.words[at] = (word, flags);
                    break;
                }
                if table.words[at].0 == word {
                    table.words[at].1 |= flags;
                    break;
                }
                at = (at + 1) & table.mask;
            }
        }
        table
    }

    /// The flags of `folded`, whose `fx_hash` is `h`; 0 for a word in no list.
    pub(super) fn get(&self, h: u64, folded: &str) -> u32 {
        let want = tag(h);
        let mut at = (h as usize) & self.mask;
        loop {
            let t = self.tags[at];
            if t == 0 {
                return 0;
            }
            if t == want && self.words[at].0 == folded {
                return self.words[at].1;
            }
            at = (at + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{WordTable, fx_hash};

    #[test]
    fn the_table_finds_every_word_with_its_flags_together() {
        let words: Vec<String> = (0..3000).map(|n| format!("word{n}")).collect();
        let table = WordTable::new(
            words
                .iter()
                .map(|w| (&*Box::leak(w.clone().into_boxed_str()), 1u32))
                .chain([("word7", 4u32)]),
        );
        for w in &words {
            let expect = if w == "word7" { 5 } else { 1 };
            assert_eq!(table.get(fx_hash(w), w), expect, "{w}");
        }
        assert_eq!(table.get(fx_hash("absent"), "absent"), 0);
        assert_eq!(table.get(fx_hash(""), ""), 0);
    }
}
