use leptos::prelude::*;

use crate::domain::case::{
    AgeBand, CaseInput, ConcernTag, Modality, SECTIONS, SessionsBand, Setting, TextLimit,
};
use crate::domain::retention::KeepFor;
use crate::domain::review::{AUTHOR_ITEMS, DISGUISES};
use crate::model::{GroupOption, SupervisorOption};
use crate::ui::case::{FeedbackCombinationNotice, FeedbackScanReport};
use crate::ui::form_feedback::FormFeedback;
use crate::ui::markdown_field::MarkdownField;
use crate::ui::notice::FormError;

/// The compose and edit form. Values come from what the author just submitted (after an error or
/// a preview), else from `initial` (the stored case, or empty for a new one).
#[component]
pub fn CaseForm(
    action: String,
    initial: CaseInput,
    initial_supervisor: String,
    supervisors: Vec<SupervisorOption>,
    /// The groups the author may bring the case to, and the one chosen ("" for the forum).
    groups: Vec<GroupOption>,
    initial_audience: String,
    feedback: FormFeedback,
    submit_label: &'static str,
    /// For an edit: the revision the form starts from.
    #[prop(optional)]
    revision: Option<i64>,
    /// A moderator's edit: the author's checklist is not theirs to confirm.
    #[prop(optional)]
    moderator_edit: bool,
    /// A new case: the author chooses how long it is kept (later on the case page), and may
    /// save the form as a draft.
    #[prop(optional)]
    keep_for: bool,
    /// The saved draft the form was opened from: saving again replaces it, submitting deletes it.
    #[prop(default = None)]
    draft: Option<i64>,
    /// The period a draft chose.
    #[prop(optional)]
    initial_keep_for: String,
) -> impl IntoView {
    let (kept, draft) = if feedback.has_values() {
        (
            feedback.value("keep_for"),
            Some(feedback.value("draft")).filter(|d| !d.is_empty()),
        )
    } else {
        (initial_keep_for, draft.map(|d| d.to_string()))
    };
    let revision = if feedback.has_values() {
        Some(feedback.value("revision")).filter(|r| !r.is_empty())
    } else {
        revision.map(|r| r.to_string())
    };
    let audience = if feedback.has_values() {
        feedback.value("audience")
    } else {
        initial_audience
    };
    let (input, supervisor) = if feedback.has_values() {
        let f = &feedback;
        (
            CaseInput {
                title: f.value("title"),
                age_band: f.value("age_band"),
                setting: f.value("setting"),
                modality: f.value("modality"),
                sessions: f.value("sessions"),
                tags: f.values_of("tag"),
                sections: SECTIONS
                    .iter()
                    .map(|s| (s.key.to_owned(), f.value(s.key)))
                    .collect(),
                anonymous: f.value("anonymous") == "on",
            },
            f.value("supervisor"),
        )
    } else {
        (initial, initial_supervisor)
    };
    let err = |field: &str| {
        feedback
            .field_error(field)
            .map(|e| view! { <p class="field-error" id=format!("{field}-error")>{e}</p> })
    };
    let preview = feedback.preview.clone().map(|sections| {
        view! {
            <section class="panel preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">"Preview"</h2>
                <p class="muted">"This is how your case will read. Nothing has been saved yet."</p>
                {sections.into_iter().map(|s| view! {
                    <h3>{s.label}</h3>
                    <div class="prose" inner_html=s.html.into_string()></div>
                }).collect_view()}
            </section>
        }
        .into_any()
    });
    // Type-erased, as the preview is: the form's view type is deep enough without it that the
    // wasm build's layout queries reach the compiler's recursion limit.
    let scan = view! { <FeedbackScanReport feedback=feedback.clone()/> }.into_any();
    // The whole case before its fields: a warning about how the details combine reads first.
    let combination = view! { <FeedbackCombinationNotice feedback=feedback.clone()/> }.into_any();
    view! {
        {preview}
        <form method="post" action=action class="stack case-form" novalidate>
            <FormError error=feedback.error_for(None)/>
            {combination}
            {scan}
            {revision.map(|r| view! { <input type="hidden" name="revision" value=r/> })}
            {draft.map(|d| view! { <input type="hidden" name="draft" value=d/> })}
            <aside class="deid-reminder">
                "Write it de-identified: before you submit, you confirm the checklist at the end, and a moderator checks the case before members can read it."
            </aside>
            <details class="md-help">
                <summary>"Formatting help"</summary>
                <ul>
                    <li><code>"**words**"</code>" for bold, "<code>"_words_"</code>" for italics"</li>
                    <li><code>"- "</code>" at the start of each line for a list"</li>
                    <li><code>"> "</code>" at the start of a line for a quote"</li>
                    <li>"A blank line starts a new paragraph; lines indented by four spaces show exactly as typed."</li>
                    <li>"Preview shows the case as members will read it."</li>
                </ul>
            </details>
            <label>
                "Title"
                <input type="text" name="title" required maxlength=TextLimit::TITLE.max.to_string() value=input.title.clone()
                    aria-invalid=feedback.field_error("title").is_some().to_string()/>
                {err("title")}
            </label>
            <div class="grid-2">
                <ChoiceSelect name="age_band" label="Client age band" options=AgeBand::ALL.iter().map(|c| (c.key(), c.label())).collect() selected=input.age_band.clone() error=feedback.field_error("age_band")/>
                <ChoiceSelect name="setting" label="Setting" options=Setting::ALL.iter().map(|c| (c.key(), c.label())).collect() selected=input.setting.clone() error=feedback.field_error("setting")/>
                <ChoiceSelect name="modality" label="Modality" options=Modality::ALL.iter().map(|c| (c.key(), c.label())).collect() selected=input.modality.clone() error=feedback.field_error("modality")/>
                <ChoiceSelect name="sessions" label="Sessions so far" options=SessionsBand::ALL.iter().map(|c| (c.key(), c.label())).collect() selected=input.sessions.clone() error=feedback.field_error("sessions")/>
            </div>
            <fieldset class="tags">
                <legend>{format!("Presenting concerns (up to {})", TextLimit::MAX_TAGS)}</legend>
                {ConcernTag::ALL.iter().map(|t| {
                    let checked = input.tags.iter().any(|x| x == t.key());
                    view! { <label class="check"><input type="checkbox" name="tag" value=t.key() checked=checked/>{t.label()}</label> }
                }).collect_view()}
                {err("tags")}
            </fieldset>
            {SECTIONS.iter().map(|s| {
                let label = if s.required { s.label.to_owned() } else { format!("{} (optional)", s.label) };
                view! {
                    <MarkdownField name=s.key.to_owned() label=label
                        help=format!("{} Markdown, up to {} characters.", s.help, TextLimit::SECTION.max)
                        value=input.section(s.key).to_owned() required=s.required maxlength=TextLimit::SECTION.max
                        error=feedback.field_error(s.key)/>
                }
            }).collect_view()}
            <label>
                "Supervisor of record (optional)"
                <select name="supervisor" aria-describedby="supervisor-help">
                    <option value="" selected=supervisor.is_empty()>"None"</option>
                    {supervisors.into_iter().map(|s| {
                        let id = s.id.0.to_string();
                        let selected = id == supervisor;
                        view! { <option value=id selected=selected>{s.name}</option> }
                    }).collect_view()}
                </select>
                <span class="help" id="supervisor-help">"They are notified and can follow the case."</span>
                {err("supervisor")}
            </label>
            // Shown when the author has groups, and also when the audience they chose was
            // refused (they left the group meanwhile), so the reason is in front of them.
            {((!groups.is_empty() || feedback.field_error("audience").is_some()) && !moderator_edit).then(|| view! {
                <label>
                    "Audience"
                    <select name="audience" aria-describedby="audience-help">
                        <option value="" selected=audience.is_empty()>"The whole forum"</option>
                        {groups.into_iter().map(|g| {
                            let id = g.id.0.to_string();
                            let selected = id == audience;
                            view! { <option value=id selected=selected>{format!("The group \u{201c}{}\u{201d} only", g.name)}</option> }
                        }).collect_view()}
                    </select>
                    <span class="help" id="audience-help">"A group case is read only by the group's members and the moderators. It is reviewed like every case. Moving a case to another audience sends it back to review."</span>
                    {err("audience")}
                </label>
            })}
            {keep_for.then(|| view! {
                <label>
                    "Keep this case for"
                    <select name="keep_for" aria-describedby="keep-for-help">
                        <option value="forum" selected=kept.is_empty() || kept == "forum">"The forum's period"</option>
                        {KeepFor::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected=kept == k.key()>{format!("{} after its last activity", k.label())}</option>
                        }).collect_view()}
                    </select>
                    <span class="help" id="keep-for-help">"Then it is deleted with its replies; you are told a week before, and you can change this on the case page."</span>
                    {err("keep_for")}
                </label>
            })}
            <label class="check">
                <input type="checkbox" name="anonymous" checked=input.anonymous/>
                "Post anonymously: other members see \u{201c}Anonymous clinician\u{201d} on the case and on your replies in it. Moderators and admins can still see that it is you."
            </label>
            <AuthorChecklistFields feedback=feedback.clone() hidden=moderator_edit/>
            <div class="actions">
                <button type="submit" name="intent" value="check" class="secondary">"Check for identifiers"</button>
                <button type="submit" name="intent" value="preview" class="secondary">"Preview"</button>
                {keep_for.then(|| view! { <button type="submit" name="intent" value="draft" class="secondary">"Save draft"</button> })}
                <button type="submit" name="intent" value="publish">{submit_label}</button>
            </div>
        </form>
    }
}

