//! Pages of replies: a long thread comes a hundred replies at a time, with plain links between
//! the pages, and every link to a reply (`?reply=`) opens the page that holds it for whoever
//! follows it. Positions are counted among the replies the reader may see, so a reply hidden from
//! them neither takes a place nor moves the page a link opens.

use caseroom::domain::role::Role;
use caseroom::model::ReplyPages;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

const SIZE: usize = ReplyPages::SIZE;

fn shows(page: &str, reply: i64) -> bool {
    page.contains(&format!("id=\"reply-{reply}\""))
}

#[tokio::test]
async fn a_long_thread_comes_in_pages_and_a_link_to_a_reply_opens_its_page() {
    // Published at once: the reply gate is not what is tested here.
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("pages.author@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("pages.sup@clinic.example", &[Role::Supervisor])
        .await;
    let (peer, _) = app
        .member_client("pages.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A thread that runs long", &[])).await;
    let mut replies = Vec::new();
    for n in 0..SIZE + 4 {
        let body = format!("Thought {n}: stay with the rupture a little longer.");
        replies.push(app.reply(&supervisor, id, &body).await);
    }
    let case = format!("/cases/{id}");

    // The first page: the oldest hundred, the total, and a plain link onwards.
    let (status, first) = app.get(&peer, &case).await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains(&format!("Replies ({})", SIZE + 4)), "total");
    assert!(replies[..SIZE].iter().all(|r| shows(&first, *r)));
    assert!(!replies[SIZE..].iter().any(|r| shows(&first, *r)));
    assert!(first.contains("Page 1 of 2"));
    let next = format!("href=\"/cases/{id}?page=2#replies-heading\" rel=\"next\"");
    assert!(first.contains(&next), "a link to the next page: {first}");
    assert!(!first.contains("rel=\"prev\""));

    // The author was told of every reply; the count every page shows stops at a hundred.
    let (_, own) = app.get(&author, &case).await;
    assert!(own.contains("Notifications (99+)"), "unread count");

    // The second page: the rest, and a way back.
    let (status, second) = app.get(&peer, &format!("{case}?page=2")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(replies[SIZE..].iter().all(|r| shows(&second, *r)));
    assert!(!replies[..SIZE].iter().any(|r| shows(&second, *r)));
    assert!(second.contains("Page 2 of 2") && second.contains("rel=\"prev\""));
    assert!(!second.contains("rel=\"next\""));

    // A page past the end is the last page (replies hidden since a link was made shorten the
    // thread); a page that is not a number is the reader's mistake, said plainly.
    let (status, past) = app.get(&peer, &format!("{case}?page=9")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(shows(&past, replies[SIZE]));
    for bad in ["page=0", "page=two", "page=-1", "reply=last"] {
        let (status, page) = app.get(&peer, &format!("{case}?{bad}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(page.contains("not valid"), "{bad}: {page}");
        assert!(!shows(&page, replies[0]), "{bad}: no replies on a refusal");
    }

    // A link to a reply opens the page that holds it, whatever page it names.
    let last = *replies.last().unwrap_or(&0);
    let (_, page) = app.get(&peer, &format!("{case}?reply={last}")).await;
    assert!(shows(&page, last) && page.contains("Page 2 of 2"));
    let (_, page) = app
        .get(&peer, &format!("{case}?page=2&reply={}", replies[0]))
        .await;
    assert!(shows(&page, replies[0]) && page.contains("Page 1 of 2"));

    // Posting a reply lands on the page that holds it.
    let res = app
        .post_form(
            &peer,
            &format!("{case}/replies"),
            &[("body", "A late thought about the ending.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    let (_, page) = app.get(&peer, &to).await;
    let posted = reply_id_in(&to);
    assert!(
        to.starts_with(&format!("{case}?reply={posted}")) && shows(&page, posted),
        "{to}"
    );
    assert!(page.contains(&format!("Replies ({})", SIZE + 5)));
}

#[tokio::test]
async fn a_reply_hidden_from_a_reader_takes_no_place_in_their_pages_and_no_link_finds_it() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("hide.author@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("hide.sup@clinic.example", &[Role::Supervisor])
        .await;
    let (peer, _) = app
        .member_client("hide.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("A thread with a hidden reply", &[]),
    )
    .await;
    let mut replies = Vec::new();
    for n in 0..SIZE {
        let body = format!("Note {n}: what does the silence protect?");
        replies.push(app.reply(&peer, id, &body).await);
    }
    // The first reply is hidden at once by a supervisor's "may identify a client" flag.
    let hidden = replies[0];
    let res = app
        .post_form(
            &supervisor,
            &format!("/replies/{hidden}/flag"),
            &[("kind", "may_identify"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let extra = app
        .reply(&supervisor, id, "The hundred and first, as members count.")
        .await;
    let case = format!("/cases/{id}");

    // For the author the hidden reply is not there: a hundred replies, one page, and a link to
    // the hidden reply opens the same first page as any link to nothing.
    let (_, page) = app.get(&author, &case).await;
    assert!(page.contains(&format!("Replies ({SIZE})")));
    assert!(!page.contains("Page 1 of") && shows(&page, extra) && !shows(&page, hidden));
    let (_, via_hidden) = app.get(&author, &format!("{case}?reply={hidden}")).await;
    let (_, via_nothing) = app.get(&author, &format!("{case}?reply=999999")).await;
    assert_eq!(strip_nonce(&via_hidden), strip_nonce(&via_nothing));
    assert!(!shows(&via_hidden, hidden));

    // The moderator sees it, marked, so their thread has two pages and the last reply is on
    // the second.
    let moderator = app.moderator().await;
    let (_, page) = app.get(moderator, &case).await;
    assert!(page.contains(&format!("Replies ({})", SIZE + 1)));
    assert!(shows(&page, hidden) && page.contains("Hidden after a flag"));
    assert!(!shows(&page, extra) && page.contains("Page 1 of 2"));
    let (_, page) = app.get(moderator, &format!("{case}?reply={extra}")).await;
    assert!(shows(&page, extra) && page.contains("Page 2 of 2"));
}
