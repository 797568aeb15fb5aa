//! The kinds of message Caseroom sends. Each has a fixed subject and a fixed sentence: a
//! message says that something happened and links to the site, never what (docs/EMAIL.md).

/// A kind of message; the outbox stores its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    /// A reply to the member's case was published.
    CaseReply,
    /// A supervisor's reply to the member's case was published.
    SupervisorFeedback,
    /// A reply was published on a case the member watches (not their own case).
    WatchedReply,
    /// A moderator approved, returned or rejected the member's case.
    CaseReviewed,
    /// A moderator approved or rejected the member's held reply.
    ReplyReviewed,
    /// A moderator acted on the member's flag.
    FlagOutcome,
    /// The member was invited into a consultation group.
    GroupInvitation,
    /// Someone was invited to join Caseroom.
    ForumInvitation,
    /// A member asked to reset their password.
    PasswordReset,
    /// A member asked to use this address: the link confirms it.
    EmailConfirm,
    /// To the old address: the account's email was changed.
    EmailChanged,
    /// An admin turned off the member's two-factor sign-in (a lost phone and recovery codes).
    TwoFactorReset,
    /// The daily digest: counts of the kinds the member chose to get that way.
    Digest,
    /// One of the member's cases will be deleted in a week under the retention rule. Always
    /// sent, whatever the member chose: it is about losing their own case.
    PurgeSoon,
}

impl MailKind {
    pub const ALL: [MailKind; 14] = [
        MailKind::CaseReply,
        MailKind::SupervisorFeedback,
        MailKind::WatchedReply,
        MailKind::CaseReviewed,
        MailKind::ReplyReviewed,
        MailKind::FlagOutcome,
        MailKind::GroupInvitation,
        MailKind::ForumInvitation,
        MailKind::PasswordReset,
        MailKind::EmailConfirm,
        MailKind::EmailChanged,
        MailKind::TwoFactorReset,
        MailKind::Digest,
        MailKind::PurgeSoon,
    ];