/// The author's de-identification checklist: every item to confirm, and one protection. The
/// compose, edit and follow-up forms share it; a moderator's edit has it `hidden`.
#[component]
pub fn AuthorChecklistFields(
    feedback: FormFeedback,
    #[prop(optional)] hidden: bool,
) -> impl IntoView {
    let confirmed = feedback.values_of("confirm");
    let disguise = feedback.value("disguise");
    let checklist_error = feedback.field_error("checklist");
    view! {
        <fieldset class="checklist" id="checklist" hidden=hidden>
            <legend>"De-identification checklist"</legend>
            {checklist_error.map(|e| view! { <p class="field-error">{e}</p> })}
            {AUTHOR_ITEMS.iter().map(|i| {
                let checked = confirmed.iter().any(|c| c == i.key);
                view! { <label class="check"><input type="checkbox" name="confirm" value=i.key checked=checked/>{i.author}</label> }
            }).collect_view()}
            <p>"And one of these:"</p>
            {DISGUISES.iter().map(|(_, key, label)| {
                view! { <label class="check"><input type="radio" name="disguise" value=*key checked=disguise == *key/>{*label}</label> }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn ChoiceSelect(
    name: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    selected: String,
    error: Option<String>,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <select name=name required aria-invalid=error.is_some().to_string()>
                <option value="" selected=selected.is_empty()>"Choose\u{2026}"</option>
                {options.into_iter().map(|(key, text)| view! { <option value=key selected=selected == key>{text}</option> }).collect_view()}
            </select>
            {error.map(|e| view! { <p class="field-error">{e}</p> })}
        </label>
    }
}
