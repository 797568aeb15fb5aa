//! Escaping text for HTML written by hand (the case page's replies in `case::reply_cards`, the
//! pages drawn outside Leptos: error pages, the redaction preview) and values for query strings.

/// Appends `text` to `out` with `&`, `<`, `>`, `"` and `'` escaped, so it is safe as element
/// content and inside a quoted attribute.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// `text` escaped (see [`escape_into`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Percent-encodes everything but unreserved characters (RFC 3986), for a value in a link's
/// query string.
pub fn url_encode(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_both_quotes_and_keeps_the_rest() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>Tom & Jerry</a> é"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt; é"
        );
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn query_values_keep_only_unreserved_characters() {
        assert_eq!(
            super::url_encode("Ann 100%_x~é&q=1"),
            "Ann%20100%25_x~%C3%A9%26q%3D1"
        );
    }
}
