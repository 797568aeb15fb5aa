//! The sender on every node: claims one due outbox row at a time, sends it over SMTP, and marks
//! it sent, to be retried (a refusal that may pass: 4xx, a connection that failed) or failed
//! (a permanent refusal, an address that is not one). Logs carry ids and kinds, never an
//! address or a link.

use std::time::Duration;

use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::compose::{MailSettings, compose};
use super::kinds::MailKind;
use crate::server::state::AppState;
use crate::server::store::StoreError;

/// SMTP and what every message shares.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    settings: MailSettings,
}

impl Mailer {
    /// From `smtp://host:port` (plain, for a relay on loopback), `smtp://…?tls=required`
    /// (STARTTLS) or `smtps://host` (TLS), as `lettre` reads them; credentials in the URL.
    pub fn from_url(url: &str, settings: MailSettings) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| e.to_string())?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        Ok(Mailer {
            transport,
            settings,
        })
    }
}

/// Sends every row due now, one claim at a time, and returns how many rows it settled.
pub async fn send_due(state: &AppState, mailer: &Mailer) -> Result<usize, StoreError> {
    let mut settled = 0;
    while let Some(row) = state.store.claim_mail(state.clock.now()).await? {
        settled += 1;
        let Some(kind) = MailKind::parse(&row.kind) else {
            state
                .store
                .mail_failed(row.id, "unknown kind", state.clock.now())
                .await?;
            continue;
        };
        let Some(address) = row.address.as_deref() else {
            // The member's account is gone or disabled: nothing to send, nothing to retry.
            tracing::info!(mail.id = row.id, kind = kind.key(), "no address: not sent");
            state.store.mail_sent(row.id, state.clock.now()).await?;
            continue;
        };
        let message = match compose(&mailer.settings, row.id, kind, address, &row.link) {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(mail.id = row.id, kind = kind.key(), error = %e, "mail failed");
                state
                    .store
                    .mail_failed(row.id, &e.to_string(), state.clock.now())
                    .await?;
                continue;
            }
        };
        match mailer.transport.send(message).await {
            Ok(_) => {
                tracing::info!(mail.id = row.id, kind = kind.key(), "mail sent");
                state.store.mail_sent(row.id, state.clock.now()).await?;
            }
            Err(e) if e.is_permanent() => {
                tracing::warn!(mail.id = row.id, kind = kind.key(), error = %e, "mail refused for good");
                state
                    .store
                    .mail_failed(row.id, &e.to_string(), state.clock.now())
                    .await?;
            }
            Err(e) => {
                let failed = state
                    .store
                    .mail_refused(row.id, &e.to_string(), state.clock.now())
                    .await?;
                tracing::warn!(mail.id = row.id, kind = kind.key(), failed, error = %e, "mail not sent; retried later");
            }
        }
    }
    Ok(settled)
}

/// Runs `send_due` every `idle` until the runtime stops. A row claimed when the node stops is
/// sent again by another node once its claim lapses.
pub fn spawn(state: AppState, mailer: Mailer, idle: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = send_due(&state, &mailer).await {
                tracing::warn!(error = %e, "outbox unavailable; trying again");
            }
            tokio::time::sleep(idle).await;
        }
    })
}
