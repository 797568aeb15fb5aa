-- Everyday use (issue 19, docs/EVERYDAY.md): a reply its author deleted, following cases, and
-- the profile's professional title and discipline.

-- An author's deletion keeps the reply for the moderators (readers see a tombstone in its
-- place) until a moderator removes it for good or the case is purged.
alter table replies add column deleted_at integer;

-- A member's own choice to follow a case or not. With no row, the case's author, the members
-- whose replies were published and the supervisor of record follow it; a row with
-- `watching = 0` is an unwatch that outlasts later replies.
create table case_watches (
    case_id  integer not null references cases(id) on delete cascade,
    user_id  integer not null references users(id),
    watching integer not null check (watching in (0, 1)),
    at       integer not null,
    primary key (case_id, user_id)
);
create index case_watches_user on case_watches(user_id);

-- Notifications learn a reply on a followed case (the table is rebuilt to widen its check, as
-- in 0017).
create table notifications_new (
    id         integer primary key,
    user_id    integer not null references users(id),
    kind       text    not null check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback',
                                                'case_approved', 'case_returned', 'case_rejected',
                                                'reply_approved', 'reply_rejected', 'case_purge_soon',
                                                'watched_reply')),
    case_id    integer not null references cases(id) on delete cascade,
    review_id  integer references case_reviews(id),
    created_at integer not null,
    read_at    integer
);
insert into notifications_new (id, user_id, kind, case_id, review_id, created_at, read_at)
    select id, user_id, kind, case_id, review_id, created_at, read_at from notifications;
drop table notifications;
alter table notifications_new rename to notifications;
create index notifications_user on notifications(user_id, id desc);
create index notifications_unread on notifications(user_id, id) where read_at is null;

-- Free text a member shows peers beside their name (never on an anonymous post).
alter table users add column professional_title text;
alter table users add column discipline text;
-- They show on the member's replies, so a change moves every case they replied to (as a name
-- change does, 0009).
create trigger users_profile_bumps_cases after update of professional_title, discipline on users
begin
    update cases set replies_version = replies_version + 1
     where id in (select case_id from replies where author_id = new.id);
end;
