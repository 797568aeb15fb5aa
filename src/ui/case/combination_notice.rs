use leptos::prelude::*;

use crate::model::CombinationView;
use crate::ui::form_feedback::FormFeedback;

/// Who reads the notice: the words differ, the details are the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeReader {
    /// The author, on their own draft (*Check*, or a refused submission).
    Author,
    /// A moderator, on the revision under review.
    Moderator,
}

/// The case-level warning: details that identify nobody alone but together may single out one
/// person, each named with the field it is in and what to write instead. It never blocks, so it
/// says so; the de-identification checklist is where the author and the moderator answer it.
#[component]
pub fn CombinationNotice(risk: CombinationView, reader: NoticeReader) -> impl IntoView {
    let (heading, note) = match reader {
        NoticeReader::Author => (
            "These details together may identify your client",
            "None of them is an identifier alone, but together they may point to one person. Make one or two of them general before you submit. This does not stop you submitting; the moderator sees this warning too.",
        ),
        NoticeReader::Moderator => (
            "These details together may identify the client",
            "None of them is an identifier alone, but together they may point to one person. This is a warning, not a block: weigh it with the de-identification checklist, and return the case or redact if they do.",
        ),
    };
    let factors = risk
        .factors
        .into_iter()
        .map(|f| {
            // The excerpt is the author's own draft, or the text the moderator is reviewing.
            let quoted = (!f.excerpt.is_empty())
                .then(|| view! { ": " <mark class="warn">{f.excerpt}</mark> });
            view! {
                <li data-factor=f.factor>
                    <strong>{f.label}</strong>
                    {format!(" in {}", f.field_label)}
                    {quoted}
                    <br/>
                    <span class="suggestion">"Try: "{f.advice}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel combination-notice" aria-labelledby="combination-heading" data-combination="warn">
            <h2 id="combination-heading">{heading}</h2>
            <p><strong>{sentence(&risk.reason)}</strong></p>
            <p class="muted">{note}</p>
            <ul class="factors">{factors}</ul>
        </section>
    }
}

/// The warning a *Check* or a refused submission handed back to the composer; nothing on an
/// ordinary page load or when the case is not flagged.
#[component]
pub fn FeedbackCombinationNotice(feedback: FormFeedback) -> impl IntoView {
    feedback
        .combination
        .map(|risk| view! { <CombinationNotice risk=risk reader=NoticeReader::Author/> })
}

/// "exact age + occupation … one person" as a sentence: capitalised, with a full stop.
fn sentence(reason: &str) -> String {
    let mut chars = reason.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn the_reason_reads_as_a_sentence() {
        assert_eq!(
            sentence("exact age + occupation together may single out one person"),
            "Exact age + occupation together may single out one person."
        );
        assert_eq!(sentence(""), "");
    }
}
