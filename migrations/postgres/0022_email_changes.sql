-- A change of email waiting for confirmation (issue 19; see migrations/sqlite for the why).
create table email_changes (
    token_hash text   primary key,
    user_id    bigint not null references users(id),
    new_email  text   not null,
    created_at bigint not null,
    expires_at bigint not null
);
create index email_changes_user on email_changes(user_id);
alter table email_changes alter column new_email set statistics 0;
