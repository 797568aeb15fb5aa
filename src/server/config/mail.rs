//! Email settings (docs/EMAIL.md): read only when `smtp_url` is set; a bad one stops start with
//! one line that never shows the URL or the password.

use super::ConfigError;
use super::limits::Picked;
use super::parse::invalid;

/// Where and how email is sent. The SMTP URL may hold a password: it is never logged.
#[derive(Clone)]
pub struct MailConfig {
    /// `smtp://host:port` (plain, a relay on loopback), `smtp://host?tls=required`
    /// (STARTTLS) or `smtps://host` (TLS); credentials as `user:password@`.
    pub smtp_url: String,
    /// The sender, as `Name <address>` or an address.
    pub from: String,
    /// The last lines of every message.
    pub footer: String,
    /// The hour (UTC, 0–23) the daily digest goes out.
    pub digest_hour: u8,
    /// The SMTP password, from `CASEROOM_SMTP_PASSWORD` or the file `smtp_password_file` names,
    /// for the user in `smtp_url`; `None`: credentials, if any, are in the URL.
    pub password: Option<String>,
}

impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig")
            .field("smtp_url", &"(set)")
            .field("from", &self.from)
            .field("password", &self.password.as_ref().map(|_| "(set)"))
            .finish()
    }
}

pub(super) const SMTP_URL: (&str, &str) = ("CASEROOM_SMTP_URL", "smtp_url");
pub(super) const MAIL_FROM: (&str, &str) = ("CASEROOM_MAIL_FROM", "mail_from");
pub(super) const MAIL_FOOTER: (&str, &str) = ("CASEROOM_MAIL_FOOTER", "mail_footer");
pub(super) const DIGEST_HOUR: (&str, &str) = ("CASEROOM_MAIL_DIGEST_HOUR", "mail_digest_hour");
pub(super) const SMTP_PASSWORD_FILE: (&str, &str) =
    ("CASEROOM_SMTP_PASSWORD_FILE", "smtp_password_file");
/// Environment only: a password does not belong in a config file (use the file setting).
pub(super) const SMTP_PASSWORD: &str = "CASEROOM_SMTP_PASSWORD";

/// Whether an SMTP URL names a user (`scheme://user@host`).
pub fn smtp_user_in(url: &str) -> bool {
    url.split_once("://")
        .and_then(|(_, rest)| rest.split(['/', '?']).next())
        .and_then(|authority| authority.rsplit_once('@'))
        .is_some_and(|(user, _)| !user.split(':').next().unwrap_or_default().is_empty())
}

/// The email settings as picked from the environment or the file.
pub(super) struct MailInputs {
    pub url: Picked,
    pub from: Picked,
    pub footer: Picked,
    pub digest_hour: Picked,
    pub password_file: Picked,
    /// `CASEROOM_SMTP_PASSWORD`, from the environment only.
    pub password: Option<String>,
}

/// `None`: no email, as before.
pub(super) fn load(i: MailInputs) -> Result<Option<MailConfig>, ConfigError> {
    let Some((url, name)) = i.url else {
        return Ok(None);
    };
    if !(url.starts_with("smtp://") || url.starts_with("smtps://")) {
        return Err(invalid(
            &name,
            "must start with smtp:// or smtps:// (the value is not shown: it may hold a password)"
                .into(),
        ));
    }
    let (from, from_name) = i.from.ok_or_else(|| {
        invalid(
            MAIL_FROM.0,
            "is needed when smtp_url is set: the sender's address".into(),
        )
    })?;
    if from.parse::<lettre::message::Mailbox>().is_err() {
        return Err(invalid(&from_name, "is not an email address".into()));
    }
    let footer = i.footer.map(|(v, _)| v).unwrap_or_else(|| {
        "You get this message because of your Caseroom notification settings.".to_owned()
    });
    let digest_hour = match i.digest_hour {
        None => 7,
        Some((v, name)) => v
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|h| *h < 24)
            .ok_or_else(|| invalid(&name, "must be an hour from 0 to 23 (UTC)".into()))?,
    };
    let password = match i.password_file {
        Some((path, file_name)) => {
            let text = std::fs::read_to_string(path.trim())
                .map_err(|e| invalid(&file_name, format!("cannot be read ({})", e.kind())))?;
            let password = text.trim_end_matches(['\r', '\n']).to_owned();
            if password.is_empty() {
                return Err(invalid(&file_name, "names an empty file".into()));
            }
            Some(password)
        }
        None => i.password,
    };
    if password.is_some() && !smtp_user_in(&url) {
        return Err(invalid(
            &name,
            "needs the user name (smtps://user@host) when the password is set apart (the value is not shown)".into(),
        ));
    }
    Ok(Some(MailConfig {
        smtp_url: url,
        from,
        footer,
        digest_hour,
        password,
    }))
}
