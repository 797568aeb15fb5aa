//! The policy as tables: who may do what, for every role and action.

use super::*;

pub(super) fn actor(id: i64, roles: &[Role]) -> Actor {
    Actor {
        user_id: UserId(id),
        roles: Roles::new(roles.iter().copied()),
    }
}

pub(super) fn case(author: i64, review: ReviewState) -> CaseFacts {
    CaseFacts {
        author: UserId(author),
        review,
        state: CaseState::Open,
        locked: false,
        recused: false,
        audience: Audience::Forum,
    }
}

fn reply(author: i64, case_author: i64) -> Target {
    Target::Reply(ReplyFacts {
        author: UserId(author),
        review: ReviewState::Approved,
        hidden: false,
        deleted: false,
        case: case(case_author, ReviewState::Approved),
    })
}

#[test]
fn visitors_must_sign_in_for_everything() {
    for action in Action::ALL {
        for target in [
            Target::Site,
            Target::Case(case(1, ReviewState::Approved)),
            reply(1, 2),
        ] {
            assert_eq!(
                can(None, action, target),
                Err(Denial::SignInRequired),
                "{action:?}"
            );
        }
    }
}

#[test]
fn the_role_by_action_table_holds() {
    use Action::*;
    let other = Target::User(UserId(99));
    let mine = Target::Case(case(1, ReviewState::Approved));
    let theirs = Target::Case(case(2, ReviewState::Approved));
    type Row = (&'static [Role], Action, Target, Result<(), Denial>);
    let table: &[Row] = &[
        (&[Role::Clinician], ViewMemberArea, Target::Site, Ok(())),
        (&[Role::Clinician], ChangeOwnPassword, Target::Site, Ok(())),
        (
            &[Role::Clinician],
            ListUsers,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Clinician],
            CreateInvite,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Clinician],
            ChangeRoles,
            other,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Supervisor],
            ListUsers,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Supervisor],
            ListInvites,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Moderator],
            ListUsers,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Moderator],
            SetAccountDisabled,
            other,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Moderator],
            CreateInvite,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (&[Role::Admin], ListUsers, Target::Site, Ok(())),
        (&[Role::Admin], ViewAuditLog, Target::Site, Ok(())),
        (&[Role::Moderator], Redact, theirs, Ok(())),
        (&[Role::Admin], Redact, theirs, Ok(())),
        (&[Role::Clinician], Redact, mine, Err(Denial::Forbidden)),
        (&[Role::Supervisor], Redact, theirs, Err(Denial::Forbidden)),
        (
            &[Role::Moderator],
            ViewAuditLog,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Supervisor, Role::Clinician],
            ViewAuditLog,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (&[Role::Admin], ListInvites, Target::Site, Ok(())),
        (&[Role::Admin], CreateInvite, Target::Site, Ok(())),
        (&[Role::Admin], ChangeRoles, other, Ok(())),
        (&[Role::Admin], IssuePasswordReset, other, Ok(())),
        (&[Role::Admin], EraseAccount, other, Ok(())),
        (
            &[Role::Moderator, Role::Supervisor],
            EraseAccount,
            other,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Clinician],
            EraseAccount,
            Target::User(UserId(1)),
            Ok(()),
        ),
        (
            &[Role::Moderator, Role::Supervisor],
            IssuePasswordReset,
            other,
            Err(Denial::Forbidden),
        ),
        (&[Role::Admin], SetAccountDisabled, other, Ok(())),
        (&[Role::Admin], ResetTwoFactor, other, Ok(())),
        (
            &[Role::Moderator, Role::Supervisor],
            ResetTwoFactor,
            other,
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician, Role::Admin], ChangeRoles, other, Ok(())),
        (&[Role::Clinician], CreateCase, Target::Site, Ok(())),
        (&[Role::Supervisor], CreateCase, Target::Site, Ok(())),
        (
            &[Role::Moderator],
            CreateCase,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Admin],
            CreateCase,
            Target::Site,
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician], ViewCase, theirs, Ok(())),
        (&[Role::Clinician], Reply, theirs, Ok(())),
        (&[Role::Clinician], EditCase, mine, Ok(())),
        (&[Role::Clinician], EditCase, theirs, Err(Denial::Forbidden)),
        (&[Role::Admin], EditCase, theirs, Err(Denial::Forbidden)),
        (&[Role::Moderator], EditCase, theirs, Err(Denial::Forbidden)),
        (
            &[Role::Supervisor],
            EditCase,
            theirs,
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician], PostFollowUp, mine, Ok(())),
        (&[Role::Clinician], CloseCase, mine, Ok(())),
        (&[Role::Clinician], ReopenCase, mine, Err(Denial::Forbidden)),
        (
            &[Role::Supervisor],
            PostFollowUp,
            theirs,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Supervisor],
            CloseCase,
            theirs,
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician], MarkHelpful, reply(2, 1), Ok(())),
        (
            &[Role::Clinician],
            MarkHelpful,
            reply(2, 3),
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician], EditReply, reply(1, 2), Ok(())),
        (
            &[Role::Supervisor],
            EditReply,
            reply(2, 1),
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician], SetRetention, mine, Ok(())),
        (
            &[Role::Clinician],
            WithdrawCase,
            Target::Case(case(1, ReviewState::Pending)),
            Ok(()),
        ),
        (
            &[Role::Clinician],
            WithdrawCase,
            Target::Case(case(1, ReviewState::Returned)),
            Ok(()),
        ),
        (
            &[Role::Clinician],
            WithdrawCase,
            mine,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Moderator],
            WithdrawCase,
            Target::Case(case(2, ReviewState::Pending)),
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Moderator],
            SetRetention,
            theirs,
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician], HoldCase, theirs, Err(Denial::Forbidden)),
        (&[Role::Moderator], HoldCase, theirs, Ok(())),
        (&[Role::Admin], HoldCase, theirs, Ok(())),
        (
            &[Role::Moderator, Role::Clinician],
            HoldCase,
            mine,
            Err(Denial::OwnCase),
        ),
        (&[Role::Clinician], LockCase, theirs, Err(Denial::Forbidden)),
        (&[Role::Moderator], LockCase, theirs, Ok(())),
        (&[Role::Admin], LockCase, theirs, Ok(())),
        (
            &[Role::Moderator, Role::Clinician],
            LockCase,
            mine,
            Err(Denial::OwnCase),
        ),
        (
            &[Role::Clinician],
            SeeAnonymousAuthor,
            theirs,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Supervisor],
            SeeAnonymousAuthor,
            theirs,
            Err(Denial::Forbidden),
        ),
        (&[Role::Moderator], SeeAnonymousAuthor, theirs, Ok(())),
        (&[Role::Admin], SeeAnonymousAuthor, theirs, Ok(())),
        (
            &[Role::Clinician],
            ViewRevisions,
            mine,
            Err(Denial::Forbidden),
        ),
        (&[Role::Moderator], ViewRevisions, theirs, Ok(())),
    ];
    for (roles, action, target, expected) in table {
        assert_eq!(
            can(Some(&actor(1, roles)), *action, *target),
            *expected,
            "{roles:?} {action:?} {target:?}"
        );
    }
}

