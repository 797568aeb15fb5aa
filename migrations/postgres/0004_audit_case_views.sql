-- The audit log learns which case an entry is about (see migrations/sqlite).
alter table audit_log add column case_id bigint;
create index audit_log_case on audit_log(case_id, id);
create index audit_log_actor on audit_log(actor_id, id);
create index audit_log_action on audit_log(action, id);
