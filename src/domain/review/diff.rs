//! A line diff for the moderator's side-by-side view of an edit: what the last approved version
//! said on the left, the version under review on the right.

use serde::{Deserialize, Serialize};

/// One row of the side-by-side view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffRow {
    Same(String),
    /// Only in the old version.
    Removed(String),
    /// Only in the new version.
    Added(String),
    /// A line replaced by another, shown side by side.
    Changed(String, String),
}

/// Above this many line pairs the texts are shown as one replaced block rather than compared
/// line by line; sections are capped at 64 KiB, so this only trims the worst case.
const MAX_CELLS: usize = 4_000_000;

/// Longest-common-subsequence line diff. Runs of removed lines followed by added lines are
/// paired up as `Changed` so the two sides line up.
pub fn line_diff(old: &str, new: &str) -> Vec<DiffRow> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = if a.len().saturating_mul(b.len()) > MAX_CELLS {
        let mut ops: Vec<Op> = a.iter().map(|l| Op::Del(l)).collect();
        ops.extend(b.iter().map(|l| Op::Add(l)));
        ops
    } else {
        lcs_ops(&a, &b)
    };
    pair_changes(ops)
}

enum Op<'a> {
    Keep(&'a str),
    Del(&'a str),
    Add(&'a str),
}

fn lcs_ops<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Op<'a>> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: LCS length of a[i..] and b[j..], flattened.
    let mut lengths = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[at(i, j)] = if a[i] == b[j] {
                lengths[at(i + 1, j + 1)] + 1
            } else {
                lengths[at(i + 1, j)].max(lengths[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n + m);
    while i < n && j < m {
        if a[i] == b[j] {
            ops.push(Op::Keep(a[i]));
            i += 1;
            j += 1;
        } else if lengths[at(i + 1, j)] >= lengths[at(i, j + 1)] {
            ops.push(Op::Del(a[i]));
            i += 1;
        } else {
            ops.push(Op::Add(b[j]));
            j += 1;
        }
    }
    ops.extend(a[i..].iter().map(|l| Op::Del(l)));
    ops.extend(b[j..].iter().map(|l| Op::Add(l)));
    ops
}

fn pair_changes(ops: Vec<Op<'_>>) -> Vec<DiffRow> {
    let mut rows = Vec::new();
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let flush = |rows: &mut Vec<DiffRow>, removed: &mut Vec<&str>, added: &mut Vec<&str>| {
        let pairs = removed.len().min(added.len());
        for k in 0..pairs {
            rows.push(DiffRow::Changed(removed[k].to_owned(), added[k].to_owned()));
        }
        rows.extend(
            removed[pairs..]
                .iter()
                .map(|l| DiffRow::Removed((*l).to_owned())),
        );
        rows.extend(
            added[pairs..]
                .iter()
                .map(|l| DiffRow::Added((*l).to_owned())),
        );
        removed.clear();
        added.clear();
    };
    for op in ops {
        match op {
            Op::Keep(l) => {
                flush(&mut rows, &mut removed, &mut added);
                rows.push(DiffRow::Same(l.to_owned()));
            }
            Op::Del(l) => removed.push(l),
            Op::Add(l) => added.push(l),
        }
    }
    flush(&mut rows, &mut removed, &mut added);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiffRow::*;

    fn s(x: &str) -> String {
        x.to_owned()
    }

    #[test]
    fn unchanged_text_is_all_same() {
        assert_eq!(line_diff("a\nb", "a\nb"), vec![Same(s("a")), Same(s("b"))]);
    }

    #[test]
    fn a_replaced_line_is_shown_side_by_side_and_additions_and_removals_alone() {
        assert_eq!(
            line_diff("one\ntwo\nthree", "one\n2\nthree\nfour"),
            vec![
                Same(s("one")),
                Changed(s("two"), s("2")),
                Same(s("three")),
                Added(s("four"))
            ]
        );
        assert_eq!(
            line_diff("keep\ngone", "keep"),
            vec![Same(s("keep")), Removed(s("gone"))]
        );
        assert_eq!(line_diff("", "new"), vec![Added(s("new"))]);
    }

    #[test]
    fn huge_inputs_fall_back_to_one_replaced_block() {
        let old = "x\n".repeat(2_100);
        let new = "y\n".repeat(2_100);
        let rows = line_diff(&old, &new);
        assert_eq!(rows.len(), 2_100);
        assert!(rows.iter().all(|r| matches!(r, Changed(_, _))));
    }
}
