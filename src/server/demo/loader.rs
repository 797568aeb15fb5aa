//! Loads the demo cases through the real services, on a clock set back to when each was "posted".

use super::cases::CASES;
use super::data::{DemoCase, Who};
use crate::domain::case::CaseInput;
use crate::domain::policy::Actor;
use crate::domain::review::AUTHOR_ITEMS;
use crate::model::{CaseId, GroupId, ReplyId};
use crate::server::clock::Clock;
use crate::server::gate::FollowUpSubmission;
use crate::server::services::cases::CaseSubmission;
use crate::server::services::{case_state, cases, replies, reply_review, review};
use crate::server::state::{AppState, Shared};

pub struct DemoEmails {
    pub admin: &'static str,
    pub moderator: &'static str,
    pub supervisor: &'static str,
    pub clinician: &'static str,
    pub clinician2: &'static str,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Loads every demo case unless the forum already has cases. Returns how many were loaded.
pub async fn load_cases(state: &AppState, emails: &DemoEmails) -> Result<usize, BoxError> {
    if state.store.count_cases().await? > 0 {
        return Ok(0);
    }
    let actors = Actors::find(state, emails).await?;
    let now = state.clock.now();
    let mut ordered: Vec<&DemoCase> = CASES.iter().collect();
    ordered.sort_by_key(|c| std::cmp::Reverse(c.days_ago));
    for case in &ordered {
        // Two hours back at least, so even today's case has room for its replies.
        load_one(
            state,
            &actors,
            case,
            case.title,
            now - case.days_ago * 86_400 - 7_200,
            now,
        )
        .await?;
    }
    Ok(ordered.len())
}

/// Adds copies of the demo cases, posted over the past year, until the forum holds at least
/// `posts` posts (cases and replies together): the data set for measuring the server at scale.
/// Each copy goes through the same services, gate and review as the originals, under the same
/// title: a number added to a title reads to the scanner like a date or an identifier. Returns
/// how many cases it added.
pub async fn load_scaled(
    state: &AppState,
    emails: &DemoEmails,
    posts: i64,
) -> Result<usize, BoxError> {
    let actors = Actors::find(state, emails).await?;
    let now = state.clock.now();
    let mut have = state.store.count_posts().await?;
    let mut added = 0;
    while have < posts {
        let case = &CASES[added % CASES.len()];
        // Spread over the year so the case list interleaves them.
        let days_ago = (added as i64 * 7_919) % 365;
        load_one(
            state,
            &actors,
            case,
            case.title,
            now - days_ago * 86_400 - 7_200,
            now,
        )
        .await?;
        added += 1;
        have += 1 + case.replies.len() as i64;
        if added % 500 == 0 {
            eprintln!("{have} posts");
        }
    }
    Ok(added)
}

struct Actors {
    admin: Actor,
    moderator: Actor,
    supervisor: Actor,
    clinician: Actor,
    clinician2: Actor,
    /// The demo consultation group, for the cases brought to it.
    group: GroupId,
}

impl Actors {
    async fn find(state: &AppState, emails: &DemoEmails) -> Result<Actors, BoxError> {
        let admin = actor(state, emails.admin).await?;
        let supervisor = actor(state, emails.supervisor).await?;
        let clinician = actor(state, emails.clinician).await?;
        let clinician2 = actor(state, emails.clinician2).await?;
        let group = super::groups::ensure(
            state,
            &admin,
            (&supervisor, emails.supervisor),
            &[
                (&clinician, emails.clinician),
                (&clinician2, emails.clinician2),
            ],
        )
        .await?;
        Ok(Actors {
            admin,
            moderator: actor(state, emails.moderator).await?,
            supervisor,
            clinician,
            clinician2,
            group,
        })
    }

