-- Replies pass the review gate too when their author has few approved posts or the scanner finds
-- anything in them (settings: reply_review_below, reply_review_on_findings). Existing replies
-- were already public.
alter table replies add column review_state text not null default 'approved'
    check (review_state in ('pending', 'approved', 'rejected'));
alter table replies add column submitted_at integer;
create index replies_queue on replies(review_state, submitted_at, id);

-- A decision about a reply is kept with the case's decisions, naming the reply.
alter table case_reviews add column reply_id integer references replies(id) on delete cascade;

-- Notifications learn the outcomes for replies (the table is rebuilt to widen its check).
create table notifications_new (
    id         integer primary key,
    user_id    integer not null references users(id),
    kind       text    not null check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback',
                                                'case_approved', 'case_returned', 'case_rejected',
                                                'reply_approved', 'reply_rejected')),
    case_id    integer not null references cases(id) on delete cascade,
    review_id  integer references case_reviews(id),
    created_at integer not null,
    read_at    integer
);
insert into notifications_new (id, user_id, kind, case_id, review_id, created_at, read_at)
    select id, user_id, kind, case_id, review_id, created_at, read_at from notifications;
drop table notifications;
alter table notifications_new rename to notifications;
create index notifications_user on notifications(user_id, id desc);
