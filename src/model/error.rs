use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a server function returns on failure: a stable code, a message safe to show, and the
/// HTTP status the page should carry. Never contains database text or a cause chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: String,
    pub message: String,
    pub status: u16,
}

impl ApiError {
    pub fn is_sign_in_required(&self) -> bool {
        self.code == "sign_in_required"
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ApiError {
            code: "transport".into(),
            message: format!("The server could not be reached: {value}"),
            status: 502,
        }
    }
}
