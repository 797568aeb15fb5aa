//! A submitted form's fields: decoded strictly, in order, refused with a clear 4xx when the
//! body is not a form or not UTF-8.

use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::decode;

/// The submitted fields in order, so repeated names (checkboxes) survive.
pub struct Fields(Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// The moderator's tick for a checklist item (`check.<key>`), or "".
    pub fn tick(&self, key: &str) -> &str {
        self.get(&format!("check.{key}"))
    }

    pub fn values(&self) -> &[(String, String)] {
        &self.0
    }

    /// Every field as submitted, to keep what the member typed in a re-rendered form.
    /// Never use on a form with a password.
    pub fn into_values(self) -> Vec<(String, String)> {
        self.0
    }

    /// Every field, in the order sent.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

impl<S: Send + Sync> axum::extract::FromRequest<S> for Fields {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|essence| {
                essence
                    .trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            });
        if !is_form {
            return Err((
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Send this form as application/x-www-form-urlencoded.",
            )
                .into_response());
        }
        let body = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        decode::parse_form(&body).map(Fields).ok_or_else(|| {
            // Browsers always send UTF-8; anything else would be silently mangled, so say so.
            (
                StatusCode::BAD_REQUEST,
                "The form contained text that is not valid UTF-8. Nothing was saved; copy the text into the form again and resend it.",
            )
                .into_response()
        })
    }
}
