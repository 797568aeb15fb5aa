-- PostgreSQL's identity never reuses an id, so the floors SQLite needs for reply and review
-- ids (see the SQLite migration of the same number) have nothing to do here. Two integer
-- columns become bigint, as the rest of the schema writes them.
alter table case_watches alter column watching type bigint;
alter table login_challenges alter column attempts type bigint;