    /// The kinds a member chooses for (immediately, digest, never), in the account page's order.
    pub const CHOSEN: [MailKind; 7] = [
        MailKind::CaseReply,
        MailKind::SupervisorFeedback,
        MailKind::WatchedReply,
        MailKind::CaseReviewed,
        MailKind::ReplyReviewed,
        MailKind::FlagOutcome,
        MailKind::GroupInvitation,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MailKind::CaseReply => "case_reply",
            MailKind::SupervisorFeedback => "supervisor_feedback",
            MailKind::WatchedReply => "watched_reply",
            MailKind::CaseReviewed => "case_reviewed",
            MailKind::ReplyReviewed => "reply_reviewed",
            MailKind::FlagOutcome => "flag_outcome",
            MailKind::GroupInvitation => "group_invitation",
            MailKind::ForumInvitation => "forum_invitation",
            MailKind::PasswordReset => "password_reset",
            MailKind::EmailConfirm => "email_confirm",
            MailKind::EmailChanged => "email_changed",
            MailKind::TwoFactorReset => "two_factor_reset",
            MailKind::Digest => "digest",
            MailKind::PurgeSoon => "case_purge_soon",
        }
    }

    pub fn parse(key: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn subject(self) -> &'static str {
        match self {
            MailKind::CaseReply => "Someone replied to your case",
            MailKind::SupervisorFeedback => "A supervisor replied to your case",
            MailKind::WatchedReply => "A new reply on a case you watch",
            MailKind::CaseReviewed => "A moderator has reviewed your case",
            MailKind::ReplyReviewed => "A moderator has reviewed your reply",
            MailKind::FlagOutcome => "A moderator acted on your flag",
            MailKind::GroupInvitation => "You are invited to a consultation group",
            MailKind::ForumInvitation => "You are invited to join Caseroom",
            MailKind::PasswordReset => "Reset your Caseroom password",
            MailKind::EmailConfirm => "Confirm your new Caseroom email",
            MailKind::EmailChanged => "Your Caseroom email was changed",
            MailKind::TwoFactorReset => {
                "Two-factor sign-in on your Caseroom account was turned off"
            }
            MailKind::Digest => "Your Caseroom digest",
            MailKind::PurgeSoon => "One of your cases will be deleted in a week",
        }
    }

    /// The message's one sentence, before its link.
    pub fn sentence(self) -> &'static str {
        match self {
            MailKind::CaseReply => "There is a new reply to one of your cases on Caseroom.",
            MailKind::SupervisorFeedback => {
                "A supervisor has replied to one of your cases on Caseroom."
            }
            MailKind::WatchedReply => {
                "There is a new reply on a case you watch on Caseroom. You can stop watching it on the case page."
            }
            MailKind::CaseReviewed => {
                "A moderator has reviewed one of your cases. Where it stands, and any reason, is on the site."
            }
            MailKind::ReplyReviewed => {
                "A moderator has reviewed one of your replies. Where it stands, and any reason, is on the site."
            }
            MailKind::FlagOutcome => "A moderator has acted on a flag you raised.",
            MailKind::GroupInvitation => {
                "You have been invited to a consultation group on Caseroom. The invitation waits with your notifications for 14 days."
            }
            MailKind::ForumInvitation => {
                "You have been invited to join Caseroom, a forum where clinicians bring the cases where they feel stuck. The link below creates your account."
            }
            MailKind::PasswordReset => {
                "Someone asked to reset the password of your Caseroom account. The link below works once, for 30 minutes. If it was not you, ignore this message: your password stays as it is."
            }
            MailKind::EmailConfirm => {
                "Someone asked to use this address for their Caseroom account. The link below confirms it, once, within 24 hours. If it was not you, ignore this message: nothing changes."
            }
            MailKind::EmailChanged => {
                "The email address of your Caseroom account was changed: messages go to the new address from now on. If it was not you, tell a Caseroom admin at once."
            }
            MailKind::TwoFactorReset => {
                "A Caseroom admin turned off two-factor sign-in on your account: you sign in with your password alone until you set it up again on your account page. If you did not ask for this, tell a Caseroom admin at once."
            }
            MailKind::Digest => "Since your last digest, on Caseroom:",
            MailKind::PurgeSoon => {
                "One of your cases on Caseroom will be deleted in a week, under the forum's retention rule. The case page shows the date; there you can choose to keep it longer."
            }
        }
    }

    /// The kind on the account page ("Email me about…").
    pub fn preference_label(self) -> &'static str {
        match self {
            MailKind::CaseReply => "Replies to my cases",
            MailKind::SupervisorFeedback => "Supervisor feedback on my cases",
            MailKind::WatchedReply => "Replies on cases I watch",
            MailKind::CaseReviewed => "A moderator's review of my cases",
            MailKind::ReplyReviewed => "A moderator's review of my held replies",
            MailKind::FlagOutcome => "A moderator's answer to my flags",
            MailKind::GroupInvitation => "Invitations to consultation groups",
            MailKind::ForumInvitation
            | MailKind::PasswordReset
            | MailKind::EmailConfirm
            | MailKind::EmailChanged
            | MailKind::TwoFactorReset
            | MailKind::Digest
            | MailKind::PurgeSoon => "",
        }
    }

    /// What a count of this kind is in a digest ("2 replies to your cases"), and what an
    /// unsubscribe link stops ("replies to your cases").
    pub fn plural(self) -> &'static str {
        match self {
            MailKind::CaseReply => "replies to your cases",
            MailKind::SupervisorFeedback => "replies from supervisors to your cases",
            MailKind::WatchedReply => "replies on cases you watch",
            MailKind::CaseReviewed => "reviews of your cases",
            MailKind::ReplyReviewed => "reviews of your held replies",
            MailKind::FlagOutcome => "answers to your flags",
            MailKind::GroupInvitation => "invitations to consultation groups",
            MailKind::ForumInvitation => "invitations to join",
            MailKind::PasswordReset => "password reset links",
            MailKind::EmailConfirm => "email confirmation links",
            MailKind::EmailChanged => "notices of a changed email",
            MailKind::TwoFactorReset => "notices that two-factor sign-in was turned off",
            MailKind::Digest => "the daily digest",
            MailKind::PurgeSoon => "notices that a case will be deleted",
        }
    }

    /// Whether the member may turn this kind off or into a digest (invitations to join and
    /// password resets are asked for, not subscribed to; the digest is made of the others).
    pub fn has_preference(self) -> bool {
        MailKind::CHOSEN.contains(&self)
    }

    /// Whether the message carries an unsubscribe link: every kind a member subscribes to, and
    /// the digest (its link stops the digest).
    pub fn can_unsubscribe(self) -> bool {
        self.has_preference() || self == MailKind::Digest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_says_nothing_about_a_case() {
        for kind in MailKind::ALL {
            assert_eq!(MailKind::parse(kind.key()), Some(kind));
            // Fixed words only: no placeholder through which a title or a name could arrive.
            for text in [
                kind.subject(),
                kind.sentence(),
                kind.preference_label(),
                kind.plural(),
            ] {
                assert!(!text.contains('{') && !text.contains('%'), "{text}");
            }
        }
        assert_eq!(MailKind::parse("anything"), None);
    }
}
