//! The sender on every node: claims one due outbox row at a time, sends it over SMTP, and marks
//! it sent, to be retried (a refusal that may pass: 4xx, a connection that failed) or failed
//! (a permanent refusal, an address that is not one). Logs carry ids and kinds, never an
//! address or a link.

use std::time::Duration;

use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::compose::{Extras, MailSettings, compose};
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
    /// (STARTTLS) or `smtps://host` (TLS), as `lettre` reads them; credentials in the URL, or
    /// the user in the URL and `password` set apart (read from a file or the environment).
    pub fn from_url(
        url: &str,
        password: Option<&str>,
        settings: MailSettings,
    ) -> Result<Mailer, String> {
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| e.to_string())?
            .timeout(Some(Duration::from_secs(30)));
        if let Some(password) = password {
            let user = smtp_user(url).ok_or("the SMTP URL names no user")?;
            builder = builder.credentials(Credentials::new(user, password.to_owned()));
        }
        let transport = builder.build();
        Ok(Mailer {
            transport,
            settings,
        })
    }
}

/// The user in `scheme://user[:password]@host…`, percent-decoded.
fn smtp_user(url: &str) -> Option<String> {
    let authority = url.split_once("://")?.1.split(['/', '?']).next()?;
    let user = authority.rsplit_once('@')?.0.split(':').next()?;
    let bytes = user.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(((hex(h)? << 4) | hex(l)?) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok().filter(|u| !u.is_empty())
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
        let mut extras = Extras::default();
        if let Some(member) = row.user
            && kind.can_unsubscribe()
        {
            extras.unsubscribe = Some(state.unsubscribe_key.path(member, kind.key()));
        }
        if kind == MailKind::Digest {
            extras.counts = state
                .store
                .digest_counts(row.id)
                .await?
                .into_iter()
                .filter_map(|(k, n)| MailKind::parse(&k).map(|k| (k, n)))
                .collect();
        }
        let message = match compose(&mailer.settings, row.id, kind, address, &row.link, &extras) {
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
                // The reply's code only: a server's words often quote the address.
                tracing::warn!(mail.id = row.id, kind = kind.key(), code = ?e.status().map(|c| c.to_string()), "mail refused for good");
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
                tracing::warn!(mail.id = row.id, kind = kind.key(), failed, code = ?e.status().map(|c| c.to_string()), "mail not sent; retried later");
            }
        }
    }
    Ok(settled)
}

/// The digest period `now` falls in: it changes once a day, at `hour` o'clock UTC.
pub fn digest_period(now: i64, hour: u8) -> i64 {
    (now - i64::from(hour) * 3600).div_euclid(24 * 3600)
}

/// Makes the digests once per period. `last` is the period this node last saw made (by itself
/// or another node), so the database is asked once a day, not every second.
pub async fn digest_if_due(
    state: &AppState,
    hour: u8,
    last: &mut Option<i64>,
) -> Result<(), StoreError> {
    let now = state.clock.now();
    let period = digest_period(now, hour);
    if *last == Some(period) {
        return Ok(());
    }
    if let Some(written) = state.store.run_digest(period, now).await? {
        tracing::info!(digests = written, "daily digests written");
    }
    *last = Some(period);
    Ok(())
}

/// Runs the digest check and `send_due` every `idle` until the runtime stops. A row claimed when
/// the node stops is sent again by another node once its claim lapses.
pub fn spawn(
    state: AppState,
    mailer: Mailer,
    digest_hour: u8,
    idle: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut last_digest = None;
        loop {
            if let Err(e) = digest_if_due(&state, digest_hour, &mut last_digest).await {
                tracing::warn!(error = %e, "digest not made; trying again");
            }
            if let Err(e) = send_due(&state, &mailer).await {
                tracing::warn!(error = %e, "outbox unavailable; trying again");
            }
            tokio::time::sleep(idle).await;
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{digest_period, smtp_user};

    #[test]
    fn the_user_is_read_from_the_smtp_url() {
        assert_eq!(
            smtp_user("smtps://caseroom%40clinic.example@mail.example:465").as_deref(),
            Some("caseroom@clinic.example")
        );
        assert_eq!(
            smtp_user("smtp://relay:secret@mail.example/?tls=required").as_deref(),
            Some("relay")
        );
        assert_eq!(smtp_user("smtp://127.0.0.1:2525"), None);
        assert_eq!(smtp_user("smtp://@mail.example"), None);
    }

    #[test]
    fn the_digest_period_turns_at_the_hour() {
        let day = 24 * 3600;
        let seven = 20_000 * day + 7 * 3600;
        assert_eq!(digest_period(seven - 1, 7) + 1, digest_period(seven, 7));
        assert_eq!(digest_period(seven, 7), digest_period(seven + day - 1, 7));
        assert_eq!(digest_period(seven + day, 7), digest_period(seven, 7) + 1);
    }
}
