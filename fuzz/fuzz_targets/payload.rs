//! Payload bytes through the models: parse (dispatching, and as every event), validate in
//! both readings, serialize, and read the output back to the same value and bytes. Dispatch
//! must pick the event the last `event` and `domain` name, as serde_json's `Value` reads them.
#![no_main]

use freshworks_events::{rt, Event, EventKind, Mode, EVENTS, PRODUCTS};
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
        if let Ok(v) = serde_json::from_slice::<serde_json::Value>(data) {
            let named = rt::identify(v["event"].as_str(), v["domain"].as_str(), PRODUCTS, EVENTS).ok();
            let read = event.kind().map(rt::Listed::index);
            if !matches!(event, Event::Unknown(_)) {
                assert_eq!(read, named, "dispatch disagrees with the payload's last event and domain");
            }
        }
        exercise(&event, |b| Event::parse(b).expect("written payloads read back"));
    }
    for &kind in EventKind::ALL {
        if let Ok(event) = Event::parse_as(kind, data) {
            exercise(&event, |b| Event::parse_as(kind, b).expect("written payloads read back"));
        }
    }
});
