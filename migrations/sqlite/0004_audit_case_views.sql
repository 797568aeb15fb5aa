-- The audit log learns which case an entry is about, so it can record who read which case and
-- when, and an admin can filter by case, member or action. Still ids only, never text.
alter table audit_log add column case_id integer;
create index audit_log_case on audit_log(case_id, id);
create index audit_log_actor on audit_log(actor_id, id);
create index audit_log_action on audit_log(action, id);
