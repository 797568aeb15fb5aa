//! The one permission policy. Every form handler and every server function asks [`can`] before it
//! reads or changes anything; the browser never decides who may see what.
//!
//! Visibility comes first: whatever the action, a case or reply the actor may not see
//! ([`visibility`]) is refused with [`Denial::Unseen`], which the server answers exactly like a
//! missing id. Only then does the action's own rule apply.

mod groups;
mod visibility;

pub use visibility::{is_moderator, sees_case, sees_reply, sees_tombstone};

use crate::domain::case::CaseState;
use crate::domain::group::{Audience, GroupRole};
use crate::domain::review::ReviewState;
use crate::domain::role::{Role, Roles};
use crate::model::UserId;

/// Who is asking: a signed-in member with their current roles (read fresh on every request, so a
/// role change or a disabled account takes effect at once).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub roles: Roles,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.has(role)
    }
}

/// Everything a request can try to do. New capabilities add a variant here and a row to the table
/// test, so an action nobody thought about cannot slip through a default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See any page behind sign-in (home, account).
    ViewMemberArea,
    ChangeOwnPassword,
    ListUsers,
    ChangeRoles,
    SetAccountDisabled,
    CreateInvite,
    ListInvites,
    /// Issue a password reset link for another member (admins): shown once, or emailed to the
    /// member when email is set up.
    IssuePasswordReset,
    /// Turn off another member's two-factor sign-in (admins): for a member who lost both the
    /// phone and the recovery codes. One's own is turned off on /account, with a code.
    ResetTwoFactor,
    /// Erase an account (`Target::User`): one's own (any member, with their password), or
    /// another's (admins, with a reason).
    EraseAccount,
    /// Post a new case (clinicians and supervisors).
    CreateCase,
    /// Read a case (or, on `Target::Site`, the case list): exactly the visibility rule.
    ViewCase,
    /// Read a reply: exactly the visibility rule.
    ViewReply,
    /// Edit a case's text and context: its author (not once it was rejected, not while it is
    /// locked; the edit goes back to review), or a moderator while it waits for review.
    EditCase,
    /// Reply to a published case that is neither closed nor locked.
    Reply,
    /// Edit a reply (its author; not while the case is locked).
    EditReply,
    /// Delete one's own reply (not while the case is locked): readers then see a tombstone,
    /// moderators still see the reply.
    DeleteReply,
    /// Remove a reply its author deleted for good (moderators and admins).
    RemoveReply,
    /// Follow a case, or stop following it: be told of its new replies (anyone who sees it).
    WatchCase,
    /// Mark a published reply helpful (the author of a published case).
    MarkHelpful,
    /// Post or replace the follow-up, "what happened next" (the case's author; not once it was
    /// rejected, nor while it is closed or locked). It goes back to review like an edit.
    PostFollowUp,
    /// Close one's published case to new replies and follow-ups.
    CloseCase,
    /// Open one's closed case again.
    ReopenCase,
    /// Lock or unlock a case with a reason (moderators and admins, not on their own case).
    LockCase,
    /// Withdraw one's own case from the review queue before it was ever published, which
    /// deletes it (its author, while it waits for review or was returned for changes).
    WithdrawCase,
    /// Choose how long one's own case is kept before the purge (its author, in any state).
    SetRetention,
    /// Place or release a hold that keeps a case from the purge, with a reason (moderators and
    /// admins, not on their own case).
    HoldCase,
    /// Learn who wrote an anonymous case (moderators and admins).
    SeeAnonymousAuthor,
    /// Read every stored revision of a case (moderators and admins).
    ViewRevisions,
    /// Read and export the audit log (admins).
    ViewAuditLog,
    /// See the email that could not be sent (admins).
    ViewOutbox,
    /// Replace identifying text in a case, its replies and every stored copy (moderators and
    /// admins).
    Redact,
    /// See the review queue (moderators and admins).
    ViewReviewQueue,
    /// Claim, approve, return or reject a case in review, or approve or reject a held reply
    /// (moderators and admins, never their own).
    Review,
    /// Flag a published case or a published reply as possibly identifying, or say one may know
    /// the client (any member but its author; moderators also on a case still in review).
    Flag,
    /// Show again a reply hidden after flags (moderators and admins).
    RestoreReply,
    /// Create a consultation group (admins; supervisors where the setting allows).
    CreateGroup,
    /// See a group's page: its members, and moderators and admins. Anyone else is answered as
    /// if the group did not exist.
    ViewGroup,
    /// Invite and remove members, and see where the group's cases stand in review (the group's
    /// supervisors and admins).
    ManageGroup,
    /// Leave a group one belongs to.
    LeaveGroup,
    /// Bring a case to a group, or move one there: its current members only.
    BringCaseToGroup,
}

