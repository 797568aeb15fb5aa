//! Notifications page by page, each markable as read (issue 19): a member with many finds them
//! all, fifty a page; marking one read leaves the others; nobody marks another's.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

#[tokio::test]
async fn notifications_come_fifty_a_page_and_each_is_marked_read_alone() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    // One approval and 54 replies: 55 notifications for the author.
    let id = publish(&app, &author, &case_form("A much discussed case", &[])).await;
    for n in 0..54 {
        app.reply(&peer, id, &format!("Reply number {n} to the case."))
            .await;
    }
    let (_, first) = app.get(&author, "/notifications").await;
    assert_eq!(
        first.matches("Someone replied to your case.").count(),
        50,
        "{first}"
    );
    assert!(first.contains("Notifications (55)"), "the unread count");
    let older = first
        .split("href=\"/notifications?before=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to older notifications")
        .to_owned();
    let (_, second) = app
        .get(&author, &format!("/notifications?before={older}"))
        .await;
    assert_eq!(
        second.matches("Someone replied to your case.").count(),
        4,
        "{second}"
    );
    assert!(
        second.contains("A moderator approved your case."),
        "the oldest: {second}"
    );
    assert!(!second.contains("Older notifications"), "the last page");
    assert!(
        second.contains("href=\"/notifications\""),
        "back to the newest"
    );

    // Mark the oldest read, from the second page: back to the second page, one fewer unread.
    let oldest = second
        .split("action=\"/notifications/")
        .filter_map(|rest| rest.split('/').next())
        .filter_map(|n| n.parse::<i64>().ok())
        .min()
        .expect("a mark-as-read form");
    let res = app
        .post_form(
            &author,
            &format!("/notifications/{oldest}/read"),
            &[("before", &older)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/notifications?before={older}"));
    let (_, first) = app.get(&author, "/notifications").await;
    assert!(first.contains("Notifications (54)"), "one fewer unread");
    // Twice is the same: still read.
    let res = app
        .post_form(&author, &format!("/notifications/{oldest}/read"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/notifications");

    // Another member's notification, or none: not found, and nothing changes.
    for id in [oldest, 999_999] {
        let res = app
            .post_form(&peer, &format!("/notifications/{id}/read"), &[])
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
    let res = app
        .post_form(&author, "/notifications/not-a-number/read", &[])
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    let (_, first) = app.get(&author, "/notifications").await;
    assert!(first.contains("Notifications (54)"));
    // A page asked for with nonsense is the newest.
    let (status, page) = app.get(&author, "/notifications?before=abc").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page.matches("Someone replied to your case.").count(), 50);
}
