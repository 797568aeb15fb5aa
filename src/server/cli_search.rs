//! `caseroom search-index [--check]`: rewrite the search index from the published text, or
//! say whether it is in step with it. Ids and counts only, like every log.

use super::store::Store;

/// `caseroom search-index [--check]`. Ids and counts only, like every log.
pub async fn run(store: &Store, check: bool) -> Result<(), String> {
    store.ensure_schema().await.map_err(|e| e.to_string())?;
    if !check {
        let docs = store
            .rebuild_search_index()
            .await
            .map_err(|e| e.to_string())?;
        println!("search index rewritten: {docs} published cases");
        return Ok(());
    }
    let drift = store
        .search_index_drift()
        .await
        .map_err(|e| e.to_string())?;
    if drift.is_clean() {
        println!("search index is in step with the published text");
        return Ok(());
    }
    Err(format!(
        "search index is out of step: {} cases missing, {} stale, {} not published, {} orphaned entries (cases {:?}); run `caseroom search-index` to rewrite it",
        drift.missing.len(),
        drift.stale.len(),
        drift.extra.len(),
        drift.orphaned,
        drift
            .missing
            .iter()
            .chain(&drift.stale)
            .chain(&drift.extra)
            .take(20)
            .collect::<Vec<_>>()
    ))
}
