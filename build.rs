//! Compiles the scanner's word lists (`data/deid/*.txt`, one folded entry per line) into `fst`
//! sets in OUT_DIR, which `domain::deid::lexicon` embeds with `include_bytes!`. Only server builds
//! need them; the browser bundle never carries the scanner.

use std::collections::BTreeSet;
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
    for list in LISTS {
        let source = Path::new("data/deid").join(format!("{list}.txt"));
        let text =
            std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
        // A BTreeSet gives the byte order fst requires, whatever order the file is in.
        let words: BTreeSet<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let set = fst::Set::from_iter(words)?;
        std::fs::write(
            Path::new(&out).join(format!("{list}.fst")),
            set.as_fst().as_bytes(),
        )?;
    }
    Ok(())
}
