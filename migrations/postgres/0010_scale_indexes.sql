-- Indexes for lookups that scanned a whole table once the forum held many posts (measured with
-- `caseroom demo --scale 100000`, docs/BENCHMARKS.md).

-- The latest revision of a reply (reply review): revisions_case leads with the case.
create index revisions_reply on revisions(reply_id, id) where reply_id is not null;

-- A member's approved posts (the reply gate asks on every reply).
create index replies_author on replies(author_id, review_state);

-- The unread count every signed-in page shows.
create index notifications_unread on notifications(user_id, id) where read_at is null;

-- Restoring a hidden reply resolves its flags.
create index flags_reply on flags(reply_id) where reply_id is not null;

-- The review queue's list of replies hidden after flags.
create index replies_hidden on replies(hidden_at, id) where hidden_at is not null;
