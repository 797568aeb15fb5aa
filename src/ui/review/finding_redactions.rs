use leptos::prelude::*;

use crate::domain::redaction::category_for_finding;
use crate::model::{CaseId, FieldScan};

/// Each scanner finding with a one-step *Redact* button (the same redaction as the form below,
/// with the finding's text and category filled in).
#[component]
pub fn FindingRedactions(case: CaseId, scans: Vec<FieldScan>) -> impl IntoView {
    let mut seen: Vec<String> = Vec::new();
    let mut items = Vec::new();
    for scan in &scans {
        for f in &scan.findings {
            let Some(text) = scan.text.get(f.start..f.end) else {
                continue;
            };
            if text.trim().chars().count() < 2 || seen.iter().any(|s| s == text) {
                continue;
            }
            seen.push(text.to_owned());
            items.push((
                scan.label.clone(),
                f.label.clone(),
                text.to_owned(),
                category_for_finding(&f.category),
            ));
        }
    }
    (!items.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="finding-redactions">
                <h2 id="finding-redactions">"Redact a finding"</h2>
                <ul class="finding-redactions">
                    {items.into_iter().map(|(field, label, text, category)| view! {
                        <li>
                            <form method="post" action=format!("/cases/{case}/redact") class="inline">
                                <input type="hidden" name="from" value="review"/>
                                <input type="hidden" name="text" value=text.clone()/>
                                <input type="hidden" name="category" value=category/>
                                <span class="muted">{format!("{field}, {label}: ")}</span>
                                <mark>{text}</mark>" "
                                <button type="submit" class="secondary">"Redact everywhere"</button>
                            </form>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
        .into_any()
    })
}
