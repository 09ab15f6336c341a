//! The JSON tokenizer under [`Reader`](super::Reader): a pull parser over a byte slice that
//! hands out one token at a time (a value's first byte, a key, a string, a number's text)
//! and skips whole values without building them. It does only what the reader needs, which
//! is why it is ours rather than a general parser's: a consumer of the models compiles
//! about 300 lines instead of a parser crate and its dependencies.
//!
//! The grammar is RFC 8259's, exactly: what `serde_json` refuses, this refuses, with the
//! same messages (tested against it on generated and mutated documents). The string scan
//! looks at eight bytes at a time for the three that end a plain run (`"`, `\`, a control
//! character); strings without escapes are borrowed from the input.

use std::fmt;

/// How many levels a skipped value (an unknown attribute, an `any` value) may nest.
pub const SKIP_DEPTH: usize = 200;

/// The first byte of the next value, which decides how it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peek {
    /// `n`
    Null,
    /// `t`
    True,
    /// `f`
    False,
    /// `"`
    String,
    /// `[`
    Array,
    /// `{`
    Object,
    /// `-` or a digit.
    Number,
    /// A byte that starts no JSON value.
    Invalid,
}

impl Peek {
    fn of(byte: u8) -> Self {
        match byte {
            b'n' => Peek::Null,
            b't' => Peek::True,
            b'f' => Peek::False,
            b'"' => Peek::String,
            b'[' => Peek::Array,
            b'{' => Peek::Object,
            b'-' | b'0'..=b'9' => Peek::Number,
            _ => Peek::Invalid,
        }
    }

    /// Whether the value is a number.
    #[inline]
    pub fn is_num(self) -> bool {
        self == Peek::Number
    }
}

/// What is wrong with the JSON text. The messages are `serde_json`'s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    InvalidUnicodeCodePoint,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    /// A skipped value nests deeper than [`SKIP_DEPTH`].
    RecursionLimitExceeded,
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Syntax::EofWhileParsingList => "EOF while parsing a list",
            Syntax::EofWhileParsingObject => "EOF while parsing an object",
            Syntax::EofWhileParsingString => "EOF while parsing a string",
            Syntax::EofWhileParsingValue => "EOF while parsing a value",
            Syntax::ExpectedColon => "expected `:`",
            Syntax::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Syntax::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Syntax::ExpectedSomeIdent => "expected ident",
            Syntax::ExpectedSomeValue => "expected value",
            Syntax::InvalidEscape => "invalid escape",
            Syntax::InvalidNumber => "invalid number",
            Syntax::InvalidUnicodeCodePoint => "invalid unicode code point",
            Syntax::ControlCharacterWhileParsingString => "control character (\\u0000-\\u001F) found while parsing a string",
            Syntax::KeyMustBeAString => "key must be a string",
            Syntax::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Syntax::TrailingComma => "trailing comma",
            Syntax::TrailingCharacters => "trailing characters",
            Syntax::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Syntax::RecursionLimitExceeded => "recursion limit exceeded",
        })
    }
}

/// A syntax error and the offset of the byte it was found at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: Syntax,
    pub index: usize,
}

type Result<T> = std::result::Result<T, SyntaxError>;

fn err<T>(kind: Syntax, index: usize) -> Result<T> {
    Err(SyntaxError { kind, index })
}

/// The tokenizer's state: the text, where it is, and a buffer for strings with escapes.
pub struct Tokens<'j> {
    data: &'j [u8],
    index: usize,
    tape: Vec<u8>,
}

impl<'j> Tokens<'j> {
    /// A tokenizer at the start of `data`.
    pub fn new(data: &'j [u8]) -> Self {
        Tokens { data, index: 0, tape: Vec::new() }
    }

    /// The offset of the next byte to read.
    #[inline]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The first byte of the next value, after any whitespace.
    #[inline]
    pub fn peek(&mut self) -> Result<Peek> {
        match self.skip_whitespace() {
            Some(b) => Ok(Peek::of(b)),
            None => err(Syntax::EofWhileParsingValue, self.index),
        }
    }

