-- Email preferences, the daily digest and unsubscribing (issue 17, docs/EMAIL.md).

-- A member's choice per kind of message; no row: immediately. Only kinds a member subscribes to
-- have a choice (an invitation to join and a password reset are asked for).
create table mail_preferences (
    user_id  integer not null references users(id),
    kind     text    not null,
    delivery text    not null check (delivery in ('digest', 'none')),
    primary key (user_id, kind)
);

-- What waits for a member's next digest: a kind and a time, never what it was about. The
-- digest's outbox row claims its items (`outbox_id`), in the transaction that writes it.
create table digest_items (
    id         integer primary key,
    user_id    integer not null references users(id),
    kind       text    not null,
    created_at integer not null,
    outbox_id  integer references outbox(id)
);
create index digest_items_waiting on digest_items(user_id) where outbox_id is null;

-- One row per daily digest run: the node that inserts the day's row makes every digest; any
-- other node finds it and does nothing.
create table digest_runs (
    day    integer primary key,
    ran_at integer not null
);

-- Secrets the nodes share, made on first start: the key that signs unsubscribe links.
create table site_keys (
    name       text primary key,
    secret     text    not null,
    created_at integer not null
);
