//! One outbox row as an email: the kind's fixed subject and sentence, the link to the site, the
//! footer. Nothing else can be put in (docs/EMAIL.md). An address that is not one address (a
//! line break, a second recipient smuggled in) is refused here, never sent.

use lettre::Message;
use lettre::message::Body;
use lettre::message::Mailbox;
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};

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

/// What some messages carry besides their kind and link; still no member text.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    /// The member's unsubscribe path for this kind (`unsubscribe.rs`): in the body and in
    /// `List-Unsubscribe`, with `List-Unsubscribe-Post` for one-click (RFC 8058).
    pub unsubscribe: Option<String>,
    /// A digest's counts per kind.
    pub counts: Vec<(MailKind, i64)>,
}

const LIST_UNSUBSCRIBE: HeaderName = HeaderName::new_from_ascii_str("List-Unsubscribe");
const LIST_UNSUBSCRIBE_POST: HeaderName = HeaderName::new_from_ascii_str("List-Unsubscribe-Post");

/// The message for outbox row `id`.
pub fn compose(
    settings: &MailSettings,
    id: i64,
    kind: MailKind,
    to: &str,
    link: &str,
    extras: &Extras,
) -> Result<Message, ComposeError> {
    // One mailbox, nothing around it: `parse` refuses line breaks and lists.
    if to.chars().any(|c| c.is_control() || c == ',' || c == ';') {
        return Err(ComposeError::Address);
    }
    let to: Mailbox = to.parse().map_err(|_| ComposeError::Address)?;
    if !is_site_path(link) {
        return Err(ComposeError::Link);
    }
    let host = settings
        .public_url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', ':']).next())
        .filter(|h| !h.is_empty())
        .unwrap_or("caseroom.invalid");
    let mut body = wrap(kind.sentence());
    body.push('\n');
    for (counted, n) in &extras.counts {
        let what = counted.plural();
        let mut first = what.chars();
        let capitalised: String = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect())
            .unwrap_or_default();
        body.push_str(&format!("\n- {capitalised}: {n}"));
    }
    if !extras.counts.is_empty() {
        body.push('\n');
    }
    body.push_str(&format!("\n{}{link}\n", settings.public_url));
    let unsubscribe = match &extras.unsubscribe {
        Some(path) if is_site_path(path) => Some(format!("{}{path}", settings.public_url)),
        Some(_) => return Err(ComposeError::Link),
        None => None,
    };
    if let Some(url) = &unsubscribe {
        body.push_str(&format!("\nTo stop these emails:\n{url}\n"));
    }
    body.push_str(&format!("\n-- \n{}\n", wrap(&settings.footer)));
    let mut builder = Message::builder()
        .from(settings.from.clone())
        .to(to)
        .subject(kind.subject())
        // The same row sent twice (a node died mid-send) is recognisably the same message.
        .message_id(Some(format!("<outbox-{id}@{host}>")))
        .header(ContentType::TEXT_PLAIN);
    if let Some(url) = unsubscribe {
        builder = builder
            .raw_header(HeaderValue::new(LIST_UNSUBSCRIBE, format!("<{url}>")))
            .raw_header(HeaderValue::new(
                LIST_UNSUBSCRIBE_POST,
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    builder
        .body(plain_body(body))
        .map_err(|_| ComposeError::Build)
}

/// A path on this site, with nothing that could end a line or start another host.
fn is_site_path(link: &str) -> bool {
    link.starts_with('/')
        && !link.starts_with("//")
        && !link.chars().any(|c| c.is_whitespace() || c.is_control())
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
            let message = compose(
                &settings(),
                7,
                kind,
                "member@clinic.example",
                "/cases/12",
                &Extras::default(),
            )
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
            &Extras::default(),
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
            &Extras::default(),
        )
        .expect("message");
        let text = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(!text.contains("Content-Transfer-Encoding: 7bit"), "{text}");
    }

    #[test]
    fn a_digest_counts_and_every_subscribed_message_can_be_stopped_in_one_click() {
        let extras = Extras {
            unsubscribe: Some("/unsubscribe?u=3&k=digest&s=abc".into()),
            counts: vec![(MailKind::CaseReply, 2), (MailKind::FlagOutcome, 1)],
        };
        let message = compose(
            &settings(),
            9,
            MailKind::Digest,
            "m@clinic.example",
            "/notifications",
            &extras,
        )
        .expect("message");
        let text = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(
            text.contains("- Replies to your cases: 2\r\n- Answers to your flags: 1"),
            "{text}"
        );
        let url = "https://caseroom.clinic.example/unsubscribe?u=3&k=digest&s=abc";
        assert!(
            text.contains(&format!("List-Unsubscribe: <{url}>\r\n")),
            "{text}"
        );
        assert!(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
        assert!(text.contains(&format!("To stop these emails:\r\n{url}\r\n")));
        let bad = Extras {
            unsubscribe: Some("https://evil.example/".into()),
            counts: vec![],
        };
        assert_eq!(
            compose(
                &settings(),
                9,
                MailKind::CaseReply,
                "m@clinic.example",
                "/cases/1",
                &bad
            )
            .err(),
            Some(ComposeError::Link)
        );
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
                compose(
                    &settings(),
                    1,
                    MailKind::CaseReply,
                    to,
                    "/cases/1",
                    &Extras::default()
                )
                .err(),
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
                    link,
                    &Extras::default()
                )
                .err(),
                Some(ComposeError::Link),
                "{link:?}"
            );
        }
    }
}
