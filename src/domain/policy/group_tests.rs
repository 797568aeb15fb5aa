//! The group rows of the policy table: who sees and leads a consultation group, and who sees a
//! group case (member, group supervisor, former member, non-member, moderator).

use super::tests::{actor, case};
use super::*;
use crate::model::GroupId;

const GROUP: GroupId = GroupId(7);

fn group_case(author: i64, review: ReviewState, member: bool) -> Target {
    Target::Case(CaseFacts {
        audience: Audience::Group { id: GROUP, member },
        ..case(author, review)
    })
}

#[test]
fn a_group_is_seen_by_its_members_and_the_moderators_and_led_by_its_supervisors() {
    use Action::*;
    let member = Target::Group(Some(GroupRole::Member));
    let lead = Target::Group(Some(GroupRole::Supervisor));
    let outside = Target::Group(None);
    type Row = (&'static [Role], Action, Target, Result<(), Denial>);
    let table: &[Row] = &[
        (&[Role::Clinician], ViewGroup, member, Ok(())),
        (&[Role::Clinician], ViewGroup, outside, Err(Denial::Unseen)),
        (&[Role::Supervisor], ViewGroup, outside, Err(Denial::Unseen)),
        (&[Role::Moderator], ViewGroup, outside, Ok(())),
        (&[Role::Admin], ViewGroup, outside, Ok(())),
        (
            &[Role::Clinician],
            ManageGroup,
            member,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Supervisor],
            ManageGroup,
            member,
            Err(Denial::Forbidden),
        ),
        (&[Role::Clinician], ManageGroup, lead, Ok(())),
        (
            &[Role::Moderator],
            ManageGroup,
            outside,
            Err(Denial::Forbidden),
        ),
        (&[Role::Admin], ManageGroup, outside, Ok(())),
        (&[Role::Clinician], LeaveGroup, member, Ok(())),
        (&[Role::Clinician], LeaveGroup, lead, Ok(())),
        (&[Role::Clinician], LeaveGroup, outside, Err(Denial::Unseen)),
        (&[Role::Admin], LeaveGroup, outside, Err(Denial::Forbidden)),
        (&[Role::Clinician], BringCaseToGroup, member, Ok(())),
        (
            &[Role::Moderator],
            BringCaseToGroup,
            outside,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Admin],
            BringCaseToGroup,
            outside,
            Err(Denial::Forbidden),
        ),
        (
            &[Role::Admin],
            ViewGroup,
            Target::Site,
            Err(Denial::Forbidden),
        ),
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
fn creating_a_group_is_for_admins_and_for_supervisors_where_the_setting_allows() {
    for (roles, open, expected) in [
        (&[Role::Admin][..], false, true),
        (&[Role::Supervisor], false, false),
        (&[Role::Supervisor], true, true),
        (&[Role::Clinician], true, false),
        (&[Role::Moderator], true, false),
    ] {
        let target = Target::NewGroup {
            supervisors_may_create: open,
        };
        assert_eq!(
            can(Some(&actor(1, roles)), Action::CreateGroup, target).is_ok(),
            expected,
            "{roles:?} open={open}"
        );
    }
}

#[test]
fn a_group_case_is_seen_by_its_members_and_the_moderators_only() {
    let published = ReviewState::Approved;
    for (roles, author, member, review, sees) in [
        (&[Role::Clinician][..], 2, true, published, true),
        (&[Role::Clinician], 2, true, ReviewState::Pending, false),
        (&[Role::Clinician], 1, true, ReviewState::Pending, true),
        // A non-member, and a former member, even the case's own author.
        (&[Role::Clinician], 2, false, published, false),
        (&[Role::Supervisor], 2, false, published, false),
        (&[Role::Clinician], 1, false, published, false),
        (&[Role::Clinician], 1, false, ReviewState::Pending, false),
        // Moderators review every case, whatever its audience.
        (&[Role::Moderator], 2, false, ReviewState::Pending, true),
        (&[Role::Admin], 2, false, published, true),
    ] {
        let target = group_case(author, review, member);
        let seen = can(Some(&actor(1, roles)), Action::ViewCase, target).is_ok();
        assert_eq!(
            seen, sees,
            "{roles:?} author={author} member={member} {review:?}"
        );
        // Nothing else gets through where the case is unseen.
        if !sees {
            for action in [
                Action::Reply,
                Action::Flag,
                Action::EditCase,
                Action::PostFollowUp,
            ] {
                assert_eq!(
                    can(Some(&actor(1, roles)), action, target),
                    Err(Denial::Unseen),
                    "{action:?}"
                );
            }
        }
    }
}
