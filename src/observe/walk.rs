//! The walk of a payload's bytes into its event's tree: every path met, with its JSON
//! types, id and timestamp forms, short values and (undocumented paths) an example.
//!
//! The walk follows only text the models' reader has accepted: one whole JSON document,
//! UTF-8, every string, escape and number well formed. So it only finds where each token
//! ends, and looks at no more of it than a count needs: keys are matched as bytes against
//! the tree's children, and a string is decoded (by the models' tokenizer, as the reader decodes it) only
//! when it has escapes and its text is counted. On anything else it stops, and the counts
//! of that payload stop short.

use std::borrow::Cow;

use freshworks_events::Timestamp;

use super::tree::{self, Looks, Seen, Tree};

/// Nesting followed by the walk; deeper values are counted by type, not looked into.
const DEPTH: usize = 64;

/// Counts the payload `bytes` into `tree`.
pub fn payload(tree: &mut Tree, bytes: &[u8]) {
    let mut c = Cursor { b: bytes, i: 0 };
    if c.ws().is_some() {
        let _ = c.value(tree, 0, 0);
    }
}

/// `None`: the text is not what the walk expects, and it stops.
type Walked = Option<()>;

/// A position in the bytes of one payload.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

/// A string token: the bytes between its quotes, and where its opening quote is.
#[derive(Clone, Copy)]
struct Str<'a> {
    raw: &'a [u8],
    at: usize,
    escaped: bool,
}

impl<'a> Cursor<'a> {
    /// Skips whitespace and gives the next byte, not consumed.
    #[inline]
    fn ws(&mut self) -> Option<u8> {
        loop {
            let b = *self.b.get(self.i)?;
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.i += 1;
        }
    }

    /// Consumes `word` (after its first byte was seen).
    #[inline]
    fn word(&mut self, word: &[u8]) -> Walked {
        if self.b.get(self.i..self.i + word.len())? != word {
            return None;
        }
        self.i += word.len();
        Some(())
    }

