//! A member's export (issue 18, docs/MEMBER_DATA.md): everything the forum holds about them, as
//! one ZIP of JSON files and a readable HTML page. Their own rows come from
//! `store::member_data`; other members' replies to their cases are read through the visibility
//! rule as the member, with authors shown as the member would see them, so an export never
//! shows more than the site would.

use serde::Serialize;

use crate::domain::policy::{Action, Actor, Denial, Target, can};
use crate::model::{CaseId, UserId};
use crate::server::error::AppError;
use crate::server::export::html::readable_page;
use crate::server::export::zip::ZipWriter;
use crate::server::services::case_views::author_view;
use crate::server::state::AppState;
use crate::server::store::MemberData;

/// A reply by someone else to one of the member's cases, as the member may see it now.
#[derive(Debug, Serialize)]
pub struct ReplyToYou {
    pub case_id: i64,
    pub reply_id: i64,
    /// The author as the member sees them ("Anonymous clinician" when anonymous).
    pub author: String,
    pub supervisor_feedback: bool,
    pub markdown: String,
    pub created_at: i64,
}

/// The archive and its file name.
pub struct Export {
    pub file_name: String,
    pub zip: Vec<u8>,
}

/// Whose export: the signed-in member's own, or (at the command line) any member's.
pub enum ExportOf<'a> {
    Myself(Option<&'a Actor>),
    Operator(UserId),
}

pub async fn export(state: &AppState, of: ExportOf<'_>) -> Result<Export, AppError> {
    let (member, by_operator) = match of {
        ExportOf::Myself(actor) => {
            can(actor, Action::ViewMemberArea, Target::Site)?;
            let actor = actor.ok_or(AppError::Denied(Denial::SignInRequired))?;
            (actor.user_id, false)
        }
        ExportOf::Operator(member) => (member, true),
    };
    let mut data = state
        .store
        .member_data(member)
        .await?
        .ok_or_else(|| AppError::NotFound("There is no member with that address.".into()))?;
    let reader = Actor {
        user_id: member,
        roles: state.store.roles_of(member).await?,
    };
    let replies_to_you = replies_to(state, &reader, &data).await?;
    // Others' replies are read after the member's own rows: a case purged in between goes from
    // the export whole, not without its replies.
    let ids: Vec<i64> = data.cases.iter().map(|c| c.id).collect();
    let still = state.store.existing_cases(&ids).await?;
    data.cases.retain(|c| still.contains(&c.id));
    let now = state.clock.now();
    let zip = archive(&data, &replies_to_you, now)?;
    state.store.record_export(member, by_operator, now).await?;
    tracing::info!(user.id = %member, bytes = zip.len(), "member data exported");
    Ok(Export {
        file_name: format!("caseroom-export-{}.zip", member.0),
        zip,
    })
}

/// Replies by others to the member's cases, through the visibility rule as the member.
async fn replies_to(
    state: &AppState,
    reader: &Actor,
    data: &MemberData,
) -> Result<Vec<ReplyToYou>, AppError> {
    let mut out = Vec::new();
    for case in &data.cases {
        let Some(row) = state.store.find_case(CaseId(case.id), reader).await? else {
            continue;
        };
        for reply in state.store.list_replies(&row, reader).await? {
            if reply.author_id == reader.user_id {
                continue;
            }
            out.push(ReplyToYou {
                case_id: case.id,
                reply_id: reply.id.0,
                author: author_view(reader, reply.author_id, &reply.author_name, reply.anonymous)
                    .label(),
                supervisor_feedback: reply.supervisor_feedback,
                markdown: reply.source.clone(),
                created_at: reply.created_at,
            });
        }
    }
    Ok(out)
}

fn archive(
    data: &MemberData,
    replies_to_you: &[ReplyToYou],
    now: i64,
) -> Result<Vec<u8>, AppError> {
    let mut zip = ZipWriter::new(now);
    let account = serde_json::json!({
        "account": data.account,
        "sessions": data.sessions,
        "consultation_groups": data.groups,
        "email_choices": data.email_choices,
    });
    let files: [(&str, Vec<u8>); 9] = [
        ("README.txt", README.as_bytes().to_vec()),
        (
            "index.html",
            readable_page(data, replies_to_you, now).into_bytes(),
        ),
        ("account.json", json(&account)?),
        ("cases.json", json(&data.cases)?),
        ("replies.json", json(&data.replies)?),
        ("drafts.json", json(&data.drafts)?),
        ("replies_to_your_cases.json", json(&replies_to_you)?),
        (
            "flags_and_notifications.json",
            json(&serde_json::json!({
                "flags": data.flags,
                "notifications": data.notifications,
            }))?,
        ),
        ("activity.json", json(&data.audit)?),
    ];
    for (name, bytes) in files {
        zip.add(&format!("caseroom-export/{name}"), &bytes)
            .map_err(|e| internal(&e))?;
    }
    zip.finish().map_err(|e| internal(&e))
}

fn internal(e: &dyn std::fmt::Display) -> AppError {
    AppError::Internal(format!("export: {e}").into())
}

fn json<T: Serialize>(value: &T) -> Result<Vec<u8>, AppError> {
    serde_json::to_vec_pretty(value).map_err(|e| internal(&e))
}

const README: &str = "\
Everything Caseroom holds about you, as of the time in index.html.

index.html                    the same, to read in a browser
account.json                  your account, roles, sessions (when they began and were last
                              used; never their keys), consultation groups and email choices
cases.json                    your cases, each with every saved version and the moderators'
                              decisions and reasons
replies.json                  your replies, with every saved version
drafts.json                   your saved drafts of cases, as the composer keeps them
replies_to_your_cases.json    other members' replies to your cases, as you may see them now
flags_and_notifications.json  the flags you raised and your notifications
activity.json                 what the audit log records you doing (reads of cases included)

Times are Unix seconds (UTC). Text is the Markdown you or others wrote.
This file may hold clinical case material: keep it as carefully as the forum does.
";
