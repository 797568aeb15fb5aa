-- Readers' flags on a case or a reply. A "may identify a client" flag from a supervisor or a
-- moderator, or from two members, hides the item at once until a moderator has looked at it;
-- "I may know this client" hides the case from that reader. A flag is resolved when a moderator
-- approves the case again or restores the reply. The note is member text, so a redaction of the
-- case reaches it (store/redaction.rs).
create table flags (
    id          integer primary key,
    case_id     integer not null references cases(id) on delete cascade,
    reply_id    integer references replies(id) on delete cascade,   -- null: the case itself
    flagger_id  integer not null references users(id),
    kind        text    not null check (kind in ('may_identify', 'may_know', 'other')),
    note        text    not null default '',
    at          integer not null,
    resolved_at integer
);
-- One open flag of a kind per member and item: a second click is not a second member.
create unique index flags_once on flags(case_id, coalesce(reply_id, 0), flagger_id, kind)
    where resolved_at is null;
create index flags_case on flags(case_id, reply_id);

-- A reply hidden after flags, until a moderator restores it.
alter table replies add column hidden_at integer;
