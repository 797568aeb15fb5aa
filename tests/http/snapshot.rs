//! The case page's snapshot of a case's replies (`store/reply_snapshot.rs`): one copy for every
//! reader, filtered per reader by the visibility rule, and replaced by the next read after any
//! change to the replies is acknowledged, on this node and on another one.

use caseroom::domain::policy::Actor;
use caseroom::domain::role::{Role, Roles};
use caseroom::model::CaseId;
use caseroom::server::store::Store;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

const HELD: &str = "A held reply about the waiting room.";
const OWN_REPLY: &str = "The author answers under the case, anonymously.";
const FEEDBACK: &str = "Supervisor feedback about the ruptures.";

#[tokio::test]
async fn readers_with_different_rights_never_get_each_others_view_of_a_case() {
    let app = TestApp::spawn().await;
    let author_name = "Philippa Ostrander";
    app.create_member(
        "snap.author@clinic.example",
        author_name,
        &[Role::Clinician],
    )
    .await;
    let author = app.client();
    app.sign_in(&author, "snap.author@clinic.example", GOOD_PASSWORD)
        .await;
    let (newcomer, _) = app
        .member_client("snap.new@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("snap.peer@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("snap.sup@clinic.example", &[Role::Supervisor])
        .await;
    let moderator = app.moderator().await;
    let id = publish(
        &app,
        &author,
        &case_form("One page, many readers", &[("anonymous", "on")]),
    )
    .await;
    app.reply(&supervisor, id, FEEDBACK).await;
    app.reply(&author, id, OWN_REPLY).await;
    // A new member's reply waits at the reply gate: only they and the moderators see it.
    let res = app
        .post_form(
            &newcomer,
            &format!("/cases/{id}/replies"),
            &[("body", HELD)],
        )
        .await;
    assert!(location(&res).contains("notice=reply-held"), "held");
    let case = format!("/cases/{id}");

    // Every order of readers, twice over, so each reader's page is built from a snapshot
    // another reader's request loaded.
    let readers = [
        ("moderator", moderator),
        ("newcomer", &newcomer),
        ("author", &author),
        ("peer", &peer),
    ];
    for round in 0..2 {
        for start in 0..readers.len() {
            for k in 0..readers.len() {
                let (who, client) = readers[(start + k) % readers.len()];
                let (status, page) = app.get(client, &case).await;
                assert_eq!(status, StatusCode::OK, "{who}");
                assert!(page.contains(FEEDBACK), "{who} sees the feedback");
                assert!(page.contains(OWN_REPLY), "{who} sees the author's reply");
                let sees_held = matches!(who, "moderator" | "newcomer");
                assert_eq!(page.contains(HELD), sees_held, "{who}, round {round}");
                // The anonymous author: named only to moderators, "You" only to the author.
                assert_eq!(
                    page.contains(&format!("Anonymous clinician ({author_name}")),
                    who == "moderator",
                    "{who}: revealed name"
                );
                assert_eq!(
                    page.contains("You (anonymous to other members)"),
                    who == "author",
                    "{who}: you"
                );
                // The author's own name is in their header, nowhere else.
                assert_eq!(
                    page.contains(author_name),
                    matches!(who, "moderator" | "author"),
                    "{who}: name"
                );
                // Only the held reply's own page offers it for editing.
                assert_eq!(
                    page.matches(">Edit</a>").count(),
                    match who {
                        "newcomer" | "author" => 1,
                        _ => 0,
                    },
                    "{who}: edit links"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_change_to_a_reply_shows_on_the_next_read_after_it_is_acknowledged() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("fresh.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("fresh.peer@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("fresh.sup@clinic.example", &[Role::Supervisor])
        .await;
    let moderator = app.moderator().await;
    let id = publish(&app, &author, &case_form("It changes under load", &[])).await;
    let case = format!("/cases/{id}");
    let reply = app
        .reply(
            &supervisor,
            id,
            "She reminds me of Zelphina from the choir.",
        )
        .await;
    let read = |client| {
        let app = &app;
        let case = case.clone();
        async move { app.get(client, &case).await.1 }
    };
    assert!(read(&peer).await.contains("Zelphina"));

    // Marked helpful by the author: every reader's next page says so.
    let res = app
        .post_form(
            &author,
            &format!("/replies/{reply}/helpful"),
            &[("helpful", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(read(&peer).await.contains("Marked helpful"));

    // A redaction: the name is gone from the very next page, for everyone.
    let res = app
        .post_form(
            moderator,
            &format!("/cases/{id}/redact"),
            &[("text", "Zelphina"), ("category", "name")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for client in [&peer, &author, moderator] {
        let page = read(client).await;
        assert!(!page.contains("Zelphina"), "redacted");
        assert!(page.contains("[redacted: name]"));
    }

    // Hidden after a trusted flag: gone for members, marked for moderators; then restored.
    let res = app
        .post_form(
            moderator,
            &format!("/replies/{reply}/flag"),
            &[("kind", "may_identify"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(!read(&peer).await.contains("from the choir"));
    assert!(read(moderator).await.contains("Hidden after a flag"));
    let res = app
        .post_form(moderator, &format!("/replies/{reply}/restore"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(read(&peer).await.contains("from the choir"));

    // An edit by its author.
    let res = app
        .post_form(
            &supervisor,
            &format!("/replies/{reply}/edit"),
            &[("body", "She reminds me of someone from a choir, edited.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The old text is gone for everyone; the new one is the author's at once (and the peer's
    // once the reply gate lets it through).
    assert!(!read(&peer).await.contains("from the choir."));
    assert!(read(&supervisor).await.contains("from a choir, edited."));
}

/// Two stores on one database stand for two app nodes: a reply written through one shows in
/// the other's next read, although the other had the case's replies in memory.
#[tokio::test]
async fn another_node_sees_a_new_reply_on_its_next_read() {
    let app = TestApp::spawn().await;
    let (author, author_id) = app
        .member_client("node.author@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("node.sup@clinic.example", &[Role::Supervisor])
        .await;
    let id = publish(&app, &author, &case_form("Read on two nodes", &[])).await;
    app.reply(&supervisor, id, "The first reply.").await;

    let url = if app.on_postgres() {
        app.database_url.clone()
    } else {
        format!("{}?mode=rw", app.database_url)
    };
    let other = Store::connect(&url).await.unwrap();
    let reader = Actor {
        user_id: author_id,
        roles: Roles::new(vec![Role::Clinician]),
    };
    let replies = |store: &Store| {
        let store = store.clone();
        let reader = reader.clone();
        async move {
            let case = store.find_case(CaseId(id), &reader).await.unwrap().unwrap();
            store
                .list_replies(&case, &reader)
                .await
                .unwrap()
                .iter()
                .map(|r| r.html.clone())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(replies(&other).await.len(), 1);
    app.reply(&supervisor, id, "The second reply.").await;
    let seen = replies(&other).await;
    assert_eq!(seen.len(), 2, "the other node's next read");
    assert!(seen[1].contains("The second reply."));
    other.close().await;
}
