-- Retention (issue 18, docs/MEMBER_DATA.md; see migrations/sqlite for the why of each part).
alter table cases add column keep_for_days bigint check (keep_for_days in (180, 365, 1095, 1825));
alter table cases add column purge_warned_at bigint;

create table retention_holds (
    case_id      bigint primary key references cases(id) on delete cascade,
    moderator_id bigint not null references users(id),
    reason       text   not null,
    at           bigint not null
);

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
    check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback',
                    'case_approved', 'case_returned', 'case_rejected',
                    'reply_approved', 'reply_rejected', 'case_purge_soon'));

create table audit_retention (
    id     integer primary key check (id = 1),
    before bigint  not null
);
insert into audit_retention (id, before) values (1, 0);

-- Rows older than `before` may be deleted; any other delete is still refused.
create or replace function audit_log_delete_expired() returns trigger language plpgsql as $$
begin
    if old.at < coalesce((select before from audit_retention where id = 1), 0) then
        return old;
    end if;
    raise exception 'audit_log is append-only';
end;
$$;

drop trigger if exists audit_log_no_delete on audit_log;
create trigger audit_log_no_delete before delete on audit_log
    for each row execute function audit_log_delete_expired();

-- Scrubs owed after purges: every purge sets `owed` to 2 in its transaction, and any node's job
-- scrubs while it is above 0 (at most once an hour, `last_at`), so a purge whose node dies before
-- scrubbing is still scrubbed, twice (a transaction open during the first keeps old rows).
create table purge_scrubs (
    id      integer primary key check (id = 1),
    owed    integer not null,
    last_at bigint 
);
insert into purge_scrubs (id, owed, last_at) values (1, 0, null);

-- ANALYZE copies sample values of a column into pg_statistic, where a `vacuum full` of the table
-- does not reach them: member text (and the words of the search index) is never sampled. No
-- query filters or sorts on these columns, so the planner loses nothing it uses.
alter table cases alter column title set statistics 0;
alter table case_sections alter column source_md set statistics 0;
alter table case_sections alter column html set statistics 0;
alter table replies alter column body_md set statistics 0;
alter table replies alter column body_html set statistics 0;
alter table revisions alter column source set statistics 0;
alter table scan_explanations alter column explanation set statistics 0;
alter table case_reviews alter column reason set statistics 0;
alter table case_locks alter column reason set statistics 0;
alter table flags alter column note set statistics 0;
alter table retention_holds alter column reason set statistics 0;
alter table search_docs alter column tsv set statistics 0;
alter table users alter column display_name set statistics 0;
alter table users alter column email set statistics 0;
