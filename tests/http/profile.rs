//! A member changes their display name (issue 19): it shows on their cases and replies at once,
//! on every page; a name with markup shows as text; control characters, a name too long or one
//! that draws like another member's are refused with what was typed kept.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::mail::named_client;
use crate::support::*;

async fn rename(app: &TestApp, client: &reqwest::Client, name: &str) -> reqwest::Response {
    app.post_form(client, "/account/name", &[("display_name", name)])
        .await
}

#[tokio::test]
async fn a_new_name_shows_everywhere_and_bad_names_are_refused() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let member = named_client(
        &app,
        "member@clinic.example",
        "Robin Ashdown",
        &[Role::Clinician],
    )
    .await;
    let peer = named_client(
        &app,
        "peer@clinic.example",
        "Sam Peerson",
        &[Role::Clinician],
    )
    .await;
    let mine = publish(&app, &member, &case_form("A case by the renamed", &[])).await;
    let theirs = publish(&app, &peer, &case_form("A case by the peer", &[])).await;
    app.reply(&member, theirs, "A reply by the renamed member.")
        .await;
    // Read once, so the peer's node holds the replies in its snapshot.
    let (_, page) = app.get(&peer, &format!("/cases/{theirs}")).await;
    assert!(page.contains("Robin Ashdown"), "{page}");

    let res = rename(&app, &member, "  Dr  Robin   Ashdown-Vale ").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account?notice=name-changed");
    let (_, account) = app.get(&member, "/account").await;
    assert!(
        account.contains("Dr Robin Ashdown-Vale"),
        "runs of spaces collapse: {account}"
    );
    for id in [mine, theirs] {
        let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
        assert!(
            page.contains("Dr Robin Ashdown-Vale") && !page.contains("By Robin Ashdown<"),
            "case {id}: {page}"
        );
    }
    // The same name again, or one that draws like it, is the member's own: accepted.
    assert_eq!(
        rename(&app, &member, "Dr Robin Ashdown-Vale")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    // Markup is a name like any other, shown as text.
    let res = rename(&app, &member, "<b>Robin</b>").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&peer, &format!("/cases/{mine}")).await;
    assert!(
        page.contains("&lt;b&gt;Robin&lt;/b&gt;") && !page.contains("<b>Robin"),
        "{page}"
    );

    let long = "R".repeat(500);
    for (bad, says) in [
        ("Robin\u{7}Bell", "control characters"),
        (long.as_str(), "too long"),
        (" ", "at least 2 characters"),
        ("Sam Pe\u{435}rson", "looks the same"),
        ("sam  peerson", "looks the same"),
        ("Robin\u{202E}Bell", "The name"),
        (
            "Anonymous clinician (Sam Peerson)",
            "what Caseroom shows for anonymous posts",
        ),
        ("Former Member", "what Caseroom shows"),
    ] {
        let res = rename(&app, &member, bad).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        let page = res.text().await.unwrap();
        assert!(page.contains(says), "{bad:?}: {page}");
        if bad == "sam  peerson" {
            assert!(
                page.contains("value=\"sam  peerson\""),
                "what was typed is kept: {page}"
            );
        }
    }
    let (_, account) = app.get(&member, "/account").await;
    assert!(
        account.contains("&lt;b&gt;Robin&lt;/b&gt;"),
        "refusals changed nothing"
    );

    // The audit log says a name changed, never which.
    let db = app.db().await;
    let details: Vec<String> =
        sqlx::query_scalar("select detail from audit_log where action = 'display_name_changed'")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(details.len(), 3);
    assert!(details.iter().all(|d| d.is_empty()), "{details:?}");
    let res = app
        .post_form(
            &app.client(),
            "/account/name",
            &[("display_name", "A Visitor")],
        )
        .await;
    assert!(res.status().is_client_error() || res.status() == StatusCode::SEE_OTHER);
    assert_ne!(location(&res), "/account?notice=name-changed");
}

