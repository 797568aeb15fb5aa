-- Reply and review ids are never used twice, as case ids are not (0017). SQLite gives a new
-- row the largest id plus one, so once the newest reply is removed for good (a moderator's
-- removal, a purge, an erasure) the next reply would take its id, and the audit log's
-- `reply=` details, notifications and old links would name the new reply; likewise a
-- review's id. `Backend::fresh_id` numbers each new row past both the largest id and its
-- floor, which every delete raises. Ids deleted before this migration are not known: the
-- floors start at the largest id there is. PostgreSQL's identity never goes back.
create table reply_id_floor (
    id      integer primary key check (id = 1),
    last_id integer not null
);
insert into reply_id_floor (id, last_id) values (1, coalesce((select max(id) from replies), 0));
create trigger replies_keep_id_floor after delete on replies begin
    update reply_id_floor set last_id = max(last_id, old.id) where id = 1;
end;

create table review_id_floor (
    id      integer primary key check (id = 1),
    last_id integer not null
);
insert into review_id_floor (id, last_id)
    values (1, coalesce((select max(id) from case_reviews), 0));
create trigger case_reviews_keep_id_floor after delete on case_reviews begin
    update review_id_floor set last_id = max(last_id, old.id) where id = 1;
end;