    fn get(&self, who: Who) -> &Actor {
        match who {
            Who::Admin => &self.admin,
            Who::Moderator => &self.moderator,
            Who::Supervisor => &self.supervisor,
            Who::Clinician => &self.clinician,
            Who::Clinician2 => &self.clinician2,
        }
    }
}

async fn actor(state: &AppState, email: &str) -> Result<Actor, BoxError> {
    let row = state
        .store
        .find_auth_by_email(email)
        .await?
        .ok_or_else(|| format!("demo account {email} is missing"))?;
    Ok(Actor {
        user_id: row.id,
        roles: state.store.roles_of(row.id).await?,
    })
}

async fn load_one(
    state: &AppState,
    actors: &Actors,
    case: &DemoCase,
    title: &str,
    posted_at: i64,
    now: i64,
) -> Result<CaseId, BoxError> {
    // Replies and the follow-up are spread evenly between posting and now, never in the future.
    let events = case.replies.len() as i64 + i64::from(case.follow_up.is_some()) + 1;
    let step = (now - posted_at) / events;
    // A copy of the state whose clock reads "then", advanced as the thread unfolds.
    let (clock, hand) = Clock::manual(posted_at);
    let then = AppState::new(Shared {
        clock,
        ..Shared::clone(state)
    });
    let author = actors.get(case.author);
    let input = CaseInput {
        title: title.into(),
        age_band: case.age_band.into(),
        setting: case.setting.into(),
        modality: case.modality.into(),
        sessions: case.sessions.into(),
        tags: case.tags.iter().map(|t| (*t).to_owned()).collect(),
        sections: vec![
            ("situation".into(), case.situation.into()),
            ("tried".into(), case.tried.into()),
            ("stuck".into(), case.stuck.into()),
            ("blind_spot".into(), case.blind_spot.into()),
            ("asking".into(), case.asking.into()),
        ],
        anonymous: case.anonymous,
    };
    let supervisor = if case.with_supervisor && case.author != Who::Supervisor {
        actors.supervisor.user_id.0.to_string()
    } else {
        String::new()
    };
    let submission = CaseSubmission {
        input,
        supervisor,
        audience: if case.in_group {
            actors.group.0.to_string()
        } else {
            String::new()
        },
        confirmed: AUTHOR_ITEMS.iter().map(|i| i.key.to_owned()).collect(),
        disguise: "composite".into(),
        ..CaseSubmission::default()
    };
    let id = cases::submit_case(&then, Some(author), &submission, "forum")
        .await
        .map_err(|e| format!("demo case {:?}: {e}", case.title))?;
    // The demo moderator reviewed every demo case, with the whole checklist ticked.
    let reviewer = if case.author == Who::Moderator {
        &actors.admin
    } else {
        &actors.moderator
    };
    let seen = Some(state.store.latest_case_revision(id).await?);
    review::decide(&then, Some(reviewer), id, seen, "approve", "", |_| "absent")
        .await
        .map_err(|e| format!("demo review of {:?}: {e}", case.title))?;
    let mut helpful: Vec<ReplyId> = Vec::new();
    for reply in case.replies {
        hand.advance(step);
        let by = actors.get(reply.by);
        let posted = replies::create_reply(&then, Some(by), id, reply.body)
            .await
            .map_err(|e| format!("demo reply in {:?}: {e}", case.title))?;
        // Held at the reply gate (new demo accounts have few approved posts): the demo
        // moderator approves it, or the admin when the moderator wrote it.
        if posted.held {
            let reviewer = if by.user_id == actors.moderator.user_id {
                &actors.admin
            } else {
                &actors.moderator
            };
            let seen = Some(state.store.latest_reply_revision(posted.id).await?);
            reply_review::decide(
                &then,
                Some(reviewer),
                posted.id,
                seen,
                "approve",
                "",
                |_| "absent",
            )
            .await
            .map_err(|e| format!("demo reply review in {:?}: {e}", case.title))?;
        }
        let rid = posted.id;
        if reply.helpful {
            helpful.push(rid);
        }
    }
    for rid in helpful {
        replies::set_helpful(&then, Some(author), rid, true)
            .await
            .map_err(|e| e.to_string())?;
    }
    if let Some(text) = case.follow_up {
        hand.advance(step);
        let follow_up = FollowUpSubmission {
            body: text.into(),
            confirmed: AUTHOR_ITEMS.iter().map(|i| i.key.to_owned()).collect(),
            disguise: "composite".into(),
            ..FollowUpSubmission::default()
        };
        case_state::post_follow_up(&then, Some(author), id, &follow_up)
            .await
            .map_err(|e| format!("demo follow-up in {:?}: {e}", case.title))?;
        // Like an edit, the follow-up went back to review: the moderator approves it again.
        let seen = Some(state.store.latest_case_revision(id).await?);
        review::decide(&then, Some(reviewer), id, seen, "approve", "", |_| "absent")
            .await
            .map_err(|e| format!("demo follow-up review of {:?}: {e}", case.title))?;
    }
    Ok(id)
}
