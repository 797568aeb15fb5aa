//! Issuing invites, from the admin page or the command line.

use crate::domain::account_input::Email;
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::role::Role;
use crate::server::auth::token::{hash_secret, new_secret};
use crate::server::error::AppError;
use crate::server::mail::MailKind;
use crate::server::state::AppState;
use crate::server::store::{NewInvite, Outgoing, Recipient};

pub const INVITE_LIFETIME_SECS: i64 = 7 * 24 * 3600;

/// Who is issuing: a member through the web (asked of the policy), or the operator at the
/// command line, who already holds the database.
pub enum IssuedBy<'a> {
    Member(Option<&'a Actor>),
    Operator,
}

/// How the invite leaves: its link shown once to whoever made it, or emailed to the invitee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    ShowLink,
    Email,
}

/// What was made: the link to hand over, or nothing to show because the link went by email.
#[derive(Debug)]
pub enum Issued {
    Link(String),
    Emailed,
}

/// Creates a single-use invite. The token exists only in its link: shown once, or in the
/// outbox row until that is sent (`store/outbox.rs` erases it then).
pub async fn create(
    state: &AppState,
    by: IssuedBy<'_>,
    email_raw: &str,
    role_raw: &str,
    delivery: Delivery,
) -> Result<Issued, AppError> {
    let created_by = match by {
        IssuedBy::Member(actor) => {
            can(actor, Action::CreateInvite, Target::Site)?;
            actor.map(|a| a.user_id)
        }
        IssuedBy::Operator => None,
    };
    let email = Email::parse(email_raw).map_err(|e| AppError::Invalid(e.to_string()))?;
    let role = Role::parse(role_raw).map_err(|e| AppError::Invalid(e.to_string()))?;
    if delivery == Delivery::Email && !state.store.mail_enabled() {
        return Err(AppError::Conflict(
            "Email is not set up on this site (no SMTP server is configured): create the link and send it to them yourself.".into(),
        ));
    }
    if state.store.email_exists(email.as_str()).await? {
        return Err(AppError::Conflict(
            "A member with this email already exists; they can sign in as they are.".into(),
        ));
    }
    let token = new_secret();
    let now = state.clock.now();
    let path = format!("/register?token={token}");
    let mail = (delivery == Delivery::Email).then(|| Outgoing {
        kind: MailKind::ForumInvitation.key(),
        to: Recipient::Address(email.as_str().to_owned()),
        link: path.clone(),
    });
    let id = state
        .store
        .create_invite(
            NewInvite {
                token_hash: &hash_secret(&token),
                email: email.as_str(),
                role,
                created_by,
                expires_at: now + INVITE_LIFETIME_SECS,
            },
            mail.as_ref(),
            now,
        )
        .await?;
    tracing::info!(invite.id = id, role = %role, emailed = mail.is_some(), "invite created");
    Ok(match delivery {
        Delivery::ShowLink => Issued::Link(format!("{}{path}", state.config.public_url)),
        Delivery::Email => Issued::Emailed,
    })
}
