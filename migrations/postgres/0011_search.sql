-- Full-text search (issue 15, docs/SEARCH.md). Only published text is indexed: while a case is
-- approved, one document holds its title, its sections and its approved, unhidden replies. The
-- store's `search_index` rewrites a case's document in the same transaction as every change to
-- that text or its state.

-- `tsv` holds lexemes and positions only, never the text (snippets are made from the visible
-- text of a page's results); `digest` lets a check tell an index in step with the published
-- text from one that is not.
create table search_docs (
    case_id bigint primary key references cases(id) on delete cascade,
    digest  text     not null,
    tsv     tsvector not null
);
create index search_docs_tsv on search_docs using gin (tsv);
