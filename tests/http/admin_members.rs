//! The admin's member list, searchable and paged (issue 19): by part of a name or an email, in
//! any letter case (accented capitals too), `%` and `_` as themselves, fifty a page, and
//! nonsense answered plainly.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::support::*;

#[tokio::test]
async fn an_admin_finds_members_by_name_or_email_a_page_at_a_time() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    for n in 0..60 {
        app.create_member(
            &format!("member{n:02}@clinic{}.example", n % 3),
            &format!("Member Number{n:02}"),
            &[Role::Clinician],
        )
        .await;
    }
    app.create_member(
        "odd_one@clinic.example",
        "Percent 100% Pat",
        &[Role::Clinician],
    )
    .await;
    // What `%` and `_` would find if they were wildcards.
    app.create_member("dao@clinic.example", "Room 1007 Lee", &[Role::Clinician])
        .await;
    let rows = |page: &str| page.matches("class=\"member panel").count();

    let (_, all) = app.get(&admin, "/admin/users").await;
    assert!(all.contains("63 members"), "{all}");
    assert!(all.contains("Page 1 of 2"), "{all}");
    assert_eq!(rows(&all), 50);
    let (_, second) = app.get(&admin, "/admin/users?page=2").await;
    assert!(
        second.contains("Page 2 of 2") && second.contains("Percent 100% Pat"),
        "{second}"
    );
    assert_eq!(rows(&second), 13);

    let (_, found) = app.get(&admin, "/admin/users?q=NUMBER0").await;
    assert!(
        found.contains("10 members match"),
        "any letter case: {found}"
    );
    assert!(found.contains("Member Number07") && !found.contains("Member Number17"));
    let (_, found) = app.get(&admin, "/admin/users?q=clinic2.example").await;
    assert!(found.contains("20 members match"), "by email: {found}");
    let (_, found) = app.get(&admin, "/admin/users?q=100%25").await;
    assert!(
        found.contains("1 member matches") && found.contains("Percent 100% Pat"),
        "{found}"
    );
    let (_, found) = app.get(&admin, "/admin/users?q=d_o").await;
    assert!(found.contains("1 member matches"), "_ is itself: {found}");
    app.create_member("elodie@clinic.example", "Élodie Brun", &[Role::Clinician])
        .await;
    let (_, found) = app.get(&admin, "/admin/users?q=%C3%A9lodie").await;
    assert!(
        found.contains("1 member matches"),
        "é finds É on both backends: {found}"
    );
    let (_, found) = app.get(&admin, "/admin/users?q=zzzz").await;
    assert!(found.contains("0 members match"), "{found}");

    // Nonsense: a NUL, a huge page, a page that is not a number, very long words.
    let long = "a".repeat(5_000);
    for path in [
        "/admin/users?q=%00Member".to_owned(),
        "/admin/users?page=99999999999".to_owned(),
        "/admin/users?page=4294967295".to_owned(),
        "/admin/users?page=-3".to_owned(),
        format!("/admin/users?q={long}"),
    ] {
        let (status, page) = app.get(&admin, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(page.contains("Members"), "{path}");
    }
    let (_, last) = app.get(&admin, "/admin/users?page=4294967295").await;
    assert!(
        last.contains("Page 2 of 2"),
        "a page past the last is the last: {last}"
    );
    let (_, found) = app.get(&admin, "/admin/users?q=%00Number5").await;
    assert!(
        found.contains("10 members match"),
        "the NUL is dropped: {found}"
    );

    // Peers get no list.
    let (clinician, _) = app
        .member_client("plain@clinic.example", &[Role::Clinician])
        .await;
    let (status, page) = app.get(&clinician, "/admin/users?q=member").await;
    assert!(!page.contains("Member Number01"), "{status}");
}

/// A row's forms post the list they were shown on, and every answer comes back to it: with
/// fifty a page, the member on page 2 (or found by a search) is on the page the admin sees
/// next, and so is a reset link shown only once.
#[tokio::test]
async fn an_answer_to_a_rows_form_returns_to_the_same_search_and_page() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    for n in 0..55 {
        app.create_member(
            &format!("member{n:02}@clinic.example"),
            &format!("Member Number{n:02}"),
            &[Role::Clinician],
        )
        .await;
    }
    let late = app
        .create_member("zed@clinic.example", "Zed Last 100%", &[Role::Clinician])
        .await;
    let (_, second) = app.get(&admin, "/admin/users?page=2").await;
    assert!(second.contains("Zed Last 100%"), "{second}");
    assert!(
        second.contains(r#"name="page" value="2""#),
        "each form posts its page: {second}"
    );

    // Disabled from page 2: back on page 2, at the row, which now says so.
    let status = format!("/admin/users/{}/status", late.0);
    let res = app
        .post_form(
            &admin,
            &status,
            &[("disabled", "true"), ("q", ""), ("page", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = location(&res);
    assert_eq!(
        back,
        format!("/admin/users?page=2&notice=status-saved#user-{}", late.0)
    );
    let (_, page) = app.get(&admin, back.split('#').next().unwrap()).await;
    assert!(
        page.contains("Zed Last 100%") && page.contains("Disabled"),
        "{page}"
    );

    // Found by a search: the words come back encoded.
    let res = app
        .post_form(
            &admin,
            &status,
            &[("disabled", "false"), ("q", " last 100% "), ("page", "1")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!(
            "/admin/users?q=last%20100%25&notice=status-saved#user-{}",
            late.0
        )
    );

    // A reset link is shown once, in the answer: on the list with the member's row on it.
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/reset", late.0),
            &[("q", ""), ("page", "2")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Reset link") && page.contains("Zed Last 100%"),
        "{page}"
    );
    assert!(page.contains("Page 2 of 2"), "{page}");

    // A refusal is drawn on the same list, with the member's row and its message.
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/roles", late.0),
            &[("role", "wizard"), ("q", "zed"), ("page", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("1 member matches") && page.contains("Zed Last 100%"),
        "{page}"
    );

    // Nonsense in the hidden fields: the list from its first page, never an error.
    let long = "z".repeat(5_000);
    for (q, p) in [
        ("", "abc"),
        ("", "-2"),
        ("", "99999999999"),
        (long.as_str(), "2"),
    ] {
        let res = app
            .post_form(
                &admin,
                &format!("/admin/users/{}/roles", late.0),
                &[("role", "clinician"), ("q", q), ("page", p)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{p}");
        let back = location(&res);
        assert!(back.starts_with("/admin/users?"), "{back}");
        assert!(back.len() < 300, "the words are cut to 100: {back}");
        assert_eq!(
            app.get(&admin, back.split('#').next().unwrap()).await.0,
            StatusCode::OK
        );
    }

    // Erased from a search (its one page of results): back on the page of the whole list that
    // holds the row, without the words, which the erased row no longer matches (its name and
    // email are gone).
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/erase", late.0),
            &[
                ("reason", "Asked to leave."),
                ("posts", "remove"),
                ("q", "zed"),
                ("page", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let back = location(&res);
    assert_eq!(
        back,
        format!("/admin/users?page=2&notice=account-erased#user-{}", late.0)
    );
    let (_, page) = app.get(&admin, back.split('#').next().unwrap()).await;
    assert!(page.contains(&format!(r#"id="user-{}""#, late.0)), "{page}");
}
