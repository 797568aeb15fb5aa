//! Compiles the scanner's word lists (`data/deid/*.txt`, one folded entry per line) into one
//! `fst` map in OUT_DIR, which `domain::deid::lexicon` embeds with `include_bytes!`, and two
//! tables learnt from the lists: a Bloom filter of the first names that are no English word
//! (`narrative::given_names`) and the letter-trigram model of names against words (`name_shape`).
//! Made here, not at start-up, so a one-off `caseroom scan` does not walk the lists. Only server
//! builds need them; the browser bundle never carries the scanner.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::Path;

/// Each list and the bit it sets; `regions_extra` is hand-written (regions people write that
/// the generated list spells differently: "the midlands", "kerala").
const LISTS: [(&str, u64); 6] = [
    ("first_names", FIRST),
    ("last_names", LAST),
    ("places", 1 << 2),
    ("regions", REGION),
    ("regions_extra", REGION),
    ("common_words", COMMON),
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=data/deid");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/domain/deid/narrative/fx_hash.rs");
    if std::env::var_os("CARGO_FEATURE_SSR").is_none() {
        return Ok(());
    }
    let out = std::env::var("OUT_DIR")?;
    // One map from each folded word to a bit per list it is in: one lookup answers "first name?
    // surname? place? region? common word?" together.
    let mut entries: BTreeMap<String, u64> = BTreeMap::new();
    for (list, bit) in LISTS {
        for word in read_list(list)? {
            *entries.entry(word).or_default() |= bit;
        }
    }
    // In the word list (as "black maria", "peter out"), but in a case write-up a person: the
    // word bit goes, so the scanner asks one bit and no list per word.
    for word in read_list("names_not_words")? {
        if let Some(bits) = entries.get_mut(&word) {
            *bits &= !COMMON;
        }
    }
    std::fs::write(
        Path::new(&out).join("given_names.bloom"),
        given_names_bloom(&entries),
    )?;
    std::fs::write(Path::new(&out).join("name_shape.bin"), name_shape(&entries))?;
    // A BTreeMap iterates in the byte order fst requires.
    let map = fst::Map::from_iter(entries)?;
    std::fs::write(Path::new(&out).join("lexicon.fst"), map.as_fst().as_bytes())?;
    Ok(())
}

fn read_list(list: &str) -> Result<Vec<String>, Box<dyn Error>> {
    let source = Path::new("data/deid").join(format!("{list}.txt"));
    let text =
        std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

/// The bits `domain::deid::lexicon` reads.
const FIRST: u64 = 1;
const LAST: u64 = 1 << 1;
const REGION: u64 = 1 << 3;
const COMMON: u64 = 1 << 4;

// The word pass's hash, shared so the Bloom filter is probed as it was made (a test in
// `narrative::given_names` holds that every name is found).
include!("src/domain/deid/narrative/fx_hash.rs");

/// 2^18 bits, two probes from one hash, little-endian u64 words.
fn given_names_bloom(entries: &BTreeMap<String, u64>) -> Vec<u8> {
    const BITS: usize = 1 << 18;
    let mut words = vec![0u64; BITS / 64];
    for (word, bits) in entries {
        if bits & FIRST != 0 && bits & COMMON == 0 {
            let v = fx_hash(word);
            for at in [(v as usize) & (BITS - 1), ((v >> 32) as usize) & (BITS - 1)] {
                words[at / 64] |= 1 << (at % 64);
            }
        }
    }
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

/// log P(trigram | name) − log P(trigram | word), add-one smoothed, as little-endian f32 over
/// 28 symbols (the word's edge, 26 letters, anything else).
fn name_shape(entries: &BTreeMap<String, u64>) -> Vec<u8> {
    const SYMBOLS: usize = 28;
    let symbol = |b: u8| match b {
        b'a'..=b'z' => usize::from(b - b'a') + 1,
        _ => 27,
    };
    let cells = SYMBOLS * SYMBOLS * SYMBOLS;
    let (mut names, mut words) = (vec![1u32; cells], vec![1u32; cells]);
    for (word, bits) in entries {
        if word.contains(' ') {
            continue;
        }
        let person = bits & (FIRST | LAST) != 0;
        let common = bits & COMMON != 0;
        let counts = match (person, common) {
            (true, false) => &mut names,
            (false, true) => &mut words,
            _ => continue,
        };
        let seq: Vec<usize> = [0, 0]
            .into_iter()
            .chain(word.bytes().map(symbol))
            .chain([0])
            .collect();
        for t in seq.windows(3) {
            counts[(t[0] * SYMBOLS + t[1]) * SYMBOLS + t[2]] += 1;
        }
    }
    let total = |c: &[u32]| c.iter().map(|&n| f64::from(n)).sum::<f64>();
    let (n_names, n_words) = (total(&names), total(&words));
    names
        .iter()
        .zip(&words)
        .flat_map(|(&n, &w)| {
            (((f64::from(n) / n_names).ln() - (f64::from(w) / n_words).ln()) as f32).to_le_bytes()
        })
        .collect()
}
