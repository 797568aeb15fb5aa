-- Password reset (issue 17, docs/EMAIL.md): a single-use link valid for 30 minutes. Only the
-- token's SHA-256 hash is stored; the token itself is in the emailed link (the outbox erases it
-- once sent) or shown once to the admin who issued it.

-- `issued_by`: null when the member asked for it on the sign-in page; else the admin who
-- issued it. `used_at`: set when it was used, or when another of the member's links was used
-- first (one reset ends every other link). Rows asked for in the last hour throttle the next.
create table password_resets (
    id         integer primary key,
    user_id    integer  not null references users(id),
    token_hash text    not null unique,
    issued_by  integer  references users(id),
    created_at integer  not null,
    expires_at integer  not null,
    used_at    integer
);
create index password_resets_user on password_resets(user_id, created_at);
