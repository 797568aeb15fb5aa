//! argon2id hashing, always on the blocking pool so a sign-in never stalls the async runtime.

use std::sync::Arc;

use argon2::password_hash::{
    PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::server::error::AppError;

#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    /// Verified against when the email is unknown, so both answers take the same time.
    dummy_hash: Arc<String>,
}

impl PasswordHasher {
    /// OWASP's first argon2id choice: 19 MiB, 2 passes, 1 lane.
    pub fn new() -> Result<PasswordHasher, AppError> {
        let params = Params::new(19 * 1024, 2, 1, None)
            .map_err(|e| AppError::Internal(e.to_string().into()))?;
        let dummy = hash_with(&params, "caseroom-timing-equaliser")?;
        Ok(PasswordHasher {
            params,
            dummy_hash: Arc::new(dummy),
        })
    }

    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        let params = self.params.clone();
        tokio::task::spawn_blocking(move || hash_with(&params, &password))
            .await
            .map_err(AppError::internal)?
    }

    /// True when `password` matches `stored`; with `stored = None` it still does the full work
    /// against a dummy hash and answers false.
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, AppError> {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| self.dummy_hash.as_ref().clone());
        let ok = tokio::task::spawn_blocking(move || {
            let parsed =
                PasswordHash::new(&stored).map_err(|e| AppError::Internal(e.to_string().into()))?;
            Ok::<bool, AppError>(
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok(),
            )
        })
        .await
        .map_err(AppError::internal)??;
        Ok(ok && known)
    }
}

fn hash_with(params: &Params, password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::Internal(e.to_string().into()))
}
