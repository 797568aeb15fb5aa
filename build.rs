//! Compiles the scanner's word lists (`data/deid/*.txt`, one folded entry per line) into one
//! `fst` map in OUT_DIR, which `domain::deid::lexicon` embeds with `include_bytes!`. Only server builds
//! need them; the browser bundle never carries the scanner.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::Path;

const LISTS: [&str; 5] = [
    "first_names",
    "last_names",
    "places",
    "regions",
    "common_words",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=data/deid");
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var_os("CARGO_FEATURE_SSR").is_none() {
        return Ok(());
    }
    let out = std::env::var("OUT_DIR")?;
    // One map from each folded word to a bit per list it is in: one lookup answers "first name?
    // surname? place? region? common word?" together.
    let mut entries: BTreeMap<String, u64> = BTreeMap::new();
    for (bit, list) in LISTS.iter().enumerate() {
        let source = Path::new("data/deid").join(format!("{list}.txt"));
        let text =
            std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
        for word in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            *entries.entry(word.to_owned()).or_default() |= 1 << bit;
        }
    }
    // A BTreeMap iterates in the byte order fst requires.
    let map = fst::Map::from_iter(entries)?;
    std::fs::write(Path::new(&out).join("lexicon.fst"), map.as_fst().as_bytes())?;
    Ok(())
}
