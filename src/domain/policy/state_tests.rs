//! The policy over a case's state and the reader's sight of it: closed and locked cases, and
//! every action on what a reader cannot see.

use super::tests::{actor, case};
use super::*;

/// Closing (by the author) and locking (by a moderator) refuse new text with their own
/// denials, which the server answers 409; flags and moderators' work go on.
#[test]
fn closed_and_locked_cases_refuse_what_would_change_them() {
    use Action::*;
    let author = actor(1, &[Role::Clinician]);
    let peer = actor(2, &[Role::Clinician]);
    let moderator = actor(3, &[Role::Moderator]);
    let closed = CaseFacts {
        state: CaseState::Closed,
        ..case(1, ReviewState::Approved)
    };
    let locked = CaseFacts {
        locked: true,
        ..case(1, ReviewState::Approved)
    };
    let reply_in = |c: CaseFacts, author: i64| {
        Target::Reply(ReplyFacts {
            author: UserId(author),
            review: ReviewState::Approved,
            hidden: false,
            deleted: false,
            case: c,
        })
    };
    type Row<'a> = (&'a Actor, Action, Target, Result<(), Denial>);
    let table: &[Row] = &[
        (&peer, Reply, Target::Case(closed), Err(Denial::CaseClosed)),
        (
            &author,
            Reply,
            Target::Case(closed),
            Err(Denial::CaseClosed),
        ),
        (
            &author,
            PostFollowUp,
            Target::Case(closed),
            Err(Denial::CaseClosed),
        ),
        (
            &author,
            CloseCase,
            Target::Case(closed),
            Err(Denial::CaseClosed),
        ),
        (&author, ReopenCase, Target::Case(closed), Ok(())),
        (&author, EditCase, Target::Case(closed), Ok(())),
        (&author, MarkHelpful, reply_in(closed, 2), Ok(())),
        (&peer, EditReply, reply_in(closed, 2), Ok(())),
        (&peer, Flag, Target::Case(closed), Ok(())),
        (&peer, Reply, Target::Case(locked), Err(Denial::CaseLocked)),
        (
            &author,
            EditCase,
            Target::Case(locked),
            Err(Denial::CaseLocked),
        ),
        (
            &author,
            PostFollowUp,
            Target::Case(locked),
            Err(Denial::CaseLocked),
        ),
        (
            &author,
            MarkHelpful,
            reply_in(locked, 2),
            Err(Denial::CaseLocked),
        ),
        (
            &peer,
            EditReply,
            reply_in(locked, 2),
            Err(Denial::CaseLocked),
        ),
        (&peer, Flag, Target::Case(locked), Ok(())),
        (&moderator, LockCase, Target::Case(locked), Ok(())),
        (&moderator, Redact, Target::Case(locked), Ok(())),
        (
            &peer,
            LockCase,
            Target::Case(case(1, ReviewState::Approved)),
            Err(Denial::Forbidden),
        ),
    ];
    for (who, action, target, expected) in table {
        assert_eq!(
            can(Some(who), *action, *target),
            *expected,
            "{who:?} {action:?} {target:?}"
        );
    }
}

/// Nothing can be done to what cannot be seen: a case a reader said they may know the client
/// of, a reply held at the gate or hidden after flags, are `Unseen` for every action.
#[test]
fn every_action_on_what_a_reader_cannot_see_is_unseen() {
    let peer = actor(2, &[Role::Clinician]);
    let moderator = actor(3, &[Role::Moderator]);
    let recused = CaseFacts {
        recused: true,
        ..case(1, ReviewState::Approved)
    };
    let held = Target::Reply(ReplyFacts {
        author: UserId(4),
        review: ReviewState::Pending,
        hidden: false,
        deleted: false,
        case: case(1, ReviewState::Approved),
    });
    let hidden = Target::Reply(ReplyFacts {
        author: UserId(4),
        review: ReviewState::Approved,
        hidden: true,
        deleted: false,
        case: case(1, ReviewState::Approved),
    });
    let under_pending = Target::Reply(ReplyFacts {
        author: UserId(2),
        review: ReviewState::Approved,
        hidden: false,
        deleted: false,
        case: case(1, ReviewState::Pending),
    });
    for action in Action::ALL {
        for target in [Target::Case(recused), held, hidden, under_pending] {
            assert_eq!(
                can(Some(&peer), action, target),
                Err(Denial::Unseen),
                "{action:?} {target:?}"
            );
        }
        assert_eq!(
            can(Some(&moderator), action, Target::Case(recused)),
            Err(Denial::Unseen),
            "a moderator who may know the client recuses themselves: {action:?}"
        );
    }
    // Its own author still sees a held reply (and may edit it); moderators see all three.
    let own_held = Target::Reply(ReplyFacts {
        author: UserId(2),
        review: ReviewState::Pending,
        hidden: false,
        deleted: false,
        case: case(1, ReviewState::Approved),
    });
    assert_eq!(can(Some(&peer), Action::ViewReply, own_held), Ok(()));
    assert_eq!(can(Some(&peer), Action::EditReply, own_held), Ok(()));
    assert_eq!(
        can(Some(&peer), Action::Flag, own_held),
        Err(Denial::Forbidden)
    );
    for target in [held, hidden, under_pending] {
        assert_eq!(can(Some(&moderator), Action::ViewReply, target), Ok(()));
    }
    assert_eq!(can(Some(&moderator), Action::RestoreReply, hidden), Ok(()));
    assert_eq!(
        can(Some(&moderator), Action::Flag, hidden),
        Err(Denial::Forbidden)
    );
}

