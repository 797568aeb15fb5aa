//! Form bodies, decoded strictly.

/// `application/x-www-form-urlencoded`, strictly: `None` when a name or value is not UTF-8
/// (the usual decoders replace such bytes with U+FFFD without a word).
pub fn parse_form(body: &[u8]) -> Option<Vec<(String, String)>> {
    fn decode(part: &[u8]) -> Option<String> {
        let mut out = Vec::with_capacity(part.len());
        let mut i = 0;
        while i < part.len() {
            match part[i] {
                b'+' => out.push(b' '),
                b'%' => {
                    // Exactly two hex digits ("%+5" is not an escape).
                    let hex = part
                        .get(i + 1..i + 3)
                        .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                        .and_then(|h| std::str::from_utf8(h).ok());
                    match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        Some(b) => {
                            out.push(b);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8(out).ok()
    }
    body.split(|b| *b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut it = pair.splitn(2, |b| *b == b'=');
            let key = decode(it.next().unwrap_or_default())?;
            let value = decode(it.next().unwrap_or_default())?;
            Some((key, value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::parse_form;

    #[test]
    fn forms_decode_strictly() {
        assert_eq!(
            parse_form(b"a=1+2&b=%C3%A9t%C3%A9&tag=x&tag=y&empty=&=v&bare"),
            Some(vec![
                ("a".into(), "1 2".into()),
                ("b".into(), "été".into()),
                ("tag".into(), "x".into()),
                ("tag".into(), "y".into()),
                ("empty".into(), String::new()),
                (String::new(), "v".into()),
                ("bare".into(), String::new()),
            ])
        );
        assert_eq!(parse_form(b"text=%FF%FE"), None);
        assert_eq!(
            parse_form(b"text=100%"),
            Some(vec![("text".into(), "100%".into())])
        );
        assert_eq!(parse_form(b"t=%+5"), Some(vec![("t".into(), "% 5".into())]));
    }
}
