-- The case page keeps each case's replies in memory, built once per change
-- (server/store/reply_snapshot.rs). Every change to a case's replies bumps the case's
-- `replies_version` in the same transaction. These triggers do it, so that no write path can
-- forget it. Each read of the case compares the version, so a second app node sees the
-- change on its next read. A name shown on a reply changing counts as a change too.
alter table cases add column replies_version integer not null default 0;

create trigger replies_insert_bumps_case after insert on replies
begin
    update cases set replies_version = replies_version + 1 where id = new.case_id;
end;

create trigger replies_update_bumps_case after update on replies
begin
    update cases set replies_version = replies_version + 1 where id in (old.case_id, new.case_id);
end;

create trigger replies_delete_bumps_case after delete on replies
begin
    update cases set replies_version = replies_version + 1 where id = old.case_id;
end;

create trigger users_name_bumps_cases after update of display_name on users
begin
    update cases set replies_version = replies_version + 1
     where id in (select case_id from replies where author_id = new.id);
end;
