-- Email (issue 17, docs/EMAIL.md): every message to send is a row written in the transaction of
-- the change that causes it, and a worker on each node sends due rows one claim at a time.
-- A row holds no member text: a kind, who it is for, and a link to the site.

-- `user_id`: a member, whose address is read when the message is sent (an address change
-- applies to what has not gone yet). `address`: an invitation to join, to someone with no
-- account. `claimed_until`: a node is sending it; a claim that lapses (the node died) is taken
-- again, so delivery is at least once and nothing is lost. A row ends sent or failed.
create table outbox (
    id            integer primary key,
    kind          text    not null,
    user_id       integer references users(id),
    address       text,
    link          text    not null,
    created_at    integer not null,
    not_before    integer not null,
    attempts      integer not null default 0,
    claimed_until integer,
    sent_at       integer,
    failed_at     integer,
    last_error    text,
    check (user_id is not null or address is not null)
);
-- The worker's question: what is due, oldest first.
create index outbox_due on outbox(not_before, id) where sent_at is null and failed_at is null;
