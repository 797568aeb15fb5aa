-- Review before publication. A case reaches peers only when a moderator approves it; until then
-- it is visible to its author and to moderators. Cases that existed before review was introduced
-- were already public, so they start as approved.
alter table cases add column review_state text not null default 'approved'
    check (review_state in ('pending', 'returned', 'rejected', 'approved'));
-- When the version waiting for review was submitted: the queue is oldest first.
alter table cases add column submitted_at integer;
-- A moderator's claim, so two moderators do not review the same case. It lapses after a while
-- (see services/review.rs) so a claim left behind does not block the queue.
alter table cases add column claimed_by integer references users(id);
alter table cases add column claimed_at integer;
create index cases_queue on cases(review_state, submitted_at, id);

-- The author's de-identification checklist, stored with the revision it was confirmed for (JSON:
-- {"confirmed":[item keys], "disguise":"consented|composite|disguised"}). Null for replies and
-- for revisions written before the checklist existed.
alter table revisions add column checklist text;

-- Every moderator decision, with the moderator's checklist (JSON: {item key: "absent"|"redacted"})
-- and the reason given to the author. The reason is moderator text, so it lives here (where a
-- redaction can reach it) and the audit log points at the row instead of copying it.
create table case_reviews (
    id           integer primary key,
    case_id      integer not null references cases(id) on delete cascade,
    revision_id  integer not null references revisions(id),
    moderator_id integer not null references users(id),
    decision     text    not null check (decision in ('approved', 'returned', 'rejected')),
    reason       text    not null default '',
    checklist    text,
    at           integer not null
);
create index case_reviews_case on case_reviews(case_id, id);

alter table audit_log add column review_id integer;

-- Notifications learn the review outcomes. SQLite cannot widen a check constraint in place, so
-- the table is rebuilt with its rows.
create table notifications_new (
    id         integer primary key,
    user_id    integer not null references users(id),
    kind       text    not null check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback',
                                                'case_approved', 'case_returned', 'case_rejected')),
    case_id    integer not null references cases(id) on delete cascade,
    review_id  integer references case_reviews(id),
    created_at integer not null,
    read_at    integer
);
insert into notifications_new (id, user_id, kind, case_id, created_at, read_at)
    select id, user_id, kind, case_id, created_at, read_at from notifications;
drop table notifications;
alter table notifications_new rename to notifications;
create index notifications_user on notifications(user_id, id desc);
