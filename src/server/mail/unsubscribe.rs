//! One-click unsubscribe links (RFC 8058): `/unsubscribe?u={member}&k={kind}&s={signature}`,
//! signed with HMAC-SHA256 under a key kept in the database (`site_keys`), so any node can check
//! a link any other node made, and no sign-in is needed. A link names a member and a kind and
//! can do one thing: stop that kind for that member.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::model::UserId;

/// The key's name in `site_keys`.
pub const KEY_NAME: &str = "unsubscribe";

/// The unsubscribe signing key, as read from the database.
#[derive(Clone)]
pub struct UnsubscribeKey(Vec<u8>);

impl UnsubscribeKey {
    pub fn new(secret: &str) -> UnsubscribeKey {
        UnsubscribeKey(secret.as_bytes().to_vec())
    }

    /// `None` only if HMAC refused the key, which it does for no length: then nothing signs
    /// and nothing verifies, which fails safe.
    fn mac(&self, member: UserId, kind: &str) -> Option<Hmac<Sha256>> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).ok()?;
        mac.update(format!("unsubscribe:{}:{kind}", member.0).as_bytes());
        Some(mac)
    }

    pub fn sign(&self, member: UserId, kind: &str) -> String {
        self.mac(member, kind)
            .map(|m| URL_SAFE_NO_PAD.encode(m.finalize().into_bytes()))
            .unwrap_or_default()
    }

    /// Whether `signature` is this key's for `member` and `kind` (compared in constant time).
    pub fn verify(&self, member: UserId, kind: &str, signature: &str) -> bool {
        match (
            URL_SAFE_NO_PAD.decode(signature.trim()),
            self.mac(member, kind),
        ) {
            (Ok(bytes), Some(mac)) => !bytes.is_empty() && mac.verify_slice(&bytes).is_ok(),
            _ => false,
        }
    }

    /// The link's path and query on the site.
    pub fn path(&self, member: UserId, kind: &str) -> String {
        format!(
            "/unsubscribe?u={}&k={kind}&s={}",
            member.0,
            self.sign(member, kind)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_member_and_kind_only() {
        let key = UnsubscribeKey::new("a key");
        let sig = key.sign(UserId(7), "case_reply");
        assert!(key.verify(UserId(7), "case_reply", &sig));
        assert!(!key.verify(UserId(8), "case_reply", &sig));
        assert!(!key.verify(UserId(7), "digest", &sig));
        assert!(!UnsubscribeKey::new("another key").verify(UserId(7), "case_reply", &sig));
        assert!(!key.verify(UserId(7), "case_reply", "not base64 !"));
        assert!(!key.verify(UserId(7), "case_reply", ""));
        assert_eq!(
            key.path(UserId(7), "case_reply"),
            format!("/unsubscribe?u=7&k=case_reply&s={sig}")
        );
    }
}
