-- Replies pass the review gate too (see migrations/sqlite).
alter table replies add column review_state text not null default 'approved'
    check (review_state in ('pending', 'approved', 'rejected'));
alter table replies add column submitted_at bigint;
create index replies_queue on replies(review_state, submitted_at, id);

alter table case_reviews add column reply_id bigint references replies(id) on delete cascade;

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback',
                    'case_approved', 'case_returned', 'case_rejected',
                    'reply_approved', 'reply_rejected'));
