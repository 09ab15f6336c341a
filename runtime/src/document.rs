//! A payload's bytes as the parser reads them and as they were sent. The two differ only
//! where a string holds a lone surrogate escape (`"\ud800"`): `JSON.parse` takes one (a
//! JavaScript string is UTF-16, so an app's code may send it), a Rust string cannot hold
//! one, and the parser refuses it. Such an escape is read as `\ufffd` (U+FFFD, as
//! `String::from_utf16_lossy` reads it), an escape of the same length, so every offset is
//! still the document's; raw text (unknown attributes, values of the wrong type, a whole
//! unknown event) is taken from the bytes sent, so it is written back as it came.

use super::error::Error;

/// A document: the bytes the parser reads, and the bytes sent, of the same length.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub(crate) read: &'a [u8],
    pub(crate) sent: &'a [u8],
}

impl<'a> Doc<'a> {
    /// A document read as sent.
    pub fn new(bytes: &'a [u8]) -> Self {
        Doc { read: bytes, sent: bytes }
    }
}

/// Runs `read` on the document; when that fails as JSON and the document holds a lone
/// surrogate escape, runs it again with those escapes read as U+FFFD. A payload without
/// one pays nothing: the second look is taken only after a failure.
pub fn mended<T>(bytes: &[u8], read: impl Fn(Doc<'_>) -> Result<T, Error>) -> Result<T, Error> {
    match read(Doc::new(bytes)) {
        Err(e @ Error::Json { .. }) => match mend(bytes) {
            Some(mended) => read(Doc { read: &mended, sent: bytes }),
            None => Err(e),
        },
        done => done,
    }
}

const REPLACEMENT: &[u8; 6] = br"\ufffd";

/// `bytes` with each lone surrogate escape replaced by `\ufffd`; `None` when there is none.
/// One pass, from escape to escape (a `\\` is passed over whole, so `\\ud800` is text).
pub(crate) fn mend(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    // `i` may pass the end (a backslash last); `get` then ends the search.
    while let Some(at) = bytes.get(i..).and_then(|rest| rest.iter().position(|&b| b == b'\\')) {
        let k = i + at;
        let Some(unit) = unit_at(bytes, k) else {
            i = k + 2;
            continue;
        };
        let lone = match unit {
            0xD800..=0xDBFF => match unit_at(bytes, k + 6) {
                Some(0xDC00..=0xDFFF) => {
                    i = k + 12;
                    continue;
                }
                _ => true,
            },
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        if lone {
            out.get_or_insert_with(|| bytes.to_vec())[k..k + 6].copy_from_slice(REPLACEMENT);
        }
        i = k + 6;
    }
    out
}

/// The code unit of a `\uXXXX` escape at `k`, if there is one.
fn unit_at(bytes: &[u8], k: usize) -> Option<u16> {
    let escape = bytes.get(k..k + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    u16::from_str_radix(hex, 16).ok().filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::mend;

    fn mended(text: &str) -> Option<String> {
        mend(text.as_bytes()).map(|b| String::from_utf8(b).unwrap())
    }

    #[test]
    fn only_lone_surrogate_escapes_are_replaced() {
        assert_eq!(mended(r#"{"a":"\ud800"}"#).as_deref(), Some(r#"{"a":"\ufffd"}"#));
        assert_eq!(mended(r#"{"a":"x\udc00y\uDBFF"}"#).as_deref(), Some(r#"{"a":"x\ufffdy\ufffd"}"#));
        // A pair is a character; an escaped backslash is text; other escapes stay.
        assert_eq!(mended(r#"{"a":"\ud83d\ude00 \\ud800 \n \u00e9 \""}"#), None);
        // A high surrogate followed by another high one: both lone.
        assert_eq!(mended(r#""\ud800\ud800""#).as_deref(), Some(r#""\ufffd\ufffd""#));
        // The same length, whatever is replaced.
        let text = r#"{"a":"\ud800","b":["\udfff",1]}"#;
        assert_eq!(mended(text).unwrap().len(), text.len());
        // Cut short: nothing to replace, the parser says what is wrong.
        assert_eq!(mended(r#""\ud8"#), None);
        assert_eq!(mended("\\"), None);
        assert_eq!(mended(r#""\ud800\"#), Some(r#""\ufffd\"#.to_string()));
    }
}
