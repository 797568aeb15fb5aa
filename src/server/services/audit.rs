//! The admin's audit log: a filtered page, and the same filter exported as CSV.

use crate::domain::audit_filter::{ACTIONS, AuditFilter};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::{AuditEntry, AuditFilterInput, AuditPage};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::AuditEvent;
use crate::ui::time::format_iso;

pub const PAGE_SIZE: i64 = 100;
/// An export larger than this asks for a narrower filter (the file is built in memory).
pub const EXPORT_LIMIT: i64 = 200_000;

fn parse(input: &AuditFilterInput) -> Result<AuditFilter, AppError> {
    AuditFilter::parse(input).map_err(|e| AppError::BadRequest(e.to_string()))
}

pub async fn page(
    state: &AppState,
    actor: Option<&Actor>,
    input: &AuditFilterInput,
) -> Result<AuditPage, AppError> {
    can(actor, Action::ViewAuditLog, Target::Site)?;
    let filter = parse(input)?;
    let mut entries = state.store.audit_entries(&filter, PAGE_SIZE + 1).await?;
    let older = if entries.len() > PAGE_SIZE as usize {
        entries.truncate(PAGE_SIZE as usize);
        entries.last().map(|e| e.id)
    } else {
        None
    };
    Ok(AuditPage {
        entries,
        older,
        actions: ACTIONS.iter().map(|a| (*a).to_owned()).collect(),
    })
}

/// The entries matching the filter (ignoring the page marker), newest first, as CSV. The
/// export is itself audited.
pub async fn export_csv(
    state: &AppState,
    actor: Option<&Actor>,
    input: &AuditFilterInput,
) -> Result<String, AppError> {
    can(actor, Action::ViewAuditLog, Target::Site)?;
    let Some(actor) = actor else {
        return Err(AppError::Denied(
            crate::domain::policy::Denial::SignInRequired,
        ));
    };
    let mut filter = parse(input)?;
    filter.before = None;
    let entries = state.store.audit_entries(&filter, EXPORT_LIMIT + 1).await?;
    if entries.len() > EXPORT_LIMIT as usize {
        return Err(AppError::BadRequest(format!(
            "More than {EXPORT_LIMIT} entries match; narrow the dates or choose an action, then export again."
        )));
    }
    let detail = format!("rows={}", entries.len());
    state
        .store
        .audit(AuditEvent {
            at: state.clock.now(),
            actor: Some(actor.user_id),
            action: "audit_exported",
            target: None,
            detail: &detail,
            case: None,
            review: None,
        })
        .await?;
    tracing::info!(actor.id = %actor.user_id, rows = entries.len(), "audit log exported");
    Ok(to_csv(&entries))
}

/// RFC 4180 CSV. Names are typed by members, so a cell that a spreadsheet would run as a
/// formula (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with `'`.
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from(
        "id,at_utc,actor_id,actor_name,action,target_user_id,target_name,case_id,detail\r\n",
    );
    let num = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    for e in entries {
        let cells = [
            e.id.to_string(),
            format_iso(e.at),
            num(e.actor_id),
            e.actor_name.clone().unwrap_or_default(),
            e.action.clone(),
            num(e.target_user_id),
            e.target_name.clone().unwrap_or_default(),
            num(e.case_id),
            e.detail.clone(),
        ];
        let row: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let e = AuditEntry {
            id: 7,
            at: 1_800_000_000,
            actor_id: Some(3),
            actor_name: Some("=HYPERLINK(\"x\")".into()),
            action: "case_viewed".into(),
            target_user_id: None,
            target_name: Some("Lee, \"Sam\"\nJr".into()),
            case_id: Some(12),
            detail: String::new(),
        };
        assert_eq!(
            to_csv(&[e]),
            "id,at_utc,actor_id,actor_name,action,target_user_id,target_name,case_id,detail\r\n\
             7,2027-01-15T08:00:00Z,3,\"'=HYPERLINK(\"\"x\"\")\",case_viewed,,\"Lee, \"\"Sam\"\"\nJr\",12,\r\n"
        );
    }
}
