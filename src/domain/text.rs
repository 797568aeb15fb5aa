//! Text hygiene at the edge, shared by every field a member types: which characters no text
//! may hold, which a one-line text (a title, a name) may not hold, and when a text is empty
//! to the eye. Lengths everywhere are counted in Unicode scalar values (`chars()`), which is
//! also what SQLite's `length()` counts once NUL is refused.

/// A control character other than tab and newline (NUL, escape, form feed, the C1 controls…):
/// nothing a person types, and NUL ends a string in SQLite's own functions.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Characters that change the order or direction a line is drawn in (embeddings, overrides,
/// isolates, direction marks) or are drawn as nothing at all (zero-width spaces, word joiners,
/// soft hyphens, tag characters, fillers). In a title or a name they let one text pass for
/// another, so one-line fields refuse them. The zero-width joiner and non-joiner are kept:
/// Persian, Indic scripts and emoji need them, and they do not reorder anything.
pub fn is_layout_control(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Drawn as nothing: whitespace, the layout controls, the two joiners and the variation
/// selectors (which pick an emoji's style, and draw nothing after a letter).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || is_layout_control(c)
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// True when a reader would see nothing: empty, or only spaces and invisible characters.
pub fn looks_empty(s: &str) -> bool {
    s.chars().all(is_invisible)
}

/// How to name a character the member cannot see, in a message.
pub fn describe(c: char) -> String {
    let what = match c {
        '\0' => "a null character",
        '\u{0C}' => "a form feed",
        '\u{0B}' => "a vertical tab",
        '\u{1B}' => "an escape character",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "a text-direction control",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "a text-direction mark",
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' => "a zero-width space",
        '\u{00AD}' => "a soft hyphen",
        c if c.is_control() => "a control character",
        _ => "an invisible character",
    };
    format!("{what} (U+{:04X})", u32::from(c))
}

/// Where the first character `bad` refuses sits, as "on line N" for multi-line text.
fn line_of(s: &str, at: usize) -> usize {
    s[..at].matches('\n').count() + 1
}

/// A text of several lines (a section, a reply, a reason, a note): newlines become `\n`
/// (a lone carriage return too) and no other control character may remain.
pub fn check_body(raw: &str, label: &str) -> Result<String, String> {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    if let Some((at, c)) = text.char_indices().find(|(_, c)| is_forbidden_control(*c)) {
        return Err(format!(
            "{label} contains {} on line {}, which cannot be shown. Delete it (it may have come with pasted text) and send it again.",
            describe(c),
            line_of(&text, at)
        ));
    }
    Ok(text)
}

/// A one-line text (a title, a display name): no control characters, no line breaks, and none
/// of the layout controls that make one text draw like another.
pub fn check_line(raw: &str, label: &str) -> Result<(), String> {
    if let Some(c) = raw
        .chars()
        .find(|c| is_forbidden_control(*c) || *c == '\n' || *c == '\t' || is_layout_control(*c))
    {
        return Err(format!(
            "{label} contains {}, which would change how it is drawn or hide part of it. Delete it and send it again.",
            describe(c)
        ));
    }
    Ok(())
}

/// Two names a reader could not tell apart have the same skeleton: compatibility forms
/// (full-width, ligatures), letter case, invisible characters, spacing, Cyrillic and Greek
/// letters drawn like Latin ones, and the classic look-alikes (0/o, 1/l/I, rn/m, vv/w) all fold
/// away. Accents stay: "José" and "Jose" are told apart on the page.
#[cfg(feature = "ssr")]
pub fn skeleton(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;

    let folded: String = s
        .nfkc()
        .filter(|c| !is_invisible(*c) && !matches!(c, '.' | '-' | '_' | '\'' | '’'))
        .map(|c| crate::domain::deid::latin_lookalike(c).unwrap_or(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0' => 'o',
            '1' | 'i' | '|' | '!' => 'l',
            '5' => 's',
            _ => c,
        })
        .collect();
    folded.replace("rn", "m").replace("vv", "w")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_refuse_control_characters_and_say_where() {
        assert_eq!(
            check_body("a\r\nb\rc", "The reply").as_deref(),
            Ok("a\nb\nc")
        );
        assert_eq!(
            check_body("tabs\tare fine", "x").as_deref(),
            Ok("tabs\tare fine")
        );
        let e = check_body("one\ntwo\0three", "The reply")
            .err()
            .unwrap_or_default();
        assert!(e.contains("a null character (U+0000) on line 2"), "{e}");
        assert!(check_body("page\u{0C}break", "x").is_err());
        assert!(check_body("c1\u{85}", "x").is_err());
        // Right-to-left writing and its marks are part of a body.
        assert!(check_body("שלום \u{200F}עולם", "x").is_ok());
    }

    #[test]
    fn one_line_texts_refuse_direction_and_invisible_characters() {
        for bad in [
            "Dr Smith\u{202E}htims",
            "Dr \u{2066}Smith\u{2069}",
            "Dr\u{200B}Smith",
            "Dr\u{00AD}Smith",
            "two\nlines",
            "nul\0",
            "tag\u{E0041}",
        ] {
            assert!(check_line(bad, "The name").is_err(), "{bad:?}");
        }
        for good in [
            "Dr Amara Okafor",
            "نرگس\u{200C}ها",
            "👩\u{200D}⚕️ Dr Lee",
            "José Núñez",
        ] {
            assert!(check_line(good, "The name").is_ok(), "{good:?}");
        }
    }

    #[test]
    fn a_text_of_only_invisible_characters_looks_empty() {
        assert!(looks_empty("\u{200B}"));
        assert!(looks_empty(" \u{2060}\u{FEFF}\n\t\u{00A0}"));
        assert!(!looks_empty("\u{200B}a"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn names_that_draw_alike_share_a_skeleton() {
        let base = skeleton("Dr Amara Okafor");
        for alike in [
            "dr amara okafor",
            "Dr  Amara  Okafor",
            "Dr Аmara Okafor",
            "Ｄｒ Ａｍａｒａ Ｏｋａｆｏｒ",
            "Dr Amara 0kafor",
            "Dr. Amara Okafor",
            "Dr Amara Oka\u{200C}for",
        ] {
            assert_eq!(skeleton(alike), base, "{alike:?}");
        }
        assert_eq!(skeleton("Ian Moss"), skeleton("lan Moss"));
        assert_eq!(skeleton("Dr Morn"), skeleton("Dr Mom"));
        assert_ne!(skeleton("Dr Amara Okafor"), skeleton("Dr Amara Okafo"));
        assert_ne!(skeleton("José"), skeleton("Jose"));
    }
}
