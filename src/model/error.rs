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

    /// On the server these are the caller's mistakes (arguments missing, of the wrong type or
    /// not decodable: 400; a method the function does not take: 405) or ours (500); the status
    /// is also set on the response. In the browser they mean the server could not be reached.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server a body that cannot be decoded (not UTF-8, say) is the caller's fault;
        // in the browser it is an answer that did not arrive whole.
        let undecodable_is_ours = cfg!(not(feature = "ssr"));
        let (code, message, status) = match &value {
            ServerFnErrorErr::Deserialization(_) if !undecodable_is_ours => (
                "bad_request",
                "The request's arguments are missing or malformed.".to_owned(),
                400,
            ),
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => (
                "bad_request",
                "The request's arguments are missing or malformed.".to_owned(),
                400,
            ),
            ServerFnErrorErr::UnsupportedRequestMethod(_) => (
                "method_not_allowed",
                "This function does not take that kind of request.".to_owned(),
                405,
            ),
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Deserialization(_) => (
                "transport",
                format!("The server could not be reached: {value}"),
                502,
            ),
            ServerFnErrorErr::Registration(_)
            | ServerFnErrorErr::ServerError(_)
            | ServerFnErrorErr::MiddlewareError(_)
            | ServerFnErrorErr::Serialization(_)
            | ServerFnErrorErr::Response(_) => (
                "internal",
                "Something went wrong on our side. Please try again.".to_owned(),
                500,
            ),
        };
        #[cfg(feature = "ssr")]
        if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
            && let Ok(status) = http::StatusCode::from_u16(status)
        {
            opts.set_status(status);
        }
        ApiError {
            code: code.into(),
            message,
            status,
        }
    }
}
