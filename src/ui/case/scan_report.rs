use leptos::prelude::*;

use crate::model::{FieldScan, FindingView};
use crate::ui::form_feedback::FormFeedback;
use crate::ui::raw_text::rcdata;

/// The scanner's findings, highlighted in the author's own text, each with its reason and safer
/// wording. In the form (`explain` on), every blocking finding gets a box for the author to say
/// why it is not an identifier; the live check under a field shows the findings only.
#[component]
pub fn ScanReport(
    scans: Vec<FieldScan>,
    explain: bool,
    /// Explanations typed earlier, by finding key.
    #[prop(optional)]
    explained: Vec<(String, String)>,
) -> impl IntoView {
    let blocking: usize = scans.iter().map(FieldScan::blocking).sum();
    let total: usize = scans.iter().map(|s| s.findings.len()).sum();
    let heading = match (blocking, total) {
        (0, 0) => "No identifiers found".to_owned(),
        (0, n) => format!("{n} detail{} to check", plural(n)),
        (b, n) => format!(
            "{n} detail{} could identify a client; {b} must change or be explained",
            plural(n)
        ),
    };
    let note = if total == 0 {
        "The scanner found nothing that looks like a name, place, date, number or other identifier. A moderator still reviews every case."
    } else {
        "Highlighted below. Change each one (the suggestion is a safer wording), or, if it is not about a client, say why; the moderator sees your reason."
    };
    view! {
        // No ids: the live check renders one report per field on the same page.
        <section class="panel scan-report" aria-label="Identifier check" data-blocking=blocking.to_string()>
            <h2>{heading}</h2>
            <p class="muted">{note}</p>
            {scans.into_iter().map(|s| {
                let explained = explained.clone();
                view! { <FieldFindings scan=s explain=explain explained=explained/> }
            }).collect_view()}
        </section>
    }
}

/// The report a refused submission (or *Check*) handed back to its form, with the explanations
/// the author had typed; nothing on an ordinary page load.
#[component]
pub fn FeedbackScanReport(feedback: FormFeedback) -> impl IntoView {
    let explained: Vec<(String, String)> = feedback
        .values
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("explain.")?.to_owned(), v.clone())))
        .collect();
    feedback
        .scan
        .map(|scans| view! { <ScanReport scans=scans explain=true explained=explained/> })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[component]
fn FieldFindings(
    scan: FieldScan,
    explain: bool,
    explained: Vec<(String, String)>,
) -> impl IntoView {
    let highlighted = highlight(&scan.text, &scan.findings);
    let items = scan
        .findings
        .iter()
        .enumerate()
        .map(|(n, f)| {
            let excerpt = scan.text.get(f.start..f.end).unwrap_or("").to_owned();
            let typed = explained
                .iter()
                .find(|(k, _)| *k == f.key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            view! { <FindingItem n=n + 1 finding=f.clone() excerpt=excerpt explain=explain typed=typed/> }
        })
        .collect_view();
    view! {
        <h3>{scan.label}</h3>
        <p class="scan-text">{highlighted}</p>
        <ol class="findings">{items}</ol>
    }
}

#[component]
fn FindingItem(
    n: usize,
    finding: FindingView,
    excerpt: String,
    explain: bool,
    typed: String,
) -> impl IntoView {
    let class = if finding.blocking {
        "finding block"
    } else {
        "finding warn"
    };
    let weight = if finding.blocking {
        "blocks publishing"
    } else {
        "worth a look"
    };
    let name = format!("explain.{}", finding.key);
    let id = format!("explain-{}", finding.key);
    let explain_box = (explain && finding.blocking).then(|| {
        view! {
            <label class="explain" for=id.clone()>"Not about a client? Say why, without repeating it (at least 10 characters):"</label>
            <textarea id=id name=name rows="2" maxlength="500">{rcdata(&typed)}</textarea>
        }
    });
    view! {
        <li class=class value=n.to_string()>
            <strong>"\u{201c}"{excerpt}"\u{201d}"</strong>
            {format!(" \u{2014} {} ({weight}). ", finding.label)}
            {finding.reason}
            <br/>
            <span class="suggestion">"Try: "{finding.suggestion}</span>
            {explain_box}
        </li>
    }
}

/// The text with each finding wrapped in `<mark>` and numbered like the list below it.
fn highlight(text: &str, findings: &[FindingView]) -> Vec<AnyView> {
    let mut out = Vec::with_capacity(findings.len() * 2 + 1);
    let mut at = 0;
    for (n, f) in findings.iter().enumerate() {
        let (Some(before), Some(marked)) = (text.get(at..f.start), text.get(f.start..f.end)) else {
            continue;
        };
        out.push(before.to_owned().into_any());
        let class = if f.blocking { "block" } else { "warn" };
        out.push(
            view! { <mark class=class title=f.reason.clone()>{marked.to_owned()}<sup>{n + 1}</sup></mark> }
                .into_any(),
        );
        at = f.end;
    }
    out.push(text.get(at..).unwrap_or("").to_owned().into_any());
    out
}
