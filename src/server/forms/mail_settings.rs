//! The account page's email choices, and unsubscribe links used from a message.

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::accounts::urlencode;
use super::{Fields, PageRequest, decode, render_error, see_other};
use crate::server::error_page;
use crate::server::services::mail_settings;
use crate::server::state::AppState;

pub async fn save(State(state): State<AppState>, page: PageRequest, fields: Fields) -> Response {
    let actor = page.session().actor().cloned();
    match mail_settings::save(&state, actor.as_ref(), fields.pairs()).await {
        Ok(()) => see_other("/account?notice=email-saved#email", None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("email".into()),
                fields.pairs().to_vec(),
            )
            .await
        }
    }
}

/// An unsubscribe link's parts, from the query string.
#[derive(Default, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    u: String,
    #[serde(default)]
    k: String,
    #[serde(default)]
    s: String,
}

/// Both the confirmation form on `/unsubscribe` and a mail program's one-click POST (RFC 8058:
/// the link's own query string, a body of `List-Unsubscribe=One-Click`) end here. The link's
/// signature is the authority, not a session, so no sign-in is asked for.
pub async fn unsubscribe(
    State(state): State<AppState>,
    page: PageRequest,
    query: Result<Query<LinkQuery>, QueryRejection>,
    body: Bytes,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let form = decode::parse_form(&body).unwrap_or_default();
    let field = |name: &str, fallback: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or(fallback.to_owned(), |(_, v)| v.clone())
    };
    let (u, k, s) = (
        field("u", &query.u),
        field("k", &query.k),
        field("s", &query.s),
    );
    match mail_settings::unsubscribe(&state, &u, &k, &s).await {
        Ok(()) if form.iter().any(|(k, _)| k == "List-Unsubscribe") => {
            // A mail program, not a person: it needs only to know it worked.
            (StatusCode::OK, "Unsubscribed.").into_response()
        }
        Ok(()) => see_other(
            &format!(
                "/unsubscribe?u={}&k={}&s={}&notice=unsubscribed",
                urlencode(&u),
                urlencode(&k),
                urlencode(&s)
            ),
            None,
        ),
        Err(e) if u.len() + k.len() + s.len() > 200 => {
            // Not a link we made; not echoed back.
            error_page::response(e.status(), "Not a valid link", &e.to_string())
        }
        Err(e) => {
            let path = format!(
                "/unsubscribe?u={}&k={}&s={}",
                urlencode(&u),
                urlencode(&k),
                urlencode(&s)
            );
            render_error(&state, page, &path, e, None, vec![]).await
        }
    }
}
