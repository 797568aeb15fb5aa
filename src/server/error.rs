//! The one error type of the server. Each variant has a stable code and a safe message for the
//! page; the cause of an internal failure goes to the log only, never into a response.

use axum::http::StatusCode;

use crate::domain::policy::Denial;
use crate::model::ApiError;
use crate::server::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A field the member typed is not acceptable; the message says how to fix it.
    #[error("{0}")]
    Invalid(String),
    /// Several fields of a longer form (a case) need attention; each message sits by its field.
    #[error("Some fields need attention; see the messages next to them. Nothing was saved.")]
    InvalidFields(Vec<crate::domain::case::FieldError>),
    /// The scanner found what could identify a client, and the author neither changed it nor
    /// explained why it is not an identifier. The findings go back to the composer.
    #[error(
        "This case contains details that could identify a client. Change each highlighted detail, or explain below why it is not an identifier. Nothing was saved."
    )]
    Identifying(Vec<crate::model::FieldScan>),
    /// The request itself is malformed (missing fields a browser would have sent).
    #[error("{0}")]
    BadRequest(String),
    #[error(transparent)]
    Denied(#[from] Denial),
    #[error("That email and password do not match an active account.")]
    BadCredentials,
    #[error("This account is disabled. Ask an admin if you think this is a mistake.")]
    AccountDisabled,
    #[error("Too many failed sign-in attempts. Wait 15 minutes and try again.")]
    TooManyAttempts,
    /// Too many posts of one kind in a short time (`rate_limit`); nothing was saved.
    #[error(
        "You are {doing} faster than Caseroom allows, so nothing was saved; what you typed is kept. Try again in {}.",
        wait_words(*retry_after)
    )]
    RateLimited {
        doing: &'static str,
        retry_after: u64,
    },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// An invite that existed but can no longer be used.
    #[error("{0}")]
    Gone(String),
    /// The database cannot be reached; the next request tries again.
    #[error(
        "Caseroom cannot reach its database right now. Nothing you typed was saved; please try again in a minute."
    )]
    Unavailable,
    #[error("Something went wrong on our side. Nothing you typed was saved; please try again.")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Invalid(_) | AppError::InvalidFields(_) | AppError::Identifying(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Denied(Denial::SignInRequired) | AppError::BadCredentials => {
                StatusCode::UNAUTHORIZED
            }
            AppError::Denied(Denial::Unseen) => StatusCode::NOT_FOUND,
            AppError::Denied(Denial::CaseClosed | Denial::CaseLocked) => StatusCode::CONFLICT,
            AppError::Denied(_) | AppError::AccountDisabled => StatusCode::FORBIDDEN,
            AppError::TooManyAttempts | AppError::RateLimited { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Gone(_) => StatusCode::GONE,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable code for the UI and tests; never changes when wording does.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) | AppError::InvalidFields(_) => "invalid",
            AppError::Identifying(_) => "identifying",
            AppError::BadRequest(_) => "bad_request",
            AppError::Denied(Denial::SignInRequired) => "sign_in_required",
            AppError::Denied(Denial::Unseen) => "not_found",
            AppError::Denied(Denial::CaseClosed) => "case_closed",
            AppError::Denied(Denial::CaseLocked) => "case_locked",
            AppError::Denied(_) => "forbidden",
            AppError::BadCredentials => "bad_credentials",
            AppError::AccountDisabled => "account_disabled",
            AppError::TooManyAttempts => "too_many_attempts",
            AppError::RateLimited { .. } => "rate_limited",
            AppError::NotFound(_) => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::Gone(_) => "gone",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }

    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> AppError {
        AppError::Internal(Box::new(e))
    }

    /// Logs internal failures with their cause chain; other errors are expected and logged by code only.
    pub fn log(&self) {
        if let AppError::Internal(cause) = self {
            let mut chain = cause.to_string();
            let mut src = cause.source();
            while let Some(s) = src {
                chain.push_str(": ");
                chain.push_str(&s.to_string());
                src = s.source();
            }
            tracing::error!(error.cause = %chain, "internal error");
        } else {
            tracing::debug!(error.code = self.code(), "request refused");
        }
    }
}

fn wait_words(secs: u64) -> String {
    match secs {
        0..=1 => "a second".into(),
        2..=90 => format!("{secs} seconds"),
        _ => format!("about {} minutes", secs.div_ceil(60)),
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(what) => AppError::NotFound(what.into()),
            StoreError::Conflict(what) => AppError::Conflict(what.into()),
            StoreError::Unavailable(_) => {
                tracing::warn!(error = %e, "database unavailable");
                AppError::Unavailable
            }
            e => AppError::internal(e),
        }
    }
}

impl From<AppError> for ApiError {
    /// Also sets the HTTP status of the response being built (a server-function call or a page),
    /// so a refusal answers 403, not 500 or 200, and a rate limit's `Retry-After`.
    fn from(e: AppError) -> Self {
        e.log();
        if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            opts.set_status(e.status());
            if let AppError::RateLimited { retry_after, .. } = &e {
                opts.insert_header(
                    axum::http::header::RETRY_AFTER,
                    axum::http::HeaderValue::from(*retry_after),
                );
            }
        }
        ApiError {
            code: e.code().to_owned(),
            message: e.to_string(),
            status: e.status().as_u16(),
        }
    }
}