    /// Checks that only whitespace is left.
    pub fn finish(&mut self) -> Result<()> {
        match self.skip_whitespace() {
            None => Ok(()),
            Some(_) => err(Syntax::TrailingCharacters, self.index),
        }
    }

    /// Consumes `null` (after [`Peek::Null`]).
    #[inline]
    pub fn null(&mut self) -> Result<()> {
        self.ident(b"null")
    }

    /// Consumes `true` or `false` (after [`Peek::True`] or [`Peek::False`]).
    pub fn bool(&mut self, peek: Peek) -> Result<bool> {
        match peek {
            Peek::True => self.ident(b"true").map(|()| true),
            Peek::False => self.ident(b"false").map(|()| false),
            _ => err(Syntax::ExpectedSomeIdent, self.index),
        }
    }

    /// A string (after [`Peek::String`]), decoded: borrowed from the input unless it holds
    /// an escape.
    #[inline]
    pub fn str(&mut self) -> Result<&str> {
        let start = self.index + 1;
        let end = plain_run(self.data, start);
        match self.data.get(end) {
            Some(b'"') => {
                self.index = end + 1;
                utf8(&self.data[start..end], end - 1)
            }
            _ => self.escaped(start, end),
        }
    }

    /// The rest of a string whose plain run from `start` stopped at `end` on something
    /// else than its closing quote: decoded into the tape.
    #[cold]
    fn escaped(&mut self, start: usize, mut end: usize) -> Result<&str> {
        self.tape.clear();
        let mut run = start;
        loop {
            match self.data.get(end) {
                Some(b'"') => {
                    self.tape.extend_from_slice(&self.data[run..end]);
                    self.index = end + 1;
                    return utf8(&self.tape, end);
                }
                Some(b'\\') => {
                    self.tape.extend_from_slice(&self.data[run..end]);
                    end = escape(self.data, end, Some(&mut self.tape))?;
                    run = end;
                }
                Some(_) => return err(Syntax::ControlCharacterWhileParsingString, end),
                None => return err(Syntax::EofWhileParsingString, end),
            }
            end = plain_run(self.data, end);
        }
    }

    /// Consumes a string without decoding it: escapes are checked, UTF-8 is not (the reader
    /// checks a whole document once).
    fn skip_str(&mut self) -> Result<()> {
        let mut end = plain_run(self.data, self.index + 1);
        loop {
            match self.data.get(end) {
                Some(b'"') => {
                    self.index = end + 1;
                    return Ok(());
                }
                Some(b'\\') => end = escape(self.data, end, None)?,
                Some(_) => return err(Syntax::ControlCharacterWhileParsingString, end),
                None => return err(Syntax::EofWhileParsingString, end),
            }
            end = plain_run(self.data, end);
        }
    }

    /// A number's text (after [`Peek::Number`]), its grammar checked.
    pub fn number_bytes(&mut self) -> Result<&'j [u8]> {
        let data = self.data;
        let start = self.index;
        let mut i = start;
        if data.get(i) == Some(&b'-') {
            i += 1;
        }
        match data.get(i) {
            Some(b'0') => {
                i += 1;
                if data.get(i).is_some_and(u8::is_ascii_digit) {
                    return err(Syntax::InvalidNumber, i);
                }
            }
            Some(b'1'..=b'9') => i = digits_end(data, i + 1),
            Some(_) => return err(Syntax::InvalidNumber, i),
            None => return err(Syntax::EofWhileParsingValue, i),
        }
        if data.get(i) == Some(&b'.') {
            i = required_digits(data, i + 1)?;
        }
        if matches!(data.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(data.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            i = required_digits(data, i)?;
        }
        self.index = i;
        Ok(&data[start..i])
    }

    /// Enters an object (after [`Peek::Object`]): its first key, or `None` if it is empty.
    #[inline]
    pub fn object_first(&mut self) -> Result<Option<&str>> {
        self.index += 1;
        match self.skip_whitespace() {
            Some(b'"') => self.key().map(Some),
            Some(b'}') => {
                self.index += 1;
                Ok(None)
            }
            Some(_) => err(Syntax::KeyMustBeAString, self.index),
            None => err(Syntax::EofWhileParsingObject, self.index),
        }
    }

