//! The malformed bodies every form endpoint is sent.

/// A body and its content type.
pub struct Bad {
    pub what: &'static str,
    pub content_type: Option<&'static str>,
    pub body: Vec<u8>,
}

pub const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

/// Every field name a form endpoint reads.
const FIELDS: &[&str] = &[
    "title",
    "body",
    "text",
    "follow_up",
    "reason",
    "note",
    "kind",
    "email",
    "display_name",
    "password",
    "confirm",
    "current",
    "token",
    "next",
    "intent",
    "revision",
    "decision",
    "case",
    "category",
    "role",
    "disabled",
    "lock",
    "helpful",
    "supervisor",
    "disguise",
    "age_band",
    "setting",
    "modality",
    "sessions",
    "tag",
    "anonymous",
];

fn form_of(value: &str) -> Vec<u8> {
    let pairs: Vec<(&str, &str)> = FIELDS.iter().map(|f| (*f, value)).collect();
    serde_urlencoded_pairs(&pairs).into_bytes()
}

fn serde_urlencoded_pairs(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn bad_bodies(limit: usize) -> Vec<Bad> {
    let mut oversize = b"body=".to_vec();
    oversize.resize(limit + 1024, b'a');
    vec![
        Bad { what: "empty form", content_type: FORM, body: vec![] },
        Bad { what: "no content type", content_type: None, body: b"body=hello".to_vec() },
        Bad {
            what: "JSON",
            content_type: Some("application/json"),
            body: br#"{"body":"hello","revision":"x","id":[1,2]}"#.to_vec(),
        },
        Bad {
            what: "CBOR",
            content_type: Some("application/cbor"),
            body: vec![0xa2, 0x64, b'b', b'o', b'd', b'y', 0x01, 0x61, b'x', 0xff],
        },
        Bad {
            what: "multipart",
            content_type: Some("multipart/form-data; boundary=zz"),
            body: b"--zz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhi\r\n--zz--\r\n".to_vec(),
        },
        Bad { what: "text/plain", content_type: Some("text/plain"), body: b"body=hi".to_vec() },
        Bad { what: "invalid UTF-8 escaped", content_type: FORM, body: b"body=%FF%FE&title=%C3".to_vec() },
        Bad { what: "invalid UTF-8 raw", content_type: FORM, body: b"body=\xff\xfe\x00".to_vec() },
        Bad { what: "NUL in every field", content_type: FORM, body: form_of("a\0b") },
        Bad { what: "controls in every field", content_type: FORM, body: form_of("x\u{1b}[2J\u{0c}\u{85}y") },
        Bad {
            what: "direction controls in every field",
            content_type: FORM,
            body: form_of("Dr \u{202E}nhoJ\u{2066} \u{200B}"),
        },
        Bad { what: "only a zero-width space", content_type: FORM, body: form_of("\u{200B}") },
        Bad {
            what: "wrong types",
            content_type: FORM,
            body: b"revision=abc&id=-1&helpful=maybe&decision=nope&disabled=2&lock=x&case=1e99&role=god".to_vec(),
        },
        Bad {
            what: "duplicate fields",
            content_type: FORM,
            body: b"body=a&body=b&revision=1&revision=2&decision=approve&decision=reject&title=x&title=y".to_vec(),
        },
        Bad { what: "bare keys and stray escapes", content_type: FORM, body: b"&&=&body&%&%zz=%g1&==".to_vec() },
        Bad { what: "oversize", content_type: FORM, body: oversize },
    ]
}
