//! The export's readable page: one self-contained HTML file (no scripts, no links out) with the
//! member's account, cases, replies and the replies to their cases. Every piece of text is
//! escaped and shown as written (Markdown), never as HTML.

use crate::server::services::export::ReplyToYou;
use crate::server::store::MemberData;

pub fn readable_page(data: &MemberData, replies_to_you: &[ReplyToYou], now: i64) -> String {
    let mut page = String::with_capacity(16 * 1024);
    page.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Your Caseroom data</title><style>\
         body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}\
         pre{white-space:pre-wrap;background:#f4f4f4;padding:.5rem}\
         section{border-top:1px solid #ccc;margin-top:1.5rem}</style></head><body>\n",
    );
    let a = &data.account;
    page.push_str(&format!(
        "<h1>Your Caseroom data</h1>\n<p>Exported at {} (Unix time {now}). The JSON files beside \
         this page hold the same, and more detail.</p>\n<h2>Account</h2>\n<ul><li>Name: {}</li>\
         <li>Email: {}</li><li>Roles: {}</li><li>Member since: {}</li><li>Sessions open: {}</li>\
         </ul>\n",
        utc(now),
        esc(&a.display_name),
        esc(&a.email),
        esc(&a.roles.join(", ")),
        utc(a.created_at),
        data.sessions.len()
    ));
    page.push_str(&format!("<h2>Your cases ({})</h2>\n", data.cases.len()));
    for case in &data.cases {
        page.push_str(&format!(
            "<section><h3>{}</h3>\n<p>Case {} · {} · {} · brought {}{}</p>\n",
            esc(&case.title),
            case.id,
            esc(&case.review_state),
            esc(&case.state),
            utc(case.created_at),
            if case.anonymous {
                " · anonymous to other members"
            } else {
                ""
            }
        ));
        for section in &case.sections {
            page.push_str(&format!(
                "<h4>{}</h4><pre>{}</pre>\n",
                esc(&section.section),
                esc(&section.markdown)
            ));
        }
        for review in &case.reviews {
            page.push_str(&format!(
                "<p>A moderator {} it on {}{}</p>\n",
                esc(&review.decision),
                utc(review.at),
                if review.reason.is_empty() {
                    String::new()
                } else {
                    format!(": {}", esc(&review.reason))
                }
            ));
        }
        let theirs: Vec<&ReplyToYou> = replies_to_you
            .iter()
            .filter(|r| r.case_id == case.id)
            .collect();
        if !theirs.is_empty() {
            page.push_str(&format!("<h4>Replies ({})</h4>\n", theirs.len()));
        }
        for reply in theirs {
            page.push_str(&format!(
                "<p>{}{} on {}:</p><pre>{}</pre>\n",
                esc(&reply.author),
                if reply.supervisor_feedback {
                    " (supervisor feedback)"
                } else {
                    ""
                },
                utc(reply.created_at),
                esc(&reply.markdown)
            ));
        }
        page.push_str(&format!(
            "<p>{} saved versions are in cases.json.</p></section>\n",
            case.revisions.len()
        ));
    }
    page.push_str(&format!("<h2>Your replies ({})</h2>\n", data.replies.len()));
    for reply in &data.replies {
        page.push_str(&format!(
            "<section><p>To case {} on {} · {}{}</p><pre>{}</pre></section>\n",
            reply.case_id,
            utc(reply.created_at),
            esc(&reply.review_state),
            if reply.helpful {
                " · marked helpful"
            } else {
                ""
            },
            esc(&reply.markdown)
        ));
    }
    page.push_str(&format!(
        "<h2>Everything else</h2>\n<ul><li>Flags you raised: {}</li><li>Notifications: {}</li>\
         <li>Consultation group memberships: {}</li><li>Recorded actions: {}</li></ul>\n\
         </body></html>\n",
        data.flags.len(),
        data.notifications.len(),
        data.groups.len(),
        data.audit.len()
    ));
    page
}

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `2027-01-15 08:00 UTC`.
fn utc(at: i64) -> String {
    let (year, month, day, secs) = super::civil(at);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        secs / 3600,
        (secs % 3600) / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_times_are_dates() {
        assert_eq!(esc("<b a=\"x\">&'"), "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
        assert_eq!(utc(1_800_000_000), "2027-01-15 08:00 UTC");
        assert_eq!(utc(0), "1970-01-01 00:00 UTC");
    }
}
