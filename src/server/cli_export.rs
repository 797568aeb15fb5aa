//! `caseroom export --member EMAIL --out FILE`: an operator writes one member's export
//! (docs/MEMBER_DATA.md), the same archive as their own "Download my data".

use std::io::Write as _;

use crate::domain::account_input::Email;
use crate::server::services::export::{ExportOf, export};
use crate::server::state::AppState;

pub async fn run(state: &AppState, email_raw: &str, out: &std::path::Path) -> Result<(), String> {
    let email = Email::parse(email_raw).map_err(|e| e.to_string())?;
    let account = state
        .store
        .find_auth_by_email(email.as_str())
        .await
        .map_err(|e| e.to_string())?
        .ok_or("no member has that address")?;
    let archive = export(state, ExportOf::Operator(account.id))
        .await
        .map_err(|e| e.to_string())?;
    // Never over an existing file: an export holds case material.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    file.write_all(&archive.zip)
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("wrote {} ({} bytes)", out.display(), archive.zip.len());
    Ok(())
}
