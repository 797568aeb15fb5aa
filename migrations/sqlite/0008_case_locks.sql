-- Moderators lock a case: while `locked_at` is set, no member replies to it, edits it or posts a
-- follow-up (flags still work). Each lock and unlock is kept with its reason, which is moderator
-- text, so it lives here where a redaction of the case reaches it; the audit log points at the row.
alter table cases add column locked_at integer;

create table case_locks (
    id           integer primary key,
    case_id      integer not null references cases(id) on delete cascade,
    moderator_id integer not null references users(id),
    action       text    not null check (action in ('locked', 'unlocked')),
    reason       text    not null default '',
    at           integer not null
);
create index case_locks_case on case_locks(case_id, id);
