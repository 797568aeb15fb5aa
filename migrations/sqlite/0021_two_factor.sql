-- Two-factor sign-in (issue 19, docs/EVERYDAY.md). A member's authenticator secret (base32; a
-- row with `confirmed_at` null is being set up), and the last 30-second step a code was taken
-- for, so no code is taken twice.
create table two_factor (
    user_id      integer primary key references users(id),
    secret       text    not null,
    confirmed_at integer,
    last_step    integer not null default 0
);

-- Ten single-use codes for a lost phone; only their SHA-256 is kept.
create table recovery_codes (
    id        integer primary key,
    user_id   integer not null references users(id),
    code_hash text    not null,
    used_at   integer
);
create index recovery_codes_user on recovery_codes(user_id);

-- A sign-in whose password was right and whose code is still to come: only the SHA-256 of the
-- token the browser holds, for five minutes and five wrong codes at most.
create table login_challenges (
    token_hash text    primary key,
    user_id    integer not null references users(id),
    next       text    not null,
    expires_at integer not null,
    attempts   integer not null default 0
);

-- A session signed in with a code (or where two-factor sign-in was turned on): only such a
-- session carries moderator and admin roles when the forum requires two-factor sign-in of them.
alter table sessions add column two_factor_at integer;
