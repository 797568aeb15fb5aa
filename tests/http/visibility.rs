//! The one visibility rule, held in its two forms against each other: `policy::can` (Rust, asked
//! by every use-case) and `store::visibility` (SQL, filtering every read), over every reader role
//! × review state × case state × lock × relation (author, supervisor of record, peer, recused)
//! and audience (the whole forum; a consultation group the reader belongs to, leads, left, or
//! never joined, read by a group supervisor of another group) for cases, and every reply
//! state × hidden × deleted × authorship for replies, on forum cases and on the group cases of a group
//! the reader left. The store's own reads
//! (`find_case`, `list_cases`, `find_reply`, and `list_replies`, which filters the case page's
//! snapshot of a case's replies by the Rust form) are checked too.

use caseroom::domain::case::CaseState;
use caseroom::domain::group::Audience;
use caseroom::domain::policy::{Action, Actor, CaseFacts, ReplyFacts, Target, can};
use caseroom::domain::review::ReviewState;
use caseroom::domain::role::{Role, Roles};
use caseroom::model::{CaseFilter, CaseId, GroupId, ReplyId, UserId};
use caseroom::server::store::visibility::{case_visible, reply_visible};
use sqlx::AnyPool as SqlitePool;

use crate::support::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    Author,
    SupervisorOfRecord,
    Peer,
    Recused,
    /// A case in a group the reader belongs to.
    GroupMember,
    /// A case in a group the reader leads (a group supervisor).
    GroupLead,
    /// The reader's own case, in a group they have left since.
    FormerAuthor,
    /// A case in a group the reader has left.
    FormerMember,
    /// A case in a group the reader never joined (though they lead another).
    NonMember,
}

const RELATIONS: [Relation; 9] = [
    Relation::Author,
    Relation::SupervisorOfRecord,
    Relation::Peer,
    Relation::Recused,
    Relation::GroupMember,
    Relation::GroupLead,
    Relation::FormerAuthor,
    Relation::FormerMember,
    Relation::NonMember,
];

/// The groups of the table; every reader stands the same way towards each.
struct Groups {
    /// Every reader is a member.
    joined: GroupId,
    /// Every reader is a group supervisor.
    led: GroupId,
    /// Every reader was a member and left.
    left: GroupId,
    /// No reader ever belonged.
    closed: GroupId,
}

impl Groups {
    fn of(&self, relation: Relation) -> Audience {
        let (id, member) = match relation {
            Relation::GroupMember => (self.joined, true),
            Relation::GroupLead => (self.led, true),
            Relation::FormerAuthor | Relation::FormerMember => (self.left, false),
            Relation::NonMember => (self.closed, false),
            _ => return Audience::Forum,
        };
        Audience::Group { id, member }
    }
}

async fn new_group(db: &SqlitePool, name: &str, creator: UserId) -> GroupId {
    let id: i64 = sqlx::query_scalar(
        "insert into consultation_groups (name, name_key, description, created_by, created_at) \
         values ($1, $1, '', $2, $3) returning id",
    )
    .bind(name)
    .bind(creator.0)
    .bind(START)
    .fetch_one(db)
    .await
    .unwrap();
    GroupId(id)
}