#[test]
fn an_admin_cannot_change_their_own_roles_or_disable_themselves() {
    let admin = actor(7, &[Role::Admin]);
    let me = Target::User(UserId(7));
    assert_eq!(
        can(Some(&admin), Action::ChangeRoles, me),
        Err(Denial::OwnAccount)
    );
    assert_eq!(
        can(Some(&admin), Action::SetAccountDisabled, me),
        Err(Denial::OwnAccount)
    );
    // Their own password is changed on /account, with the current one.
    assert_eq!(
        can(Some(&admin), Action::IssuePasswordReset, me),
        Err(Denial::OwnAccount)
    );
    // And their own two-factor sign-in is turned off there, with a code.
    assert_eq!(
        can(Some(&admin), Action::ResetTwoFactor, me),
        Err(Denial::OwnAccount)
    );
}

#[test]
fn a_member_with_no_roles_left_can_still_only_reach_member_pages() {
    let nobody = actor(3, &[]);
    assert_eq!(
        can(Some(&nobody), Action::ViewMemberArea, Target::Site),
        Ok(())
    );
    assert_eq!(
        can(Some(&nobody), Action::ListUsers, Target::Site),
        Err(Denial::Forbidden)
    );
}

/// Who may do what to a case in each review state. Every cell is listed, allowed or refused.
#[test]
fn the_role_by_review_state_table_holds() {
    use Action::*;
    let clinician: &[Role] = &[Role::Clinician];
    let supervisor: &[Role] = &[Role::Supervisor];
    let moderator: &[Role] = &[Role::Moderator];
    let admin: &[Role] = &[Role::Admin];
    let ok = Ok(());
    let no = Err(Denial::Forbidden);
    let hid = Err(Denial::Unseen);
    // (roles, is the author, action, [pending, returned, rejected, approved])
    type Row = (&'static [Role], bool, Action, [Result<(), Denial>; 4]);
    let table: &[Row] = &[
        (clinician, true, ViewCase, [ok, ok, ok, ok]),
        (clinician, false, ViewCase, [hid, hid, hid, ok]),
        (supervisor, false, ViewCase, [hid, hid, hid, ok]),
        (moderator, false, ViewCase, [ok, ok, ok, ok]),
        (admin, false, ViewCase, [ok, ok, ok, ok]),
        (clinician, true, EditCase, [ok, ok, no, ok]),
        (moderator, false, EditCase, [ok, no, no, no]),
        (admin, false, EditCase, [ok, no, no, no]),
        (
            &[Role::Moderator, Role::Clinician],
            false,
            EditCase,
            [ok, no, no, no],
        ),
        (clinician, true, Reply, [no, no, no, ok]),
        (supervisor, false, Reply, [hid, hid, hid, ok]),
        (moderator, false, Reply, [no, no, no, ok]),
        (clinician, true, PostFollowUp, [ok, ok, no, ok]),
        (clinician, true, CloseCase, [no, no, no, ok]),
        (clinician, false, Review, [hid, hid, hid, no]),
        (supervisor, false, Review, [hid, hid, hid, no]),
        (moderator, false, Review, [ok, ok, ok, ok]),
        (admin, false, Review, [ok, ok, ok, ok]),
        (
            &[Role::Moderator, Role::Clinician],
            true,
            Review,
            [Err(Denial::OwnCase); 4],
        ),
        (moderator, false, Redact, [ok, ok, ok, ok]),
        (clinician, true, Redact, [no, no, no, no]),
        (clinician, true, Flag, [no, no, no, no]),
        (clinician, false, Flag, [hid, hid, hid, ok]),
        (supervisor, false, Flag, [hid, hid, hid, ok]),
        (moderator, false, Flag, [ok, ok, ok, ok]),
    ];
    for (roles, is_author, action, cells) in table {
        for (review, expected) in ReviewState::ALL.iter().zip(cells) {
            let target = Target::Case(case(if *is_author { 1 } else { 2 }, *review));
            assert_eq!(
                can(Some(&actor(1, roles)), *action, target),
                *expected,
                "{roles:?} author={is_author} {action:?} {review:?}"
            );
        }
    }
}

#[test]
fn members_flag_replies_but_not_their_own_and_only_moderators_restore_them() {
    let mine = reply(1, 3);
    let theirs = reply(2, 3);
    let clinician = actor(1, &[Role::Clinician]);
    assert_eq!(can(Some(&clinician), Action::Flag, theirs), Ok(()));
    assert_eq!(
        can(Some(&clinician), Action::Flag, mine),
        Err(Denial::Forbidden)
    );
    assert_eq!(
        can(Some(&clinician), Action::RestoreReply, theirs),
        Err(Denial::Forbidden)
    );
    assert_eq!(
        can(
            Some(&actor(1, &[Role::Moderator])),
            Action::RestoreReply,
            theirs
        ),
        Ok(())
    );
}

#[test]
fn only_moderators_and_admins_see_the_review_queue() {
    for (roles, expected) in [
        (&[Role::Clinician][..], Err(Denial::Forbidden)),
        (&[Role::Supervisor][..], Err(Denial::Forbidden)),
        (&[Role::Moderator][..], Ok(())),
        (&[Role::Admin][..], Ok(())),
    ] {
        assert_eq!(
            can(
                Some(&actor(1, roles)),
                Action::ViewReviewQueue,
                Target::Site
            ),
            expected
        );
    }
}
