-- Cases, their sections, replies, revisions and notifications.
-- Member text is stored twice: the Markdown source and the HTML cooked from it at write time
-- (with the renderer version that cooked it, so a later renderer can re-cook old posts).

create table cases (
    id                      integer primary key,
    author_id               integer not null references users(id),
    anonymous               integer not null default 0 check (anonymous in (0, 1)),
    title                   text    not null,
    age_band                text    not null,
    setting                 text    not null,
    modality                text    not null,
    sessions_band           text    not null,
    state                   text    not null default 'open' check (state in ('open', 'follow-up', 'closed')),
    supervisor_id           integer references users(id),     -- the supervisor of record, if named
    reply_count             integer not null default 0,
    has_supervisor_feedback integer not null default 0 check (has_supervisor_feedback in (0, 1)),
    created_at              integer not null,
    last_activity_at        integer not null,
    edited_at               integer
);
-- The case list: newest activity first, id breaks ties so cursors are stable.
create index cases_activity on cases(last_activity_at desc, id desc);
create index cases_author on cases(author_id);

-- The Markdown sections of a case, and its follow-up ("what happened next").
create table case_sections (
    case_id          integer not null references cases(id) on delete cascade,
    section          text    not null check (section in ('situation', 'tried', 'stuck', 'blind_spot', 'asking', 'follow_up')),
    source_md        text    not null,
    html             text    not null,
    renderer_version integer not null,
    primary key (case_id, section)
);

create table case_tags (
    case_id integer not null references cases(id) on delete cascade,
    tag     text    not null,
    primary key (case_id, tag)
);

create table replies (
    id                  integer primary key,
    case_id             integer not null references cases(id) on delete cascade,
    author_id           integer not null references users(id),
    -- The case author replying in their own anonymous case stays anonymous.
    anonymous           integer not null default 0 check (anonymous in (0, 1)),
    -- Written by a supervisor: shown as supervisor feedback.
    supervisor_feedback integer not null default 0 check (supervisor_feedback in (0, 1)),
    helpful             integer not null default 0 check (helpful in (0, 1)),
    body_md             text    not null,
    body_html           text    not null,
    renderer_version    integer not null,
    created_at          integer not null,
    edited_at           integer
);
create index replies_case on replies(case_id, id);

-- Every version of a case or reply as written (the first one included): who, when, the source.
-- `source` is JSON: {"title":…, "sections":{…}} for a case, {"body":…} for a reply.
create table revisions (
    id        integer primary key,
    case_id   integer not null references cases(id) on delete cascade,
    reply_id  integer references replies(id) on delete cascade,   -- null: the case itself
    editor_id integer not null references users(id),
    at        integer not null,
    source    text    not null
);
create index revisions_case on revisions(case_id, reply_id, id);

-- In-app notifications. They point at a case and never copy its text or its author's name, so
-- an anonymous author stays anonymous and a later redaction reaches them too.
create table notifications (
    id         integer primary key,
    user_id    integer not null references users(id),
    kind       text    not null check (kind in ('supervisor_of_record', 'reply', 'supervisor_feedback')),
    case_id    integer not null references cases(id) on delete cascade,
    created_at integer not null,
    read_at    integer
);
create index notifications_user on notifications(user_id, id desc);
