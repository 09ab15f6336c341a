//! Payload bytes through the models: parse (dispatching, and as every event), validate in
//! both readings, serialize, and read the output back to the same value and bytes.
#![no_main]

use freshworks_events::{Event, Mode, EVENTS};
use libfuzzer_sys::fuzz_target;

fn exercise(event: &Event, reread: impl Fn(&[u8]) -> Event) {
    let _ = event.validate(Mode::Lenient);
    let _ = event.validate(Mode::Strict);
    let bytes = serde_json::to_vec(event).expect("a parsed payload serializes");
    let again = reread(&bytes);
    assert_eq!(&again, event, "a round trip changed the payload");
    assert_eq!(serde_json::to_vec(&again).expect("serializes"), bytes, "a second round trip changed the bytes");
}

fuzz_target!(|data: &[u8]| {
    if let Ok(event) = Event::parse(data) {
        exercise(&event, |b| Event::parse(b).expect("written payloads read back"));
    }
    for index in 0..EVENTS.len() {
        if let Ok(event) = Event::parse_as(index, data) {
            exercise(&event, |b| Event::parse_as(index, b).expect("written payloads read back"));
        }
    }
});
