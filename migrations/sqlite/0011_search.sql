-- Full-text search (issue 15, docs/SEARCH.md). Only published text is indexed: while a case is
-- approved, one document holds its title, its sections and its approved, unhidden replies. The
-- store's `search_index` rewrites a case's document in the same transaction as every change to
-- that text or its state.

-- The cases that have a document, with a digest of the text it was made from, so a check can
-- tell an index in step with the published text from one that is not.
create table search_docs (
    case_id integer primary key references cases(id) on delete cascade,
    digest  text    not null
);

-- Contentless, keyed by the case id: the index keeps no copy of the text (snippets are made from
-- the visible text of a page's results), and `contentless_delete` removes a document by its id.
-- Such a delete only marks the document gone (a tombstone); its words stay in the index's
-- pages until they are merged. Redaction therefore merges the whole index in its transaction
-- (`search_index::scrub`), and the freed pages are overwritten (`secure_delete`).
create virtual table search_fts using fts5(
    title, body, replies,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- However a document goes (a rewrite, a deleted case), its index entry goes with it.
create trigger search_docs_delete after delete on search_docs begin
    delete from search_fts where rowid = old.case_id;
end;
