//! Fixed lists a case's context is chosen from (never free text, so nothing identifying can be
//! typed into them). Each list is an enum with a stable key for storage and forms and a label for
//! the page.

/// Defines a choice enum: `choice!(Name, "what it is" { Variant => ("key", "Label"), … })`.
macro_rules! choice {
    ($name:ident, $what:literal { $($variant:ident => ($key:literal, $label:literal)),+ $(,)? }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(raw: &str) -> Result<$name, $crate::domain::choice::NotInList> {
                let raw = raw.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|c| c.key() == raw)
                    .ok_or($crate::domain::choice::NotInList($what))
            }
        }
    };
}

pub(crate) use choice;

/// A submitted value that is not one of the list's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Choose a {0} from the list.")]
pub struct NotInList(pub &'static str);
