-- A member's change of email waiting for the new address to confirm it (issue 19,
-- docs/EVERYDAY.md): only the SHA-256 of the emailed token; one waiting change a member.
create table email_changes (
    token_hash text    primary key,
    user_id    integer not null references users(id),
    new_email  text    not null,
    created_at integer not null,
    expires_at integer not null
);
create index email_changes_user on email_changes(user_id);
