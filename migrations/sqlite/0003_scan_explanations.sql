-- Why an author kept text the de-identification scanner flagged ("Klein is the theorist, not a
-- person"), stored with the revision it belongs to, for the moderator who reviews it. The span
-- points into that revision's source field; the flagged text itself is never copied here, so a
-- redaction of the revision reaches it too.
create table scan_explanations (
    id          integer primary key,
    revision_id integer not null references revisions(id) on delete cascade,
    field       text    not null,
    category    text    not null,
    start_byte  integer not null,
    end_byte    integer not null,
    explanation text    not null
);
create index scan_explanations_revision on scan_explanations(revision_id);