#[tokio::test]
async fn a_title_and_discipline_show_on_signed_posts_only_and_pass_the_gate() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let member = named_client(
        &app,
        "member@clinic.example",
        "Robin Ashdown",
        &[Role::Clinician],
    )
    .await;
    let peer = named_client(
        &app,
        "peer@clinic.example",
        "Sam Peerson",
        &[Role::Clinician],
    )
    .await;
    let signed = publish(&app, &member, &case_form("A signed case", &[])).await;
    let anonymous = publish(
        &app,
        &member,
        &case_form("An anonymous case", &[("anonymous", "on")]),
    )
    .await;
    let theirs = publish(&app, &peer, &case_form("A case by the peer", &[])).await;
    app.reply(&member, theirs, "A signed reply.").await;
    app.reply(&member, anonymous, "The anonymous author replies.")
        .await;
    // Read once, so the replies are in the snapshot when the profile changes.
    app.get(&peer, &format!("/cases/{theirs}")).await;

    let res = app
        .post_form(
            &member,
            "/account/profile",
            &[
                ("professional_title", " Qprtitle   psychologist "),
                ("discipline", "<i>Qprdiscipline</i>"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account?notice=profile-saved");
    let (_, account) = app.get(&member, "/account").await;
    assert!(
        account.contains(r#"value="Qprtitle psychologist""#),
        "{account}"
    );
    let shown = "Qprtitle psychologist \u{b7} &lt;i&gt;Qprdiscipline&lt;/i&gt;";
    for id in [signed, theirs] {
        let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
        assert!(page.contains(shown), "case {id}: {page}");
        assert!(!page.contains("<i>Qprdiscipline"), "markup is text");
    }
    // Never beside an anonymous post, for peers or moderators.
    let moderator = app.moderator().await;
    for client in [&peer, moderator] {
        let (_, page) = app.get(client, &format!("/cases/{anonymous}")).await;
        assert!(!page.contains("Qprtitle"), "{page}");
    }

    // Refused with the reason and what was typed; what was saved stays.
    for (title, discipline, field) in [
        ("Write to robin@example.org", "", "professional_title"),
        ("", "Call 07700 900123", "discipline"),
        (&"x".repeat(81) as &str, "", "professional_title"),
        ("Two\nlines", "", "professional_title"),
        ("", "A\u{1}b", "discipline"),
        ("", "Family \u{202e}therapy", "discipline"),
    ] {
        let res = app
            .post_form(
                &member,
                "/account/profile",
                &[("professional_title", title), ("discipline", discipline)],
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{title:?} {discipline:?}"
        );
        let page = res.text().await.unwrap();
        assert!(page.contains(&format!(r#"id="{field}-error""#)), "{page}");
    }
    let res = app
        .post_form(
            &member,
            "/account/profile",
            &[
                ("professional_title", "Write to robin@example.org"),
                ("discipline", "CBT"),
            ],
        )
        .await;
    let page = res.text().await.unwrap();
    assert!(page.contains("Write to robin@example.org") && page.contains(r#"value="CBT""#));
    let (_, page) = app.get(&peer, &format!("/cases/{signed}")).await;
    assert!(page.contains(shown), "unchanged: {page}");

    // Blank both: nothing shows.
    let res = app
        .post_form(
            &member,
            "/account/profile",
            &[("professional_title", ""), ("discipline", "  ")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&peer, &format!("/cases/{theirs}")).await;
    assert!(
        !page.contains("Qprtitle") && !page.contains("credentials"),
        "{page}"
    );
    let db = app.db().await;
    let details: Vec<String> =
        sqlx::query_scalar("select detail from audit_log where action = 'profile_changed'")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(details.len(), 2);
    assert!(details.iter().all(String::is_empty), "{details:?}");
}

#[tokio::test]
async fn a_member_chooses_their_colours_and_every_page_uses_them() {
    let app = TestApp::spawn().await;
    let member = named_client(
        &app,
        "member@clinic.example",
        "Robin Ashdown",
        &[Role::Clinician],
    )
    .await;
    let (_, page) = app.get(&member, "/").await;
    assert!(
        page.contains(r#"<html lang="en">"#) && page.contains(r#"content="light dark""#),
        "the device's colours by default: {page}"
    );
    let res = app
        .post_form(&member, "/account/theme", &[("theme", "dark")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account?notice=theme-saved#appearance");
    for path in ["/", "/cases", "/account"] {
        let (_, page) = app.get(&member, path).await;
        assert!(
            page.contains(r#"<html lang="en" data-theme="dark">"#)
                && page.contains(r#"<meta name="color-scheme" content="dark">"#),
            "{path}: {page}"
        );
    }
    let (_, account) = app.get(&member, "/account").await;
    assert!(account.contains(r#"value="dark" checked"#), "{account}");
    for bad in ["", "purple", "dark\u{0}"] {
        let res = app
            .post_form(&member, "/account/theme", &[("theme", bad)])
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("match your device, light or dark")
        );
    }
    // Another member, and a visitor, keep the device's.
    let other = named_client(
        &app,
        "other@clinic.example",
        "Sam Other",
        &[Role::Clinician],
    )
    .await;
    for client in [&other, &app.client()] {
        let (_, page) = app.get(client, "/login").await;
        assert!(page.contains(r#"<html lang="en">"#), "{page}");
    }
    let res = app
        .post_form(&member, "/account/theme", &[("theme", "device")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&member, "/").await;
    assert!(page.contains(r#"<html lang="en">"#), "{page}");
}