    /// After a value in an object: the next key, or `None` at the object's end.
    #[inline]
    pub fn object_next(&mut self) -> Result<Option<&str>> {
        if self.object_step()? {
            self.key().map(Some)
        } else {
            Ok(None)
        }
    }

    /// After a value in an object: whether a key follows (consuming the `,`, positioned on
    /// the key's quote) or the object ended (consuming the `}`).
    fn object_step(&mut self) -> Result<bool> {
        match self.skip_whitespace() {
            Some(b',') => {
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b'"') => Ok(true),
                    Some(b'}') => err(Syntax::TrailingComma, self.index),
                    Some(_) => err(Syntax::KeyMustBeAString, self.index),
                    None => err(Syntax::EofWhileParsingValue, self.index),
                }
            }
            Some(b'}') => {
                self.index += 1;
                Ok(false)
            }
            Some(_) => err(Syntax::ExpectedObjectCommaOrEnd, self.index),
            None => err(Syntax::EofWhileParsingObject, self.index),
        }
    }

    /// A key (on its quote) and the `:` after it.
    #[inline]
    fn key(&mut self) -> Result<&str> {
        let start = self.index + 1;
        let end = plain_run(self.data, start);
        if self.data.get(end) == Some(&b'"') {
            self.index = end + 1;
            let key = utf8(&self.data[start..end], end - 1)?;
            self.colon()?;
            return Ok(key);
        }
        self.escaped(start, end)?;
        let quote = self.index - 1;
        self.colon()?;
        utf8(&self.tape, quote)
    }

    /// A key (on its quote), not decoded, and the `:` after it.
    fn skip_key(&mut self) -> Result<()> {
        self.skip_str()?;
        self.colon()
    }

    fn colon(&mut self) -> Result<()> {
        match self.skip_whitespace() {
            Some(b':') => {
                self.index += 1;
                Ok(())
            }
            Some(_) => err(Syntax::ExpectedColon, self.index),
            None => err(Syntax::EofWhileParsingObject, self.index),
        }
    }

    /// Enters an array (after [`Peek::Array`]): its first item's token, or `None` if it is
    /// empty.
    pub fn array_first(&mut self) -> Result<Option<Peek>> {
        self.index += 1;
        match self.skip_whitespace() {
            Some(b']') => {
                self.index += 1;
                Ok(None)
            }
            Some(b) => Ok(Some(Peek::of(b))),
            None => err(Syntax::EofWhileParsingList, self.index),
        }
    }

    /// After an item: the next item's token, or `None` at the array's end.
    pub fn array_next(&mut self) -> Result<Option<Peek>> {
        match self.skip_whitespace() {
            Some(b',') => {
                self.index += 1;
                match self.skip_whitespace() {
                    Some(b']') => err(Syntax::TrailingComma, self.index),
                    Some(b) => Ok(Some(Peek::of(b))),
                    None => err(Syntax::EofWhileParsingValue, self.index),
                }
            }
            Some(b']') => {
                self.index += 1;
                Ok(None)
            }
            Some(_) => err(Syntax::ExpectedListCommaOrEnd, self.index),
            None => err(Syntax::EofWhileParsingList, self.index),
        }
    }

    /// Consumes a whole value whose token is `peek`, checking its grammar and building
    /// nothing. Iterative, so a deep value costs no stack; at most [`SKIP_DEPTH`] levels.
    pub fn skip(&mut self, peek: Peek) -> Result<()> {
        // Whether each open level is an object (else an array), a bit per level.
        let mut objects = [0u64; SKIP_DEPTH.div_ceil(64)];
        let mut depth = 0usize;
        let mut peek = peek;
        loop {
            // Read one value; an opened container continues with its first item.
            let opened = match peek {
                Peek::Null => self.null().map(|()| None)?,
                Peek::True | Peek::False => self.bool(peek).map(|_| None)?,
                Peek::String => self.skip_str().map(|()| None)?,
                Peek::Number => self.number_bytes().map(|_| None)?,
                Peek::Invalid => return err(Syntax::ExpectedSomeValue, self.index),
                Peek::Array => self.array_first()?.map(|first| (first, false)),
                Peek::Object => {
                    self.index += 1;
                    match self.skip_whitespace() {
                        Some(b'"') => {
                            self.skip_key()?;
                            Some((self.peek()?, true))
                        }
                        Some(b'}') => {
                            self.index += 1;
                            None
                        }
                        Some(_) => return err(Syntax::KeyMustBeAString, self.index),
                        None => return err(Syntax::EofWhileParsingObject, self.index),
                    }
                }
            };
            if let Some((first, object)) = opened {
                if depth >= SKIP_DEPTH {
                    return err(Syntax::RecursionLimitExceeded, self.index);
                }
                let (word, bit) = (depth / 64, 1u64 << (depth % 64));
                if object {
                    objects[word] |= bit;
                } else {
                    objects[word] &= !bit;
                }
                depth += 1;
                peek = first;
                continue;
            }
            // A value ended: step in its container, closing as many levels as end here.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                let level = depth - 1;
                let object = objects[level / 64] & (1u64 << (level % 64)) != 0;
                let next = if object {
                    if self.object_step()? {
                        self.skip_key()?;
                        Some(self.peek()?)
                    } else {
                        None
                    }
                } else {
                    self.array_next()?
                };
                match next {
                    Some(next) => {
                        peek = next;
                        break;
                    }
                    None => depth -= 1,
                }
            }
        }
    }

    /// Consumes the literal `word`, which starts at the current byte.
    #[inline]
    fn ident(&mut self, word: &[u8]) -> Result<()> {
        let end = self.index + word.len();
        if self.data.get(self.index..end) == Some(word) {
            self.index = end;
            return Ok(());
        }
        // Where it went wrong: the first byte that differs, or the end of the text.
        let mut i = self.index + 1;
        for want in &word[1..] {
            match self.data.get(i) {
                Some(b) if b == want => i += 1,
                Some(_) => return err(Syntax::ExpectedSomeIdent, i),
                None => break,
            }
        }
        err(Syntax::EofWhileParsingValue, i)
    }

    /// Moves past whitespace; the byte after it.
    #[inline]
    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(&b) = self.data.get(self.index) {
            match b {
                b' ' | b'\n' | b'\r' | b'\t' => self.index += 1,
                _ => return Some(b),
            }
        }
        None
    }
}

