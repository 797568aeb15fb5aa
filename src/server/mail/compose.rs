//! One outbox row as an email: the kind's fixed subject and sentence, the link to the site, the
//! footer. Nothing else can be put in (docs/EMAIL.md). An address that is not one address (a
//! line break, a second recipient smuggled in) is refused here, never sent.

use lettre::Message;
use lettre::message::Body;
use lettre::message::Mailbox;
use lettre::message::header::{ContentTransferEncoding, ContentType};

use super::kinds::MailKind;

/// What every message shares, from the settings.
#[derive(Clone, Debug)]
pub struct MailSettings {
    pub from: Mailbox,
    /// The site's address, without a trailing slash; links are made from it.
    pub public_url: String,
    pub footer: String,
}

/// Why a row cannot become a message: it fails for good, it is not retried.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ComposeError {
    #[error("the address is not one valid email address")]
    Address,
    #[error("the link is not a path on the site")]
    Link,
    #[error("the message could not be built")]
    Build,
}

/// The message for outbox row `id`.
pub fn compose(
    settings: &MailSettings,
    id: i64,
    kind: MailKind,
    to: &str,
    link: &str,
) -> Result<Message, ComposeError> {
    // One mailbox, nothing around it: `parse` refuses line breaks and lists.
    if to.chars().any(|c| c.is_control() || c == ',' || c == ';') {
        return Err(ComposeError::Address);
    }
    let to: Mailbox = to.parse().map_err(|_| ComposeError::Address)?;
    if !link.starts_with('/')
        || link.starts_with("//")
        || link.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(ComposeError::Link);
    }
    let host = settings
        .public_url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', ':']).next())
        .filter(|h| !h.is_empty())
        .unwrap_or("caseroom.invalid");
    let body = format!(
        "{}\n\n{}{}\n\n-- \n{}\n",
        wrap(kind.sentence()),
        settings.public_url,
        link,
        wrap(&settings.footer)
    );
    Message::builder()
        .from(settings.from.clone())
        .to(to)
        .subject(kind.subject())
        // The same row sent twice (a node died mid-send) is recognisably the same message.
        .message_id(Some(format!("<outbox-{id}@{host}>")))
        .header(ContentType::TEXT_PLAIN)
        .body(plain_body(body))
        .map_err(|_| ComposeError::Build)
}

/// Plain ASCII with short lines goes as 7bit, so a link longer than 76 characters (a reset
/// link is about 100) reaches every reader whole, not split by quoted-printable soft breaks.
/// Anything else (a footer in another script) is left to lettre's own choice.
fn plain_body(text: String) -> Body {
    if text.is_ascii() && text.lines().all(|l| l.len() <= 900) {
        let crlf = text.replace('\n', "\r\n");
        Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::SevenBit)
    } else {
        Body::new(text)
    }
}

/// Wraps prose at 72 columns on spaces (a word longer than that keeps its own line).
fn wrap(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, paragraph) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut column = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count();
            if column > 0 && column + 1 + len > 72 {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += len;
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn settings() -> MailSettings {
        MailSettings {
            from: "Caseroom <caseroom@clinic.example>".parse().expect("from"),
            public_url: "https://caseroom.clinic.example".into(),
            footer: "You get this because of your Caseroom notification settings.".into(),
        }
    }

    #[test]
    fn a_message_holds_its_kind_a_link_and_nothing_else() {
        for kind in MailKind::ALL {
            let message = compose(&settings(), 7, kind, "member@clinic.example", "/cases/12")
                .expect("message");
            let text = String::from_utf8(message.formatted()).expect("utf-8");
            assert!(text.contains(kind.subject()), "{text}");
            assert!(text.contains("https://caseroom.clinic.example/cases/12"));
            assert!(text.contains("Message-ID: <outbox-7@caseroom.clinic.example>"));
        }
    }

    #[test]
    fn a_long_link_goes_whole_on_its_own_line_and_prose_is_wrapped() {
        let token = "A".repeat(43);
        let link = format!("/password/reset?token={token}");
        let message = compose(
            &settings(),
            3,
            MailKind::PasswordReset,
            "member@clinic.example",
            &link,
        )
        .expect("message");
        let text = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(text.contains("Content-Transfer-Encoding: 7bit"), "{text}");
        assert!(
            text.contains(&format!("\r\nhttps://caseroom.clinic.example{link}\r\n")),
            "{text}"
        );
        let body = text
            .split("\r\n\r\n")
            .skip(1)
            .collect::<Vec<_>>()
            .join("\r\n\r\n");
        for line in body.split("\r\n").filter(|l| !l.contains("token=")) {
            assert!(line.len() <= 72, "{line:?}");
        }
        // A footer in another script is still sent, encoded by lettre.
        let mut other = settings();
        other.footer = "Vous recevez ce message à cause de vos réglages.".into();
        let message = compose(
            &other,
            4,
            MailKind::CaseReply,
            "m@clinic.example",
            "/cases/1",
        )
        .expect("message");
        let text = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(!text.contains("Content-Transfer-Encoding: 7bit"), "{text}");
    }

    #[test]
    fn an_injected_header_or_a_foreign_link_is_refused() {
        for to in [
            "member@clinic.example\r\nBcc: spy@evil.example",
            "member@clinic.example, spy@evil.example",
            "member@clinic.example\nBcc:spy@evil.example",
            "not an address",
            "",
        ] {
            assert_eq!(
                compose(&settings(), 1, MailKind::CaseReply, to, "/cases/1").err(),
                Some(ComposeError::Address),
                "{to:?}"
            );
        }
        for link in [
            "https://evil.example/",
            "//evil.example",
            "/cases/1\r\nBcc: x",
            "",
        ] {
            assert_eq!(
                compose(
                    &settings(),
                    1,
                    MailKind::CaseReply,
                    "m@clinic.example",
                    link
                )
                .err(),
                Some(ComposeError::Link),
                "{link:?}"
            );
        }
    }
}
