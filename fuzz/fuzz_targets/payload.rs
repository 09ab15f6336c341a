//! Payload bytes through the models: parse, validate in both readings, serialize. Kept to
//! the smallest surface of the runtime (`Event::parse`, `validate`, `Serialize`).
#![no_main]

use freshworks_events::{Event, Mode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(event) = Event::parse(data) {
        let _ = event.validate(Mode::Lenient);
        let _ = event.validate(Mode::Strict);
        let _ = serde_json::to_vec(&event).expect("a parsed payload serializes");
    }
});