/// The line (from 1) and column (from 1) of byte `index`, as `serde_json` counts them: a
/// newline is column 0 of the line it starts, and past the end is the last line's length.
pub fn line_column(data: &[u8], index: usize) -> (usize, usize) {
    let (upto, past_end) = match data.get(..=index) {
        Some(upto) => (upto, false),
        None => (data, true),
    };
    let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
    let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    (line, if past_end { upto.len() - line_start } else { index + 1 - line_start })
}

/// Decodes one JSON string literal (with its quotes), as the reader would; `None` if it is
/// not exactly one.
pub fn decode_string(quoted: &[u8]) -> Option<String> {
    let mut t = Tokens::new(quoted);
    if t.peek().ok()? != Peek::String {
        return None;
    }
    let s = t.str().ok()?.to_owned();
    t.finish().ok()?;
    Some(s)
}

/// A string's bytes as text, refused at `at`: serde_json reports a plain string at its
/// last byte and a decoded one at its closing quote.
fn utf8(bytes: &[u8], at: usize) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|_| SyntaxError { kind: Syntax::InvalidUnicodeCodePoint, index: at })
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The end of the run of string bytes from `i` that need no attention: the offset of the
/// first `"`, `\` or control character, or of the end of the text.
#[inline]
fn plain_run(data: &[u8], mut i: usize) -> usize {
    // Eight bytes at a time: a byte of `x` is zero where the word holds the byte looked
    // for; `(x - ONES) & !x & HIGHS` marks zero bytes exactly up to the first one, which
    // is all the lowest set bit needs. Bytes below 0x20 are marked the same way.
    while let Some(chunk) = data.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        let marks = (quote.wrapping_sub(ONES) & !quote) | (backslash.wrapping_sub(ONES) & !backslash) | (w.wrapping_sub(ONES * 0x20) & !w);
        let marks = marks & HIGHS;
        if marks != 0 {
            return i + (marks.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = data.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return i;
        }
        i += 1;
    }
    i
}

