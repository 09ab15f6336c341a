//! What spec text may contain, and how text is shown where raw characters could do harm.
//!
//! Spec text ends up in generated Rust (doc comments, string literals, the `// @generated`
//! header), in Markdown, in cargo directives and on terminals. rustc refuses a carriage
//! return in a doc comment and bidirectional control characters in comments and literals;
//! a newline ends a `//` comment; terminals obey control sequences. So such characters are
//! refused in the spec, and anything shown outside a string literal is escaped as well.

use std::borrow::Cow;

/// Whether `c` may not appear in spec text: control characters (C0 but tab and newline, DEL,
/// C1), bidirectional controls, the Unicode line and paragraph separators and the byte
/// order mark. Newline and tab are allowed in descriptions; names refuse them separately.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible_control(c)
}

/// Bidirectional controls, line and paragraph separators, the byte order mark.
fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'
    )
}

/// The first forbidden character of `s` and its description, if any.
pub fn first_forbidden(s: &str) -> Option<(char, &'static str)> {
    let c = s.chars().find(|&c| is_forbidden(c))?;
    let what = match c {
        '\r' => "a carriage return",
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "a bidirectional control character",
        '\u{2028}' | '\u{2029}' => "a Unicode line or paragraph separator",
        '\u{FEFF}' => "a byte order mark",
        _ => "a control character",
    };
    Some((c, what))
}

/// `s` with every character that could break out of a line or reorder it shown as a Rust
/// escape (`\n`, `\r`, `\t`, `\u{202e}`): for messages, comments and other single lines.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control() || is_invisible_control(c)
}

/// The code point of `c` as `U+202E`, for messages.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_end_a_line_or_reorder_it() {
        assert_eq!(escape("plain text"), "plain text");
        assert_eq!(escape("a\nb\rc\td"), "a\\nb\\rc\\td");
        assert_eq!(escape("x\u{202E}y\u{1b}[2J"), "x\\u{202e}y\\u{1b}[2J");
        assert_eq!(escape("é ü 名前"), "é ü 名前");
    }

    #[test]
    fn descriptions_may_have_newlines_and_tabs_but_not_carriage_returns() {
        assert_eq!(first_forbidden("two\nlines\tand a tab"), None);
        assert_eq!(first_forbidden("a\r\nb").map(|x| x.1), Some("a carriage return"));
        assert_eq!(first_forbidden("abc\u{202E}").map(|x| x.1), Some("a bidirectional control character"));
        assert_eq!(first_forbidden("\u{7f}").map(|x| x.1), Some("a control character"));
        assert_eq!(code_point('\u{202E}'), "U+202E");
    }
}
