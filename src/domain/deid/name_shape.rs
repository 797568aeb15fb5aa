//! Whether a word in no list is shaped like a name or like an English word: "Abdurakhmon",
//! "Nkechi" against "Interoceptive", "Tokophobia". A letter-trigram model of the two, learnt
//! from the compiled word lists themselves (the first names and surnames that are no English
//! word, and the English words that are no name) by `build.rs`.
//!
//! Asked only of a capitalised word that opens a sentence and is in no list, where the words
//! around it say nothing: without it such a word was never flagged (names nobody listed were
//! missed), and flagging every one flagged the jargon clinical writing opens sentences with.

/// log P(trigram | name) − log P(trigram | word) per trigram, as little-endian f32, made by
/// `build.rs` from the compiled lists (the first names and surnames that are no English word,
/// and the English words that are no name).
static MODEL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/name_shape.bin"));

/// 26 letters, one slot for anything else, one for the word's edge.
const SYMBOLS: usize = 28;
const EDGE: usize = 0;

fn symbol(b: u8) -> usize {
    match b {
        b'a'..=b'z' => usize::from(b - b'a') + 1,
        _ => 27,
    }
}

/// The edge twice before the word and once after: "^^nkechi$".
fn trigrams(folded: &str) -> impl Iterator<Item = usize> + '_ {
    let symbols = [EDGE, EDGE]
        .into_iter()
        .chain(folded.bytes().map(symbol))
        .chain([EDGE]);
    let mut window = [EDGE; 3];
    symbols.enumerate().filter_map(move |(n, s)| {
        window = [window[1], window[2], s];
        (n >= 2).then(|| (window[0] * SYMBOLS + window[1]) * SYMBOLS + window[2])
    })
}

fn weight(trigram: usize) -> f32 {
    MODEL
        .get(trigram * 4..trigram * 4 + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0.0, f32::from_le_bytes)
}

/// Above 0: more like a name than a word. Measured on the lists (a thousand of each left out of
/// the counts), 0.5 keeps about 64% of names and 2% of words.
pub fn name_likeness(folded: &str) -> f32 {
    let (sum, n) = trigrams(folded).fold((0f32, 0u32), |(s, n), t| (s + weight(t), n + 1));
    if n == 0 { 0.0 } else { sum / n as f32 }
}

#[cfg(test)]
mod tests {
    use super::name_likeness;

    #[test]
    fn names_nobody_listed_look_like_names_and_jargon_does_not() {
        for name in ["abdurakhmon", "nkechi", "oyelaran", "haddad", "tiannah"] {
            assert!(name_likeness(name) > 0.5, "{name}: {}", name_likeness(name));
        }
        for word in [
            "interoceptive",
            "countertransference",
            "psychodynamic",
            "autism",
            "meds",
        ] {
            assert!(name_likeness(word) < 0.0, "{word}: {}", name_likeness(word));
        }
    }
}
