//! The single pass over the bytes: a pull parser ([`Tokens`]) read by the derived code, one
//! function per type. Known keys go straight into their slot, values of the wrong type and
//! unknown attributes are kept as their raw JSON text, and nothing is built for a position
//! unless something is reported there later. A type reads itself through [`WireRead`].

pub use super::tokens::Peek;
use super::tokens::{line_column, Syntax, SyntaxError, Tokens, SKIP_DEPTH};

use super::document::Doc;
use super::field::Field;
use super::raw::Raw;
use super::Error;

/// How deep objects may nest in the declared types before the reader gives up: far more
/// than any payload of the spec, and far less than the stack allows.
pub const MAX_DEPTH: usize = 128;

/// How a type reads itself from the pull parser: the face of [`Wire`](super::wire::Wire)
/// the reader drives.
pub trait WireRead: Sized {
    /// Reads one non-null JSON value whose first token is `peek`. A value of the wrong
    /// JSON type is consumed and kept as [`Field::Invalid`]; only malformed JSON fails.
    fn read(r: &mut Reader<'_>, peek: Peek) -> Result<Field<Self>, Error>;

    /// [`WireRead::read`] into a slot that exists already. Objects override it to fill
    /// their attributes where they will stay, rather than build each level and move it up.
    #[inline]
    fn read_into(r: &mut Reader<'_>, peek: Peek, slot: &mut Field<Self>) -> Result<(), Error> {
        *slot = Self::read(r, peek)?;
        Ok(())
    }
}

/// The parser state one read passes around.
pub struct Reader<'j> {
    tokens: Tokens<'j>,
    data: &'j [u8],
    /// The whole document, when `data` is a part of it, and where that part starts: so
    /// positions in messages are the document's.
    whole: &'j [u8],
    /// The whole document as sent, where raw text is taken from: `whole` but for the lone
    /// surrogate escapes it reads as U+FFFD ([`Doc`]).
    sent: &'j [u8],
    base: usize,
    depth: usize,
}

impl<'j> Reader<'j> {
    /// A reader over one JSON document.
    pub fn new(data: &'j [u8]) -> Self {
        Reader::of(Doc::new(data))
    }

    /// A reader over one JSON document, reading `doc.read` and keeping raw text from
    /// `doc.sent`.
    pub fn of(doc: Doc<'j>) -> Self {
        // The offsets after a byte-order mark still index `data`, so positions in messages
        // stay right.
        let data = without_bom(doc.read);
        Reader { tokens: Tokens::new(data), data, whole: data, sent: without_bom(doc.sent), base: 0, depth: 0 }
    }

    /// A reader over the value at `start..end` of a document read before (offsets from
    /// [`Reader::absolute`]).
    pub fn slice(doc: Doc<'j>, start: usize, end: usize) -> Self {
        let whole = without_bom(doc.read);
        let data = whole.get(start..end).unwrap_or_default();
        Reader { tokens: Tokens::new(data), data, whole, sent: without_bom(doc.sent), base: start, depth: 0 }
    }

    /// An offset of this reader as an offset in the whole document.
    pub fn absolute(&self, offset: usize) -> usize {
        self.base + offset
    }

    /// The text at `start..end` of the whole document.
    pub fn raw_absolute(&self, start: usize, end: usize) -> Result<Raw, Error> {
        self.keep(start, self.sent.get(start..end).unwrap_or(b"null"))
    }

    /// Raw JSON of text the reader followed, which starts at `start` of the whole document.
    fn keep(&self, start: usize, text: &[u8]) -> Result<Raw, Error> {
        // `document` checked that the whole text is UTF-8; this keeps a slice total.
        let text = std::str::from_utf8(text).map_err(|e| invalid_utf8(self.whole, start + e.valid_up_to()))?;
        Ok(Raw::from_checked(text))
    }

    /// Consumes the next value (after a peek) without keeping it.
    pub fn skip_value(&mut self, peek: Peek) -> Result<(), Error> {
        self.skip(peek)
    }

    /// Reads the whole document as one `T`, and checks nothing follows it.
    pub fn document<T: WireRead>(mut self) -> Result<Field<T>, Error> {
        self.check_utf8()?;
        let field = self.field::<T>()?;
        self.finish()?;
        Ok(field)
    }

    /// Checks a whole document is UTF-8. JSON text is UTF-8; the parser checks the strings
    /// it decodes, but not the ones it skips (unknown attributes, kept raw), so a whole
    /// document is checked once here; a part of one (`Reader::slice`) was checked with its
    /// document.
    pub fn check_utf8(&self) -> Result<(), Error> {
        if self.base == 0 && self.data.len() == self.whole.len() {
            if let Err(e) = std::str::from_utf8(self.whole) {
                return Err(invalid_utf8(self.whole, e.valid_up_to()));
            }
        }
        Ok(())
    }

    /// Checks that nothing but whitespace follows the value read.
    pub fn finish(&mut self) -> Result<(), Error> {
        self.tokens.finish().map_err(|e| self.error(e))
    }

