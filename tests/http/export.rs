//! A member's export (issue 18, docs/MEMBER_DATA.md): one ZIP holding exactly what the forum
//! holds about them, and other members' text only as the member may see it on the site.

use caseroom::domain::role::Role;
use caseroom::server::export::zip::read_for_tests;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

/// The export's files by name, as text.
fn unpack(zip: &[u8]) -> Vec<(String, String)> {
    read_for_tests(zip)
        .expect("a readable ZIP")
        .into_iter()
        .map(|(name, bytes)| (name, String::from_utf8(bytes).expect("UTF-8")))
        .collect()
}

#[tokio::test]
async fn an_export_holds_the_members_data_and_others_text_only_as_they_see_it() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let member = app
        .create_member("member@clinic.example", "Qzmmembername", &[Role::Clinician])
        .await;
    let client = app.client();
    let res = app
        .sign_in(&client, "member@clinic.example", GOOD_PASSWORD)
        .await;
    let session = session_cookie(&res).expect("a session");
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let (other, _) = app
        .member_client("other@clinic.example", &[Role::Clinician])
        .await;

    // The member's own case, with a visible reply and a reply hidden after flags.
    let mine = publish(
        &app,
        &client,
        &case_form("Qzmcasetitle", &[("situation", "Qzmsituation words.")]),
    )
    .await;
    app.reply(&peer, mine, "Qzpeervisible reply.").await;
    let hidden = app.reply(&other, mine, "Qzotherhidden reply.").await;
    sqlx::query("update replies set hidden_at = 1 where id = $1")
        .bind(hidden)
        .execute(&app.db().await)
        .await
        .expect("hide");
    // Another member's anonymous case, which the member replies to and flags.
    let theirs = publish(
        &app,
        &other,
        &case_form(
            "Qzothertitle",
            &[("situation", "Qzothersituation."), ("anonymous", "on")],
        ),
    )
    .await;
    app.reply(&client, theirs, "Qzmreply to another case.")
        .await;
    let res = app
        .post_form(
            &client,
            &format!("/cases/{theirs}/flag"),
            &[("kind", "other"), ("note", "Qzmflagnote")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let (status, page) = app.get(&client, "/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("action=\"/account/export\""), "{page}");
    let res = app.post_form(&client, "/account/export", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/zip");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    let files = unpack(&res.bytes().await.unwrap());
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "README.txt",
        "index.html",
        "account.json",
        "cases.json",
        "replies.json",
        "drafts.json",
        "replies_to_your_cases.json",
        "flags_and_notifications.json",
        "activity.json",
    ] {
        assert!(
            names.contains(&format!("caseroom-export/{name}").as_str()),
            "{names:?}"
        );
    }
    let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n.ends_with(name))
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    // Theirs: the account, the case and its every version, the reply, the flag's note.
    for marker in [
        "member@clinic.example",
        "Qzmmembername",
        "Qzmcasetitle",
        "Qzmsituation",
        "Qzmreply",
        "Qzmflagnote",
    ] {
        assert!(all.contains(marker), "{marker} missing");
    }
    let cases: serde_json::Value = serde_json::from_str(&file("cases.json")).unwrap();
    assert_eq!(cases.as_array().unwrap().len(), 1);
    assert!(!cases[0]["revisions"].as_array().unwrap().is_empty());
    assert_eq!(cases[0]["reviews"][0]["decision"], "approved");
    // Others' text only as the member sees it: the visible reply with its author's name; not the
    // hidden one, not the other member's case, not an anonymous author's name.
    let to_you = file("replies_to_your_cases.json");
    assert!(to_you.contains("Qzpeervisible"), "{to_you}");
    for absent in ["Qzotherhidden", "Qzothertitle", "Qzothersituation"] {
        assert!(!all.contains(absent), "{absent} leaked");
    }
    // Never a secret: no session token, no password hash.
    let hash = app
        .state
        .store
        .password_hash(member)
        .await
        .unwrap()
        .unwrap();
    assert!(!all.contains(&hash) && !all.contains("argon2"));
    assert!(!all.contains(&session));
    // The readable page escapes what members wrote.
    assert!(file("index.html").contains("Qzmsituation words."));
    assert!(
        app.audit_actions()
            .await
            .iter()
            .any(|a| a == "member_data_exported")
    );

    // A visitor gets nothing.
    let res = app.post_form(&app.client(), "/account/export", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}
