//! Text hygiene at the edge, over HTTP: control characters are refused in every text a member
//! types, direction and invisible characters in titles and names, a body of only invisible
//! characters counts as empty, and a name that draws like another member's is refused. Each
//! refusal is a 422 that keeps what was typed and saves nothing.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

async fn count(app: &TestApp, sql: &str) -> i64 {
    let pool = app.db().await;
    sqlx::query_scalar(sql).fetch_one(&pool).await.expect(sql)
}

#[tokio::test]
async fn control_direction_and_invisible_characters_are_refused_with_the_text_kept() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("hygiene.author@clinic.example", &[Role::Clinician])
        .await;

    // Titles: a NUL (which SQLite would count short), a right-to-left override, a zero-width
    // space. Sections: a NUL, reported with its line.
    for (field, value, says) in [
        (
            "title",
            "A stuck point\0 about endings",
            "a null character (U+0000)",
        ),
        (
            "title",
            "Endings \u{202E}gnitirw",
            "a text-direction control (U+202E)",
        ),
        (
            "title",
            "Endings\u{200B} and ruptures",
            "a zero-width space (U+200B)",
        ),
        ("situation", "First line\nsecond\0line", "on line 2"),
    ] {
        let mut form = case_form("Endings with a long-term client", &[]);
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let res = app.post_form(&author, "/cases/new", &form).await;
        assert_eq!(
            res.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}={value:?}"
        );
        let page = res.text().await.unwrap();
        assert!(
            page.contains(says),
            "{field}: the message names the character: {says}"
        );
        assert!(
            page.contains("long-term client") || field == "title",
            "what was typed is kept"
        );
    }
    assert_eq!(
        count(&app, "select count(*) from cases").await,
        0,
        "nothing saved"
    );

    // A reply of only invisible characters is empty; one with a NUL is refused.
    let case = publish(
        &app,
        &author,
        &case_form("A case for replies with odd text", &[]),
    )
    .await;
    for body in ["\u{200B}", " \u{2060}\u{FEFF} ", "Helpful words\0 here"] {
        let res = app
            .post_form(
                &author,
                &format!("/cases/{case}/replies"),
                &[("body", body)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body:?}");
    }
    assert_eq!(count(&app, "select count(*) from replies").await, 0);

    // A flag's note and a moderator's reason refuse control characters too.
    let (peer, _) = app
        .member_client("hygiene.peer@clinic.example", &[Role::Clinician])
        .await;
    let res = app
        .post_form(
            &peer,
            &format!("/cases/{case}/flag"),
            &[("kind", "may_identify"), ("note", "The town\0 name")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&app, "select count(*) from flags").await, 0);
    let res = app
        .post_form(
            app.moderator().await,
            &format!("/cases/{case}/lock"),
            &[
                ("lock", "true"),
                ("reason", "Heated thread\u{1b}[2J, cooling off"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_name_that_draws_like_another_members_is_refused() {
    let app = TestApp::spawn().await;
    app.create_member(
        "amara@clinic.example",
        "Dr Amara Okafor",
        &[Role::Supervisor],
    )
    .await;
    let link = app.invite("clinician", "someone@clinic.example").await;
    let token = token_of(&link);
    let register = |name: &'static str| {
        let token = token.clone();
        let app = &app;
        async move {
            app.post_form(
                &app.client(),
                "/register",
                &[
                    ("token", token.as_str()),
                    ("display_name", name),
                    ("password", GOOD_PASSWORD),
                    ("confirm", GOOD_PASSWORD),
                ],
            )
            .await
        }
    };
    for (spoof, says) in [
        // Cyrillic "а" in Amara.
        ("Dr \u{0410}mara Okafor", "looks the same"),
        ("dr amara okafor", "looks the same"),
        ("Dr Amara 0kafor", "looks the same"),
        ("Ｄｒ Ａｍａｒａ Ｏｋａｆｏｒ", "looks the same"),
        // Drawn right to left, it would read as another name.
        ("Dr \u{202E}rofakO aramA", "text-direction control"),
        ("Dr Amara\u{200B} Okafor", "zero-width space"),
    ] {
        let res = register(spoof).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{spoof:?}");
        let page = res.text().await.unwrap();
        assert!(page.contains(says), "{spoof:?}: {says}");
    }
    // The invite is still usable, and a name readers can tell apart is taken.
    let res = register("Dr Amara Okafor-Reid").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}
