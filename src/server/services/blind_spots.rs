//! "My blind spots": a clinician's own cases over time, with what recurs in them
//! (`domain::blind_spots`), for them alone, on a page and as a Markdown file.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::domain::blind_spots::{CaseNotes, ThemeKind, themes};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::{BlindSpotCase, BlindSpotsView, ThemeView};
use crate::server::error::AppError;
use crate::server::render::reading;
use crate::server::state::AppState;

pub async fn overview(state: &AppState, actor: Option<&Actor>) -> Result<BlindSpotsView, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let me = super::access::signed_in(actor)?;
    let notes = state.store.own_case_notes(me).await?;
    let mut helpful: HashMap<i64, Vec<(String, String)>> = HashMap::new();
    for f in state.store.helpful_feedback(me).await? {
        helpful
            .entry(f.case_id)
            .or_default()
            .push((f.author_name, plain(&f.body)));
    }
    let found = themes(
        &notes
            .iter()
            .map(|n| CaseNotes {
                id: n.id,
                tags: n.tags.clone(),
                stuck: plain(&n.stuck),
                blind_spot: plain(&n.blind_spot),
            })
            .collect::<Vec<_>>(),
    );
    let titles: HashMap<i64, String> = notes.iter().map(|n| (n.id, n.title.clone())).collect();
    let themes = found
        .into_iter()
        .map(|t| ThemeView {
            label: match &t.kind {
                ThemeKind::Concern(tag) => tag.label().to_owned(),
                ThemeKind::Word(word) => word.clone(),
            },
            concern: matches!(t.kind, ThemeKind::Concern(_)),
            cases: t
                .cases
                .iter()
                .map(|id| (*id, titles.get(id).cloned().unwrap_or_default()))
                .collect(),
        })
        .collect();
    let cases = notes
        .into_iter()
        .rev()
        .map(|n| BlindSpotCase {
            helpful: helpful.remove(&n.id).unwrap_or_default(),
            id: n.id,
            title: n.title,
            created_at: n.created_at,
            published: n.published,
            tags: n.tags.iter().map(|t| t.label().to_owned()).collect(),
            stuck: plain(&n.stuck),
            blind_spot: plain(&n.blind_spot),
        })
        .collect();
    Ok(BlindSpotsView { themes, cases })
}

/// The same as a Markdown file to keep. Its text is the clinician's own (and the feedback
/// they were given), so it is set down as text: each line indented as a quote, never markup.
pub async fn markdown(state: &AppState, actor: Option<&Actor>) -> Result<String, AppError> {
    let view = overview(state, actor).await?;
    let now = state.clock.now();
    let mut out = format!(
        "# My blind spots\n\nFrom Caseroom, {}. Only you can see this; keep it as carefully as the forum does.\n\n## What recurs\n\n",
        crate::ui::time::format_date(now)
    );
    if view.themes.is_empty() {
        out.push_str("Nothing recurs yet: a theme needs two cases.\n");
    }
    for t in &view.themes {
        let what = if t.concern { "Concern" } else { "Word" };
        let titles: Vec<&str> = t.cases.iter().map(|(_, title)| title.as_str()).collect();
        let _ = writeln!(
            out,
            "- {what}: {} ({} cases: {})",
            text(&t.label),
            t.cases.len(),
            text(&titles.join("; "))
        );
    }
    out.push_str("\n## My cases\n");
    for c in &view.cases {
        let _ = write!(
            out,
            "\n### {}\n\n{}{}\n",
            text(&c.title),
            crate::ui::time::format_date(c.created_at),
            if c.published { "" } else { " (not published)" }
        );
        if !c.tags.is_empty() {
            let _ = writeln!(out, "\nConcerns: {}", c.tags.join(", "));
        }
        for (label, body) in [
            ("Where I was stuck", &c.stuck),
            ("The blind spot I suspected", &c.blind_spot),
        ] {
            if !body.is_empty() {
                let _ = write!(out, "\n{label}:\n\n{}\n", quoted(body));
            }
        }
        for (who, body) in &c.helpful {
            let _ = write!(
                out,
                "\nSupervisor feedback I found helpful, from {}:\n\n{}\n",
                text(who),
                quoted(body)
            );
        }
    }
    Ok(out)
}

/// A post's Markdown as its readers read it.
fn plain(markdown: &str) -> String {
    reading(markdown).text().trim().to_owned()
}

/// One line of text with Markdown's markup characters escaped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !c.is_control()) {
        if "\\`*_{}[]<>()#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text as a block quote, each line escaped.
fn quoted(s: &str) -> String {
    s.lines()
        .map(|l| format!("> {}", text(l)))
        .collect::<Vec<_>>()
        .join("\n")
}
