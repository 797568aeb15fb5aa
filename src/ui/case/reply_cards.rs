//! The replies of a case page, written out as one HTML string. Built as components, the cards
//! of a 100-reply case were a fifth of the page's CPU under load (tachys building and walking a
//! view per card); written out, each card is a few pushes onto one buffer. The markup is what
//! the component drew. Every text that is not cooked HTML is escaped here; the body is the
//! cooked, sanitised HTML the store keeps (`SafeHtml`).

use std::fmt::Write as _;

use crate::model::{CaseId, ReplyPages, ReplyView};
use crate::ui::html::escape_into;
use crate::ui::time::format_date;

/// The heading, a card per reply on the shown page and, when the replies fill more than one
/// page, links to the others above and below, for the inside of the page's replies section.
pub fn reply_cards_html(case: CaseId, replies: &[ReplyView], pages: ReplyPages) -> String {
    let body_bytes: usize = replies.iter().map(|r| r.html.as_str().len()).sum();
    let mut out = String::with_capacity(body_bytes + replies.len() * 640 + 1024);
    let _ = write!(
        out,
        r#"<h2 id="replies-heading">Replies ({})</h2>"#,
        pages.total
    );
    page_links(&mut out, case, pages, "above");
    for reply in replies {
        if reply.tombstone {
            tombstone(&mut out, reply);
        } else {
            card(&mut out, case, reply);
        }
    }
    page_links(&mut out, case, pages, "below");
    out
}

/// Plain links (no script): earlier, the first, a few around this one, the last, later.
fn page_links(out: &mut String, case: CaseId, pages: ReplyPages, place: &str) {
    if pages.pages <= 1 {
        return;
    }
    let (page, last) = (pages.page, pages.pages);
    let href = |n: u32| format!("/cases/{case}?page={n}#replies-heading");
    let _ = write!(
        out,
        r#"<nav class="reply-pages" aria-label="Pages of replies, {place}"><span>Page {page} of {last}</span>"#
    );
    if page > 1 {
        let _ = write!(
            out,
            r#"<a href="{}" rel="prev">Earlier replies</a>"#,
            href(page - 1)
        );
    }
    let mut shown_up_to = 0;
    for n in 1..=last {
        let near = n + 2 >= page && n <= page + 2;
        if !(n == 1 || n == last || near) {
            continue;
        }
        if n > shown_up_to + 1 {
            out.push_str(r#"<span aria-hidden="true">…</span>"#);
        }
        if n == page {
            let _ = write!(out, r#"<span aria-current="page">{n}</span>"#);
        } else {
            let _ = write!(
                out,
                r#"<a href="{}" aria-label="Page {n}">{n}</a>"#,
                href(n)
            );
        }
        shown_up_to = n;
    }
    if page < last {
        let _ = write!(
            out,
            r#"<a href="{}" rel="next">Later replies</a>"#,
            href(page + 1)
        );
    }
    out.push_str("</nav>");
}

/// The place of a reply its author deleted: that it was there and when, nothing of what it said
/// or who wrote it.
fn tombstone(out: &mut String, reply: &ReplyView) {
    let _ = write!(
        out,
        r#"<article class="reply panel tombstone" id="reply-{}"><p class="meta">A reply from {} was deleted by its author.</p></article>"#,
        reply.id,
        format_date(reply.created_at)
    );
}

fn card(out: &mut String, case: CaseId, reply: &ReplyView) {
    let rid = reply.id;
    let class = match (reply.hidden || reply.deleted, reply.supervisor_feedback) {
        (true, _) => "reply panel hidden-reply",
        (false, true) => "reply panel supervisor-feedback",
        (false, false) => "reply panel",
    };
    let _ = write!(
        out,
        r#"<article class="{class}" id="reply-{rid}"><header class="meta">"#
    );
    if reply.hidden {
        out.push_str(
            r#"<strong class="badge">Hidden after a flag: only moderators see it</strong>"#,
        );
    }
    if reply.deleted {
        out.push_str(
            r#"<strong class="badge">Deleted by its author: only moderators see it</strong>"#,
        );
    }
    if !reply.review.is_published() {
        let _ = write!(
            out,
            r#"<span class="state review-{}">{}</span>"#,
            reply.review.key(),
            reply.review.label()
        );
    }
    if reply.supervisor_feedback {
        out.push_str(r#"<strong class="badge feedback">Supervisor feedback</strong>"#);
    }
    out.push_str(r#"<span class="author">"#);
    escape_into(out, &reply.author.label());
    if let Some(about) = reply.author.about() {
        out.push_str(r#"</span><span class="credentials">"#);
        escape_into(out, about);
    }
    let _ = write!(out, "</span><span>{}</span>", format_date(reply.created_at));
    if reply.edited {
        out.push_str(r#"<span class="edited">edited</span>"#);
    }
    if reply.helpful {
        out.push_str(r#"<span class="badge helpful">Marked helpful</span>"#);
    }
    out.push_str(r#"</header><div class="prose">"#);
    out.push_str(reply.html.as_str());
    out.push_str(r#"</div><footer class="reply-actions">"#);
    if reply.can_edit {
        let _ = write!(out, r#"<a href="/replies/{rid}/edit">Edit</a>"#);
    }
    if reply.hidden {
        let _ = write!(
            out,
            r#"<form method="post" action="/replies/{rid}/restore" class="inline"><button type="submit" class="link">Show this reply again</button></form>"#
        );
    }
    if reply.can_remove {
        let _ = write!(
            out,
            r#"<form method="post" action="/replies/{rid}/remove" class="inline"><input type="hidden" name="case" value="{case}"/><button type="submit" class="link">Remove for good</button></form>"#
        );
    }
    if reply.can_flag {
        let _ = write!(out, r#"<a href="/replies/{rid}/flag">Flag</a>"#);
    }
    if reply.can_mark_helpful {
        let (value, label) = if reply.helpful {
            ("false", "Unmark helpful")
        } else {
            ("true", "Mark helpful")
        };
        let _ = write!(
            out,
            r#"<form method="post" action="/replies/{rid}/helpful" class="inline"><input type="hidden" name="helpful" value="{value}"/><button type="submit" class="link">{label}</button></form>"#
        );
    }
    if reply.can_delete {
        // A disclosure, not a script: the box and the button work without JavaScript.
        let _ = write!(
            out,
            r#"<details class="delete-reply"><summary>Delete</summary><form method="post" action="/replies/{rid}/delete"><input type="hidden" name="case" value="{case}"/><p><input type="checkbox" name="confirm" value="yes" id="delete-reply-{rid}" required/> <label for="delete-reply-{rid}">Yes, delete this reply. Members will see that a reply was here; the moderators can still read it.</label></p><button type="submit">Delete this reply</button></form></details>"#
        );
    }
    out.push_str("</footer></article>");
}
