//! Deleting one's own reply (issue 19): readers see a tombstone in its place, with nothing of
//! what it said or who wrote it; the moderators still read it, and may remove it for good.

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

fn confirmed(case: i64) -> Vec<(&'static str, String)> {
    vec![("confirm", "yes".into()), ("case", case.to_string())]
}

async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, String)],
) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(client, path, &form).await
}

#[tokio::test]
async fn an_author_deletes_their_reply_and_readers_see_only_a_tombstone() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    app.create_member(
        "replier@clinic.example",
        "Qrdname Replier",
        &[Role::Clinician],
    )
    .await;
    let replier = app.client();
    app.sign_in(&replier, "replier@clinic.example", GOOD_PASSWORD)
        .await;
    let (reader, _) = app
        .member_client("reader@clinic.example", &[Role::Clinician])
        .await;
    let case = publish(&app, &author, &case_form("Qrdcase title", &[])).await;
    let id = app
        .reply(
            &replier,
            case,
            "Qrdreply words that should not have been written.",
        )
        .await;
    let kept = app.reply(&reader, case, "Qrdkept reply stays.").await;
    let case_page = format!("/cases/{case}");
    let (_, page) = app.get(&replier, &case_page).await;
    assert!(page.contains("Delete this reply"), "{page}");
    let (_, page) = app.get(&author, &case_page).await;
    assert!(
        !page.contains(&format!("/replies/{id}/delete")),
        "only its author"
    );

    let path = format!("/replies/{id}/delete");
    let res = post(&app, &replier, &path, &[("case", case.to_string())]).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the box unticked"
    );
    assert!(res.text().await.unwrap().contains("Tick the box"));
    for other in [&author, &reader] {
        let res = post(&app, other, &path, &confirmed(case)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "not theirs");
    }
    let res = post(&app, &replier, &path, &confirmed(case)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&res).contains("notice=reply-deleted"),
        "{}",
        location(&res)
    );

    // Every reader but the moderators, its author too: a tombstone, no words, no name.
    for client in [&author, &reader, &replier] {
        let (status, page) = app.get(client, &case_page).await;
        assert_eq!(status, StatusCode::OK);
        // The replier's own name is in their page's header.
        let name_shown =
            page.matches("Qrdname").count() > usize::from(std::ptr::eq(client, &replier));
        assert!(
            page.contains("was deleted by its author")
                && !page.contains("Qrdreply")
                && !name_shown
                && page.contains("Qrdkept"),
            "{page}"
        );
        let (_, body) = app
            .server_fn(
                client,
                caseroom::api::cases::GetCase::PATH,
                format!("id={case}"),
            )
            .await;
        assert!(
            !body.contains("Qrdreply") && !body.contains("Qrdname"),
            "{body}"
        );
    }
    let (_, results) = app.get(&reader, "/search?q=Qrdreply").await;
    assert!(!results.contains("Qrdcase"), "{results}");
    let (_, results) = app.get(&reader, "/search?q=Qrdkept").await;
    assert!(
        results.contains("Qrdcase"),
        "search still finds the case: {results}"
    );
    let db = app.db().await;
    let count: i64 = sqlx::query_scalar("select reply_count from cases where id = $1")
        .bind(case)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(count, 1, "the case counts only the reply still there");

    // Nothing more can be done to it, and a second deletion says so.
    let res = post(&app, &replier, &path, &confirmed(case)).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "twice");
    assert!(res.text().await.unwrap().contains("already deleted"));
    assert_eq!(
        app.get(&reader, &format!("/replies/{id}/flag")).await.0,
        StatusCode::NOT_FOUND
    );
    let res = app
        .post_form(
            &replier,
            &format!("/replies/{id}/edit"),
            &[("body", "Qrdedit")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "no edit of a deleted reply"
    );
    let res = app
        .post_form(
            &author,
            &format!("/replies/{id}/helpful"),
            &[("helpful", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The moderators still read it, marked, and may remove it for good.
    let moderator = app.moderator().await;
    let (_, page) = app.get(moderator, &case_page).await;
    assert!(
        page.contains("Qrdreply")
            && page.contains("Deleted by its author")
            && page.contains("Remove for good"),
        "{page}"
    );
    let res = post(
        &app,
        moderator,
        &format!("/replies/{kept}/remove"),
        &confirmed(case),
    )
    .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "only a deleted reply is removed"
    );
    let res = post(
        &app,
        moderator,
        &format!("/replies/{id}/remove"),
        &confirmed(case),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(moderator, &case_page).await;
    assert!(
        !page.contains("Qrdreply") && page.contains("Qrdkept"),
        "{page}"
    );
    let (_, page) = app.get(&reader, &case_page).await;
    assert!(
        !page.contains("was deleted by its author"),
        "the tombstone goes too: {page}"
    );
    let res = post(
        &app,
        moderator,
        &format!("/replies/{id}/remove"),
        &confirmed(case),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "removed twice");
    for (table, column) in [("replies", "id"), ("revisions", "reply_id")] {
        let n: i64 =
            sqlx::query_scalar(&format!("select count(*) from {table} where {column} = $1"))
                .bind(id)
                .fetch_one(&db)
                .await
                .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    let owed: i64 = sqlx::query_scalar("select owed from purge_scrubs where id = 1")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(owed, 2, "the purge job scrubs the removed reply's bytes");
    let actions = app.audit_actions().await;
    for action in ["reply_deleted", "reply_removed"] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
}

#[tokio::test]
async fn a_reply_is_deleted_in_a_closed_case_not_a_locked_one_and_a_held_one_leaves_the_queue() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (replier, _) = app
        .member_client("replier@clinic.example", &[Role::Clinician])
        .await;
    let case = publish(&app, &author, &case_form("Qrdlocked case", &[])).await;
    // A new member's reply is held for a moderator.
    let res = app
        .post_form(
            &replier,
            &format!("/cases/{case}/replies"),
            &[("body", "Qrdheld reply")],
        )
        .await;
    assert!(location(&res).contains("reply-held"), "{}", location(&res));
    let held = reply_id_in(&location(&res));
    let moderator = app.moderator().await;
    let (_, queue) = app.get(moderator, "/review").await;
    assert!(
        queue.contains(&format!("/review/replies/{held}")),
        "{queue}"
    );
    let res = post(
        &app,
        &replier,
        &format!("/replies/{held}/delete"),
        &confirmed(case),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, queue) = app.get(moderator, "/review").await;
    assert!(
        !queue.contains(&format!("/review/replies/{held}")),
        "{queue}"
    );
    let form = approval();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(moderator, &format!("/review/replies/{held}/decide"), &form)
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "no decision on a deleted reply"
    );

    let id = app.reply(&replier, case, "Qrdsecond reply").await;
    let res = app
        .post_form(
            moderator,
            &format!("/cases/{case}/lock"),
            &[("lock", "true"), ("reason", "Cooling off.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let path = format!("/replies/{id}/delete");
    let res = post(&app, &replier, &path, &confirmed(case)).await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "locked");
    let res = app
        .post_form(
            moderator,
            &format!("/cases/{case}/lock"),
            &[
                ("lock", "false"),
                ("reason", "Discussed with the author; fine now."),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let res = app
        .post_form(&author, &format!("/cases/{case}/close"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = post(&app, &replier, &path, &confirmed(case)).await;
    let status = res.status();
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "a closed case still lets its author delete: {}",
        res.text().await.unwrap()
    );
}

/// The newest reply, removed for good, does not lend its id to the next reply: the audit log's
/// `reply=` details, notifications and old links keep naming the reply they named (SQLite gives
/// a new row the largest id plus one; migration 0023 keeps a floor).
#[tokio::test]
async fn a_removed_replys_id_is_never_given_to_another() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (replier, _) = app
        .member_client("replier@clinic.example", &[Role::Clinician])
        .await;
    let case = publish(&app, &author, &case_form("Qidcase title", &[])).await;
    app.reply(&replier, case, "Qidfirst reply.").await;
    let newest = app.reply(&replier, case, "Qidnewest reply.").await;
    let res = post(
        &app,
        &replier,
        &format!("/replies/{newest}/delete"),
        &confirmed(case),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let moderator = app.moderator().await;
    let res = post(
        &app,
        moderator,
        &format!("/replies/{newest}/remove"),
        &confirmed(case),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let max: Option<i64> = sqlx::query_scalar("select max(id) from replies")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert!(max < Some(newest), "the newest reply is gone");
    let next = app.reply(&replier, case, "Qidnext reply.").await;
    assert!(next > newest, "{next} after {newest}");
}