    /// Consumes the string whose opening quote is at the position.
    #[inline]
    fn string(&mut self) -> Option<Str<'a>> {
        let at = self.i;
        let start = at + 1;
        let mut i = start;
        let mut escaped = false;
        loop {
            i += plain(self.b.get(i..)?);
            match *self.b.get(i)? {
                b'"' => break,
                // The escaped byte is never the end (a `\u` escape's digits are not either).
                _ => {
                    escaped = true;
                    i += 2;
                }
            }
        }
        self.i = i + 1;
        Some(Str { raw: self.b.get(start..i)?, at, escaped })
    }

    /// The text of a string token.
    fn text(&self, s: Str<'a>) -> Option<Cow<'a, str>> {
        if !s.escaped {
            return std::str::from_utf8(s.raw).ok().map(Cow::Borrowed);
        }
        let quoted = self.b.get(s.at..s.at + s.raw.len() + 2)?;
        freshworks_events::rt::tokens::decode_string(quoted).map(Cow::Owned)
    }

    /// Consumes the value at the position (after whitespace) and counts it into `node`,
    /// with what is inside it.
    #[inline]
    fn value(&mut self, tree: &mut Tree, node: usize, depth: usize) -> Walked {
        match *self.b.get(self.i)? {
            b'{' | b'[' => self.container(tree, node, depth),
            _ => self.scalar(tree, node),
        }
    }

    /// Consumes the string, number, boolean or null at the position and counts it into
    /// `node`.
    #[inline(never)]
    fn scalar(&mut self, tree: &mut Tree, node: usize) -> Walked {
        match *self.b.get(self.i)? {
            b'n' => {
                self.word(b"null")?;
                tree.nodes[node].stats.null += 1;
            }
            first @ (b't' | b'f') => {
                let b = first == b't';
                self.word(if b { b"true" } else { b"false" })?;
                let n = &mut tree.nodes[node];
                n.stats.types[3] += 1;
                if n.counted.bools {
                    n.stats.value(tree::print(2, &[b as u8]), || Seen::Bool(b), |v| *v == Seen::Bool(b));
                }
                example(n, || b.to_string());
            }
            b'"' => {
                let s = self.string()?;
                let n = &mut tree.nodes[node];
                n.stats.types[0] += 1;
                match n.looks {
                    Looks::Id => {
                        let digits = if s.escaped { self.text(s)?.bytes().all(|b| b.is_ascii_digit()) } else { all_digits(s.raw) };
                        n.stats.form(if !s.raw.is_empty() && digits { "numeric_string" } else { "string" });
                    }
                    Looks::Timestamp => n.stats.form(Timestamp::form_of_str(&self.text(s)?).map_or("other", |f| f.name())),
                    Looks::Plain => {
                        let listed = n.counted.listed;
                        // An enum's values are kept whatever their length, within reason.
                        let kept = |len: usize| len <= tree::SHORT_STRING || (listed && len <= 256);
                        let text = if s.escaped { self.text(s)? } else { Cow::Borrowed("") };
                        let t = if s.escaped { text.as_bytes() } else { s.raw };
                        if kept(t.len()) {
                            let print = tree::print(0, t);
                            n.stats.value(
                                print,
                                || Seen::Str(String::from_utf8_lossy(t).into()),
                                |v| matches!(v, Seen::Str(k) if k.as_bytes() == t),
                            );
                        }
                    }
                }
                if wants_example(n) {
                    let t = self.text(s)?;
                    example(n, || serde_json::to_string(&t).unwrap_or_default());
                }
            }
            b'-' | b'0'..=b'9' => {
                let bytes = self.number();
                let int = !bytes.iter().any(|b| matches!(b, b'.' | b'e' | b'E'));
                let n = &mut tree.nodes[node];
                n.stats.types[if int { 1 } else { 2 }] += 1;
                match n.looks {
                    Looks::Id => n.stats.form(if int { "integer" } else { "number" }),
                    Looks::Timestamp => n.stats.form(match (int, bytes.strip_prefix(b"-").unwrap_or(bytes).len()) {
                        // Milliseconds since 1973 have 12 digits or more; seconds fewer until 5138.
                        (true, digits) if digits >= 12 => "epoch_millis",
                        _ => "epoch_seconds",
                    }),
                    Looks::Plain => {
                        if int && n.counted.ints {
                            let print = tree::print(1, bytes);
                            n.stats.value(
                                print,
                                || Seen::Int(String::from_utf8_lossy(bytes).into()),
                                |v| matches!(v, Seen::Int(t) if t.as_bytes() == bytes),
                            );
                        }
                    }
                }
                example(n, || String::from_utf8_lossy(bytes).into_owned());
            }
            _ => return None,
        }
        Some(())
    }

    /// Consumes the array or object at the position and counts it into `node`, with what
    /// is inside it.
    fn container(&mut self, tree: &mut Tree, node: usize, depth: usize) -> Walked {
        match *self.b.get(self.i)? {
            b'[' => {
                self.i += 1;
                tree.nodes[node].stats.types[5] += 1;
                example(&mut tree.nodes[node], || "[...]".into());
                let item = if depth < DEPTH { tree.item(node) } else { None };
                if self.ws()? == b']' {
                    self.i += 1;
                    return Some(());
                }
                loop {
                    match item {
                        Some(i) => {
                            tree.nodes[i].stats.present += 1;
                            self.value(tree, i, depth + 1)?;
                        }
                        None => self.skip()?,
                    }
                    match self.ws()? {
                        b',' => {
                            self.i += 1;
                            self.ws()?;
                        }
                        b']' => {
                            self.i += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'{' => {
                self.i += 1;
                tree.nodes[node].stats.types[4] += 1;
                example(&mut tree.nodes[node], || "{...}".into());
                if self.ws()? == b'}' {
                    self.i += 1;
                    return Some(());
                }
                // Where the key before is in the node's keys.
                let mut prev = None;
                loop {
                    if self.b.get(self.i) != Some(&b'"') {
                        return None;
                    }
                    let child = if depth < DEPTH { self.key(tree, node, prev)? } else { self.string().map(|_| None)? };
                    if let Some((_, Some(at))) = child {
                        prev = Some(at);
                    }
                    let child = child.map(|(c, _)| c);
                    if self.ws()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    self.ws()?;
                    match child {
                        Some(c) => {
                            tree.nodes[c].stats.present += 1;
                            self.value(tree, c, depth + 1)?;
                        }
                        None => self.skip()?,
                    }
                    match self.ws()? {
                        b',' => {
                            self.i += 1;
                            self.ws()?;
                        }
                        b'}' => {
                            self.i += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            _ => None,
        }
    }

    /// Consumes the key at the position and gives the child of `node` it leads to, with
    /// where it is in the node's keys; `prev` is where the key before it is. The key
    /// expected there is compared with the bytes first, which finds where it ends too.
    #[inline]
    fn key(&mut self, tree: &mut Tree, node: usize, prev: Option<usize>) -> Option<Option<(usize, Option<usize>)>> {
        if let Some((at, expected)) = tree.expected(node, prev) {
            if self.b.get(self.i + 1..self.i + 1 + expected.len()) == Some(expected) {
                self.i += 1 + expected.len();
                return Some(Some((tree.met(node, prev, at), Some(at))));
            }
        }
        let key = self.string()?;
        Some(if key.escaped { tree.key(node, self.text(key)?.as_bytes(), prev) } else { tree.key(node, key.raw, prev) })
    }

    /// Consumes the number at the position.
    #[inline]
    fn number(&mut self) -> &'a [u8] {
        let start = self.i;
        while matches!(self.b.get(self.i), Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
            self.i += 1;
        }
        &self.b[start..self.i]
    }

    /// Consumes the value at the position without counting it.
    fn skip(&mut self) -> Walked {
        let mut open = 0usize;
        loop {
            match *self.b.get(self.i)? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    open += 1;
                    self.i += 1;
                }
                b'}' | b']' => {
                    open = open.checked_sub(1)?;
                    self.i += 1;
                }
                // Between the values inside a container.
                b',' | b':' | b' ' | b'\n' | b'\r' | b'\t' if open > 0 => {
                    self.i += 1;
                    continue;
                }
                b'-' | b'0'..=b'9' => {
                    self.number();
                }
                b'n' => self.word(b"null")?,
                b't' => self.word(b"true")?,
                b'f' => self.word(b"false")?,
                _ => return None,
            }
            if open == 0 {
                return Some(());
            }
        }
    }
}

/// How many bytes at the start of `b` are neither a quote nor a backslash.
#[inline]
fn plain(b: &[u8]) -> usize {
    // Eight bytes at a time; the lowest byte flagged is the first of the two.
    let mut n = 0;
    for chunk in b.chunks_exact(8) {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let found = has_byte(word, b'"') | has_byte(word, b'\\');
        if found != 0 {
            return n + (found.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..].iter().position(|&c| c == b'"' || c == b'\\').unwrap_or(b.len() - n)
}

/// Flags the bytes of `word` that are `byte`: the lowest flag is exact (a flag can be
/// wrong only above a byte that is `byte`), zero when there is none.
#[inline]
fn has_byte(word: u64, byte: u8) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = word ^ (LOW * byte as u64);
    x.wrapping_sub(LOW) & !x & HIGH
}

fn all_digits(raw: &[u8]) -> bool {
    raw.iter().all(u8::is_ascii_digit)
}

/// Whether the node is undocumented and has no example yet.
fn wants_example(n: &tree::Node) -> bool {
    n.counted.example && n.stats.example.is_none()
}

/// Keeps the first value of an undocumented path as its example.
fn example(n: &mut tree::Node, text: impl FnOnce() -> String) {
    if wants_example(n) {
        n.stats.example = Some(tree::cut(&text(), tree::EXAMPLE_CHARS));
    }
}
