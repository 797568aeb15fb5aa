//! The one visibility rule: who may see a case or a reply at all. Everything a member can do
//! to a case or reply starts here (`can` refuses the unseen first), and the database applies
//! the same rule as SQL (`server::store::visibility`); a table test holds the two together
//! over every role, state and relation (tests/http/visibility.rs).
//!
//! A case is seen by moderators and admins, and within its audience (the whole forum, or the
//! current members of its consultation group) by its author and, once a moderator approved it,
//! by everyone — except a reader who said they may know the client, from whom it is hidden for
//! good (moderators included: they recuse themselves). An author who left the group no longer
//! sees their group case. Naming a supervisor of record gives them nothing before approval. A reply is seen by those who see its case, when it is
//! published and not hidden after flags; its own author also sees it while it waits at the
//! reply gate or was rejected; moderators and admins see every reply of a case they see. A reply its
//! author deleted is seen by moderators and admins only; a reader who would otherwise have seen
//! it sees a tombstone in its place (`sees_tombstone`): that a reply was there, not what it said
//! or who wrote it.

use super::{Actor, CaseFacts, ReplyFacts};
use crate::domain::group::Audience;
use crate::domain::role::Role;

pub fn is_moderator(actor: &Actor) -> bool {
    actor.has(Role::Moderator) || actor.has(Role::Admin)
}

pub fn sees_case(actor: &Actor, case: &CaseFacts) -> bool {
    let in_audience = match case.audience {
        Audience::Forum => true,
        Audience::Group { member, .. } => member,
    };
    !case.recused
        && (is_moderator(actor)
            || (in_audience && (case.review.is_published() || case.author == actor.user_id)))
}

pub fn sees_reply(actor: &Actor, reply: &ReplyFacts) -> bool {
    sees_case(actor, &reply.case)
        && (is_moderator(actor)
            || (!reply.hidden
                && !reply.deleted
                && (reply.review.is_published() || reply.author == actor.user_id)))
}

/// A reply its author deleted, in the place of one this reader would otherwise see: the rule
/// above for the same reply before the deletion.
pub fn sees_tombstone(actor: &Actor, reply: &ReplyFacts) -> bool {
    reply.deleted
        && !sees_reply(actor, reply)
        && sees_reply(
            actor,
            &ReplyFacts {
                deleted: false,
                ..*reply
            },
        )
}
