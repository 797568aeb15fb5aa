//! The route table: every page, form endpoint and server function that returns or acts on
//! member text, for every reader (visitor, author, supervisor of record, peer, other
//! supervisor, recused peer, recused moderator, moderator, admin, and for consultation groups
//! a member of the author's group, a member who left it, and the group supervisor of another
//! group) and every case state (published, pending, returned, rejected, hidden after flags,
//! closed, locked, published to a group) and reply state
//! (published, held, rejected, hidden after flags). A reader who may not see the case or reply
//! gets exactly the answer a missing id gets; one who may see it never gets 404, and when the
//! answer is 200 it carries the text. The list of routes is read from the application itself,
//! so a new route without a row here fails the test.

use std::collections::BTreeSet;

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::{Client, StatusCode};

use crate::cases::{case_form, publish, submit};
use crate::groups::{create_group, join_group};
use crate::support::*;

/// Routes that carry no member text of a case or reply, and why.
const NO_MEMBER_TEXT: &[(&str, &str)] = &[
    ("GET /", "the home page: the member's own name and roles"),
    ("GET /login", "sign-in form"),
    ("POST /login", "sign-in"),
    ("POST /logout", "sign-out"),
    ("GET /register", "the invite's email and role"),
    ("POST /register", "account creation"),
    ("GET /account", "the member's own account"),
    ("POST /account", "password change"),
    ("GET /admin/users", "members' names and emails, for admins"),
    ("POST /admin/users/{id}/roles", "roles"),
    ("POST /admin/users/{id}/status", "account status"),
    (
        "POST /admin/users/{id}/reset",
        "a password reset link, for admins",
    ),
    (
        "POST /admin/users/{id}/two-factor/reset",
        "turns off a member's two-factor sign-in, for admins (tests/http/two_factor_reset.rs)",
    ),
    ("GET /password/forgot", "the form asking for a reset link"),
    ("POST /account/email", "the member's own email choices"),
    ("POST /account/name", "the member's own display name"),
    ("POST /account/theme", "the member's own choice of colours"),
    ("POST /account/email-change", "the member's own email"),
    (
        "GET /account/email/confirm",
        "the address a confirmation link sets, to whoever holds the link",
    ),
    (
        "POST /account/email/confirm",
        "confirms a change of email (tests/http/email_change.rs)",
    ),
    (
        "API get_email_change",
        "the address a confirmation link sets",
    ),
    ("API get_own_email", "the member's own email"),
    ("GET /login/two-factor", "the code form after the password"),
    ("POST /login/two-factor", "the code after the password"),
    (
        "POST /account/two-factor/start",
        "the member's own two-factor sign-in",
    ),
    (
        "POST /account/two-factor/confirm",
        "the member's own two-factor sign-in",
    ),
    (
        "POST /account/two-factor/disable",
        "the member's own two-factor sign-in",
    ),
    ("API get_two_factor", "the member's own two-factor sign-in"),
    (
        "POST /account/profile",
        "the member's own title and discipline",
    ),
    ("POST /account/delete", "erases the member's own account"),
    (
        "POST /admin/users/{id}/erase",
        "erases a member's account, for admins",
    ),
    (
        "POST /account/export",
        "the member's own data; others' replies through the visibility rule (tests/http/export.rs)",
    ),
    (
        "GET /unsubscribe",
        "what a signed unsubscribe link would stop: a kind's name",
    ),
    (
        "POST /unsubscribe",
        "stops one kind of email for the link's member",
    ),
    (
        "POST /password/forgot",
        "asks for a reset link: the same answer for any address",
    ),
    (
        "GET /password/reset",
        "the new-password form of a reset link",
    ),
    ("POST /password/reset", "sets a password with a reset link"),
    ("GET /admin/invites", "invites"),
    ("POST /admin/invites", "invites"),
    ("GET /admin/audit", "ids, actions and counts only"),
    ("GET /admin/audit.csv", "ids, actions and counts only"),
    (
        "GET /admin/outbox",
        "failed email: kinds, times and the mail server's replies, for admins",
    ),
    ("GET /cases/new", "the composer: the member's own draft"),
    ("POST /cases/new", "the member's own draft"),
    ("POST /preview", "the member's own draft, cooked"),
    (
        "POST /notifications/read",
        "marks the member's notifications read",
    ),
    (
        "POST /notifications/{id}/read",
        "marks one of the member's own notifications read",
    ),
    ("API get_current_user", "the member's own name and roles"),
    ("API get_invite", "the invite's email and role"),
    ("API can_email_reset_links", "whether the site sends email"),
    ("API check_reset_link", "whether a reset link can be used"),
    ("API get_mail_settings", "the member's own email choices"),
    ("API get_profile", "the member's own title and discipline"),
    (
        "API get_draft",
        "the member's own draft (tests/http/drafts.rs: 404 to anyone else)",
    ),
    ("API list_drafts", "the member's own drafts"),
    (
        "API get_blind_spots",
        "the member's own cases, through the visibility rule (tests/http/blind_spots.rs)",
    ),
    (
        "GET /blind-spots",
        "the member's own cases, through the visibility rule (tests/http/blind_spots.rs)",
    ),
    (
        "GET /blind-spots.md",
        "the member's own cases, through the visibility rule (tests/http/blind_spots.rs)",
    ),
    (
        "POST /drafts/{id}/delete",
        "deletes the member's own draft (tests/http/drafts.rs)",
    ),
    ("API get_erasure_rule", "a setting"),
    ("API get_unsubscribe", "what an unsubscribe link would stop"),
    ("API list_users", "members, for admins"),
    ("API list_invites", "invites, for admins"),
    ("API audit_page", "ids, actions and counts only"),
    ("API list_supervisors", "supervisors' names"),
    ("API scan_draft", "the member's own draft"),
    ("API count_unread_notifications", "a count"),
    ("API count_review_queue", "a count"),
    (
        "GET /groups",
        "the member's own groups and invitations: group names, no case text",
    ),
    ("POST /groups", "creates a group: its name and description"),
    (
        "POST /groups/{id}/invite",
        "invites a member; refused for a group one may not see like a missing one (GROUP_PAGES)",
    ),
    ("POST /groups/{id}/leave", "ends one's own membership"),
    (
        "POST /groups/{id}/members/{member}/remove",
        "ends a membership, for the group's supervisors and admins",
    ),
    (
        "POST /groups/invitations/{id}",
        "answers one's own invitation; another's answers like a missing one",
    ),
    ("API list_group_options", "the member's own groups' names"),
    ("API list_failed_mail", "failed email, for admins"),
    (
        "API get_my_groups",
        "the member's own groups and invitations",
    ),
];

