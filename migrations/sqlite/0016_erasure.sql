-- Erasing an account (issue 18, docs/MEMBER_DATA.md). The users row stays, because cases,
-- reviews and history point at it, but its name, email and password are overwritten
-- ("Former member") and `erased_at` is set; everything else about the member is deleted or,
-- for posts the member chose to keep, left under that name.
alter table users add column erased_at integer;

-- Who erased whom, when, whether the posts went, and an admin's reason (the audit log keeps
-- ids only).
create table erasures (
    id       integer primary key,
    user_id  integer not null references users(id),
    by_admin integer references users(id),
    posts    text    not null check (posts in ('removed', 'kept')),
    reason   text    not null default '',
    at       integer not null
);
