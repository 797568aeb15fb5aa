-- Everyday use (issue 19, docs/EVERYDAY.md; see migrations/sqlite for the why of each part).
alter table replies add column deleted_at bigint;

create table case_watches (
    case_id  bigint  not null references cases(id) on delete cascade,
    user_id  bigint  not null references users(id),
    watching integer not null check (watching in (0, 1)),
    at       bigint  not null,
    primary key (case_id, user_id)
);
create index case_watches_user on case_watches(user_id);

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback',
                    'case_approved', 'case_returned', 'case_rejected',
                    'reply_approved', 'reply_rejected', 'case_purge_soon', 'watched_reply'));

alter table users add column professional_title text;
alter table users add column discipline text;
-- Member text is never sampled into pg_statistic (as in 0017).
alter table users alter column professional_title set statistics 0;
alter table users alter column discipline set statistics 0;
create trigger users_profile_bumps_cases after update of professional_title, discipline on users
    for each row execute function users_name_bump_cases();