/// A group's page and its server function: for readers who may see the group (its members,
/// moderators and admins) the page lists the group's cases they may see; for everyone else
/// it answers exactly as a group that does not exist.
const GROUP_PAGES: &[&str] = &["GET /groups/{id}", "API get_group"];

/// Pages and functions listing several cases: a case's marker appears only for readers who
/// may see it.
const LISTS: &[&str] = &[
    "GET /cases",
    "GET /cases/mine",
    "GET /notifications",
    "GET /review",
    "API list_cases",
    "API list_notifications",
    "API get_review_queue",
];

/// Search: a case or reply is found by its marker for exactly the readers who may see it,
/// and only while it is published (the index holds nothing else).
const SEARCH: &[&str] = &["GET /search", "API search_cases"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Case,
    Reply,
}

/// How a row is requested. `Post` sends a form that the endpoint refuses after deciding who
/// may act (an empty body, a missing reason), so the table changes nothing it reads later;
/// the few endpoints that change state when allowed run last.
#[derive(Clone, Copy, Debug)]
enum How {
    Page,
    Api(&'static str),
    Post(&'static [(&'static str, &'static str)]),
}

struct Route {
    key: &'static str,
    path: &'static str,
    kind: Kind,
    how: How,
}

fn api(name: &str) -> &'static str {
    match name {
        "get_case" => caseroom::api::cases::GetCase::PATH,
        "get_case_source" => caseroom::api::cases::GetCaseSource::PATH,
        "list_revisions" => caseroom::api::cases::ListRevisions::PATH,
        "get_follow_up_source" => caseroom::api::cases::GetFollowUpSource::PATH,
        "get_reply_source" => caseroom::api::cases::GetReplySource::PATH,
        "get_review" => caseroom::api::review::GetReview::PATH,
        "get_reply_review" => caseroom::api::review::GetReplyReview::PATH,
        "get_reply_to_flag" => caseroom::api::review::GetReplyToFlag::PATH,
        "list_cases" => caseroom::api::cases::ListCases::PATH,
        "list_notifications" => caseroom::api::cases::ListNotifications::PATH,
        "get_review_queue" => caseroom::api::review::GetReviewQueue::PATH,
        "count_review_queue" => caseroom::api::review::CountReviewQueue::PATH,
        "count_unread_notifications" => caseroom::api::cases::CountUnreadNotifications::PATH,
        "list_supervisors" => caseroom::api::cases::ListSupervisors::PATH,
        "get_current_user" => caseroom::api::accounts::GetCurrentUser::PATH,
        "get_invite" => caseroom::api::accounts::GetInvite::PATH,
        "can_email_reset_links" => caseroom::api::accounts::CanEmailResetLinks::PATH,
        "check_reset_link" => caseroom::api::accounts::CheckResetLink::PATH,
        "get_mail_settings" => caseroom::api::accounts::GetMailSettings::PATH,
        "get_erasure_rule" => caseroom::api::accounts::GetErasureRule::PATH,
        "get_unsubscribe" => caseroom::api::accounts::GetUnsubscribe::PATH,
        "list_users" => caseroom::api::admin::ListUsers::PATH,
        "list_invites" => caseroom::api::admin::ListInvites::PATH,
        "audit_page" => caseroom::api::admin::AuditPage::PATH,
        "scan_draft" => caseroom::api::deid::ScanDraft::PATH,
        "search_cases" => caseroom::api::search::SearchCases::PATH,
        "list_group_options" => caseroom::api::groups::ListGroupOptions::PATH,
        "get_my_groups" => caseroom::api::groups::GetMyGroups::PATH,
        "get_group" => caseroom::api::groups::GetGroup::PATH,
        "list_failed_mail" => caseroom::api::admin::ListFailedMail::PATH,
        "get_profile" => caseroom::api::accounts::GetProfile::PATH,
        "get_two_factor" => caseroom::api::accounts::GetTwoFactor::PATH,
        "get_email_change" => caseroom::api::accounts::GetEmailChange::PATH,
        "get_own_email" => caseroom::api::accounts::GetOwnEmail::PATH,
        "get_draft" => caseroom::api::cases::GetDraft::PATH,
        "list_drafts" => caseroom::api::cases::ListDrafts::PATH,
        "get_blind_spots" => caseroom::api::cases::GetBlindSpots::PATH,
        _ => panic!("no server function {name}"),
    }
}

/// Rows for every route that returns or acts on one case or one reply. Order matters at the
/// end: the endpoints that change state when allowed come last.
fn rows() -> Vec<Route> {
    use How::*;
    use Kind::*;
    const NONE: &[(&str, &str)] = &[];
    let r = |key, path, kind, how| Route {
        key,
        path,
        kind,
        how,
    };
    vec![
        r("GET /cases/{id}", "/cases/{id}", Case, Page),
        r("GET /cases/{id}/edit", "/cases/{id}/edit", Case, Page),
        r(
            "GET /cases/{id}/revisions",
            "/cases/{id}/revisions",
            Case,
            Page,
        ),
        r(
            "GET /cases/{id}/follow-up",
            "/cases/{id}/follow-up",
            Case,
            Page,
        ),
        r("GET /review/{id}", "/review/{id}", Case, Page),
        r("API get_case", "", Case, Api("get_case")),
        r("API get_case_source", "", Case, Api("get_case_source")),
        r("API list_revisions", "", Case, Api("list_revisions")),
        r(
            "API get_follow_up_source",
            "",
            Case,
            Api("get_follow_up_source"),
        ),
        r("API get_review", "", Case, Api("get_review")),
        r(
            "POST /cases/{id}/edit",
            "/cases/{id}/edit",
            Case,
            Post(NONE),
        ),
        r(
            "POST /cases/{id}/replies",
            "/cases/{id}/replies",
            Case,
            Post(&[("body", "")]),
        ),
        r(
            "POST /cases/{id}/follow-up",
            "/cases/{id}/follow-up",
            Case,
            Post(NONE),
        ),
        r(
            "POST /cases/{id}/lock",
            "/cases/{id}/lock",
            Case,
            Post(&[("lock", "true")]),
        ),
        r(
            "POST /cases/{id}/withdraw",
            "/cases/{id}/withdraw",
            Case,
            // Unconfirmed: a reader who may withdraw is refused after the lookup, and the
            // case stays for the other rows.
            Post(NONE),
        ),
        r(
            "POST /cases/{id}/watch",
            "/cases/{id}/watch",
            Case,
            // Neither yes nor no: refused after the lookup.
            Post(NONE),
        ),
        r(
            "POST /replies/{id}/delete",
            "/replies/{id}/delete",
            Reply,
            // Unconfirmed, as for withdrawing: the reply stays for the other rows.
            Post(NONE),
        ),
        r(
            "POST /replies/{id}/remove",
            "/replies/{id}/remove",
            Reply,
            // Only a deleted reply is removed, and none of these is: refused after the lookup.
            Post(NONE),
        ),
        r(
            "POST /cases/{id}/retention",
            "/cases/{id}/retention",
            Case,
            Post(&[("keep_for", "1y")]),
        ),
        r(
            "POST /cases/{id}/hold",
            "/cases/{id}/hold",
            Case,
            Post(&[("hold", "true")]),
        ),
        r(
            "POST /cases/{id}/redact",
            "/cases/{id}/redact",
            Case,
            Post(NONE),
        ),
        r(
            "POST /cases/{id}/flag",
            "/cases/{id}/flag",
            Case,
            Post(NONE),
        ),
        r(
            "POST /review/{id}/decide",
            "/review/{id}/decide",
            Case,
            Post(NONE),
        ),
        r("GET /replies/{id}/edit", "/replies/{id}/edit", Reply, Page),
        r("GET /replies/{id}/flag", "/replies/{id}/flag", Reply, Page),
        r(
            "GET /review/replies/{id}",
            "/review/replies/{id}",
            Reply,
            Page,
        ),
        r("API get_reply_source", "", Reply, Api("get_reply_source")),
        r("API get_reply_review", "", Reply, Api("get_reply_review")),
        r("API get_reply_to_flag", "", Reply, Api("get_reply_to_flag")),
        r(
            "POST /replies/{id}/edit",
            "/replies/{id}/edit",
            Reply,
            Post(&[("body", "")]),
        ),
        r(
            "POST /replies/{id}/flag",
            "/replies/{id}/flag",
            Reply,
            Post(NONE),
        ),
        r(
            "POST /review/replies/{id}/decide",
            "/review/replies/{id}/decide",
            Reply,
            Post(NONE),
        ),
        // These change state when allowed: a claim, a helpful mark, closing and reopening,
        // and, last, restoring a hidden reply (which changes who sees it).
        r(
            "POST /review/{id}/claim",
            "/review/{id}/claim",
            Case,
            Post(NONE),
        ),
        r(
            "POST /replies/{id}/helpful",
            "/replies/{id}/helpful",
            Reply,
            Post(&[("helpful", "true")]),
        ),
        r(
            "POST /cases/{id}/close",
            "/cases/{id}/close",
            Case,
            Post(NONE),
        ),
        r(
            "POST /cases/{id}/reopen",
            "/cases/{id}/reopen",
            Case,
            Post(NONE),
        ),
        r(
            "POST /replies/{id}/restore",
            "/replies/{id}/restore",
            Reply,
            Post(NONE),
        ),
    ]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reader {
    Visitor,
    Author,
    SupervisorOfRecord,
    Peer,
    OtherSupervisor,
    RecusedPeer,
    RecusedModerator,
    Moderator,
    Admin,
    /// A member of the group the author brought a case to.
    GroupMember,
    /// A member of that group who left it after the case was published.
    FormerMember,
    /// The group supervisor of another group.
    OtherGroupLead,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseIs {
    Published,
    Pending,
    Returned,
    Rejected,
    HiddenByFlags,
    Closed,
    Locked,
    /// Published to a consultation group the author belongs to.
    InGroup,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ReplyIs {
    Published,
    Held,
    Rejected,
    HiddenByFlags,
}

/// The rule, stated once more in the words of this world (the recused readers said they may
/// know the client of every published case, including the one flags later sent back to review).
fn sees_case(reader: Reader, case: CaseIs) -> bool {
    if case == CaseIs::InGroup {
        // The group's members and every moderator and admin (none of whom recused here).
        return matches!(
            reader,
            Reader::Author
                | Reader::GroupMember
                | Reader::Moderator
                | Reader::Admin
                | Reader::RecusedModerator
        );
    }
    let published = matches!(case, CaseIs::Published | CaseIs::Closed | CaseIs::Locked);
    match reader {
        Reader::Visitor => false,
        Reader::Author | Reader::Moderator | Reader::Admin => true,
        Reader::RecusedModerator => {
            matches!(case, CaseIs::Pending | CaseIs::Returned | CaseIs::Rejected)
        }
        Reader::RecusedPeer => false,
        Reader::SupervisorOfRecord
        | Reader::Peer
        | Reader::OtherSupervisor
        | Reader::GroupMember
        | Reader::FormerMember
        | Reader::OtherGroupLead => published,
    }
}

/// Replies are on the published case; the peer wrote the held and rejected ones, the other
/// supervisor the hidden one.
fn sees_reply(reader: Reader, reply: ReplyIs) -> bool {
    if !sees_case(reader, CaseIs::Published) {
        return false;
    }
    matches!(
        (reader, reply),
        (Reader::Moderator | Reader::Admin, _)
            | (_, ReplyIs::Published)
            | (Reader::Peer, ReplyIs::Held | ReplyIs::Rejected)
    )
}

struct World {
    readers: Vec<(Reader, Client)>,
    group: i64,
    cases: Vec<(CaseIs, i64, String)>,
    replies: Vec<(ReplyIs, i64, String)>,
}

fn marker(n: &str) -> String {
    format!("qzx{n}marker")
}

async fn build(app: &TestApp) -> World {
    let (author, _) = app
        .member_client("rt.author@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, sup_id) = app
        .member_client("rt.sup@clinic.example", &[Role::Supervisor])
        .await;
    let (peer, _) = app
        .member_client("rt.peer@clinic.example", &[Role::Clinician])
        .await;
    let (other, _) = app
        .member_client("rt.other@clinic.example", &[Role::Supervisor])
        .await;
    let (recused, _) = app
        .member_client("rt.recused@clinic.example", &[Role::Clinician])
        .await;
    let (recused_mod, _) = app
        .member_client("rt.recusedmod@clinic.example", &[Role::Moderator])
        .await;
    let (admin, _) = app
        .member_client("rt.admin@clinic.example", &[Role::Admin])
        .await;
    let (group_member, _) = app
        .member_client("rt.groupmember@clinic.example", &[Role::Clinician])
        .await;
    let (former, _) = app
        .member_client("rt.former@clinic.example", &[Role::Clinician])
        .await;
    let (other_lead, _) = app
        .member_client("rt.otherlead@clinic.example", &[Role::Supervisor])
        .await;
    let moderator = app.moderator().await.clone();
    let sup = sup_id.0.to_string();

    // The author's consultation group, and another group led by someone outside it.
    let group = create_group(app, &admin, "Route table group").await;
    for (client, email) in [
        (&author, "rt.author@clinic.example"),
        (&group_member, "rt.groupmember@clinic.example"),
        (&former, "rt.former@clinic.example"),
    ] {
        join_group(app, &admin, group, client, email, "member").await;
    }
    let other_group = create_group(app, &admin, "Another group").await;
    join_group(
        app,
        &admin,
        other_group,
        &other_lead,
        "rt.otherlead@clinic.example",
        "supervisor",
    )
    .await;
    let group_text = group.to_string();

    let mut cases = Vec::new();
    for (is, name) in [
        (CaseIs::Published, "published"),
        (CaseIs::Pending, "pending"),
        (CaseIs::Returned, "returned"),
        (CaseIs::Rejected, "rejected"),
        (CaseIs::HiddenByFlags, "hidden"),
        (CaseIs::Closed, "closed"),
        (CaseIs::Locked, "locked"),
        (CaseIs::InGroup, "ingroup"),
    ] {
        let title = format!("Case titled {}", marker(name));
        // A group case names no supervisor of record: the supervisor is not in the group.
        let form = if is == CaseIs::InGroup {
            case_form(&title, &[("audience", &group_text)])
        } else {
            case_form(&title, &[("supervisor", &sup)])
        };
        let id = match is {
            CaseIs::Pending | CaseIs::Returned | CaseIs::Rejected => {
                submit(app, &author, &form).await
            }
            _ => publish(app, &author, &form).await,
        };
        cases.push((is, id, marker(name)));
    }
    let id_of = |is: CaseIs| cases.iter().find(|c| c.0 == is).map(|c| c.1).unwrap_or(0);
    let decide = |id: i64, decision: &'static str| {
        let moderator = moderator.clone();
        async move {
            let res = app
                .post_form(
                    &moderator,
                    &format!("/review/{id}/decide"),
                    &[
                        ("decision", decision),
                        ("reason", "Please change the details."),
                    ],
                )
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{decision} {id}");
        }
    };
    decide(id_of(CaseIs::Returned), "return").await;
    decide(id_of(CaseIs::Rejected), "reject").await;
    let closed = id_of(CaseIs::Closed);
    let res = app
        .post_form(&author, &format!("/cases/{closed}/close"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let locked = id_of(CaseIs::Locked);
    let res = app
        .post_form(
            &moderator,
            &format!("/cases/{locked}/lock"),
            &[("lock", "true"), ("reason", "Locked for the route table.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Replies on the published case.
    let published = id_of(CaseIs::Published);
    let mut replies = Vec::new();
    for (is, name, client, body) in [
        (
            ReplyIs::Published,
            "rok",
            &peer,
            "A published reply qzxrokmarker.",
        ),
        (
            ReplyIs::Held,
            "rheld",
            &peer,
            "A held reply qzxrheldmarker; call 503-555-0147.",
        ),
        (
            ReplyIs::Rejected,
            "rrej",
            &peer,
            "A rejected reply qzxrrejmarker; call 503-555-0148.",
        ),
        (
            ReplyIs::HiddenByFlags,
            "rhid",
            &other,
            "A reply to be hidden qzxrhidmarker.",
        ),
    ] {
        let res = app
            .post_form(
                client,
                &format!("/cases/{published}/replies"),
                &[("body", body)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{name}");
        let to = location(&res);
        let id = reply_id_in(&to);
        match is {
            ReplyIs::Held => assert!(to.contains("reply-held")),
            ReplyIs::Rejected => {
                let res = app
                    .post_form(
                        &moderator,
                        &format!("/review/replies/{id}/decide"),
                        &[
                            ("decision", "reject"),
                            ("reason", "Please leave the number out."),
                        ],
                    )
                    .await;
                assert_eq!(res.status(), StatusCode::SEE_OTHER);
            }
            _ => {}
        }
        replies.push((is, id, marker(name)));
    }
    let hidden_reply = replies[3].1;
    let res = app
        .post_form(
            &supervisor,
            &format!("/replies/{hidden_reply}/flag"),
            &[("kind", "may_identify"), ("note", "")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/cases/{published}?notice=flag-hid-reply")
    );

    // The recused readers say they may know the client of every published case; then the
    // supervisor of record's flag sends one back to review.
    for (is, id, _) in &cases {
        if matches!(
            is,
            CaseIs::Published | CaseIs::Closed | CaseIs::Locked | CaseIs::HiddenByFlags
        ) {
            // (Not the group's case: they are not in the group, so it does not exist for them.)
            for client in [&recused, &recused_mod] {
                let res = app
                    .post_form(
                        client,
                        &format!("/cases/{id}/flag"),
                        &[("kind", "may_know")],
                    )
                    .await;
                assert_eq!(location(&res), "/cases?notice=hidden-from-you");
            }
        }
    }
    let hidden = id_of(CaseIs::HiddenByFlags);
    let res = app
        .post_form(
            &supervisor,
            &format!("/cases/{hidden}/flag"),
            &[("kind", "may_identify")],
        )
        .await;
    assert_eq!(location(&res), "/cases?notice=flag-hid-case");

    // A member who read the group's case leaves the group.
    let in_group = id_of(CaseIs::InGroup);
    assert_eq!(
        app.get(&former, &format!("/cases/{in_group}")).await.0,
        StatusCode::OK
    );
    let res = app
        .post_form(&former, &format!("/groups/{group}/leave"), &[])
        .await;
    assert_eq!(location(&res), "/groups?notice=group-left");

    World {
        readers: vec![
            (Reader::Visitor, app.client()),
            (Reader::Author, author),
            (Reader::SupervisorOfRecord, supervisor),
            (Reader::Peer, peer),
            (Reader::OtherSupervisor, other),
            (Reader::RecusedPeer, recused),
            (Reader::RecusedModerator, recused_mod),
            (Reader::GroupMember, group_member),
            (Reader::FormerMember, former),
            (Reader::OtherGroupLead, other_lead),
            // Moderators last: they are the ones whose actions change the world.
            (Reader::Moderator, moderator),
            (Reader::Admin, admin),
        ],
        group,
        cases,
        replies,
    }
}

/// One request of a row for an id: the status and the body without its nonce.
async fn ask(app: &TestApp, client: &Client, route: &Route, id: i64) -> (StatusCode, String) {
    let res = match route.how {
        How::Page => client
            .get(app.url(&route.path.replace("{id}", &id.to_string())))
            .send()
            .await
            .unwrap(),
        How::Api(name) => client
            .post(app.url(api(name)))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(format!("id={id}"))
            .send()
            .await
            .unwrap(),
        How::Post(form) => {
            app.post_form(client, &route.path.replace("{id}", &id.to_string()), form)
                .await
        }
    };
    let status = res.status();
    (status, strip_nonce(&res.text().await.unwrap()))
}

async fn ask_list(app: &TestApp, client: &Client, key: &str) -> String {
    // The case list's filter, all off (absent options are none).
    let args = if key == "API list_cases" {
        "filter[unanswered]=false&filter[mine]=false&filter[supervisor_feedback]=false"
    } else {
        ""
    };
    match key.strip_prefix("API ") {
        Some(name) => client
            .post(app.url(api(name)))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(args)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        None => app.get(client, key.trim_start_matches("GET ")).await.1,
    }
}

/// `get_group` for a group id: status and body.
async fn ask_group(app: &TestApp, client: &Client, id: i64) -> (StatusCode, String) {
    let res = client
        .post(app.url(api("get_group")))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(format!("id={id}"))
        .send()
        .await
        .unwrap();
    (res.status(), res.text().await.unwrap())
}

/// A search for `q` through the page or the server function: status and body (the nonce
/// taken out).
async fn ask_search(app: &TestApp, client: &Client, key: &str, q: &str) -> (StatusCode, String) {
    let res = if key == "GET /search" {
        client
            .get(app.url("/search"))
            .query(&[("q", q)])
            .send()
            .await
            .unwrap()
    } else {
        client
            .post(app.url(api("search_cases")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(format!(
                "q={q}&page=1&filter[unanswered]=false&filter[mine]=false&filter[supervisor_feedback]=false"
            ))
            .send()
            .await
            .unwrap()
    };
    let status = res.status();
    (status, strip_nonce(&res.text().await.unwrap()))
}

/// How many results a search page or answer holds.
fn result_count(body: &str) -> usize {
    if body.trim_start().starts_with('{') {
        body.matches("\"href\":").count()
    } else {
        crate::search::result_ids(body).len()
    }
}

#[tokio::test]
async fn every_route_answers_unseen_cases_and_replies_like_missing_ones() {
    // Replies publish at once unless the scanner finds something: the held and rejected
    // replies carry a phone number.
    let mut app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;

    // Every route of the application has a row.
    let mut routes: BTreeSet<String> = BTreeSet::new();
    for listing in leptos_axum::generate_route_list(caseroom::app::App) {
        routes.insert(format!("GET {}", listing.path().replace(":id", "{id}")));
    }
    for (path, _) in caseroom::server::forms::table() {
        let method = if path == "/admin/audit.csv" || path == "/blind-spots.md" {
            "GET"
        } else {
            "POST"
        };
        routes.insert(format!("{method} {path}"));
    }
    for (path, _) in leptos::server_fn::axum::server_fn_paths() {
        routes.insert(format!("API {path}"));
    }
    let table = rows();
    let mut covered: BTreeSet<String> = BTreeSet::new();
    for key in NO_MEMBER_TEXT
        .iter()
        .map(|(k, _)| *k)
        .chain(LISTS.iter().copied())
        .chain(SEARCH.iter().copied())
        .chain(GROUP_PAGES.iter().copied())
    {
        covered.insert(match key.strip_prefix("API ") {
            Some(name) => format!("API {}", api(name)),
            None => key.to_owned(),
        });
    }
    for row in &table {
        covered.insert(match row.how {
            How::Api(name) => format!("API {}", api(name)),
            _ => row.key.to_owned(),
        });
    }
    let missing: Vec<&String> = routes.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the route table (add one, or list them under NO_MEMBER_TEXT with a reason): {missing:?}"
    );
    let stale: Vec<&String> = covered.difference(&routes).collect();
    assert!(
        stale.is_empty(),
        "rows for routes that do not exist: {stale:?}"
    );

    let world = build(&app).await;
    const MISSING: i64 = 999_999;

    // Lists: a case's marker appears for exactly the readers who may see it (the case list
    // shows every case they may see; the other lists show some of them, never more).
    for (reader, client) in &world.readers {
        for key in LISTS {
            let body = ask_list(&app, client, key).await;
            for (is, _, mark) in &world.cases {
                let sees = sees_case(*reader, *is);
                if !sees {
                    assert!(
                        !body.contains(mark.as_str()),
                        "{key} shows {is:?} to {reader:?}"
                    );
                } else if matches!(*key, "GET /cases" | "API list_cases") {
                    assert!(
                        body.contains(mark.as_str()),
                        "{key} hides {is:?} from {reader:?}"
                    );
                }
            }
            for (_, _, mark) in &world.replies {
                assert!(!body.contains(mark.as_str()), "{key} shows reply text");
            }
        }
    }

    // Search: each marker is found by exactly the readers who may see its case or reply, and
    // only while it is published; to everyone else the answer is the answer to a word that is
    // nowhere.
    for (reader, client) in &world.readers {
        for key in SEARCH {
            let nowhere = ask_search(&app, client, key, "qzxnowheremarker").await;
            for (is, _, mark) in &world.cases {
                let found = sees_case(*reader, *is)
                    && matches!(
                        is,
                        CaseIs::Published | CaseIs::Closed | CaseIs::Locked | CaseIs::InGroup
                    );
                let (status, body) = ask_search(&app, client, key, mark).await;
                assert_eq!(
                    result_count(&body),
                    usize::from(found),
                    "{key} finds {is:?} for {reader:?}?"
                );
                if !found {
                    assert_eq!(
                        (status, body.replace(mark.as_str(), "qzxnowheremarker")),
                        nowhere.clone(),
                        "{key} on {is:?} for {reader:?} differs from a word that is nowhere"
                    );
                }
            }
            for (is, _, mark) in &world.replies {
                let found = sees_case(*reader, CaseIs::Published) && *is == ReplyIs::Published;
                let (status, body) = ask_search(&app, client, key, mark).await;
                assert_eq!(
                    result_count(&body),
                    usize::from(found),
                    "{key} finds the {is:?} reply for {reader:?}?"
                );
                if !found {
                    assert_eq!(
                        (status, body.replace(mark.as_str(), "qzxnowheremarker")),
                        nowhere.clone(),
                        "{key} on the {is:?} reply for {reader:?} differs from a word that is nowhere"
                    );
                }
            }
        }
    }

    // A group's page: seen by its members, moderators and admins, with the group's cases they
    // may see and no other case; to anyone else exactly a group that does not exist.
    for (reader, client) in &world.readers {
        let sees = sees_case(*reader, CaseIs::InGroup);
        let missing = app.get(client, "/groups/999999").await;
        let (status, body) = app.get(client, &format!("/groups/{}", world.group)).await;
        let (status_api, body_api) = ask_group(&app, client, world.group).await;
        let missing_api = ask_group(&app, client, 999_999).await;
        if sees {
            assert_eq!(status, StatusCode::OK, "group page for {reader:?}");
            assert_eq!(status_api, StatusCode::OK, "get_group for {reader:?}");
            for (is, _, mark) in &world.cases {
                assert_eq!(
                    body.contains(mark.as_str()),
                    *is == CaseIs::InGroup,
                    "the group page shows {is:?} to {reader:?}?"
                );
            }
        } else {
            assert_eq!(
                (status, strip_nonce(&body)),
                (
                    missing.0,
                    strip_nonce(&missing.1).replace("999999", &world.group.to_string())
                ),
                "the group page for {reader:?} differs from a missing group"
            );
            assert_eq!(
                (status_api, body_api),
                missing_api,
                "get_group for {reader:?} differs from a missing group"
            );
            assert!(!body.contains("Route table group"));
        }
    }

    // The case page and get_case: each reply's text for exactly the readers who may see it.
    let published = world.cases[0].1;
    for (reader, client) in &world.readers {
        for route in table
            .iter()
            .filter(|r| matches!(r.key, "GET /cases/{id}" | "API get_case"))
        {
            let (_, body) = ask(&app, client, route, published).await;
            for (is, _, mark) in &world.replies {
                assert_eq!(
                    body.contains(mark.as_str()),
                    sees_reply(*reader, *is),
                    "{} shows {is:?} to {reader:?}?",
                    route.key
                );
            }
        }
    }

    // One case or reply: unseen answers exactly like missing; seen never answers 404, and a
    // 200 carries the text.
    let mut checked = 0;
    for route in &table {
        for (reader, client) in &world.readers {
            let absent = ask(&app, client, route, MISSING).await;
            let targets: Vec<(String, i64, String, bool)> = match route.kind {
                Kind::Case => world
                    .cases
                    .iter()
                    .map(|(is, id, mark)| {
                        (
                            format!("{is:?}"),
                            *id,
                            mark.clone(),
                            sees_case(*reader, *is),
                        )
                    })
                    .collect(),
                Kind::Reply => world
                    .replies
                    .iter()
                    .map(|(is, id, mark)| {
                        (
                            format!("{is:?}"),
                            *id,
                            mark.clone(),
                            sees_reply(*reader, *is),
                        )
                    })
                    .collect(),
            };
            for (what, id, mark, sees) in targets {
                let (status, body) = ask(&app, client, route, id).await;
                if sees {
                    assert_ne!(
                        status,
                        StatusCode::NOT_FOUND,
                        "{} on {what} for {reader:?}: {body}",
                        route.key
                    );
                    if status == StatusCode::OK && !matches!(route.how, How::Post(_)) {
                        assert!(
                            body.contains(&mark),
                            "{} on {what} for {reader:?} lacks the text",
                            route.key
                        );
                    }
                    if matches!(route.key, "GET /cases/{id}" | "API get_case")
                        && route.kind == Kind::Case
                    {
                        assert_eq!(
                            status,
                            StatusCode::OK,
                            "{} on {what} for {reader:?}",
                            route.key
                        );
                    }
                } else {
                    assert_eq!(
                        (status, body.as_str()),
                        (absent.0, absent.1.as_str()),
                        "{} on {what} for {reader:?} differs from a missing id",
                        route.key
                    );
                    assert!(!body.contains(&mark));
                }
                checked += 1;
            }
        }
    }
    // 12 readers x (8 cases or 4 replies) for every row.
    let case_rows = table.iter().filter(|r| r.kind == Kind::Case).count();
    let reply_rows = table.len() - case_rows;
    assert_eq!(checked, 12 * (case_rows * 8 + reply_rows * 4));
    app.shut_down().await;
}