/// Reads the escape at `at` (its backslash), appending what it stands for to `tape` if
/// given; the offset after it.
fn escape(data: &[u8], at: usize, tape: Option<&mut Vec<u8>>) -> Result<usize> {
    let i = at + 1;
    let byte = match data.get(i) {
        Some(b'"') => b'"',
        Some(b'\\') => b'\\',
        Some(b'/') => b'/',
        Some(b'b') => 0x08,
        Some(b'f') => 0x0c,
        Some(b'n') => b'\n',
        Some(b'r') => b'\r',
        Some(b't') => b'\t',
        Some(b'u') => {
            let (c, last) = unicode_escape(data, i)?;
            if let Some(tape) = tape {
                tape.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            return Ok(last + 1);
        }
        Some(_) => return err(Syntax::InvalidEscape, i),
        None => return err(Syntax::EofWhileParsingString, i),
    };
    if let Some(tape) = tape {
        tape.push(byte);
    }
    Ok(i + 1)
}

/// The character of the `\u` escape whose `u` is at `u`, with the low half of a surrogate
/// pair; and the offset of its last hex digit.
fn unicode_escape(data: &[u8], u: usize) -> Result<(char, usize)> {
    let (high, last) = hex4(data, u)?;
    match high {
        0xDC00..=0xDFFF => err(Syntax::LoneLeadingSurrogateInHexEscape, last),
        0xD800..=0xDBFF => match data.get(last + 1..last + 3) {
            Some(b"\\u") => {
                let (low, last) = hex4(data, last + 2)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return err(Syntax::LoneLeadingSurrogateInHexEscape, last);
                }
                let c = 0x1_0000 + ((u32::from(high) - 0xD800) << 10 | (u32::from(low) - 0xDC00));
                match char::from_u32(c) {
                    Some(c) => Ok((c, last)),
                    None => err(Syntax::EofWhileParsingString, last),
                }
            }
            Some([b'\\', _]) => err(Syntax::UnexpectedEndOfHexEscape, last + 2),
            Some(_) => err(Syntax::UnexpectedEndOfHexEscape, last + 1),
            None => match data.get(last + 1) {
                Some(b'\\') | None => err(Syntax::EofWhileParsingString, data.len()),
                Some(_) => err(Syntax::UnexpectedEndOfHexEscape, last + 1),
            },
        },
        _ => match char::from_u32(u32::from(high)) {
            Some(c) => Ok((c, last)),
            None => err(Syntax::InvalidEscape, last),
        },
    }
}

/// The four hex digits after `u`, and the offset of the last.
fn hex4(data: &[u8], u: usize) -> Result<(u16, usize)> {
    let Some(digits) = data.get(u + 1..u + 5) else {
        return err(Syntax::EofWhileParsingString, data.len());
    };
    let mut n = 0u16;
    for &c in digits {
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            // At the last of the four, as serde_json reports it.
            _ => return err(Syntax::InvalidEscape, u + 4),
        };
        n = n << 4 | u16::from(v);
    }
    Ok((n, u + 4))
}