async fn join(db: &SqlitePool, group: GroupId, member: UserId, role: &str, left: bool) {
    sqlx::query(
        "insert into group_members (group_id, user_id, role, joined_at, left_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(group.0)
    .bind(member.0)
    .bind(role)
    .bind(START)
    .bind(left.then_some(START + 1))
    .execute(db)
    .await
    .unwrap();
}

const ROLES: [Role; 4] = [
    Role::Clinician,
    Role::Supervisor,
    Role::Moderator,
    Role::Admin,
];

struct Row {
    id: CaseId,
    reader: Actor,
    facts: CaseFacts,
}

async fn insert_case(
    db: &SqlitePool,
    author: UserId,
    supervisor: Option<UserId>,
    review: ReviewState,
    state: CaseState,
    locked: bool,
    group: Option<GroupId>,
) -> CaseId {
    let id: i64 = sqlx::query_scalar(
        "insert into cases (author_id, title, age_band, setting, modality, sessions_band, state, supervisor_id, \
         created_at, last_activity_at, review_state, locked_at, group_id) \
         values ($1, 'A case for the table', 'adult', 'outpatient', 'cbt', '6-15', $2, $3, $4, $4, $5, $6, $7) returning id",
    )
    .bind(author.0)
    .bind(state.key())
    .bind(supervisor.map(|s| s.0))
    .bind(START)
    .bind(review.key())
    .bind(locked.then_some(START))
    .bind(group.map(|g| g.0))
    .fetch_one(db)
    .await
    .unwrap();
    CaseId(id)
}

async fn recuse(db: &SqlitePool, case: CaseId, reader: UserId) {
    sqlx::query(
        "insert into flags (case_id, flagger_id, kind, at) values ($1, $2, 'may_know', $3)",
    )
    .bind(case.0)
    .bind(reader.0)
    .bind(START)
    .execute(db)
    .await
    .unwrap();
}

async fn sql_sees_case(db: &SqlitePool, case: CaseId, reader: &Actor) -> bool {
    let sql = format!(
        "select count(*) from cases c where c.id = $1 and {}",
        case_visible("c", "$2", reader)
    );
    let n: i64 = sqlx::query_scalar(&sql)
        .bind(case.0)
        .bind(reader.user_id.0)
        .fetch_one(db)
        .await
        .unwrap();
    n == 1
}

async fn sql_sees_reply(db: &SqlitePool, reply: ReplyId, reader: &Actor) -> bool {
    let sql = format!(
        "select count(*) from replies r join cases c on c.id = r.case_id where r.id = $1 and {}",
        reply_visible("r", "c", "$2", reader)
    );
    let n: i64 = sqlx::query_scalar(&sql)
        .bind(reply.0)
        .bind(reader.user_id.0)
        .fetch_one(db)
        .await
        .unwrap();
    n == 1
}

#[tokio::test]
async fn the_sql_form_and_the_policy_agree_for_every_role_state_and_relation() {
    let app = TestApp::spawn().await;
    let db = app.db().await;
    // One member per role, and a clinician who writes the cases read by others.
    let mut readers = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        let id = app
            .create_member(&format!("reader{i}@table.example"), "Reader", &[*role])
            .await;
        readers.push(Actor {
            user_id: id,
            roles: Roles::new([*role]),
        });
    }
    let other_author = app
        .create_member("author@table.example", "Author", &[Role::Clinician])
        .await;
    let groups = Groups {
        joined: new_group(&db, "joined", other_author).await,
        led: new_group(&db, "led", other_author).await,
        left: new_group(&db, "left", other_author).await,
        closed: new_group(&db, "closed", other_author).await,
    };
    for g in [groups.joined, groups.led, groups.left, groups.closed] {
        join(&db, g, other_author, "member", false).await;
    }
    for reader in &readers {
        join(&db, groups.joined, reader.user_id, "member", false).await;
        join(&db, groups.led, reader.user_id, "supervisor", false).await;
        join(&db, groups.left, reader.user_id, "member", true).await;
    }

    let mut rows = Vec::new();
    for reader in &readers {
        for relation in RELATIONS {
            for review in ReviewState::ALL {
                for state in [CaseState::Open, CaseState::Closed] {
                    for locked in [false, true] {
                        let author =
                            if matches!(relation, Relation::Author | Relation::FormerAuthor) {
                                reader.user_id
                            } else {
                                other_author
                            };
                        let supervisor =
                            (relation == Relation::SupervisorOfRecord).then_some(reader.user_id);
                        let audience = groups.of(relation);
                        let id = insert_case(
                            &db,
                            author,
                            supervisor,
                            review,
                            state,
                            locked,
                            audience.group(),
                        )
                        .await;
                        if relation == Relation::Recused {
                            recuse(&db, id, reader.user_id).await;
                        }
                        rows.push(Row {
                            id,
                            reader: reader.clone(),
                            facts: CaseFacts {
                                author,
                                review,
                                state,
                                locked,
                                recused: relation == Relation::Recused,
                                audience,
                            },
                        });
                    }
                }
            }
        }
    }
    assert_eq!(rows.len(), 4 * 9 * 4 * 2 * 2);

    let mut seen = 0;
    for row in &rows {
        let policy = can(Some(&row.reader), Action::ViewCase, Target::Case(row.facts)).is_ok();
        let sql = sql_sees_case(&db, row.id, &row.reader).await;
        let found = app
            .state
            .store
            .find_case(row.id, &row.reader)
            .await
            .unwrap();
        assert_eq!(
            policy, sql,
            "SQL and policy disagree: {:?} {:?}",
            row.reader.roles, row.facts
        );
        assert_eq!(found.is_some(), policy, "find_case: {:?}", row.facts);
        if let Some(case) = found {
            assert_eq!(case.facts(), row.facts, "the store reads the same facts");
        }
        seen += usize::from(policy);
    }
    // Not a table that says yes (or no) to everything.
    assert!(seen > 0 && seen < rows.len(), "{seen} of {}", rows.len());

    // The list shows exactly the cases each reader may see (all of them fit on one page).
    for reader in &readers {
        let listed: Vec<CaseId> = app
            .state
            .store
            .list_cases(&CaseFilter::default(), reader, None, 10_000)
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        for row in rows.iter().filter(|r| r.reader == *reader) {
            let policy = can(Some(reader), Action::ViewCase, Target::Case(row.facts)).is_ok();
            assert_eq!(listed.contains(&row.id), policy, "list: {:?}", row.facts);
        }
        // Cases written for other readers: every reader stands the same way towards each
        // group, and only the recusals are the other readers' own.
        let expected_others = rows
            .iter()
            .filter(|r| r.reader != *reader)
            .filter(|r| {
                let facts = CaseFacts {
                    recused: false,
                    ..r.facts
                };
                can(Some(reader), Action::ViewCase, Target::Case(facts)).is_ok()
            })
            .count();
        let listed_others = rows
            .iter()
            .filter(|r| r.reader != *reader && listed.contains(&r.id))
            .count();
        assert_eq!(listed_others, expected_others, "{:?}", reader.roles);
    }

    // Replies: on a published case and on one in review, every reply state, hidden or not,
    // written by the reader or by someone else.
    let writer = app
        .create_member("writer@table.example", "Writer", &[Role::Clinician])
        .await;
    for reader in &readers {
        for (case_review, recused, group) in [ReviewState::Approved, ReviewState::Pending]
            .into_iter()
            .flat_map(|review| [false, true].map(|recused| (review, recused)))
            .flat_map(|(review, recused)| [None, Some(groups.left)].map(|g| (review, recused, g)))
        {
            {
                let case = insert_case(
                    &db,
                    other_author,
                    None,
                    case_review,
                    CaseState::Open,
                    false,
                    group,
                )
                .await;
                if recused {
                    recuse(&db, case, reader.user_id).await;
                }
                for review in [
                    ReviewState::Approved,
                    ReviewState::Pending,
                    ReviewState::Rejected,
                ] {
                    for (hidden, deleted) in
                        [(false, false), (true, false), (false, true), (true, true)]
                    {
                        for own in [false, true] {
                            let author = if own { reader.user_id } else { writer };
                            let id: i64 = sqlx::query_scalar(
                                "insert into replies (case_id, author_id, body_md, body_html, renderer_version, created_at, \
                                 review_state, hidden_at, deleted_at) values ($1, $2, 'x', '<p>x</p>', 1, $3, $4, $5, $6) returning id",
                            )
                            .bind(case.0)
                            .bind(author.0)
                            .bind(START)
                            .bind(review.key())
                            .bind(hidden.then_some(START))
                            .bind(deleted.then_some(START))
                            .fetch_one(&db)
                            .await
                            .unwrap();
                            let facts = ReplyFacts {
                                author,
                                review,
                                hidden,
                                deleted,
                                case: CaseFacts {
                                    author: other_author,
                                    review: case_review,
                                    state: CaseState::Open,
                                    locked: false,
                                    recused,
                                    audience: match group {
                                        None => Audience::Forum,
                                        Some(id) => Audience::Group { id, member: false },
                                    },
                                },
                            };
                            let policy =
                                can(Some(reader), Action::ViewReply, Target::Reply(facts)).is_ok();
                            let sql = sql_sees_reply(&db, ReplyId(id), reader).await;
                            assert_eq!(policy, sql, "reply: {:?} {facts:?}", reader.roles);
                            let found = app
                                .state
                                .store
                                .find_reply(ReplyId(id), reader)
                                .await
                                .unwrap();
                            assert_eq!(found.is_some(), policy, "find_reply: {facts:?}");
                        }
                    }
                }
                // The case page's way: the case through `find_case`, then its replies through
                // the snapshot, filtered by the rule's Rust form.
                let listed: Vec<ReplyId> =
                    match app.state.store.find_case(case, reader).await.unwrap() {
                        None => Vec::new(),
                        Some(row) => app
                            .state
                            .store
                            .list_replies(&row, reader)
                            .await
                            .unwrap()
                            .iter()
                            .map(|r| r.id)
                            .collect(),
                    };
                for id in &listed {
                    assert!(
                        app.state
                            .store
                            .find_reply(*id, reader)
                            .await
                            .unwrap()
                            .is_some(),
                        "listed but not found"
                    );
                }
                let moderator = reader.has(Role::Moderator) || reader.has(Role::Admin);
                let case_seen =
                    !recused && (moderator || (group.is_none() && case_review.is_published()));
                // Moderators: all 24; others: published, shown and not deleted (2), plus
                // their own held or rejected ones (2).
                let expected = match (case_seen, moderator) {
                    (false, _) => 0,
                    (true, true) => 24,
                    (true, false) => 4,
                };
                assert_eq!(
                    listed.len(),
                    expected,
                    "{:?} {case_review:?} recused={recused} group={group:?}",
                    reader.roles
                );
                // The thread adds a tombstone in the place of each deleted one of those
                // (never for moderators, who see the replies).
                let thread = match app.state.store.find_case(case, reader).await.unwrap() {
                    None => Vec::new(),
                    Some(row) => app.state.store.list_thread(&row, reader).await.unwrap(),
                };
                let tombstones = thread
                    .iter()
                    .filter(|t| matches!(t, caseroom::server::store::ThreadItem::Tombstone { .. }))
                    .count();
                let expected_tombstones = if case_seen && !moderator { 4 } else { 0 };
                assert_eq!(tombstones, expected_tombstones, "{:?}", reader.roles);
                assert_eq!(thread.len(), expected + tombstones);
            }
        }
    }
}
