-- Each case's replies_version, bumped by triggers in the transaction of every change to its
-- replies (see migrations/sqlite). Every writer of replies locks the case row first
-- (store/guard.rs), so the trigger's update of that row takes no lock out of order.
alter table cases add column replies_version bigint not null default 0;

create function replies_bump_case() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update cases set replies_version = replies_version + 1 where id = old.case_id;
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.case_id <> old.case_id) then
        update cases set replies_version = replies_version + 1 where id = new.case_id;
    end if;
    return null;
end;
$$;

create trigger replies_insert_bumps_case after insert on replies
    for each row execute function replies_bump_case();

create trigger replies_update_bumps_case after update on replies
    for each row execute function replies_bump_case();

create trigger replies_delete_bumps_case after delete on replies
    for each row execute function replies_bump_case();

create function users_name_bump_cases() returns trigger language plpgsql as $$
begin
    update cases set replies_version = replies_version + 1
     where id in (select case_id from replies where author_id = new.id);
    return null;
end;
$$;

create trigger users_name_bumps_cases after update of display_name on users
    for each row execute function users_name_bump_cases();
