//! The input as one JSON document through the runtime's tokenizer, skipped whole: it must
//! accept what serde_json accepts and refuse the rest with serde_json's message at the same
//! line and column; a lone string must decode to serde_json's text. Far faster per input
//! than `payload`, so the grammar's corners are reached in minutes.
//!
//! Left out, as the tokenizer's tests leave them out: input that is not UTF-8 (the reader
//! checks a whole document once, and a skip does not), numbers too large for an f64 (JSON,
//! which serde_json refuses) and nesting past serde_json's 128 levels (a skip follows 200).
#![no_main]

use freshworks_events::rt::tokens::{decode_string, line_column, Tokens};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    if std::str::from_utf8(input).is_err() {
        return;
    }
    let theirs = serde_json::from_slice::<serde_json::Value>(input).map(drop).map_err(|e| e.to_string());
    if theirs.as_ref().is_err_and(|e| e.starts_with("number out of range") || e.starts_with("recursion limit exceeded")) {
        return;
    }
    let mut t = Tokens::new(input);
    let ours = t.peek().and_then(|peek| t.skip(peek)).and_then(|()| t.finish()).map_err(|e| {
        let (line, column) = line_column(input, e.index);
        format!("{} at line {line} column {column}", e.kind)
    });
    assert_eq!(ours, theirs, "on {:?}", String::from_utf8_lossy(input));
    if input.first() == Some(&b'"') {
        assert_eq!(decode_string(input), serde_json::from_slice::<String>(input).ok(), "on {:?}", String::from_utf8_lossy(input));
    }
});
