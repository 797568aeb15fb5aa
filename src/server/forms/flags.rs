//! Form endpoints for readers' flags, and for restoring a reply hidden by them.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::model::{CaseId, ReplyId, reply_href_with_notice};
use crate::server::rate_limit::RateKind;
use crate::server::services::flags::{self, Flagged};
use crate::server::state::AppState;

pub async fn flag_case(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let (kind, note) = (fields.get("kind"), fields.get("note"));
    let flagged = match page.rate(&state, RateKind::Flag) {
        Ok(()) => flags::flag(&state, actor.as_ref(), CaseId(id), None, kind, note)
            .await
            .map(|(f, _)| f),
        Err(e) => Err(e),
    };
    match flagged {
        Ok(Flagged::Noted) => see_other(&format!("/cases/{id}?notice=flagged"), None),
        Ok(Flagged::Hidden) => see_other("/cases?notice=flag-hid-case", None),
        Ok(Flagged::HiddenFromYou) => see_other("/cases?notice=hidden-from-you", None),
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(
                &state,
                page,
                &path,
                e,
                Some("flag".into()),
                fields.into_values(),
            )
            .await
        }
    }
}

pub async fn flag_reply(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let (kind, note) = (fields.get("kind"), fields.get("note"));
    // The service goes by the reply's own case; this one is only passed along.
    let shown_on = fields.get("case").parse().map(CaseId).unwrap_or(CaseId(0));
    let flagged = match page.rate(&state, RateKind::Flag) {
        Ok(()) => {
            flags::flag(
                &state,
                actor.as_ref(),
                shown_on,
                Some(ReplyId(id)),
                kind,
                note,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match flagged {
        Ok((Flagged::Hidden, case)) => {
            see_other(&format!("/cases/{case}?notice=flag-hid-reply"), None)
        }
        Ok((Flagged::HiddenFromYou, _)) => see_other("/cases?notice=hidden-from-you", None),
        Ok((_, case)) => see_other(&reply_href_with_notice(case, ReplyId(id), "flagged"), None),
        Err(e) => {
            let path = format!("/replies/{id}/flag");
            render_error(
                &state,
                page,
                &path,
                e,
                Some("flag".into()),
                fields.into_values(),
            )
            .await
        }
    }
}

pub async fn restore_reply(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
) -> Response {
    let actor = page.session().actor().cloned();
    match flags::restore_reply(&state, actor.as_ref(), ReplyId(id)).await {
        Ok(case) => see_other(
            &reply_href_with_notice(case, ReplyId(id), "reply-restored"),
            None,
        ),
        Err(e) => render_error(&state, page, "/review", e, None, vec![]).await,
    }
}
