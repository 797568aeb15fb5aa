//! `caseroom scan [--json] FILE|-`: the de-identification scanner on a clinician's own notes,
//! read as the publication gate reads a post (as Markdown readers will see, see
//! `gate::scan_as_read`), so it reports what the composer and the review page report, and the
//! case-level combination warning with the whole file as one part (`gate::combination_of_file`).
//! Like the findings, the warning names positions and kinds, never the words found: the report
//! may be pasted where the notes may not. Exit status 1 when a *block* finding exists, 0
//! otherwise (the combination warning never blocks), 2 on error. Needs no database and no
//! configuration.

use std::io::{Read as _, Write as _};
use std::process::ExitCode;

use crate::domain::deid::{self, Finding};
use crate::model::CombinationView;

/// Far above any post; the scanner is linear, so this only keeps a mistaken path (a disk image)
/// from filling memory.
pub const MAX_SCAN_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(path: &str, json: bool) -> ExitCode {
    let text = match read(path) {
        Ok(t) => t,
        Err(message) => {
            eprintln!("caseroom scan: {message}");
            return ExitCode::from(2);
        }
    };
    let findings = crate::server::gate::scan_as_read(&text);
    let combination = crate::server::gate::combination_of_file(&text);
    let printed = if json {
        print_json(&text, &findings, combination.as_ref())
    } else {
        print_lines(&text, &findings, combination.as_ref())
    };
    if let Err(e) = printed {
        eprintln!("caseroom scan: cannot write the report: {e}");
        return ExitCode::from(2);
    }
    if deid::blocks(&findings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let limit = MAX_SCAN_FILE_BYTES + 1;
    let read = if path == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .map_err(|e| format!("cannot open {path}: {e}"))?
            .take(limit)
            .read_to_end(&mut bytes)
    };
    let name = if path == "-" { "standard input" } else { path };
    read.map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > MAX_SCAN_FILE_BYTES {
        return Err(format!(
            "{name} is larger than {} MiB; split it into smaller files",
            MAX_SCAN_FILE_BYTES / 1024 / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {}); save it as UTF-8 and try again",
            e.utf8_error().valid_up_to()
        )
    })
}

fn print_json(
    text: &str,
    findings: &[Finding],
    combination: Option<&CombinationView>,
) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Report<'a> {
        findings: &'a [Finding],
        combination: Option<Combination<'a>>,
    }
    /// The warning without the excerpts `CombinationView` carries for the author's own page.
    #[derive(serde::Serialize)]
    struct Combination<'a> {
        severity: &'static str,
        reason: &'a str,
        advice: Vec<&'a str>,
        factors: Vec<Factor<'a>>,
    }
    #[derive(serde::Serialize)]
    struct Factor<'a> {
        factor: &'a str,
        line: usize,
        column: usize,
    }
    let combination = combination.map(|c| Combination {
        severity: deid::Severity::Warn.as_str(),
        reason: &c.reason,
        advice: c.factors.iter().map(|f| f.advice.as_str()).collect(),
        factors: c
            .factors
            .iter()
            .map(|f| {
                let (line, column) = line_column(text, f.start);
                Factor {
                    factor: &f.factor,
                    line,
                    column,
                }
            })
            .collect(),
    });
    let mut out = std::io::stdout().lock();
    serde_json::to_writer(
        &mut out,
        &Report {
            findings,
            combination,
        },
    )?;
    writeln!(out)
}

fn print_lines(
    text: &str,
    findings: &[Finding],
    combination: Option<&CombinationView>,
) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let mut position = Position::default();
    for f in findings {
        let (line, column) = position.advance(text, f.start);
        writeln!(
            out,
            "{line}:{column}: {} ({}): {} Try: {}",
            f.category.label(),
            f.severity.as_str(),
            f.reason,
            f.suggestion
        )?;
    }
    if let Some(c) = combination {
        writeln!(
            out,
            "case: combination ({}): {}",
            deid::Severity::Warn.as_str(),
            c.reason
        )?;
        for f in &c.factors {
            let (line, column) = line_column(text, f.start);
            writeln!(out, "{line}:{column}: {}. Try: {}", f.factor, f.advice)?;
        }
    }
    let blocking = findings
        .iter()
        .filter(|f| f.severity == deid::Severity::Block)
        .count();
    writeln!(
        out,
        "{} finding(s), {blocking} blocking publication",
        findings.len()
    )
}

/// Line and column of one byte offset. The combination's factors come in the order of their
/// kinds, not of the text, so each is counted from the start (a handful per file).
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    Position::default().advance(text, offset)
}

/// Line and column (1-based, in characters) of ascending byte offsets, in one pass overall.
#[derive(Default)]
struct Position {
    offset: usize,
    line: usize,
    column: usize,
}

impl Position {
    fn advance(&mut self, text: &str, to: usize) -> (usize, usize) {
        for c in text[self.offset..to].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 0;
            } else {
                self.column += 1;
            }
        }
        self.offset = to;
        (self.line + 1, self.column + 1)
    }
}