    /// Reads again, as a `T`, the value this reader followed at `start..end` (offsets of
    /// [`Reader::mark`]): the compiled validator keeps the few values rules read this way.
    pub fn reread<T: WireRead>(&self, start: usize, end: usize) -> Result<Field<T>, Error> {
        let data = self.data.get(start..end).unwrap_or_default();
        let mut r =
            Reader { tokens: Tokens::new(data), data, whole: self.whole, sent: self.sent, base: self.base + start, depth: self.depth };
        r.field::<T>()
    }

    /// Consumes a `null` (after [`Peek::Null`]).
    #[inline]
    pub fn null(&mut self) -> Result<(), Error> {
        self.tokens.null().map_err(|e| self.error(e))
    }

    /// The first token of the next value.
    pub fn peek(&mut self) -> Result<Peek, Error> {
        self.tokens.peek().map_err(|e| self.error(e))
    }

    /// Reads one attribute value: null, or whatever `T` makes of it.
    #[inline]
    pub fn field<T: WireRead>(&mut self) -> Result<Field<T>, Error> {
        let mut slot = Field::Absent;
        self.field_into(&mut slot)?;
        Ok(slot)
    }

    /// Reads one attribute value into its slot: null, or whatever `T` makes of it.
    /// Returns where the value starts, for [`Reader::raw_between`].
    #[inline]
    pub fn field_into<T: WireRead>(&mut self, slot: &mut Field<T>) -> Result<usize, Error> {
        let peek = self.peek()?;
        let start = self.mark();
        if peek == Peek::Null {
            self.tokens.null().map_err(|e| self.error(e))?;
            *slot = Field::Null;
        } else {
            T::read_into(self, peek, slot)?;
        }
        Ok(start)
    }

    /// The JSON text at `start..end` of this reader, as read before.
    pub fn raw_between(&self, start: usize, end: usize) -> Result<Raw, Error> {
        let (start, end) = (self.base + start, self.base + end);
        self.keep(start, self.sent.get(start..end).unwrap_or(b"null"))
    }

    /// Where the next value starts (after [`Reader::peek`]).
    #[inline]
    pub fn mark(&self) -> usize {
        self.tokens.index()
    }

    /// The text of the number or literal read since `start` (ASCII; empty otherwise).
    pub fn text_since(&self, start: usize) -> &str {
        self.data.get(start..self.mark()).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or_default()
    }

    /// The JSON text read since `start`.
    pub fn raw_since(&self, start: usize) -> Result<Raw, Error> {
        self.raw_between(start, self.mark())
    }

    /// Consumes the next value and keeps its text.
    pub fn raw(&mut self) -> Result<Raw, Error> {
        let peek = self.peek()?;
        let start = self.mark();
        self.skip(peek)?;
        self.raw_since(start)
    }

    /// Consumes a value of the wrong type and keeps it for the validator.
    pub fn invalid<T>(&mut self, peek: Peek) -> Result<Field<T>, Error> {
        let start = self.mark();
        self.skip(peek)?;
        Ok(Field::Invalid(Box::new(self.raw_since(start)?)))
    }

    /// Keeps the value read since `start`, which turned out not to fit its type.
    pub fn invalid_since<T>(&self, start: usize) -> Result<Field<T>, Error> {
        Ok(Field::Invalid(Box::new(self.raw_since(start)?)))
    }

    fn skip(&mut self, peek: Peek) -> Result<(), Error> {
        self.tokens.skip(peek).map_err(|e| self.error(e))
    }

    /// A string value (after a [`Peek::String`]).
    #[inline]
    pub fn str(&mut self) -> Result<&str, Error> {
        // The error needs only the document, which the borrowed result does not touch.
        let (whole, base) = (self.whole, self.base);
        match self.tokens.str() {
            Ok(k) => Ok(k),
            Err(e) => Err(error_at(whole, base, e)),
        }
    }

    /// A number that is a 64-bit integer; `None` for any other number (consumed).
    pub fn int(&mut self) -> Result<Option<i64>, Error> {
        Ok(match self.number()? {
            Some(Number::Int(i)) => Some(i),
            _ => None,
        })
    }

