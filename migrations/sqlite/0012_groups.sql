-- Consultation groups (issue 16, docs/GROUPS.md): a closed room whose cases only its current
-- members, its group supervisors and the forum's moderators see. Audience is part of the one
-- visibility rule (`store::visibility`), not a filter beside it.

-- `name_key` is the name folded (lower case, single spaces) so two groups cannot differ only
-- by case or spacing.
create table consultation_groups (
    id          integer primary key,
    name        text    not null,
    name_key    text    not null unique,
    description text    not null,
    created_by  integer not null references users(id),
    created_at  integer not null
);

-- One row per time a member belonged: leaving or removal closes the row (`left_at`) and a
-- later invitation opens a new one, so the history stays. A removal keeps who removed the
-- member and why (shown to the group's supervisors; the audit row holds ids only).
create table group_members (
    id             integer primary key,
    group_id       integer not null references consultation_groups(id) on delete cascade,
    user_id        integer not null references users(id),
    role           text    not null check (role in ('member', 'supervisor')),
    joined_at      integer not null,
    left_at        integer,
    removed_by     integer references users(id),
    removal_reason text
);
-- At most one current membership per member and group; the visibility rule looks it up.
create unique index group_members_current on group_members(group_id, user_id) where left_at is null;
create index group_members_user on group_members(user_id) where left_at is null;

-- An invitation names a member of the forum and a role in the group; it is answered once,
-- before it expires.
create table group_invitations (
    id          integer primary key,
    group_id    integer not null references consultation_groups(id) on delete cascade,
    invitee_id  integer not null references users(id),
    role        text    not null check (role in ('member', 'supervisor')),
    invited_by  integer not null references users(id),
    created_at  integer not null,
    expires_at  integer not null,
    answered_at integer,
    answer      text    check (answer in ('accepted', 'declined'))
);
create index group_invitations_invitee on group_invitations(invitee_id, id) where answered_at is null;

-- The audience of a case: null for the whole forum.
alter table cases add column group_id integer references consultation_groups(id);
create index cases_group on cases(group_id, id) where group_id is not null;
