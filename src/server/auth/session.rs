//! Database-backed sessions. The cookie holds a 256-bit random token; the database holds its
//! SHA-256, the member, when the session began (absolute lifetime) and when it was last used
//! (idle timeout). Expired sessions are deleted when presented.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::domain::policy::Actor;
use crate::domain::role::{Role, Roles};
use crate::server::auth::token::hash_secret;
use crate::server::error::AppError;
use crate::server::error_page;
use crate::server::state::AppState;

pub const COOKIE_NAME: &str = "caseroom_session";

/// Writing last-seen on every request would make every page a write; at most once a minute is
/// enough, except that with a short idle timeout a minute's lag would sign an active member out,
/// so it is written at least four times per idle period.
fn touch_every(idle: i64) -> i64 {
    (idle / 4).clamp(1, 60)
}

/// Put on every request by [`resolve_session`].
#[derive(Clone, Default)]
pub struct CurrentSession {
    pub signed_in: Option<SignedIn>,
    /// The hash of whatever token the browser presented, valid or not, so sign-in can replace it.
    pub presented_hash: Option<String>,
}

#[derive(Clone)]
pub struct SignedIn {
    pub token_hash: String,
    pub actor: Actor,
    pub display_name: String,
    /// As of the start of this request (every change to it is a POST answered by a redirect,
    /// so the page after it counts again).
    pub unread_notifications: i64,
    /// Their choice of colours, for the page's `<html>`.
    pub theme: crate::domain::theme::Theme,
    /// A moderator or admin who must, and does not yet, use two-factor sign-in: they act
    /// without those roles until they set it up.
    pub two_factor_needed: bool,
}

impl CurrentSession {
    pub fn actor(&self) -> Option<&Actor> {
        self.signed_in.as_ref().map(|s| &s.actor)
    }
}

pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let token = read_token(req.headers());
    let presented_hash = token.as_deref().map(hash_secret);
    let signed_in = match &presented_hash {
        None => None,
        Some(hash) => match resolve(&state, hash).await {
            Ok(s) => s,
            Err(e) => {
                e.log();
                // Fail closed: without knowing who is asking, answer nothing.
                return error_page::response(e.status(), "Something went wrong", &e.to_string());
            }
        },
    };
    let stale_cookie = presented_hash.is_some() && signed_in.is_none();
    req.extensions_mut().insert(CurrentSession {
        signed_in,
        presented_hash,
    });
    let mut res = next.run(req).await;
    if stale_cookie && !res.headers().contains_key(header::SET_COOKIE) {
        res.headers_mut().append(
            header::SET_COOKIE,
            clear_cookie(state.config.secure_cookies),
        );
    }
    res
}

async fn resolve(state: &AppState, hash: &str) -> Result<Option<SignedIn>, AppError> {
    let now = state.clock.now();
    let Some(row) = state.store.find_session(hash, now).await? else {
        return Ok(None);
    };
    let idle = state.config.session_idle_timeout.as_secs() as i64;
    let lifetime = state.config.session_max_lifetime.as_secs() as i64;
    let ended = if row.disabled {
        Some("session_ended_account_disabled")
    } else if now - row.last_seen_at >= idle {
        Some("session_idle_timeout")
    } else if now - row.created_at >= lifetime {
        Some("session_max_lifetime")
    } else {
        None
    };
    if let Some(reason) = ended {
        state
            .store
            .end_session(hash, Some(row.user_id), now, reason)
            .await?;
        return Ok(None);
    }
    if now - row.last_seen_at >= touch_every(idle) {
        state.store.touch_session(hash, now).await?;
    }
    let staff = row.roles.has(Role::Moderator) || row.roles.has(Role::Admin);
    // The account must have it on and this session must have used it: a session from before it
    // was turned on, or one that skipped the code, does not carry the staff roles.
    let two_factor_needed =
        state.config.require_two_factor && staff && !(row.two_factor && row.second_factor);
    let roles = if two_factor_needed {
        Roles::new(
            row.roles
                .iter()
                .filter(|r| !matches!(r, Role::Moderator | Role::Admin)),
        )
    } else {
        row.roles
    };
    Ok(Some(SignedIn {
        token_hash: hash.to_owned(),
        actor: Actor {
            user_id: row.user_id,
            roles,
        },
        two_factor_needed,
        display_name: row.display_name,
        unread_notifications: row.unread_notifications,
        theme: row.theme,
    }))
}

/// The session token from the Cookie header, if it has the shape of one.
fn read_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_owned())
        .filter(|v| {
            v.len() == 43
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// A session cookie (no Max-Age: it also ends when the browser closes; the server enforces the
/// idle timeout and absolute lifetime either way).
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"
    ))
    .unwrap_or_else(|_| clear_cookie(false))
}

pub fn clear_cookie(secure: bool) -> HeaderValue {
    let value = if secure {
        "caseroom_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure"
    } else {
        "caseroom_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
    };
    HeaderValue::from_static(value)
}