impl Action {
    /// Every action, for the table tests.
    pub const ALL: [Action; 41] = [
        Action::ViewMemberArea,
        Action::ChangeOwnPassword,
        Action::ListUsers,
        Action::ChangeRoles,
        Action::SetAccountDisabled,
        Action::CreateInvite,
        Action::ListInvites,
        Action::IssuePasswordReset,
        Action::ResetTwoFactor,
        Action::EraseAccount,
        Action::CreateCase,
        Action::ViewCase,
        Action::ViewReply,
        Action::EditCase,
        Action::Reply,
        Action::EditReply,
        Action::DeleteReply,
        Action::RemoveReply,
        Action::WatchCase,
        Action::MarkHelpful,
        Action::PostFollowUp,
        Action::CloseCase,
        Action::ReopenCase,
        Action::LockCase,
        Action::WithdrawCase,
        Action::SetRetention,
        Action::HoldCase,
        Action::SeeAnonymousAuthor,
        Action::ViewRevisions,
        Action::ViewAuditLog,
        Action::ViewOutbox,
        Action::Redact,
        Action::ViewReviewQueue,
        Action::Review,
        Action::Flag,
        Action::RestoreReply,
        Action::CreateGroup,
        Action::ViewGroup,
        Action::ManageGroup,
        Action::LeaveGroup,
        Action::BringCaseToGroup,
    ];
}

/// A case as the policy sees it, from where one reader stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseFacts {
    pub author: UserId,
    /// Where it stands with the moderators; only `Approved` reaches peers.
    pub review: ReviewState,
    /// Open, follow-up posted, or closed by its author.
    pub state: CaseState,
    /// Locked by a moderator: no member changes it until it is unlocked.
    pub locked: bool,
    /// This reader said they may know the client: the case is hidden from them for good.
    pub recused: bool,
    /// The whole forum, or a consultation group and whether this reader belongs to it now.
    pub audience: Audience,
}

/// A reply as the policy sees it, with its case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplyFacts {
    pub author: UserId,
    /// `Approved`, or `Pending`/`Rejected` at the reply gate.
    pub review: ReviewState,
    /// Hidden after flags until a moderator restores it.
    pub hidden: bool,
    /// Deleted by its author: moderators still see it, readers see a tombstone.
    pub deleted: bool,
    pub case: CaseFacts,
}

/// What the action is aimed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Site,
    User(UserId),
    Case(CaseFacts),
    Reply(ReplyFacts),
    /// A consultation group, with the actor's role in it now (`None`: not a member).
    Group(Option<GroupRole>),
    /// The forum, when creating a group: whether the setting lets supervisors create groups.
    NewGroup {
        supervisors_may_create: bool,
    },
}

/// Why a request was refused; the server maps these to sign-in prompts, 403, 404 and 409 pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Denial {
    #[error("Please sign in to continue.")]
    SignInRequired,
    /// The actor may not see the case or reply at all: answered like a missing id.
    #[error("There is nothing with that number.")]
    Unseen,
    #[error("You do not have permission to do that.")]
    Forbidden,
    #[error(
        "You cannot change your own roles, disable your own account or reset your own password here. Ask another admin; your own password is changed on your account page."
    )]
    OwnAccount,
    #[error("You cannot review your own post. Another moderator will.")]
    OwnCase,
    #[error(
        "This case is closed, so it takes no new replies or follow-ups. Nothing was saved; copy your text if you want to keep it."
    )]
    CaseClosed,
    #[error(
        "A moderator has locked this case, so it cannot be changed or replied to for now. Nothing was saved; copy your text if you want to keep it."
    )]
    CaseLocked,
}

