use leptos::prelude::*;

use crate::model::{ApiError, FindingView};

/// Checks a draft for anything that could identify a client: each finding with its byte span,
/// category, whether it blocks publishing, the reason and a safer wording. Nothing is stored or
/// logged. The composer's live check uses the same scanner through `/preview`.
#[server]
pub async fn scan_draft(text: String) -> Result<Vec<FindingView>, ApiError> {
    use crate::server::context::{app_state, client_addr, current_session};
    use crate::server::rate_limit::RateKind;
    let state = app_state()?;
    let session = current_session();
    state.limiter.take(
        RateKind::Scan,
        session.actor(),
        client_addr(),
        state.clock.now(),
    )?;
    Ok(crate::server::services::screening::scan_draft(
        session.actor(),
        &text,
    )?)
}
