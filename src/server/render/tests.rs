//! The cook function against hostile input: each case asserts the exact, inert output.

use super::*;

fn c(md: &str) -> String {
    cook(md)
        .map(SafeHtml::into_string)
        .unwrap_or_else(|e| format!("ERR {e}"))
}

const A_REL: &str = "rel=\"nofollow noopener noreferrer\"";

#[test]
fn raw_html_is_shown_as_text_never_as_markup() {
    let table: &[(&str, &str)] = &[
        (
            "<script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
        (
            "hello <img src=x onerror=alert(1)> there",
            "<p>hello &lt;img src=x onerror=alert(1)&gt; there</p>\n",
        ),
        (
            "<p onclick=alert(1)>hi</p>",
            "&lt;p onclick=alert(1)&gt;hi&lt;/p&gt;",
        ),
        (
            "<iframe src=https://evil.example></iframe>",
            "&lt;iframe src=https://evil.example&gt;&lt;/iframe&gt;",
        ),
        (
            "<style>body{display:none}</style>",
            "&lt;style&gt;body{display:none}&lt;/style&gt;",
        ),
        (
            "<svg><script>alert(1)</script></svg>",
            "<p>&lt;svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;</p>\n",
        ),
        (
            "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
            "<p>&lt;math&gt;&lt;mi xlink:href=javascript:alert(1)&gt;x&lt;/mi&gt;&lt;/math&gt;</p>\n",
        ),
        (
            // The noscript mutation-XSS classic.
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<p>&lt;noscript&gt;&lt;p title=\"&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;\"&gt;</p>\n",
        ),
        (
            "<form action=/logout><button>go</button></form>",
            "&lt;form action=/logout&gt;&lt;button&gt;go&lt;/button&gt;&lt;/form&gt;",
        ),
        (
            "<a href=\"javascript:alert(1)\">click</a>",
            "<p>&lt;a href=\"javascript:alert(1)\"&gt;click&lt;/a&gt;</p>\n",
        ),
        (
            "<div><div><p>unclosed",
            "&lt;div&gt;&lt;div&gt;&lt;p&gt;unclosed",
        ),
        ("<!-- a comment --> text", "&lt;!-- a comment --&gt; text"),
        (
            "```\n<script>alert(1)</script>\n```",
            "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>\n",
        ),
    ];
    for (md, expected) in table {
        assert_eq!(c(md), *expected, "{md}");
    }
}

#[test]
fn only_http_https_mailto_and_local_links_keep_their_target() {
    let dead = format!("<p><a {A_REL}>x</a></p>\n");
    for md in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[x](<java script:alert(1)>)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "[x](VBScript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](//evil.example/x)",
    ] {
        assert_eq!(c(md), dead, "{md}");
    }
    // A tab inside the scheme makes it no link at all.
    assert_eq!(
        c("[x](java\tscript:alert(1))"),
        "<p>[x](java\tscript:alert(1))</p>\n"
    );
    assert_eq!(
        c("<javascript:alert(1)>"),
        format!("<p><a {A_REL}>javascript:alert(1)</a></p>\n")
    );
    for (md, href) in [
        (
            "[x](https://example.org/a?b=c)",
            "https://example.org/a?b=c",
        ),
        ("[x](http://example.org)", "http://example.org"),
        (
            "[x](mailto:someone@example.org)",
            "mailto:someone@example.org",
        ),
        ("[x](/cases/12)", "/cases/12"),
    ] {
        assert_eq!(
            c(md),
            format!("<p><a href=\"{href}\" {A_REL}>x</a></p>\n"),
            "{md}"
        );
    }
}

#[test]
fn images_are_dropped_and_their_alt_text_kept() {
    assert_eq!(
        c("![a tracking pixel](https://evil.example/p.png)"),
        "<p>a tracking pixel</p>\n"
    );
    assert_eq!(c("![alt](/logout)"), "<p>alt</p>\n");
    assert_eq!(c("![](//evil.example/p.png)"), "<p></p>\n");
}

#[test]
fn ordinary_markdown_comes_out_as_expected() {
    assert_eq!(
        c("*emphasis* and **strong** and ~~gone~~"),
        "<p><em>emphasis</em> and <strong>strong</strong> and <del>gone</del></p>\n"
    );
    assert_eq!(
        c("| a | b |\n|---|---|\n| 1 | 2 |"),
        "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>\n"
    );
    assert_eq!(
        c("- [ ] todo\n- [x] done"),
        "<ul>\n<li>☐ todo</li>\n<li>☑ done</li>\n</ul>\n"
    );
    assert_eq!(
        c("> quoted"),
        "<blockquote>\n<p>quoted</p>\n</blockquote>\n"
    );
    assert_eq!(
        c("3. three\n4. four"),
        "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n"
    );
    assert_eq!(
        c("`<script>` in code"),
        "<p><code>&lt;script&gt;</code> in code</p>\n"
    );
    assert_eq!(c("# Heading"), "<h1>Heading</h1>\n");
}

#[test]
fn deep_nesting_is_refused_before_the_sanitizer_sees_it() {
    // 20 KB of nested quotes, a deeply nested list: refused, not slowly sanitized.
    assert_eq!(cook(&">".repeat(20_000)), Err(CookError::TooDeep));
    let list: String = (0..100)
        .map(|i| format!("{}- item\n", "  ".repeat(i)))
        .collect();
    assert!(list.len() < MAX_SOURCE_BYTES);
    assert_eq!(cook(&list), Err(CookError::TooDeep));
    // Nested raw HTML is only text, so it is no deeper than one paragraph.
    let divs = "<div>".repeat(10_000);
    assert!(cook(&divs).is_ok_and(|h| h.as_str().starts_with("&lt;div&gt;")));
    // Just under the limit is fine.
    assert!(cook(&format!("{} deep", ">".repeat(MAX_DEPTH - 2))).is_ok());
}

#[test]
fn overlong_text_is_refused() {
    assert_eq!(
        cook(&"a".repeat(MAX_SOURCE_BYTES + 1)),
        Err(CookError::TooLong)
    );
    assert!(cook(&"a".repeat(MAX_SOURCE_BYTES)).is_ok());
}