    /// A number; `None` for an integer too large for 64 bits (consumed, so the caller can
    /// keep its text).
    pub fn number(&mut self) -> Result<Option<Number>, Error> {
        let bytes = match self.tokens.number_bytes() {
            Ok(b) => b,
            Err(e) => return Err(self.error(e)),
        };
        // The parser checked the grammar; ASCII digits, signs, `.` and exponents only.
        // Integers of up to 18 digits (ids, epoch milliseconds, counts: nearly every number
        // sent) cannot overflow and are summed digit by digit; the rest go to the standard
        // parsers.
        let (negative, digits) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, bytes),
        };
        if !digits.is_empty() && digits.len() <= 18 && digits.iter().all(u8::is_ascii_digit) {
            let value = digits.iter().fold(0i64, |v, d| v * 10 + i64::from(d - b'0'));
            return Ok(Some(Number::Int(if negative { -value } else { value })));
        }
        let text = std::str::from_utf8(bytes).unwrap_or("");
        if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            Ok(text.parse::<f64>().ok().filter(|f| f.is_finite()).map(Number::Float))
        } else {
            Ok(text.parse::<i64>().ok().map(Number::Int))
        }
    }

    /// A boolean (after [`Peek::True`] or [`Peek::False`]).
    pub fn bool(&mut self, peek: Peek) -> Result<bool, Error> {
        self.tokens.bool(peek).map_err(|e| self.error(e))
    }

    /// Enters an object (after [`Peek::Object`]) and reads its first key.
    #[inline]
    pub fn first_key(&mut self) -> Result<Option<&str>, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::TooDeep { limit: MAX_DEPTH, position: self.position(self.mark()) });
        }
        // The error needs only the document, which the borrowed result does not touch.
        let (whole, base) = (self.whole, self.base);
        match self.tokens.object_first() {
            Ok(k) => Ok(k),
            Err(e) => Err(error_at(whole, base, e)),
        }
    }

    /// The next key of the object, or `None` at its end.
    #[inline]
    pub fn next_key(&mut self) -> Result<Option<&str>, Error> {
        // The error needs only the document, which the borrowed result does not touch.
        let (whole, base) = (self.whole, self.base);
        match self.tokens.object_next() {
            Ok(k) => Ok(k),
            Err(e) => Err(error_at(whole, base, e)),
        }
    }

    /// Leaves an object or array.
    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Enters an array (after [`Peek::Array`]); the first item's token, or `None`.
    pub fn first_item(&mut self) -> Result<Option<Peek>, Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::TooDeep { limit: MAX_DEPTH, position: self.position(self.mark()) });
        }
        self.tokens.array_first().map_err(|e| self.error(e))
    }

    /// The next item's token, or `None` at the array's end.
    pub fn next_item(&mut self) -> Result<Option<Peek>, Error> {
        self.tokens.array_next().map_err(|e| self.error(e))
    }

    /// Reads an item whose token is known.
    pub fn item<T: WireRead>(&mut self, peek: Peek) -> Result<Field<T>, Error> {
        if peek == Peek::Null {
            self.tokens.null().map_err(|e| self.error(e))?;
            return Ok(Field::Null);
        }
        T::read(self, peek)
    }

    fn position(&self, index: usize) -> (usize, usize) {
        position(self.whole, self.base + index)
    }

    fn error(&self, e: SyntaxError) -> Error {
        error_at(self.whole, self.base, e)
    }
}

/// The bytes after a byte-order mark, if they start with one: not JSON, but editors add it.
pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn invalid_utf8(whole: &[u8], index: usize) -> Error {
    let (line, column) = position(whole, index);
    Error::Json { line, column, message: "invalid UTF-8".into() }
}

pub(crate) fn position(whole: &[u8], index: usize) -> (usize, usize) {
    line_column(whole, index)
}

fn error_at(whole: &[u8], base: usize, e: SyntaxError) -> Error {
    let (line, column) = position(whole, base + e.index);
    match e.kind {
        Syntax::RecursionLimitExceeded => Error::TooDeep { limit: SKIP_DEPTH, position: (line, column) },
        kind => Error::Json { line, column, message: kind.to_string() },
    }
}

/// Whether attribute `index` was seen before in this object; marks it seen.
#[inline]
pub fn seen(words: &mut [u64], index: usize) -> bool {
    let (word, bit) = (index / 64, 1u64 << (index % 64));
    let before = words[word] & bit != 0;
    words[word] |= bit;
    before
}

/// A JSON number as read.
#[derive(Debug, Clone, Copy)]
pub enum Number {
    /// An integer that fits 64 bits.
    Int(i64),
    /// Any other number.
    Float(f64),
}

#[cfg(test)]
mod tests {
    use super::{Number, Reader};

    fn number(text: &str) -> Option<Number> {
        let mut r = Reader::new(text.as_bytes());
        r.peek().unwrap();
        r.number().unwrap()
    }

    #[test]
    fn integers_read_exactly_up_to_the_limits_of_64_bits() {
        let int = |text: &str| match number(text) {
            Some(Number::Int(i)) => Some(i),
            _ => None,
        };
        assert_eq!(int("0"), Some(0));
        assert_eq!(int("-0"), Some(0));
        assert_eq!(int("1724133753887"), Some(1_724_133_753_887));
        assert_eq!(int("999999999999999999"), Some(999_999_999_999_999_999));
        assert_eq!(int("-999999999999999999"), Some(-999_999_999_999_999_999));
        assert_eq!(int("9223372036854775807"), Some(i64::MAX));
        assert_eq!(int("-9223372036854775808"), Some(i64::MIN));
        assert!(number("9223372036854775808").is_none());
        assert!(number("-9223372036854775809").is_none());
        assert!(number("123456789012345678901234567890").is_none());
        assert!(matches!(number("1.5"), Some(Number::Float(f)) if f == 1.5));
        assert!(matches!(number("1e3"), Some(Number::Float(f)) if f == 1000.0));
        assert!(matches!(number("-2E-2"), Some(Number::Float(f)) if f == -0.02));
        assert!(number("1e400").is_none());
    }
}