/// Decides whether `actor` may perform `action` on `target`.
///
/// Admin actions need the admin role. An admin may not change their own roles or disable
/// themselves, so the last admin cannot lock everyone out by accident.
pub fn can(actor: Option<&Actor>, action: Action, target: Target) -> Result<(), Denial> {
    let Some(actor) = actor else {
        return Err(Denial::SignInRequired);
    };
    match target {
        Target::Case(case) if !sees_case(actor, &case) => return Err(Denial::Unseen),
        Target::Reply(reply) if !sees_reply(actor, &reply) => return Err(Denial::Unseen),
        Target::Group(role) if !groups::sees_group(actor, role) => return Err(Denial::Unseen),
        _ => {}
    }
    let me = actor.user_id;
    match (action, target) {
        (Action::ViewMemberArea | Action::ChangeOwnPassword, _) => Ok(()),
        (
            Action::ListUsers
            | Action::CreateInvite
            | Action::ListInvites
            | Action::ViewAuditLog
            | Action::ViewOutbox,
            _,
        ) => require_admin(actor),
        (
            Action::ChangeRoles
            | Action::SetAccountDisabled
            | Action::IssuePasswordReset
            | Action::ResetTwoFactor,
            target,
        ) => {
            require_admin(actor)?;
            match target {
                Target::User(id) if id == me => Err(Denial::OwnAccount),
                _ => Ok(()),
            }
        }
        (Action::EraseAccount, Target::User(id)) if id == me => Ok(()),
        (Action::EraseAccount, _) => require_admin(actor),
        (Action::CreateCase, _) => {
            if actor.has(Role::Clinician) || actor.has(Role::Supervisor) {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        (Action::ViewCase, Target::Site | Target::Case(_)) => Ok(()),
        (Action::ViewReply, Target::Reply(_)) => Ok(()),
        (Action::EditCase, Target::Case(c)) if c.author == me => {
            if c.review == ReviewState::Rejected {
                Err(Denial::Forbidden)
            } else {
                open_to_members(&c, false)
            }
        }
        // A moderator may edit a case while it waits for review (never their own); a
        // returned case is the author's to change.
        (Action::EditCase, Target::Case(c))
            if c.review == ReviewState::Pending && is_moderator(actor) =>
        {
            Ok(())
        }
        (Action::Reply, Target::Case(c)) if c.review.is_published() => open_to_members(&c, true),
        (Action::EditReply | Action::DeleteReply, Target::Reply(r))
            if r.author == me && !r.deleted =>
        {
            open_to_members(&r.case, false)
        }
        (Action::RemoveReply, Target::Reply(r)) if r.deleted && is_moderator(actor) => Ok(()),
        (Action::WatchCase, Target::Case(c)) if c.review.is_published() => Ok(()),
        (Action::MarkHelpful, Target::Reply(r))
            if r.case.author == me
                && r.case.review.is_published()
                && r.review.is_published()
                && !r.hidden
                && !r.deleted =>
        {
            open_to_members(&r.case, false)
        }
        (Action::PostFollowUp, Target::Case(c))
            if c.author == me && c.review != ReviewState::Rejected =>
        {
            open_to_members(&c, true)
        }
        (Action::CloseCase, Target::Case(c)) if c.author == me && c.review.is_published() => {
            open_to_members(&c, true)
        }
        (Action::ReopenCase, Target::Case(c)) if c.author == me && c.state == CaseState::Closed => {
            open_to_members(&c, false)
        }
        (Action::SetRetention, Target::Case(c)) if c.author == me => Ok(()),
        (Action::WithdrawCase, Target::Case(c))
            if c.author == me
                && matches!(c.review, ReviewState::Pending | ReviewState::Returned) =>
        {
            Ok(())
        }
        // A moderator does not lock or unlock, or hold, their own case: another moderator does.
        (Action::LockCase | Action::HoldCase, Target::Case(c)) if is_moderator(actor) => {
            if c.author == me {
                Err(Denial::OwnCase)
            } else {
                Ok(())
            }
        }
        (
            Action::ViewRevisions
            | Action::Redact
            | Action::SeeAnonymousAuthor
            | Action::ViewReviewQueue,
            _,
        ) if is_moderator(actor) => Ok(()),
        (Action::RestoreReply, Target::Reply(_)) if is_moderator(actor) => Ok(()),
        (Action::Review, Target::Case(CaseFacts { author, .. }))
        | (Action::Review, Target::Reply(ReplyFacts { author, .. }))
            if is_moderator(actor) =>
        {
            if author == me {
                Err(Denial::OwnCase)
            } else {
                Ok(())
            }
        }
        // Members flag what is published; a moderator may also flag a case still in review
        // (above all to say they may know the client, and leave it to another moderator).
        (Action::Flag, Target::Case(c))
            if c.author != me && (c.review.is_published() || is_moderator(actor)) =>
        {
            Ok(())
        }
        (Action::Flag, Target::Reply(r))
            if r.author != me && r.review.is_published() && !r.hidden && !r.deleted =>
        {
            Ok(())
        }
        (
            Action::CreateGroup
            | Action::ViewGroup
            | Action::ManageGroup
            | Action::LeaveGroup
            | Action::BringCaseToGroup,
            target,
        ) => groups::can_in_group(actor, action, target),
        _ => Err(Denial::Forbidden),
    }
}

/// A case members may still change: not locked by a moderator, and, for new text
/// (`new_text`: a reply, a follow-up, closing it), not closed by its author.
fn open_to_members(case: &CaseFacts, new_text: bool) -> Result<(), Denial> {
    if case.locked {
        Err(Denial::CaseLocked)
    } else if new_text && case.state == CaseState::Closed {
        Err(Denial::CaseClosed)
    } else {
        Ok(())
    }
}

fn require_admin(actor: &Actor) -> Result<(), Denial> {
    if actor.has(Role::Admin) {
        Ok(())
    } else {
        Err(Denial::Forbidden)
    }
}

#[cfg(test)]
mod group_tests;
#[cfg(test)]
mod state_tests;
#[cfg(test)]
mod tests;
