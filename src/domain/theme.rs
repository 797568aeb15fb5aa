//! A member's choice of colours: their device's, or always light, or always dark.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Whatever the device asks for (`prefers-color-scheme`).
    #[default]
    Device,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Device, Theme::Light, Theme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Theme::Device => "device",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Device => "Match my device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    pub fn parse(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }

    /// As stored: null for the device's.
    pub fn stored(self) -> Option<&'static str> {
        match self {
            Theme::Device => None,
            other => Some(other.key()),
        }
    }

    /// The page's `color-scheme`, which also colours the browser's own controls.
    pub fn color_scheme(self) -> &'static str {
        match self {
            Theme::Device => "light dark",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_round_trips() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.key()), Some(t));
            assert_eq!(
                t.stored()
                    .map_or(Theme::Device, |s| Theme::parse(s).unwrap_or_default()),
                t
            );
        }
        assert_eq!(Theme::parse("purple"), None);
        assert_eq!(Theme::parse(""), None);
    }
}
