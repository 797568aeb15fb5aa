-- Accounts, invites, sessions, login throttling and the audit log.
-- Times are unix seconds (INTEGER) so the same columns work in PostgreSQL as BIGINT.

-- A member. Never deleted: an account is disabled, so audit rows and authorship stay intact.
create table users (
    id            integer primary key,
    email         text    not null unique,          -- lowercased at the edge
    display_name  text    not null,
    password_hash text    not null,                 -- argon2id PHC string
    disabled_at   integer,                          -- null while the account is active
    created_at    integer not null
);

-- A member may hold several roles; the policy reads the whole set.
create table user_roles (
    user_id integer not null references users(id) on delete cascade,
    role    text    not null check (role in ('clinician', 'supervisor', 'moderator', 'admin')),
    primary key (user_id, role)
);

-- Invite-only registration. Only the SHA-256 of the token is stored: a copy of the database
-- does not hand out working invite links.
create table invites (
    id          integer primary key,
    token_hash  text    not null unique,
    email       text    not null,
    role        text    not null check (role in ('clinician', 'supervisor', 'moderator', 'admin')),
    created_by  integer references users(id),       -- null when made on the command line
    created_at  integer not null,
    expires_at  integer not null,
    used_at     integer,
    used_by     integer references users(id)
);
create index invites_email on invites(email);

-- Server-side sessions. The cookie carries a 256-bit random token; only its SHA-256 is stored.
create table sessions (
    token_hash   text    primary key,
    user_id      integer not null references users(id) on delete cascade,
    created_at   integer not null,                  -- for the absolute lifetime
    last_seen_at integer not null                   -- for the idle timeout
);
create index sessions_user on sessions(user_id);

-- Failed sign-ins, counted over a sliding window per account and per client address.
-- `key` is a SHA-256 of the normalised email (so unknown emails are counted too without storing
-- them) or the client address.
create table login_failures (
    id    integer primary key,
    scope text    not null check (scope in ('account', 'address')),
    key   text    not null,
    at    integer not null
);
create index login_failures_lookup on login_failures(scope, key, at);

-- Append-only record of security-relevant actions. `detail` holds ids, role names and counts,
-- never free text a member typed.
create table audit_log (
    id             integer primary key,
    at             integer not null,
    actor_id       integer,                         -- null for the command line or a visitor
    action         text    not null,
    target_user_id integer,
    detail         text    not null default ''
);
create index audit_log_at on audit_log(at);

create trigger audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;

create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;
