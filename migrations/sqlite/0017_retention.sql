-- Retention (issue 18, docs/MEMBER_DATA.md). A case is kept for a period after its last
-- activity: its author's choice (`keep_for_days`) or, when null, the forum's setting
-- (`retention`). The purge job in every node warns the author a week before (`purge_warned_at`
-- records that the warning for the current expiry went out, and which node sent it: the one
-- whose conditional update changed the row), then deletes the case with everything hanging on
-- it. A moderator's hold stops both.
alter table cases add column keep_for_days integer check (keep_for_days in (180, 365, 1095, 1825));
alter table cases add column purge_warned_at integer;

-- One hold per case; the reason is moderator text, shown to moderators only, and goes with the
-- case.
create table retention_holds (
    case_id      integer primary key references cases(id) on delete cascade,
    moderator_id integer not null references users(id),
    reason       text    not null,
    at           integer not null
);

-- Notifications learn the purge warning (the table is rebuilt to widen its check, as in 0005).
create table notifications_new (
    id         integer primary key,
    user_id    integer not null references users(id),
    kind       text    not null check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback',
                                                'case_approved', 'case_returned', 'case_rejected',
                                                'reply_approved', 'reply_rejected', 'case_purge_soon')),
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

-- Audit-log retention: the log stays append-only, except that rows older than `before` may be
-- deleted. The purge job raises `before` and deletes below it in the same transaction; any
-- other delete is still refused.
create table audit_retention (
    id     integer primary key check (id = 1),
    before integer not null
);
insert into audit_retention (id, before) values (1, 0);

drop trigger if exists audit_log_no_delete;
create trigger audit_log_no_delete before delete on audit_log
when old.at >= coalesce((select before from audit_retention where id = 1), 0)
begin
    select raise(abort, 'audit_log is append-only');
end;

-- Scrubs owed after purges: every purge sets `owed` to 2 in its transaction, and any node's job
-- scrubs while it is above 0 (at most once an hour, `last_at`), so a purge whose node dies before
-- scrubbing is still scrubbed, twice (a transaction open during the first keeps old rows).
create table purge_scrubs (
    id      integer primary key check (id = 1),
    owed    integer not null,
    last_at integer
);
insert into purge_scrubs (id, owed, last_at) values (1, 0, null);

-- Case ids are never used twice. SQLite gives a new row the largest id plus one, so once cases
-- can be deleted (a purge, a withdrawal, an erasure) a new case could take the id of a deleted
-- one, and the audit log's reads of the old case would read as reads of the new one.
-- PostgreSQL's identity never goes back. `store::cases::insert_case` numbers each new case
-- past both the largest id and this floor, which every delete raises.
create table case_id_floor (
    id      integer primary key check (id = 1),
    last_id integer not null
);
insert into case_id_floor (id, last_id) values (1, coalesce((select max(id) from cases), 0));
create trigger cases_keep_id_floor after delete on cases begin
    update case_id_floor set last_id = max(last_id, old.id) where id = 1;
end;