fn digits_end(data: &[u8], mut i: usize) -> usize {
    while data.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// At least one digit from `i`; the offset after the run.
fn required_digits(data: &[u8], i: usize) -> Result<usize> {
    match data.get(i) {
        Some(b) if b.is_ascii_digit() => Ok(digits_end(data, i + 1)),
        Some(_) => err(Syntax::InvalidNumber, i),
        None => err(Syntax::EofWhileParsingValue, i),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::{line_column, Peek, Syntax, SyntaxError, Tokens, SKIP_DEPTH};

    /// The document as a `Value`, read token by token: every key and string decoded, every
    /// number's text parsed as `serde_json` parses it.
    fn value(data: &[u8]) -> Result<Value, SyntaxError> {
        let mut t = Tokens::new(data);
        let peek = t.peek()?;
        let v = read(&mut t, peek)?;
        t.finish()?;
        Ok(v)
    }

    fn read(t: &mut Tokens<'_>, peek: Peek) -> Result<Value, SyntaxError> {
        Ok(match peek {
            Peek::Null => t.null().map(|()| Value::Null)?,
            Peek::True | Peek::False => Value::Bool(t.bool(peek)?),
            Peek::String => Value::String(t.str()?.to_owned()),
            Peek::Number => {
                // A number too large for an f64 (`1e400`) is JSON; serde_json refuses it.
                let text = std::str::from_utf8(t.number_bytes()?).unwrap();
                serde_json::from_str(text).unwrap_or(Value::Null)
            }
            Peek::Array => {
                let mut items = Vec::new();
                let mut next = t.array_first()?;
                while let Some(peek) = next {
                    items.push(read(t, peek)?);
                    next = t.array_next()?;
                }
                Value::Array(items)
            }
            Peek::Object => {
                let mut map = serde_json::Map::new();
                let mut key = t.object_first()?.map(str::to_owned);
                while let Some(k) = key {
                    let peek = t.peek()?;
                    let v = read(t, peek)?;
                    map.insert(k, v);
                    key = t.object_next()?.map(str::to_owned);
                }
                Value::Object(map)
            }
            Peek::Invalid => return Err(SyntaxError { kind: Syntax::ExpectedSomeValue, index: t.index() }),
        })
    }

    /// The document skipped whole.
    fn skipped(data: &[u8]) -> Result<(), SyntaxError> {
        let mut t = Tokens::new(data);
        let peek = t.peek()?;
        t.skip(peek)?;
        t.finish()
    }

    /// `serde_json`'s message for a refused document: "<what> at line L column C".
    fn message(data: &[u8], e: SyntaxError) -> String {
        let (line, column) = line_column(data, e.index);
        format!("{} at line {line} column {column}", e.kind)
    }

    /// Reads `data` both ways and checks both against `serde_json`: the same value, or the
    /// same refusal at the same place.
    fn agree(data: &[u8]) {
        let ours = value(data);
        let theirs = serde_json::from_slice::<Value>(data);
        let shown = String::from_utf8_lossy(data);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{shown}"),
            // The reader checks a whole document's UTF-8 before it reads (with a message
            // of its own), so where in a string bad UTF-8 is reported matters only here.
            (Err(a), Err(b)) if a.kind == Syntax::InvalidUnicodeCodePoint => {
                assert!(b.to_string().starts_with("invalid unicode code point"), "{shown}: {b}")
            }
            // serde_json stops at a number too large for an f64, which is JSON.
            (_, Err(b)) if b.to_string().starts_with("number out of range") => return,
            (Err(a), Err(b)) => assert_eq!(message(data, *a), b.to_string(), "{shown}"),
            _ => panic!("{shown}: ours {ours:?}, serde_json {theirs:?}"),
        }
        // A skip checks no UTF-8 (the reader checks a whole document once).
        if std::str::from_utf8(data).is_err() {
            return;
        }
        assert_eq!(skipped(data).is_ok(), ours.is_ok(), "skip and read differ on {shown}");
        if let (Err(a), Err(b)) = (skipped(data), ours) {
            assert_eq!(a, b, "skip and read fail differently on {shown}");
        }
    }

    const SAMPLE: &str = r#"{"event":"onAgentActivityCreate","data":{"id":"7c1d5e8e-0000-4a3b-9d10-2f6b7f3a9c11","n":[1,-0.5,2e10,0,-3E-2,18446744073709551616],"ok":true,"no":false,"none":null,"t":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","nested":{"a":[{},[],{"b":[[]]}]},"é":"ü"}, "w" : [ 1 , 2 ] }"#;

    #[test]
    fn every_value_reads_as_serde_json_reads_it() {
        for doc in [
            SAMPLE,
            "null",
            "true",
            "false",
            "0",
            "-0",
            "1.5",
            "-1e-7",
            "1E+2",
            "\"\"",
            "[]",
            "{}",
            " [ ] ",
            "\"\\u0000\"",
            "\"\\uD834\\uDD1E\"",
            "123456789012345678901234567890",
            "[[[[[[]]]]]]",
        ] {
            assert!(value(doc.as_bytes()).is_ok(), "{doc}");
            agree(doc.as_bytes());
        }
    }

    #[test]
    fn every_refusal_is_serde_json_s_with_its_position() {
        for doc in [
            "",
            " ",
            "{",
            "[",
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{1:2}",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "nul",
            "nulx",
            "tru",
            "fals",
            "x",
            "-",
            "-x",
            "01",
            "1.",
            "1.x",
            "1e",
            "1e+",
            "1ex",
            "\"abc",
            "\"a\\x\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"a\nb\"",
            "\"\\",
            "{} x",
            "[1]]",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\ud800x\"",
            "\"\\ud800\\",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\n\n  [1,\n  x]",
            "Infinity",
            "NaN",
            "[-]",
            "{,}",
        ] {
            assert!(value(doc.as_bytes()).is_err(), "{doc}");
            agree(doc.as_bytes());
        }
        agree(b"\"\xff\"");
        agree(b"{\"\xc3\":1}");
    }

    #[test]
    fn mutated_documents_read_and_fail_as_serde_json_does() {
        // A fixed-seed generator, so a failure names a reproducible document.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"{}[]:,\"\\ 0123456789-+.eEtrufalsn\n\tux\x01\xc3\xa9";
        for _ in 0..20_000 {
            let mut doc = SAMPLE.as_bytes().to_vec();
            for _ in 0..1 + next() % 3 {
                let at = (next() as usize) % (doc.len() + 1);
                let byte = alphabet[(next() as usize) % alphabet.len()];
                match next() % 3 {
                    0 if at < doc.len() => doc[at] = byte,
                    1 if at < doc.len() => drop(doc.remove(at)),
                    _ => doc.insert(at, byte),
                }
            }
            agree(&doc);
        }
    }

    #[test]
    fn skipped_values_nest_at_most_the_skip_depth() {
        let deep = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
        // The innermost `[]` holds nothing, so it is not a level entered.
        assert!(skipped(deep(SKIP_DEPTH + 1).as_bytes()).is_ok());
        let e = skipped(deep(SKIP_DEPTH + 2).as_bytes()).unwrap_err();
        assert_eq!((e.kind, e.index), (Syntax::RecursionLimitExceeded, SKIP_DEPTH + 1));
        let objects = format!("{}1{}", "{\"a\":".repeat(SKIP_DEPTH + 1), "}".repeat(SKIP_DEPTH + 1));
        assert_eq!(skipped(objects.as_bytes()).unwrap_err().kind, Syntax::RecursionLimitExceeded);
        // A long flat value costs no depth.
        let wide = format!("[{}1]", "1,".repeat(100_000));
        assert!(skipped(wide.as_bytes()).is_ok());
    }

    #[test]
    fn positions_count_lines_and_columns_from_one() {
        let text = b"ab\ncd";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (2, 0));
        assert_eq!(line_column(text, 4), (2, 2));
        assert_eq!(line_column(text, 5), (2, 2));
        assert_eq!(line_column(b"", 0), (1, 0));
    }

    #[test]
    fn plain_strings_are_borrowed_and_escaped_ones_decoded() {
        let data = br#"["a long plain string past eight bytes", "esc\u0041ped", "\""]"#;
        let mut t = Tokens::new(data);
        assert_eq!(t.peek().unwrap(), Peek::Array);
        assert_eq!(t.array_first().unwrap(), Some(Peek::String));
        let s = t.str().unwrap();
        assert!(data.as_ptr_range().contains(&s.as_ptr()), "borrowed from the input");
        assert_eq!(s, "a long plain string past eight bytes");
        t.array_next().unwrap();
        assert_eq!(t.str().unwrap(), "escAped");
        t.array_next().unwrap();
        assert_eq!(t.str().unwrap(), "\"");
        assert_eq!(t.array_next().unwrap(), None);
        assert_eq!(super::decode_string(br#""a\nb""#).as_deref(), Some("a\nb"));
        assert_eq!(super::decode_string(br#""a" 1"#), None);
    }
}
