-- Saved drafts of a case (issue 19, docs/EVERYDAY.md): private to their author, never scanned
-- by anyone else, never in the review queue. `source` is the composer's fields as JSON (the
-- case's text, its context, the supervisor, the audience and the period), `title` a copy for
-- the list of drafts. The purge job deletes a draft not saved for `DRAFT_DAYS`.
create table case_drafts (
    id        integer primary key,
    author_id integer not null references users(id),
    title     text    not null,
    source    text    not null,
    saved_at  integer not null
);
create index case_drafts_author on case_drafts(author_id, saved_at desc);