/// A reply its author deleted: moderators still see it (and may remove it for good); every
/// other reader, its author too, sees a tombstone where they would have seen the reply, and
/// nothing can be done to it.
#[test]
fn a_deleted_reply_is_the_moderators_and_a_tombstone_for_everyone_else() {
    use Action::*;
    let author = actor(2, &[Role::Clinician]);
    let peer = actor(4, &[Role::Clinician]);
    let moderator = actor(3, &[Role::Moderator]);
    let reply = |review, hidden, deleted, case: CaseFacts| ReplyFacts {
        author: UserId(2),
        review,
        hidden,
        deleted,
        case,
    };
    let published = case(1, ReviewState::Approved);
    let deleted = reply(ReviewState::Approved, false, true, published);
    for action in Action::ALL {
        for reader in [&author, &peer] {
            assert_eq!(
                can(Some(reader), action, Target::Reply(deleted)),
                Err(Denial::Unseen),
                "{action:?}"
            );
        }
    }
    assert_eq!(
        can(Some(&moderator), ViewReply, Target::Reply(deleted)),
        Ok(())
    );
    assert_eq!(
        can(Some(&moderator), RemoveReply, Target::Reply(deleted)),
        Ok(())
    );
    let live = reply(ReviewState::Approved, false, false, published);
    assert_eq!(
        can(Some(&moderator), RemoveReply, Target::Reply(live)),
        Err(Denial::Forbidden),
        "only a deleted reply is removed for good"
    );
    assert_eq!(can(Some(&author), DeleteReply, Target::Reply(live)), Ok(()));
    assert_eq!(
        can(Some(&peer), DeleteReply, Target::Reply(live)),
        Err(Denial::Forbidden)
    );
    let closed = CaseFacts {
        state: CaseState::Closed,
        ..published
    };
    let locked = CaseFacts {
        locked: true,
        ..published
    };
    let in_closed = reply(ReviewState::Approved, false, false, closed);
    let in_locked = reply(ReviewState::Approved, false, false, locked);
    assert_eq!(
        can(Some(&author), DeleteReply, Target::Reply(in_closed)),
        Ok(())
    );
    assert_eq!(
        can(Some(&author), DeleteReply, Target::Reply(in_locked)),
        Err(Denial::CaseLocked)
    );

    // Tombstones: only where the reader would have seen the reply.
    assert!(sees_tombstone(&peer, &deleted));
    assert!(sees_tombstone(&author, &deleted));
    assert!(
        !sees_tombstone(&moderator, &deleted),
        "moderators see the reply"
    );
    assert!(!sees_tombstone(&peer, &live));
    let held = reply(ReviewState::Pending, false, true, published);
    assert!(!sees_tombstone(&peer, &held));
    assert!(sees_tombstone(&author, &held));
    let hidden = reply(ReviewState::Approved, true, true, published);
    assert!(!sees_tombstone(&peer, &hidden));
    let under_review = reply(
        ReviewState::Approved,
        false,
        true,
        case(1, ReviewState::Pending),
    );
    assert!(!sees_tombstone(&peer, &under_review));
    let recused = reply(
        ReviewState::Approved,
        false,
        true,
        CaseFacts {
            recused: true,
            ..published
        },
    );
    assert!(!sees_tombstone(&peer, &recused));
}
